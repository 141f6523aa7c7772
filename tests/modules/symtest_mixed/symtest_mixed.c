// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a consumer with a version for one import and none for the
 * other (genksyms never sees the second).  Like Debian's kernel with a
 * module whose __versions lacks a symbol, symtab.ko refuses it even when
 * versionless modules are allowed.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

SYMTAB_IMPORT(symtest_add);
#ifndef __GENKSYMS__
SYMTAB_IMPORT(symtest_move);
#endif

static int __init symtest_mixed_init(void)
{
	struct symtest_point p = { 0, 0 };

	pr_err("symtest_mixed: loaded despite a versionless import: %d %d\n",
	       symtab_ref(symtest_add)(1, 2), symtab_ref(symtest_move)(&p, 1));
	return 0;
}

static void __exit symtest_mixed_exit(void)
{
}

module_init(symtest_mixed_init);
module_exit(symtest_mixed_exit);
MODULE_DESCRIPTION("symtab test: one versioned and one versionless import");
MODULE_LICENSE("GPL");
