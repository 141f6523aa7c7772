/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading a whole file (regular, or under /proc) into memory. */
#ifndef _SYMTAB_WHOLE_FILE_H
#define _SYMTAB_WHOLE_FILE_H

#include <stddef.h>

#include "error.h"

/*
 * Read @path into a malloc()ed buffer: @size bytes, and always at least
 * one spare byte after them.  Return: 0, or -errno with @err set.
 */
int read_whole_file(const char *path, unsigned char **data, size_t *size,
		    struct symtab_error *err);

#endif /* _SYMTAB_WHOLE_FILE_H */
