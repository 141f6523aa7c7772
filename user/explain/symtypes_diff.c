// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtypes-diff OLD NEW [--json]: explain every symbol version change
 * between two genksyms -T files.  Exit 0: same; 1: changes explained;
 * 2: bad input or usage.
 */
#include <stdio.h>
#include <string.h>

#include "explain.h"

static int usage(void)
{
	fputs("usage: symtypes-diff OLD.symtypes NEW.symtypes [--json]\n",
	      stderr);
	return EXPLAIN_ERROR;
}

int main(int argc, char **argv)
{
	const char *files[2];
	int i, nfiles = 0, json = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return usage(), 0;
		else if (argv[i][0] == '-' && argv[i][1])
			return usage();
		else if (nfiles < 2)
			files[nfiles++] = argv[i];
		else
			return usage();
	}
	if (nfiles != 2)
		return usage();
	return explain_symtypes_files(files[0], files[1], json, stdout);
}
