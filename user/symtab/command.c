// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <symtab/abi.h>

#include "command.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "symtab: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'symtab %s --help'.\n", cmd);
	return EXIT_USAGE;
}

int print_version(void)
{
	printf("symtab %s (record format %d)\n", SYMTAB_TOOL_VERSION,
	       SYMTAB_ABI_FORMAT);
	return fflush(stdout) ? EXIT_PROBLEM : EXIT_OK;
}

int common_option(int opt, const char *cmd, const char *help, char *argv[])
{
	switch (opt) {
	case 'h':
		fputs(help, stdout);
		return fflush(stdout) ? EXIT_PROBLEM : EXIT_OK;
	case 'V':
		return print_version();
	case ':':
		return usage_error(cmd, "option '%s' needs an argument",
				   argv[optind - 1]);
	}
	if (optopt)
		return usage_error(cmd, "unknown option '-%c'", optopt);
	return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}
