/* SPDX-License-Identifier: GPL-2.0-only */
/* Just enough of <linux/module.h> for <symtab/symtab.h>; see compiler.h. */
#ifndef _TEST_LINUX_MODULE_H
#define _TEST_LINUX_MODULE_H
struct module;
#define THIS_MODULE	((struct module *)0)
#endif
