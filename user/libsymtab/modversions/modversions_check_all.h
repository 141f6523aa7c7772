/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checking many module files against a kernel (every module installed for
 * it: thousands, most of them compressed) in parallel, one thread per CPU:
 * reading and uncompressing dominate.  Only the modules a caller needs to
 * look at again are kept in memory.
 */
#ifndef _SYMTAB_MODVERSIONS_CHECK_ALL_H
#define _SYMTAB_MODVERSIONS_CHECK_ALL_H

#include <stdbool.h>
#include <stddef.h>

#include "modversions_check.h"

struct kernel_check_result {
	/*
	 * Kept when it has problems, symtab records or no __versions, or
	 * always with @keep_all; else freed, and NULL.
	 */
	struct module_file *mf;
	int open_error;			/* -errno: could not be read */
	struct symtab_error err;	/* why, when open_error */
	size_t problems;		/* kernel_check_module()'s count */
};

/*
 * kernel_check_files() - open and check each of @paths against @t
 * @res: @nr results, in the order of @paths
 * @t is only read, by every thread at once.
 * Return: 0, or -ENOMEM with @err set (then no @res is filled).
 */
int kernel_check_files(const struct kernel_target *t, char *const *paths,
		       size_t nr, bool keep_all,
		       struct kernel_check_result *res,
		       struct symtab_error *err);

void kernel_check_results_release(struct kernel_check_result *res,
				  size_t nr);

#endif /* _SYMTAB_MODVERSIONS_CHECK_ALL_H */
