/* SPDX-License-Identifier: GPL-2.0-only */
/* Walking the lines of a text file's contents, for the line parsers. */
#ifndef _SYMTAB_TEXT_LINES_H
#define _SYMTAB_TEXT_LINES_H

#include <stddef.h>

#include "../../common/error.h"

/*
 * One line, without its newline, NUL-terminated in a private copy the
 * callback may cut up; @file and @lineno (from 1) are for its messages.
 * Return: 0 to go on, or -errno with @err set to stop.
 */
typedef int (*text_line_fn)(void *arg, char *line, const char *file,
			    unsigned int lineno, struct symtab_error *err);

/*
 * text_for_each_line() - call @fn on each line of @text (@len bytes)
 * @file: names the text in messages
 *
 * Text holding a NUL byte is refused ("FILE: contains NUL bytes").
 * Return: 0, the first non-zero return of @fn, or -errno with @err set.
 */
int text_for_each_line(const char *file, const char *text, size_t len,
		       text_line_fn fn, void *arg, struct symtab_error *err);

#endif /* _SYMTAB_TEXT_LINES_H */
