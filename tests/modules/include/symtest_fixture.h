/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The userspace tests' fixture objects (tests/symtab/fixtures/) as kernel
 * modules: each registers its table in init.  The VM runs the malformed
 * cases of tests/symtab/malformed.cases against them, so that the kernel
 * refuses what the tools refuse, in the same words.
 */
#ifndef _TEST_SYMTEST_FIXTURE_H
#define _TEST_SYMTEST_FIXTURE_H

#include <linux/module.h>

#define SYMTEST_FIXTURE_MODULE(table)					\
static int __init symtest_fixture_init(void)				\
{									\
	return register_symtab(&table);					\
}									\
static void __exit symtest_fixture_exit(void)				\
{									\
	unregister_symtab(&table);					\
}									\
module_init(symtest_fixture_init);					\
module_exit(symtest_fixture_exit);					\
MODULE_DESCRIPTION("symtab test: the " #table " fixture as a module");	\
MODULE_LICENSE("GPL")

#endif
