// SPDX-License-Identifier: GPL-2.0-only
/* Middle of the loader chain: imports chain_a_value, exports chain_b_value. */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <chain.h>

SYMTAB_IMPORT(chain_a_value);

int chain_b_value(struct chain_link *link)
{
	link->depth++;
	return symtab_ref(chain_a_value)(link) + 1;
}

static struct symbol_table chain_b_symtab = {
#include <symtab/symtab_begin.h>
	X(chain_b_value),
#include <symtab/symtab_end.h>
};

static int __init chain_b_init(void)
{
	return register_symtab(&chain_b_symtab);
}

static void __exit chain_b_exit(void)
{
	unregister_symtab(&chain_b_symtab);
}

module_init(chain_b_init);
module_exit(chain_b_exit);
MODULE_DESCRIPTION("symtab test: middle of a three-module chain");
MODULE_LICENSE("GPL");
