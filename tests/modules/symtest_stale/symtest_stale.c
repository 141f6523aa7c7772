// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a consumer built against an old copy of symtest.h, where
 * struct symtest_point had a long y.  Its import of symtest_move carries
 * another CRC and must be refused before this init could misuse it.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

#include "symtest_v0.h"

SYMTAB_IMPORT(symtest_move);

static int __init symtest_stale_init(void)
{
	struct symtest_point p = { .x = 1, .y = 2 };

	pr_info("symtest_stale: move %d\n", symtab_ref(symtest_move)(&p, 1));
	return 0;
}

static void __exit symtest_stale_exit(void)
{
}

module_init(symtest_stale_init);
module_exit(symtest_stale_exit);
MODULE_DESCRIPTION("symtab test: consumer with a stale struct layout");
MODULE_LICENSE("GPL");
