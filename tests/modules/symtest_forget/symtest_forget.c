// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: registers a table and never unregisters it; symtab.ko
 * must drop the table when the module goes, also when its init fails
 * after registering (the "fail" parameter).
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static bool fail;
module_param(fail, bool, 0444);
MODULE_PARM_DESC(fail, "fail init after registering the table");

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
	int err = register_symtab(&symtest_forget_symtab);

	if (err)
		return err;
	if (fail) {
		pr_info("symtest_forget: registered, now failing init\n");
		return -EAGAIN;
	}
	return 0;
}

static void __exit symtest_forget_exit(void)
{
	/* No unregister_symtab(): on purpose. */
}

module_init(symtest_forget_init);
module_exit(symtest_forget_exit);
MODULE_DESCRIPTION("symtab test: exporter that forgets unregister_symtab()");
MODULE_LICENSE("GPL");
