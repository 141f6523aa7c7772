/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The global symbols of the modules loaded in the running kernel, from
 * /proc/kallsyms ("<address> <type> <name>\t[<module>]").  Userspace
 * cannot read their CRCs: this only says who provides a symbol.
 */
#ifndef _SYMTAB_LOADED_SYMBOLS_H
#define _SYMTAB_LOADED_SYMBOLS_H

#include <stddef.h>

#include "../../common/error.h"

#define KALLSYMS_PATH	"/proc/kallsyms"

struct loaded_symbol {
	const char *name;
	const char *module;
};

struct loaded_symbols {
	char *text;			/* the file, split in place */
	struct loaded_symbol *syms;	/* sorted by name */
	size_t nr;
};

/* Parse @len bytes (copied) of kallsyms text.  Release even on error. */
int loaded_symbols_parse(struct loaded_symbols *ls, const char *path,
			 const char *text, size_t len, struct symtab_error *err);

/* Read @path.  Return: 0, or -errno with @err set. */
int loaded_symbols_load(struct loaded_symbols *ls, const char *path,
			struct symtab_error *err);

/* The loaded module exporting or defining @name, or NULL. */
const char *loaded_symbols_module(const struct loaded_symbols *ls,
				  const char *name);

void loaded_symbols_release(struct loaded_symbols *ls);

#endif /* _SYMTAB_LOADED_SYMBOLS_H */
