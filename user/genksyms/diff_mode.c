// SPDX-License-Identifier: GPL-2.0-only
/*
 * genksyms --diff OLD NEW [--json|--per-symbol]: explain every symbol whose
 * CRC differs between two -T files (or two directories of them), down to
 * the member that changed.  The work is the explain library's; this is only
 * its command line.
 */
#include <stdio.h>
#include <string.h>

#include "../explain/explain.h"
#include "diff_mode.h"

int genksyms_diff_main(int argc, char **argv)
{
	const char *files[2];
	unsigned int flags = 0;
	int i, nfiles = 0, ret;
	struct symtab_error err;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			flags |= EXPLAIN_JSON;
		else if (!strcmp(argv[i], "--per-symbol"))
			flags |= EXPLAIN_PER_SYMBOL;
		else if (argv[i][0] == '-' && argv[i][1])
			goto usage;
		else if (nfiles < 2)
			files[nfiles++] = argv[i];
		else
			goto usage;
	}
	if (nfiles != 2)
		goto usage;
	ret = explain_symtypes_files(files[0], files[1], flags, stdout, &err);
	if (ret < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return EXPLAIN_ERROR;
	}
	return ret;
usage:
	fputs("usage: genksyms --diff OLD NEW [--json | --per-symbol]\n"
	      "OLD and NEW: symtypes files (genksyms -T), or directories of them\n"
	      "(every *.symtypes below, each file its own unit).\n"
	      "Exit status: 0 no symbol changed, 1 changes explained, 2 trouble.\n",
	      stderr);
	return EXPLAIN_ERROR;
}
