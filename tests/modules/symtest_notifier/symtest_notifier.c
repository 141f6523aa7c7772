// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a module that registers a module notifier in its init and
 * unregisters it in its exit, as many drivers do.  Registering takes the
 * notifier chain's rwsem for writing: it must not wait for symtab.ko's
 * clients waiting for an exporter's init.
 */
#include <linux/module.h>
#include <linux/notifier.h>

static int symtest_notifier_call(struct notifier_block *nb,
				 unsigned long state, void *data)
{
	return NOTIFY_DONE;
}

static struct notifier_block symtest_notifier_nb = {
	.notifier_call = symtest_notifier_call,
};

static int __init symtest_notifier_init(void)
{
	return register_module_notifier(&symtest_notifier_nb);
}

static void __exit symtest_notifier_exit(void)
{
	unregister_module_notifier(&symtest_notifier_nb);
}

module_init(symtest_notifier_init);
module_exit(symtest_notifier_exit);
MODULE_DESCRIPTION("symtab test: registers a module notifier in its init");
MODULE_LICENSE("GPL");
