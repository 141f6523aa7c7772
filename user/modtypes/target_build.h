/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The same module built for another kernel: where `symtab check` finds
 * the target's side of a __versions disagreement, whose stored types
 * explain it.
 */
#ifndef _SYMTAB_TARGET_BUILD_H
#define _SYMTAB_TARGET_BUILD_H

#include <stddef.h>

#include "libsymtab.h"

/*
 * target_build() - the same module as @mf built for @release, to free, or
 * NULL: the one of @built (files given by the user) of that name, @mf's
 * path with its own release (vermagic) replaced by @release, or the module
 * of that name installed for @release (@t's).
 */
char *target_build(const struct module_file *mf, const char *release,
		   char *const *built, size_t nr_built,
		   const struct kernel_target *t);

#endif /* _SYMTAB_TARGET_BUILD_H */
