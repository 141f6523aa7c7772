// SPDX-License-Identifier: GPL-2.0-only
/* Top of the loader chain: calls down through chain_b into chain_a. */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <chain.h>

SYMTAB_IMPORT(chain_b_value);

static int __init chain_c_init(void)
{
	struct chain_link link = { 0 };
	int value = symtab_ref(chain_b_value)(&link);

	pr_info("chain_c: value %d depth %d from %s\n", value, link.depth,
		link.by);
	return 0;
}

static void __exit chain_c_exit(void)
{
}

module_init(chain_c_init);
module_exit(chain_c_exit);
MODULE_DESCRIPTION("symtab test: top of a three-module chain");
MODULE_LICENSE("GPL");
