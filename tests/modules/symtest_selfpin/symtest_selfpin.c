// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: an exporter that pins its own symbol during init, then
 * (fail=1) fails its init without putting it or unregistering: the kernel
 * frees it whatever its refcount, so nothing of it may stay in symtab.ko.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static bool fail = true;
module_param(fail, bool, 0444);
MODULE_PARM_DESC(fail, "return -EINVAL from init, leaving the pin and the table");

int symtest_selfpin_value = 7;

static struct symbol_table symtest_selfpin_symtab = {
#include <symtab/symtab_begin.h>
	X(symtest_selfpin_value),
#include <symtab/symtab_end.h>
};

static int __init symtest_selfpin_init(void)
{
	int err = register_symtab(&symtest_selfpin_symtab);
	int *v;

	if (err)
		return err;
	v = symtab_get("symtest_selfpin_value");
	pr_info("symtest_selfpin: own symbol %s\n", v ? "pinned" : "not found");
	return fail ? -EINVAL : 0;
}

static void __exit symtest_selfpin_exit(void)
{
	symtab_put("symtest_selfpin_value");
	unregister_symtab(&symtest_selfpin_symtab);
}

module_init(symtest_selfpin_init);
module_exit(symtest_selfpin_exit);
MODULE_DESCRIPTION("symtab test: exporter pinning its own symbol, failing init");
MODULE_LICENSE("GPL");
