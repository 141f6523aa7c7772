/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading a whole file (regular, under /proc, or a pipe) into memory: the
 * one reader of the tree.
 */
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
 * read_whole_fd() - the same for what @fd has left to read (@fd stays
 * open); @what names it in @err.  errno is set on failure too.
 */
int read_whole_fd(int fd, const char *what, unsigned char **data,
		  size_t *size, struct symtab_error *err);

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
