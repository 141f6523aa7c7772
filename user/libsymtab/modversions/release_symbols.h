/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The symbols a kernel release offers a module: its Module.symvers (which
 * covers its in-tree modules) and the exports of the out-of-tree modules
 * installed for it under /lib/modules/RELEASE/{extra,updates}, and for
 * the running kernel, the symbols of its loaded modules.
 */
#ifndef _SYMTAB_RELEASE_SYMBOLS_H
#define _SYMTAB_RELEASE_SYMBOLS_H

#include "modversions_check.h"

#define KERNEL_MODULES_ROOT	"/lib/modules"

struct kernel_release {
	struct kernel_symvers symvers;
	char *symvers_path;
	struct loaded_symbols loaded;	/* the running kernel's only */
	struct kernel_target target;	/* .symvers NULL: none found */
};

/*
 * kernel_release_open() - read what @release offers
 * @symvers: its Module.symvers, or NULL for the installed headers'
 * Return: 0 (a missing Module.symvers leaves target.symvers NULL), or
 * -errno with @err set (a malformed Module.symvers, no memory).
 * Unreadable installed modules are left out.
 */
int kernel_release_open(struct kernel_release *kr, const char *release,
			const char *symvers, struct symtab_error *err);

void kernel_release_close(struct kernel_release *kr);

#endif /* _SYMTAB_RELEASE_SYMBOLS_H */
