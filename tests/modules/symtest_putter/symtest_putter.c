// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a module that calls symtab_put(name) without ever calling
 * symtab_get(): it must not release another module's pin.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static char *name = "symtest_value";
module_param(name, charp, 0444);
MODULE_PARM_DESC(name, "symbol to put");

static int times = 1;
module_param(times, int, 0444);
MODULE_PARM_DESC(times, "how many unbalanced symtab_put() calls");

static int __init symtest_putter_init(void)
{
	int i;

	for (i = 0; i < times; i++)
		symtab_put(name);
	return 0;
}

static void __exit symtest_putter_exit(void)
{
}

module_init(symtest_putter_init);
module_exit(symtest_putter_exit);
MODULE_DESCRIPTION("symtab test: unbalanced symtab_put()");
MODULE_LICENSE("GPL");
