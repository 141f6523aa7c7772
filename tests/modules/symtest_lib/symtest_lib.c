// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a helper library that takes pins for its users through a
 * pointer to symtab_get() (the function, not the macro).  The compiler
 * makes the return a sibling call (jmp): the library's own frame is gone
 * when symtab_get() runs.  The pin must still be the library's, so that
 * its symtab_put(), an ordinary call (the library counts after it),
 * balances it.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest_lib.h>

noinline void *symtest_lib_get(const char *name)
{
	return (symtab_get)(name);
}
EXPORT_SYMBOL_GPL(symtest_lib_get);

static int puts;
module_param(puts, int, 0444);
MODULE_PARM_DESC(puts, "symtab_put() calls made for users");

noinline void symtest_lib_put(const char *name)
{
	(symtab_put)(name);
	puts++;
}
EXPORT_SYMBOL_GPL(symtest_lib_put);

MODULE_DESCRIPTION("symtab test: a helper library calling symtab_get()");
MODULE_LICENSE("GPL");
