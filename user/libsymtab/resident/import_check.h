/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Resolving a module's imports the way symtab.ko will: against the resident
 * table first, then against modules that are about to be loaded with it.
 */
#ifndef _SYMTAB_IMPORT_CHECK_H
#define _SYMTAB_IMPORT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "../module/module_file.h"
#include "resident_table.h"

enum import_state {
	IMPORT_OK,		/* provider found, versions agree */
	IMPORT_VERSIONLESS,	/* a side has no version: loads, tainted */
	IMPORT_MISMATCH,	/* the registry will refuse the module */
	IMPORT_UNRESOLVED,	/* nobody exports it */
};

struct import_resolution {
	struct record import;
	enum import_state state;
	/* Unless unresolved: who provides it. */
	const char *provider;	/* resident: the module; else its file */
	bool provider_resident;
	bool provider_versioned;
	uint32_t provider_crc;
};

/* Does @mf export @name?  Fills @rec with the export record if so. */
bool module_exports(const struct module_file *mf, const char *name,
		    struct record *rec);

/*
 * resolve_import() - find who satisfies @import
 * @resident: the resident table (may be empty)
 * @mods, @nr: modules loaded along with @self; @self itself is skipped
 */
void resolve_import(const struct record *import,
		    const struct resident_table *resident,
		    struct module_file *const *mods, size_t nr,
		    const struct module_file *self,
		    struct import_resolution *res);

/* "MODULE.ko: unresolved symbol ..." and the like, without a newline. */
void import_resolution_format(const char *module,
			      const struct import_resolution *res,
			      char *buf, size_t len);

static inline bool import_is_problem(const struct import_resolution *res)
{
	return res->state == IMPORT_MISMATCH ||
	       res->state == IMPORT_UNRESOLVED;
}

typedef void (*import_fn)(void *ctx, const struct module_file *mf,
			  const struct import_resolution *res);

/*
 * check_modules() - resolve every import of every module in @mods
 * @fn is called for each import.  Return: how many are problems.
 */
size_t check_modules(struct module_file *const *mods, size_t nr,
		     const struct resident_table *resident, import_fn fn,
		     void *ctx);

#endif /* _SYMTAB_IMPORT_CHECK_H */
