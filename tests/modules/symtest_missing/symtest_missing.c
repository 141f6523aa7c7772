// SPDX-License-Identifier: GPL-2.0-only
/* symtab test: imports a symbol that no module registers. */
#include <linux/module.h>
#include <symtab/symtab.h>

int symtest_nobody(int a);

SYMTAB_IMPORT(symtest_nobody);

static int __init symtest_missing_init(void)
{
	pr_info("symtest_missing: %d\n", symtab_ref(symtest_nobody)(1));
	return 0;
}

static void __exit symtest_missing_exit(void)
{
}

module_init(symtest_missing_init);
module_exit(symtest_missing_exit);
MODULE_DESCRIPTION("symtab test: consumer of a symbol nobody exports");
MODULE_LICENSE("GPL");
