/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Who uses whose symbols, as /proc/symtab_users lists them:
 * "<user module>\t<exporter>\t<symbol>" per line.
 */
#ifndef _SYMTAB_SYMBOL_USERS_H
#define _SYMTAB_SYMBOL_USERS_H

#include <stddef.h>

#include "../../common/error.h"

#define SYMBOL_USERS_PATH	"/proc/symtab_users"

struct symbol_use {
	char *user;
	char *exporter;
	char *symbol;
};

struct symbol_users {
	struct symbol_use *uses;
	size_t nr;
	size_t cap;		/* allocated */
};

#define SYMBOL_USERS_INIT	{ 0 }

int symbol_users_parse(struct symbol_users *u, const char *file,
		       const char *text, size_t len, struct symtab_error *err);
int symbol_users_load(struct symbol_users *u, const char *path,
		      struct symtab_error *err);
/*
 * symbol_users_of() - who uses the symbols of module @exporter
 * @fn: called once per user module with its symbols, comma-separated
 * Return: the number of user modules.
 */
size_t symbol_users_of(const struct symbol_users *u, const char *exporter,
		       void (*fn)(void *ctx, const char *user,
				  const char *symbols),
		       void *ctx);

void symbol_users_release(struct symbol_users *u);

#endif /* _SYMTAB_SYMBOL_USERS_H */
