// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: symtab_get(name) at load.  Parameters choose the name and
 * whether the pin is held until rmmod; "found" tells the tests whether
 * symtab_get() returned an address.
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static char *name = "symtest_value";
module_param(name, charp, 0444);
MODULE_PARM_DESC(name, "symbol to look up: sym or sym_R<crc>");

static bool hold = true;
module_param(hold, bool, 0444);
MODULE_PARM_DESC(hold, "keep the pin until rmmod (else put it at once)");

static bool by_pointer;
module_param(by_pointer, bool, 0444);
MODULE_PARM_DESC(by_pointer,
		 "call the functions through pointers, not the THIS_MODULE macros");

static bool leak;
module_param(leak, bool, 0444);
MODULE_PARM_DESC(leak, "never put the pin, even at rmmod");

static bool put_only;
module_param(put_only, bool, 0444);
MODULE_PARM_DESC(put_only, "only symtab_put(name): release a leaked pin");

static int found;
module_param(found, int, 0444);
MODULE_PARM_DESC(found, "1 if symtab_get() found the symbol");

static void *addr;

/* The functions themselves: symtab.ko finds the caller by address. */
static void *(*const get_fn)(const char *name) = symtab_get;
static void (*const put_fn)(const char *name) = symtab_put;

static void *get(const char *name)
{
	return by_pointer ? get_fn(name) : symtab_get(name);
}

static void put(const char *name)
{
	if (by_pointer)
		put_fn(name);
	else
		symtab_put(name);
}

static int __init symtest_getput_init(void)
{
	if (put_only) {
		put(name);
		return 0;
	}
	addr = get(name);
	found = addr != NULL;
	pr_info("symtest_getput: symtab_get(%s) %s\n",
		name, found ? "found it" : "returned NULL");
	if (addr && !hold) {
		put(name);
		addr = NULL;
	}
	return 0;
}

static void __exit symtest_getput_exit(void)
{
	if (addr && !leak)
		put(name);
}

module_init(symtest_getput_init);
module_exit(symtest_getput_exit);
MODULE_DESCRIPTION("symtab test: symtab_get()/symtab_put() by name");
MODULE_LICENSE("GPL");
