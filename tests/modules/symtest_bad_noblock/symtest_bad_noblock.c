// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a module that refers to the symtab import ABI, as every
 * SYMTAB_IMPORT() does, but has no import block symtab.ko could check
 * (like a consumer whose versions section was removed).  Refused.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static const int *const symtest_needs_abi __used = &symtab_abi_format;

static int __init symtest_bad_noblock_init(void)
{
	pr_err("symtest_bad_noblock: loaded despite its missing import blocks\n");
	return 0;
}

static void __exit symtest_bad_noblock_exit(void)
{
}

module_init(symtest_bad_noblock_init);
module_exit(symtest_bad_noblock_exit);
MODULE_DESCRIPTION("symtab test: refers to imports, has no import block");
MODULE_LICENSE("GPL");
