/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where the symtab tool's words go: "symtab: <message>" on stderr.  The
 * libraries describe failures in a struct symtab_error (error.h); the
 * commands, and the glue library that prints explanations under their
 * lines (user/modtypes), say them with these.
 */
#ifndef _SYMTAB_MESSAGE_H
#define _SYMTAB_MESSAGE_H

#include "error.h"

/* "symtab: <message>" on stderr. */
void message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print a library error. */
void report_error(const struct symtab_error *err);

#endif /* _SYMTAB_MESSAGE_H */
