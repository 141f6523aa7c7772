/* SPDX-License-Identifier: GPL-2.0-only */
/* Finding a section of a parsed module file by name. */
#ifndef _SYMTAB_SECTION_READ_H
#define _SYMTAB_SECTION_READ_H

#include <stddef.h>

#include "module_file.h"

/*
 * section_find() - the bytes of section @name in a parsed module
 * Return: a pointer into @mf->image and its size in @len, or NULL.
 */
const unsigned char *section_find(const struct module_file *mf,
				  const char *name, size_t *len);

#endif /* _SYMTAB_SECTION_READ_H */
