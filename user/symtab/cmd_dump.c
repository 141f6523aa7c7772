// SPDX-License-Identifier: GPL-2.0-only
/* symtab dump MODULE.ko: the versions a module exports and imports. */
#include <stdio.h>

#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab dump [OPTION...] MODULE.ko...\n"
"\n"
"Print every symbol record of MODULE.ko's export tables and import blocks,\n"
"in file order, then the kernel's own modversions: each symbol exported\n"
"with EXPORT_SYMBOL* (kexport, the CRC Kbuild writes in Module.symvers)\n"
"and each __versions entry (kimport).  One per line, like 'modprobe\n"
"--dump-modversions':\n"
"\n"
"  0x<crc, 8 hex digits>\\t<name>\\t<export|import|kexport|kimport>\n"
"\n"
"A versionless record (never stamped, or not covered by the versions\n"
"files) or an export without a CRC prints '-' in place of the CRC:\n"
"  -\\tmy_func\\timport\n"
"A module without symtab records says so on stderr.\n"
"With several modules, each line starts with the module's file name and\n"
"a tab.\n"
"\n"
"Options:\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 dumped, 1 a problem (unreadable or malformed module),\n"
"2 wrong usage.\n";

static const struct option options[] = {
	{ "genksyms-imports", no_argument, NULL, 'g' },
	COMMON_OPTIONS
};

static void dump_line(const struct module_file *mf, bool prefix,
		      bool versioned, uint32_t crc, const char *name,
		      const char *kind)
{
	if (prefix)
		printf("%s\t", mf->path);
	if (versioned)
		printf("0x%08x", crc);
	else
		putchar('-');
	printf("\t%s\t%s\n", name, kind);
}

static void dump_kernel_versions(const struct module_file *mf, bool prefix)
{
	const struct kernel_versions *kv = &mf->kernel;
	size_t i;

	for (i = 0; i < kv->nr_exports; i++)
		dump_line(mf, prefix, kv->exports[i].versioned,
			  kv->exports[i].crc, kv->exports[i].name, "kexport");
	for (i = 0; i < kv->nr_imports; i++)
		dump_line(mf, prefix, true, kv->imports[i].crc,
			  kv->imports[i].name, "kimport");
}

static void dump_module(const struct module_file *mf, bool prefix)
{
	struct record rec;
	char summary[256];
	size_t i;
	uint32_t r;

	for (i = 0; i < mf->nr_blocks; i++) {
		for (r = 0; r < mf->blocks[i].blk.nr_records; r++) {
			block_record(&mf->blocks[i].blk, r, &rec);
			dump_line(mf, prefix, record_versioned(&rec), rec.crc,
				  rec.name, record_kind_name(rec.kind));
		}
	}
	dump_kernel_versions(mf, prefix);
	if (!mf->nr_blocks) {
		kernel_versions_summary(&mf->kernel, summary, sizeof(summary));
		message("%s: %s", mf->path, summary);
	}
}

/* The marker genksyms computes a CRC and dumps the types for. */
static void dump_import_markers(const struct module_file *mf)
{
	size_t i;

	/* The names come from the file: only identifiers reach genksyms. */
	for (i = 0; i < mf->kernel.nr_imports; i++)
		if (symbol_name_valid(mf->kernel.imports[i].name))
			printf("__GENKSYMS_EXPORT_SYMBOL(%s);\n",
			       mf->kernel.imports[i].name);
}

int cmd_dump(int argc, char *argv[])
{
	struct module_file *mf;
	struct symtab_error err;
	bool markers = false;
	int opt, i, status = EXIT_OK;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "g", options,
				  NULL)) != -1) {
		if (opt == 'g')
			markers = true;
		else
			return common_option(opt, "dump", help, argv);
	}
	if (optind == argc)
		return usage_error("dump", "expected a module");

	for (i = optind; i < argc; i++) {
		if (module_file_open(argv[i], &mf, &err)) {
			report_error(&err);
			status = EXIT_PROBLEM;
			continue;
		}
		if (markers)
			dump_import_markers(mf);
		else
			dump_module(mf, argc - optind > 1);
		module_file_free(mf);
	}
	if (fflush(stdout)) {
		message("dump: writing the output failed");
		return EXIT_PROBLEM;
	}
	return status;
}
