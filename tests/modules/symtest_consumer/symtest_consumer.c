// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test consumer: imports everything symtest_export registers and
 * uses it from init, reporting the results in dmesg.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

static bool exit_uses = true;
module_param(exit_uses, bool, 0444);
MODULE_PARM_DESC(exit_uses,
		 "exit touches symtest_value (off: for an exporter removed by force)");

SYMTAB_IMPORT(symtest_add);
SYMTAB_IMPORT(symtest_move);
SYMTAB_IMPORT(symtest_value);

static int __init symtest_consumer_init(void)
{
	struct symtest_point p = { .x = 1, .y = 2 };
	int sum = symtab_ref(symtest_add)(2, 3);
	int x = symtab_ref(symtest_move)(&p, 10);

	symtab_ref(symtest_value)++;
	pr_info("symtest_consumer: add %d move %d value %d\n",
		sum, x, symtab_ref(symtest_value));
	return 0;
}

static void __exit symtest_consumer_exit(void)
{
	if (exit_uses)
		symtab_ref(symtest_value)--;
}

module_init(symtest_consumer_init);
module_exit(symtest_consumer_exit);
MODULE_DESCRIPTION("symtab test: consumer of symtest_export");
MODULE_LICENSE("GPL");
