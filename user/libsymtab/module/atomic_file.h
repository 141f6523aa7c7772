/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Replace a file's contents all at once: a temporary file in the same
 * directory, fsync, an optional check of the result, rename over the
 * original.  On any failure the original is untouched.
 */
#ifndef _SYMTAB_ATOMIC_FILE_H
#define _SYMTAB_ATOMIC_FILE_H

#include <stddef.h>

#include "../../common/error.h"

/* Called on the complete temporary file; non-zero cancels the rename. */
typedef int (*atomic_check_fn)(const char *tmp_path, void *ctx,
			       struct symtab_error *err);

int atomic_replace(const char *path, const void *data, size_t size,
		   atomic_check_fn check, void *ctx, struct symtab_error *err);

#endif /* _SYMTAB_ATOMIC_FILE_H */
