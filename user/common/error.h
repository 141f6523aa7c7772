/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Library functions never print: they describe a failure in a struct
 * symtab_error (a complete sentence naming the file) and return -errno.
 * The commands decide where the words go.
 */
#ifndef _SYMTAB_ERROR_H
#define _SYMTAB_ERROR_H

#define SYMTAB_ERROR_LEN	512

struct symtab_error {
	char msg[SYMTAB_ERROR_LEN];
};

/* Fill @err (which may be NULL) and return -@errnum. */
int error_set(struct symtab_error *err, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* _SYMTAB_ERROR_H */
