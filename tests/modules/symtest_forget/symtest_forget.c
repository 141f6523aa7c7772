// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: registers a table and never unregisters it; symtab.ko
 * must drop the table when the module goes.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

int symtest_forgotten = 7;
int symtest_forgotten_fn(void);

int symtest_forgotten_fn(void)
{
	return symtest_forgotten;
}

static struct symbol_table symtest_forget_symtab = {
#include <symtab/symtab_begin.h>
	X(symtest_forgotten),
	X(symtest_forgotten_fn),
#include <symtab/symtab_end.h>
};

static int __init symtest_forget_init(void)
{
	return register_symtab(&symtest_forget_symtab);
}

static void __exit symtest_forget_exit(void)
{
	/* No unregister_symtab(): on purpose. */
}

module_init(symtest_forget_init);
module_exit(symtest_forget_exit);
MODULE_DESCRIPTION("symtab test: exporter that forgets unregister_symtab()");
MODULE_LICENSE("GPL");
