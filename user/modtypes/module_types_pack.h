/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module's .symtab_types section from the genksyms --dump-types output
 * of its objects (`symtab stamp -t`): the units one after the other,
 * packed as <symtab/types_section.h> says.
 */
#ifndef _SYMTAB_MODULE_TYPES_PACK_H
#define _SYMTAB_MODULE_TYPES_PACK_H

#include <stddef.h>

#include "../common/error.h"

/*
 * module_types_pack() - the section's bytes for the @nr files @files,
 * in a new buffer @section of @len bytes
 * Return: 0, or -errno with @err set.
 */
int module_types_pack(char *const *files, size_t nr, void **section,
		      size_t *len, struct symtab_error *err);

#endif /* _SYMTAB_MODULE_TYPES_PACK_H */
