// SPDX-License-Identifier: GPL-2.0-only
/* symtab unload NAME: remove a module, or say who still uses it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab unload [OPTION...] NAME\n"
"\n"
"Remove the module NAME (a module name, or its .ko file).  When the\n"
"kernel refuses because the module is in use, say which modules use its\n"
"symbols, from /proc/symtab_users.\n"
"\n"
"Options:\n"
"  -n, --dry-run     remove nothing: only say who uses NAME's symbols\n"
"                    (exit status 1 if anyone does)\n"
"  -u, --users FILE  read a saved copy of /proc/symtab_users instead\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"Exit status: 0 removed (or, with -n, unused), 1 a problem, 2 wrong\n"
"usage.\n";

static const struct option options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ "users", required_argument, NULL, 'u' },
	COMMON_OPTIONS
};

static void print_user(void *ctx, const char *user, const char *symbols)
{
	const char *name = ctx;

	message("%s: in use by %s (symbols %s)", name, user, symbols);
}

/* Return: how many modules use @name's symbols, or -1. */
static int explain_users(const char *name, const char *users_path)
{
	struct symbol_users users = SYMBOL_USERS_INIT;
	struct symtab_error err;
	size_t n;

	if (symbol_users_load(&users, users_path, &err)) {
		report_error(&err);
		return -1;
	}
	n = symbol_users_of(&users, name, print_user, (void *)name);
	symbol_users_release(&users);
	return n;
}

int cmd_unload(int argc, char *argv[])
{
	const char *users_path = SYMBOL_USERS_PATH;
	struct symtab_error err;
	char name[256];
	bool dry_run = false;
	int opt, ret, users;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "nu:",
				  options, NULL)) != -1) {
		if (opt == 'n')
			dry_run = true;
		else if (opt == 'u')
			users_path = optarg;
		else
			return common_option(opt, "unload", help, argv);
	}
	if (argc - optind != 1)
		return usage_error("unload", "expected one module name");
	if (module_name_of(argv[optind], name, sizeof(name))) {
		message("%s: not a module name or file", argv[optind]);
		return EXIT_PROBLEM;
	}
	if (dry_run) {
		users = explain_users(name, users_path);
		if (users == 0)
			message("%s: no module uses its symbols", name);
		return users ? EXIT_PROBLEM : EXIT_OK;
	}
	ret = module_remove(argv[optind], &err);
	if (!ret)
		return EXIT_OK;
	report_error(&err);
	if (ret == -EBUSY || ret == -EAGAIN || ret == -EWOULDBLOCK) {
		users = explain_users(name, users_path);
		if (users == 0)
			message("%s: no symtab import holds it: another kind of reference (lsmod shows the count)",
				name);
	}
	return EXIT_PROBLEM;
}
