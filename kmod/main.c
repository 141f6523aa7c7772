// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab.ko: register_symtab() symbol tables with genksyms versions for
 * out-of-tree modules, checked when their users load.
 */
#include "internal.h"

#include <linux/init.h>
#include <linux/moduleparam.h>

/* The ABI the importers were built against; they all refer to it. */
const int symtab_abi_format = SYMTAB_ABI_FORMAT;
EXPORT_SYMBOL_GPL(symtab_abi_format);

bool symtab_strict;
module_param_named(strict, symtab_strict, bool, 0644);
MODULE_PARM_DESC(strict,
		 "refuse imports and exports that lack a symbol version (default: as a forced load, taint)");

/* The kernel's loader waits 30 s for the init of an exporter it needs. */
unsigned int symtab_init_wait = 30;
module_param_named(init_wait, symtab_init_wait, uint, 0644);
MODULE_PARM_DESC(init_wait,
		 "seconds a module waits for the init of a module it imports from (default 30)");

static int __init symtab_init(void)
{
	int err;

	err = symtab_procfs_init();
	if (err)
		return err;
	err = symtab_imports_init();
	if (err)
		goto remove_procfs;
	pr_info("ABI format %d ready\n", SYMTAB_ABI_FORMAT);
	return 0;

remove_procfs:
	symtab_procfs_exit();
	return err;
}

static void __exit symtab_exit(void)
{
	symtab_imports_exit();
	symtab_procfs_exit();
	symtab_pins_exit();
}

module_init(symtab_init);
module_exit(symtab_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("register_symtab() symbol tables with genksyms versions");
MODULE_AUTHOR("The symtab authors");
/* SYMTAB_VERSION: the tree's VERSION file, from Kbuild. */
MODULE_VERSION(SYMTAB_VERSION);
