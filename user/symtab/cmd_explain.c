// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab explain OLD.ko NEW.ko: say why symbol versions differ between two
 * builds of a module, from the type information each build stored in its
 * .symtab_types section (see <symtab/types_section.h>).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "command.h"
#include "../modtypes/modtypes.h"

static const char help[] =
"Usage: symtab explain [OPTION...] OLD.ko NEW.ko\n"
"\n"
"For every symbol that both modules record (symtab export or import, or\n"
"the kernel's own modversions: EXPORT_SYMBOL CRCs and __versions entries)\n"
"with different versions, explain the change down to the struct member, enum\n"
"constant, typedef or parameter responsible.  A change reached from one\n"
"symbol is one line, with the path from the symbol to it:\n"
"\n"
"  my_func: arg 1 -> struct foo: member 'int b' added after 'int a'\n"
"\n"
"A change reached from several symbols is said once, with how many and\n"
"which (the first 8 with their shortest path), those reaching the most\n"
"symbols first:\n"
"\n"
"  struct foo: member 'int b' added after 'int a'\n"
"    reached from 2 symbols:\n"
"      my_func: arg 1 -> struct foo\n"
"      other_func: arg 2 -> struct bar -> member 'foo' -> struct foo\n"
"\n"
"The explanation comes from the genksyms types `symtab stamp` stores in\n"
"each module's " SYMTAB_TYPES_SECTION " section.  Where a module stored\n"
"none for a symbol, or they do not give its recorded CRC, only the CRC\n"
"change is printed, with the reason:\n"
"\n"
"  my_func: CRC changed 0x1234abcd -> 0x5678ef01 (no type information ...)\n"
"\n"
"The types of a kernel symbol the module imports are its expansion as the\n"
"module's own sources declare it (make modules stores them).  The kernel's\n"
"exporting source often sees types those leave opaque, so that expansion\n"
"need not give the __versions CRC; the changes it shows are named all the\n"
"same (the JSON note says they are the module's view), and where it shows\n"
"none, the CRC line says the change lies in a type left opaque.\n"
"\n"
"Options:\n"
"  -j, --json      machine-readable output, groups and symbols (see\n"
"                  genksyms(8))\n"
"  -p, --per-symbol  one line per symbol and change, no grouping\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 no version differs, 1 differences explained, 2 a problem\n"
"(unreadable or malformed module, damaged type section) or wrong usage.\n";

static const struct option options[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "per-symbol", no_argument, NULL, 'p' },
	COMMON_OPTIONS
};

enum { EXPLAIN_TROUBLE = 2 };

int cmd_explain(int argc, char *argv[])
{
	struct explain_report *report = NULL;
	struct module_types old, new;
	struct symtab_error err;
	unsigned int flags = 0;
	int opt, status;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "jp",
				  options, NULL)) != -1) {
		if (opt == 'j')
			flags |= EXPLAIN_JSON;
		else if (opt == 'p')
			flags |= EXPLAIN_PER_SYMBOL;
		else
			return common_option(opt, "explain", help, argv);
	}
	if (argc - optind != 2)
		return usage_error("explain", "expected two modules");

	if (module_types_open(&old, argv[optind])) {
		module_types_free(&old);
		return EXPLAIN_TROUBLE;
	}
	if (module_types_open(&new, argv[optind + 1])) {
		module_types_free(&old);
		module_types_free(&new);
		return EXPLAIN_TROUBLE;
	}
	status = explain_report_new(&report, &err);
	if (!status)
		status = module_types_explain(report, &old, &new, &err);
	if (!status)
		status = explain_report_print(report, flags, stdout, &err);
	if (status)
		report_error(&err);
	else
		status = explain_report_count(report) ? 1 : 0;
	explain_report_free(report);
	module_types_free(&old);
	module_types_free(&new);
	if (status < 0)
		return EXPLAIN_TROUBLE;
	if (fflush(stdout)) {
		message("explain: writing the output failed");
		return EXPLAIN_TROUBLE;
	}
	return status;
}
