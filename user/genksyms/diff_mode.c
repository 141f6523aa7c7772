// SPDX-License-Identifier: GPL-2.0-only
/*
 * genksyms --diff OLD.symtypes NEW.symtypes [--json]: explain every symbol
 * whose CRC differs between two -T files, down to the member that changed.
 * The work is the explain library's; this is only its command line.
 */
#include <stdio.h>
#include <string.h>

#include "../explain/explain.h"
#include "diff_mode.h"

int genksyms_diff_main(int argc, char **argv)
{
	const char *files[2];
	int i, nfiles = 0, json = 0, ret;
	struct symtab_error err;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			goto usage;
		else if (nfiles < 2)
			files[nfiles++] = argv[i];
		else
			goto usage;
	}
	if (nfiles != 2)
		goto usage;
	ret = explain_symtypes_files(files[0], files[1], json, stdout, &err);
	if (ret < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return EXPLAIN_ERROR;
	}
	return ret;
usage:
	fputs("usage: genksyms --diff OLD.symtypes NEW.symtypes [--json]\n"
	      "Exit status: 0 no symbol changed, 1 changes explained, 2 trouble.\n",
	      stderr);
	return EXPLAIN_ERROR;
}
