// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a user of the helper library symtest_lib, which pins
 * symtest_value for it at load and releases it at rmmod.
 */
#include <linux/module.h>
#include <symtest_lib.h>

static int *value;

static int __init symtest_libuser_init(void)
{
	value = symtest_lib_get("symtest_value");
	pr_info("symtest_libuser: symtest_value %s\n",
		value ? "found" : "not found");
	return value ? 0 : -ENOENT;
}

static void __exit symtest_libuser_exit(void)
{
	symtest_lib_put("symtest_value");
}

module_init(symtest_libuser_init);
module_exit(symtest_libuser_exit);
MODULE_DESCRIPTION("symtab test: user of the symtest_lib helper library");
MODULE_LICENSE("GPL");
