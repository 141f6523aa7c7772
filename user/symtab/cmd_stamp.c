// SPDX-License-Identifier: GPL-2.0-only
/* symtab stamp MODULE.ko VERSIONS...: write genksyms CRCs into a module. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "../modtypes/modtypes.h"
#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab stamp [OPTION...] MODULE.ko VERSIONS...\n"
"\n"
"Write the symbol versions (CRCs) that genksyms computed into MODULE.ko:\n"
"every record of its export tables and import blocks named in a VERSIONS\n"
"file gets that CRC and is marked versioned; export-table headers get\n"
"their real record count.  VERSIONS files are genksyms output, lines\n"
"'#SYMVER <name> 0x<crc>'; several merge (one name with two CRCs is an\n"
"error).  A record no file covers stays versionless, with a note on\n"
"stderr.  The module is replaced atomically, and only if all went well.\n"
"A module without symtab records (only EXPORT_SYMBOL, versioned by the\n"
"kernel's own modversions) has nothing to stamp: a note says so.\n"
"\n"
"With -T, the genksyms type information behind the CRCs ('genksyms -T'\n"
"output, one file per object) is stored, compressed, in the module's\n"
SYMTAB_TYPES_SECTION " section for 'symtab explain'.\n"
"\n"
"With -e, the modules MODULE.ko imports from are named in its .modinfo,\n"
"as MODULE_SOFTDEP(\"pre: ...\") would, so that modprobe (after depmod)\n"
"loads them first: each import's exporter is looked up in the EXPORTERS\n"
"files, lines '0x<crc> <symbol> <module>' (Module.symtab, which the module\n"
"build scripts write), the first file first; symtab itself is named too\n"
"unless it already is a dependency.  An import no file names is said, one\n"
"line each; the module is stamped all the same.\n"
"\n"
"Options:\n"
"  -e, --exporters EXPORTERS  name the exporters of its imports in its\n"
"                  softdep (repeatable: searched in order)\n"
"  -T, --types FILE  store the symtypes FILE (repeatable: one per object)\n"
"  -q, --quiet     no notes about versionless records\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 stamped, 1 a problem (nothing written), 2 wrong usage.\n";

static const struct option options[] = {
	{ "exporters", required_argument, NULL, 'e' },
	{ "types", required_argument, NULL, 'T' },
	{ "quiet", no_argument, NULL, 'q' },
	COMMON_OPTIONS
};

static void note_versionless(void *ctx, const char *name, uint8_t kind)
{
	const char *path = ctx;

	message("%s: no version for %s (%s): left versionless", path, name,
		record_kind_name(kind));
}

static void note_unknown(void *ctx, const char *path, const char *symbol)
{
	(void)ctx;
	message("%s imports %s, exported by no known module: modprobe will not load its exporter",
		path, symbol);
}

/* A tool with nothing to do says so. */
static void note_no_records(const char *path, bool types)
{
	struct module_file *mf;
	struct symtab_error err;
	char summary[256];

	if (module_file_open(path, &mf, &err)) {
		report_error(&err);
		return;
	}
	module_versions_summary(mf, summary, sizeof(summary));
	message("%s: nothing to stamp%s: %s", path,
		types ? " (types stored)" : "", summary);
	module_file_free(mf);
}

int cmd_stamp(int argc, char *argv[])
{
	struct version_set versions = VERSION_SET_INIT;
	struct export_records exporters = EXPORT_RECORDS_INIT;
	struct softdep_request softdep = {
		.exporters = &exporters, .unknown = note_unknown,
	};
	bool want_softdep = false;
	struct stamp_result res;
	struct symtab_error err;
	char **types = calloc(argc, sizeof(*types));
	void *section = NULL;
	size_t section_len = 0;
	bool quiet = false;
	int opt, i, ret, nr_types = 0, status = EXIT_PROBLEM;

	if (!types) {
		message("out of memory");
		return EXIT_PROBLEM;
	}
	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "e:qT:",
				  options, NULL)) != -1) {
		if (opt == 'q') {
			quiet = true;
		} else if (opt == 'T') {
			types[nr_types++] = optarg;
		} else if (opt == 'e') {
			want_softdep = true;
			ret = export_records_load(&exporters, optarg, &err);
			if (ret)
				goto fail;
		} else {
			free(types);
			export_records_release(&exporters);
			return common_option(opt, "stamp", help, argv);
		}
	}
	if (argc - optind < 2) {
		free(types);
		export_records_release(&exporters);
		return usage_error("stamp",
				   "expected a module and at least one versions file");
	}

	for (i = optind + 1; i < argc; i++) {
		ret = version_set_load(&versions, argv[i], &err);
		if (ret)
			goto fail;
	}
	ret = version_set_finish(&versions, &err);
	if (ret)
		goto fail;
	if (nr_types && module_types_pack(types, nr_types, &section,
					  &section_len, &err))
		goto fail;
	ret = stamp_module(argv[optind], &versions, section, section_len,
			   want_softdep ? &softdep : NULL, quiet ? NULL : note_versionless, argv[optind],
			   &res, &err);
	if (ret)
		goto fail;
	if (!res.versioned && !res.versionless)
		note_no_records(argv[optind], nr_types > 0);
	status = EXIT_OK;
	goto out;
fail:
	report_error(&err);
out:
	free(section);
	free(types);
	version_set_release(&versions);
	export_records_release(&exporters);
	return status;
}
