// SPDX-License-Identifier: GPL-2.0-only
/* Bottom of the loader chain: exports chain_a_value. */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <chain.h>

int chain_a_value(struct chain_link *link)
{
	link->depth++;
	link->by = "chain_a";
	return 1;
}

static struct symbol_table chain_a_symtab = {
#include <symtab/symtab_begin.h>
	X(chain_a_value),
#include <symtab/symtab_end.h>
};

static int __init chain_a_init(void)
{
	return register_symtab(&chain_a_symtab);
}

static void __exit chain_a_exit(void)
{
	unregister_symtab(&chain_a_symtab);
}

module_init(chain_a_init);
module_exit(chain_a_exit);
MODULE_DESCRIPTION("symtab test: bottom of a three-module chain");
MODULE_LICENSE("GPL");
