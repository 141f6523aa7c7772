// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab: one binary, one subcommand per file (cmd_*.c), chosen by the
 * first argument or by the name the binary was called under.
 */
#include <stdio.h>
#include <string.h>

#include "command.h"

struct symtab_command {
	const char *name;
	int (*run)(int argc, char *argv[]);
	const char *summary;
};

static const struct symtab_command commands[] = {
#define SYMTAB_COMMAND(name, summary) { #name, cmd_##name, summary },
#include "commands.def"
#undef SYMTAB_COMMAND
};

#define NR_COMMANDS	(sizeof(commands) / sizeof(commands[0]))

static const struct symtab_command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void help(FILE *out)
{
	size_t i;

	fputs("Usage: symtab COMMAND [OPTION...] [ARG...]\n"
	      "       symtab --help | --version\n"
	      "\nCommands:\n", out);
	for (i = 0; i < NR_COMMANDS; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\n'symtab COMMAND --help' describes a command.\n"
	      "Exit status: 0 all well, 1 a problem, 2 wrong usage.\n", out);
}

int main(int argc, char *argv[])
{
	const struct symtab_command *cmd;
	const char *self = strrchr(argv[0], '/');

	self = self ? self + 1 : argv[0];
	if (!strncmp(self, "symtab-", 7) && (cmd = find_command(self + 7)))
		return cmd->run(argc, argv);
	if (argc < 2) {
		help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		help(stdout);
		return fflush(stdout) ? EXIT_PROBLEM : EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		return print_version();
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr,
			"symtab: unknown command '%s'\nTry 'symtab --help'.\n",
			argv[1]);
		return EXIT_USAGE;
	}
	return cmd->run(argc - 1, argv + 1);
}
