// SPDX-License-Identifier: GPL-2.0-only
/* symtab list: the resident symbols, in columns. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab list [OPTION...]\n"
"\n"
"List the symbols symtab.ko holds (/proc/symtab), sorted by name, in\n"
"columns: symbol, version (CRC, or '-' when versionless), the module that\n"
"exports it, and its address (zeros without CAP_SYSLOG).\n"
"\n"
"Options:\n"
"  -t, --table FILE  read a saved copy of /proc/symtab instead\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"Exit status: 0 listed, 1 the table is missing or unreadable, 2 wrong\n"
"usage.\n";

static const struct option options[] = {
	{ "table", required_argument, NULL, 't' },
	COMMON_OPTIONS
};

static void print_table(const struct resident_table *t)
{
	int name_w = 6, mod_w = 6;
	size_t i;

	for (i = 0; i < t->nr; i++) {
		if ((int)strlen(t->symbols[i].name) > name_w)
			name_w = strlen(t->symbols[i].name);
		if ((int)strlen(t->symbols[i].module) > mod_w)
			mod_w = strlen(t->symbols[i].module);
	}
	printf("%-*s  %-10s  %-*s  %s\n", name_w, "Symbol", "Version",
	       mod_w, "Module", "Address");
	for (i = 0; i < t->nr; i++) {
		const struct resident_symbol *s = &t->symbols[i];
		char crc[16] = "-";

		if (s->versioned)
			snprintf(crc, sizeof(crc), "0x%08x", s->crc);
		printf("%-*s  %-10s  %-*s  %016llx\n", name_w, s->name, crc,
		       mod_w, s->module, (unsigned long long)s->addr);
	}
}

int cmd_list(int argc, char *argv[])
{
	struct resident_table table = RESIDENT_TABLE_INIT;
	const char *path = RESIDENT_TABLE_PATH;
	struct symtab_error err;
	int opt, ret;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "t:",
				  options, NULL)) != -1) {
		if (opt == 't')
			path = optarg;
		else
			return common_option(opt, "list", help, argv);
	}
	if (optind != argc)
		return usage_error("list", "unexpected argument '%s'",
				   argv[optind]);
	ret = resident_table_load(&table, path, &err);
	if (ret == -ENOENT && !strcmp(path, RESIDENT_TABLE_PATH)) {
		message("%s does not exist: is symtab.ko loaded?", path);
		return EXIT_PROBLEM;
	}
	if (ret) {
		report_error(&err);
		return EXIT_PROBLEM;
	}
	print_table(&table);
	resident_table_release(&table);
	if (fflush(stdout)) {
		message("list: writing the output failed");
		return EXIT_PROBLEM;
	}
	return EXIT_OK;
}
