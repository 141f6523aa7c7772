/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hand-built import blocks for the malformed-block tests: an object named
 * like a SYMTAB_IMPORT() block, in the same section, with the contents a
 * test chooses.  These modules are never stamped (NOSTAMP).
 */
#ifndef _TEST_SYMTEST_BAD_H
#define _TEST_SYMTEST_BAD_H

#include <symtab/symtab.h>

#define SYMTEST_BAD_BLOCK(sym, type)					\
	static type __symtab_import_##sym				\
	__used __aligned(8) __section(SYMTAB_ABI_SECTION)

/* A good header but for what a test overrides after it. */
#define SYMTEST_HEADER(n)						\
	.magic = SYMTAB_ABI_MAGIC,					\
	.format = SYMTAB_ABI_FORMAT,					\
	.record_size = sizeof(struct symtab_abi_record),		\
	.count = (n)

/* Like SYMTAB_IMPORT(), depend on symtab.ko so it is there to judge. */
#define SYMTEST_NEEDS_SYMTAB						\
	static const int *const symtest_needs_symtab __used =		\
		&symtab_abi_format

#define SYMTEST_BAD_MODULE(name, what)					\
	static int __init name##_init(void)				\
	{								\
		pr_err(#name ": loaded despite " what "\n");		\
		return 0;						\
	}								\
	static void __exit name##_exit(void)				\
	{								\
	}								\
	module_init(name##_init);					\
	module_exit(name##_exit);					\
	MODULE_DESCRIPTION("symtab test: import block with " what);	\
	MODULE_LICENSE("GPL")

#endif
