// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: the consumer of symtest_export again, stripped with
 * strip --strip-unneeded after stamping (the STRIP file): its import
 * blocks lose their symbols but keep their section.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

SYMTAB_IMPORT(symtest_add);
SYMTAB_IMPORT(symtest_move);
SYMTAB_IMPORT(symtest_value);

static int __init symtest_stripped_init(void)
{
	struct symtest_point p = { .x = 1, .y = 2 };
	int sum = symtab_ref(symtest_add)(2, 3);
	int x = symtab_ref(symtest_move)(&p, 10);

	symtab_ref(symtest_value)++;
	pr_info("symtest_stripped: add %d move %d value %d\n",
		sum, x, symtab_ref(symtest_value));
	return 0;
}

static void __exit symtest_stripped_exit(void)
{
	symtab_ref(symtest_value)--;
}

module_init(symtest_stripped_init);
module_exit(symtest_stripped_exit);
MODULE_DESCRIPTION("symtab test: consumer of symtest_export");
MODULE_LICENSE("GPL");
