// SPDX-License-Identifier: GPL-2.0-only
/* symtab check MODULE.ko...: would these modules' imports resolve? */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "command.h"
#include "mismatch_explain.h"

static const char help[] =
"Usage: symtab check [OPTION...] MODULE.ko...\n"
"\n"
"Resolve every import of each MODULE the way symtab.ko would when loading\n"
"it: against the resident table (/proc/symtab), and against the other\n"
"MODULEs given (an import another of them exports is satisfied).  Each\n"
"problem is printed on stderr, like insmod would:\n"
"\n"
"  MODULE.ko: version mismatch for f: module wants f_R1a2b3c4d, kernel has f_R5e6f7a8b (exporter)\n"
"  MODULE.ko: unresolved symbol f_R1a2b3c4d\n"
"\n"
"An import or export without a version is not a problem (symtab.ko loads\n"
"the module, tainting the kernel, unless strict=1): a note says so.\n"
"\n"
"Options:\n"
"  -t, --table FILE  read the resident table from FILE (a saved copy of\n"
"                    /proc/symtab) instead\n"
"  -v, --verbose     also print how each import resolves, on stdout\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"Exit status: 0 every import resolves with agreeing versions, 1 a problem\n"
"(or an unreadable module or table), 2 wrong usage.\n";

static const struct option options[] = {
	{ "table", required_argument, NULL, 't' },
	{ "verbose", no_argument, NULL, 'v' },
	COMMON_OPTIONS
};

static void report_import(void *ctx, const struct module_file *mf,
			  const struct import_resolution *res)
{
	const bool *verbose = ctx;
	char line[1024];

	import_resolution_format(mf->path, res, line, sizeof(line));
	if (res->state == IMPORT_OK) {
		if (*verbose)
			printf("%s\n", line);
	} else {
		message("%s", line);
	}
	if (res->state == IMPORT_MISMATCH)
		explain_mismatch(mf, res, NULL, 0);
}

int cmd_check(int argc, char *argv[])
{
	struct resident_table table = RESIDENT_TABLE_INIT;
	const char *table_path = NULL;
	struct module_file **mods;
	struct symtab_error err;
	bool verbose = false;
	size_t nr = 0, problems;
	int opt, i, ret, status = EXIT_OK;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "t:v",
				  options, NULL)) != -1) {
		if (opt == 't')
			table_path = optarg;
		else if (opt == 'v')
			verbose = true;
		else
			return common_option(opt, "check", help, argv);
	}
	if (optind == argc)
		return usage_error("check", "expected at least one module");

	ret = resident_table_load(&table, table_path ? table_path :
				  RESIDENT_TABLE_PATH, &err);
	if (ret == -ENOENT && !table_path) {
		message("%s does not exist: symtab.ko is not loaded, nothing is resident",
			RESIDENT_TABLE_PATH);
	} else if (ret) {
		report_error(&err);
		return EXIT_PROBLEM;
	}

	mods = calloc(argc - optind, sizeof(*mods));
	if (!mods) {
		message("out of memory");
		resident_table_release(&table);
		return EXIT_PROBLEM;
	}
	for (i = optind; i < argc; i++) {
		if (module_file_open(argv[i], &mods[nr], &err)) {
			report_error(&err);
			status = EXIT_PROBLEM;
			continue;
		}
		nr++;
	}
	problems = check_modules(mods, nr, &table, report_import, &verbose);
	if (problems)
		status = EXIT_PROBLEM;
	while (nr)
		module_file_free(mods[--nr]);
	free(mods);
	resident_table_release(&table);
	if (fflush(stdout))
		status = EXIT_PROBLEM;
	return status;
}
