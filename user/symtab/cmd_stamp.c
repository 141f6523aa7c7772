// SPDX-License-Identifier: GPL-2.0-only
/* symtab stamp MODULE.ko VERSIONS...: write genksyms CRCs into a module. */
#include <errno.h>
#include <stdio.h>

#include "command.h"
#include "stamp.h"
#include "version_file.h"

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
"\n"
"Options:\n"
"  -q, --quiet     no notes about versionless records\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 stamped, 1 a problem (nothing written), 2 wrong usage.\n";

static const struct option options[] = {
	{ "quiet", no_argument, NULL, 'q' },
	COMMON_OPTIONS
};

static void note_versionless(void *ctx, const char *name, uint8_t kind)
{
	const char *path = ctx;

	message("%s: no version for %s (%s): left versionless", path, name,
		record_kind_name(kind));
}

int cmd_stamp(int argc, char *argv[])
{
	struct version_set versions = VERSION_SET_INIT;
	struct stamp_result res;
	struct symtab_error err;
	bool quiet = false;
	int opt, i, ret;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "q",
				  options, NULL)) != -1) {
		if (opt == 'q')
			quiet = true;
		else
			return common_option(opt, "stamp", help, argv);
	}
	if (argc - optind < 2)
		return usage_error("stamp",
				   "expected a module and at least one versions file");

	for (i = optind + 1; i < argc; i++) {
		ret = version_set_load(&versions, argv[i], &err);
		if (ret)
			goto fail;
	}
	ret = version_set_finish(&versions, &err);
	if (ret)
		goto fail;
	ret = stamp_module(argv[optind], &versions,
			   quiet ? NULL : note_versionless, argv[optind],
			   &res, &err);
	if (ret)
		goto fail;
	version_set_release(&versions);
	return EXIT_OK;
fail:
	report_error(&err);
	version_set_release(&versions);
	return EXIT_PROBLEM;
}
