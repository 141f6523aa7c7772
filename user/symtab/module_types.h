/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module's versioned records (its symtab records, then the kernel's own
 * modversions: EXPORT_SYMBOL CRCs and __versions) with the genksyms types
 * it stored in its
 * .symtab_types section: what `symtab explain` compares, and what check and
 * load read to say why a version mismatch happened.
 */
#ifndef _SYMTAB_MODULE_TYPES_H
#define _SYMTAB_MODULE_TYPES_H

#include <stddef.h>

#include "../explain/explain.h"
#include "module/module_file.h"

/*
 * Kinds beside enum symtab_abi_kind for the kernel's own modversions: an
 * EXPORT_SYMBOL's CRC, a __versions entry.
 */
#define MODULE_TYPES_KEXPORT	0x40
#define MODULE_TYPES_KIMPORT	0x41

struct module_types {
	struct module_file *mf;
	struct record *rec;		/* versioned records */
	size_t nr_rec;
	struct explain_types *types;	/* NULL: the module stored none */
	char *what;			/* names the module in notes */
};

/*
 * module_types_open() - read @path's versioned records and stored types
 * Return: 0, or -1 after a message (unreadable or malformed module,
 * damaged type section).  A module without types is not an error.
 */
int module_types_open(struct module_types *mt, const char *path);
void module_types_free(struct module_types *mt);

/* The versioned record of @mt with @like's kind and name, or NULL. */
const struct record *module_types_find(const struct module_types *mt,
				       const struct record *like);

#endif /* _SYMTAB_MODULE_TYPES_H */
