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

/*
 * DEFINE_TEXT_LOADER(name, type, parse) defines
 *	int name(type *obj, const char *path, struct symtab_error *err)
 * which reads @path whole and hands its text to
 *	int parse(type *obj, const char *path, const char *text, size_t len,
 *		  struct symtab_error *err)
 * The parsers keep their types; only this wrapper is shared.
 */
#define DEFINE_TEXT_LOADER(name, type, parse)				\
int name(type *obj, const char *path, struct symtab_error *err)	\
{									\
	unsigned char *text;						\
	size_t len;							\
	int ret;							\
									\
	ret = read_whole_file(path, &text, &len, err);			\
	if (ret)							\
		return ret;						\
	ret = parse(obj, path, (const char *)text, len, err);		\
	free(text);							\
	return ret;							\
}

#endif /* _SYMTAB_WHOLE_FILE_H */
