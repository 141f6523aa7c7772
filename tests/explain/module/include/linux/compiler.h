/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough of the kernel's <linux/compiler.h> for <symtab/symtab.h> to
 * compile in userspace: the test objects get their blocks from the real
 * macros.
 */
#ifndef _TEST_LINUX_COMPILER_H
#define _TEST_LINUX_COMPILER_H
#define __used		__attribute__((__used__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#endif
