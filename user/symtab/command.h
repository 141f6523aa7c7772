/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What every subcommand shares: its entry point, the exit statuses, the
 * --help/--version options and the "symtab:" message prefix.
 */
#ifndef _SYMTAB_COMMAND_H
#define _SYMTAB_COMMAND_H

#include <getopt.h>

#include "../common/message.h"

/* SYMTAB_VERSION: the tree's VERSION file, passed by the Makefile. */
#define SYMTAB_TOOL_VERSION	SYMTAB_VERSION

enum {
	EXIT_OK = 0,		/* all is well */
	EXIT_PROBLEM = 1,	/* bad input, a problem found, a failure */
	EXIT_USAGE = 2,		/* wrong command line */
};

/* argv[0] is the command's name. */
#define SYMTAB_COMMAND(name, summary) int cmd_##name(int argc, char *argv[]);
#include "commands.def"
#undef SYMTAB_COMMAND

/* Long options every command accepts; end a command's table with these. */
#define COMMON_OPTIONS						\
	{ "help", no_argument, NULL, 'h' },			\
	{ "version", no_argument, NULL, 'V' },			\
	{ NULL, 0, NULL, 0 }
#define COMMON_SHORT_OPTIONS	"+:hV"

/*
 * Handle an option the command itself does not know: --help prints @help
 * to stdout, --version the version; anything else is a usage error.
 * Return: the exit status.
 */
int common_option(int opt, const char *cmd, const char *help, char *argv[]);

/* "symtab VERSION (record format N)" on stdout.  Return: the exit status. */
int print_version(void);

/* "symtab: cmd: <message>" and a hint at --help.  Return: EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* _SYMTAB_COMMAND_H */
