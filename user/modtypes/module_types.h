/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module's versioned names (its symtab records, then the kernel's own
 * modversions: EXPORT_SYMBOL CRCs and __versions) with the genksyms types
 * it stored in its .symtab_types section: what `symtab explain` compares,
 * and what check and load read to say why a version mismatch happened.
 */
#ifndef _SYMTAB_MODULE_TYPES_H
#define _SYMTAB_MODULE_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "../explain/explain.h"
#include "libsymtab.h"

/*
 * Where a versioned name comes from.  The ABI's enum symtab_abi_kind only
 * knows symtab's own records; the kernel's modversions are named here.
 */
enum module_version_origin {
	MODULE_VERSION_EXPORT,		/* a symtab export record */
	MODULE_VERSION_IMPORT,		/* a symtab import record */
	MODULE_VERSION_KERNEL_EXPORT,	/* an EXPORT_SYMBOL's CRC */
	MODULE_VERSION_KERNEL_IMPORT,	/* a __versions entry */
};

struct module_version {
	enum module_version_origin origin;
	uint32_t crc;
	char name[SYMTAB_NAME_LEN];
};

struct module_types {
	struct module_file *mf;
	struct module_version *ver;	/* its versioned names */
	size_t nr_ver;
	struct explain_types *types;	/* NULL: the module stored none */
	char *what;			/* names the module in notes */
};

/*
 * module_types_open() - read @path's versioned names and stored types
 * Return: 0, or -1 after a message (unreadable or malformed module,
 * damaged type section).  A module without types is not an error.
 */
int module_types_open(struct module_types *mt, const char *path);
void module_types_free(struct module_types *mt);

/*
 * module_types_explain() - add to @r every name whose CRC differs between
 * @old and @new, each (origin, name) once, explained from their types
 * Return: 0, or -errno with @err set.
 */
int module_types_explain(struct explain_report *r,
			 const struct module_types *old,
			 const struct module_types *new,
			 struct symtab_error *err);

#endif /* _SYMTAB_MODULE_TYPES_H */
