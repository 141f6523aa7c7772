// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a consumer that is never stamped (NOSTAMP), so its import
 * has no version.  symtab.ko loads it with a warning and a taint, or
 * refuses it with strict=1.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

SYMTAB_IMPORT(symtest_add);

static int __init symtest_versionless_init(void)
{
	pr_info("symtest_versionless: add %d\n", symtab_ref(symtest_add)(4, 5));
	return 0;
}

static void __exit symtest_versionless_exit(void)
{
}

module_init(symtest_versionless_init);
module_exit(symtest_versionless_exit);
MODULE_DESCRIPTION("symtab test: consumer without symbol versions");
MODULE_LICENSE("GPL");
