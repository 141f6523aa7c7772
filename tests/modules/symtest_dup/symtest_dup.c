// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: registers symtest_add although symtest_export already
 * does; the registration, and so the load, must fail with -EEXIST.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

int symtest_add(int a, int b)
{
	return a - b;
}

static struct symbol_table symtest_dup_symtab = {
#include <symtab/symtab_begin.h>
	X(symtest_add),
#include <symtab/symtab_end.h>
};

static int __init symtest_dup_init(void)
{
	return register_symtab(&symtest_dup_symtab);
}

static void __exit symtest_dup_exit(void)
{
	unregister_symtab(&symtest_dup_symtab);
}

module_init(symtest_dup_init);
module_exit(symtest_dup_exit);
MODULE_DESCRIPTION("symtab test: duplicate exporter of symtest_add");
MODULE_LICENSE("GPL");
