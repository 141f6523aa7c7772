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

static int found;
module_param(found, int, 0444);
MODULE_PARM_DESC(found, "1 if symtab_get() found the symbol");

static void *addr;

static int __init symtest_getput_init(void)
{
	addr = symtab_get(name);
	found = addr != NULL;
	pr_info("symtest_getput: symtab_get(%s) %s\n",
		name, found ? "found it" : "returned NULL");
	if (addr && !hold) {
		symtab_put(name);
		addr = NULL;
	}
	return 0;
}

static void __exit symtest_getput_exit(void)
{
	if (addr)
		symtab_put(name);
}

module_init(symtest_getput_init);
module_exit(symtest_getput_exit);
MODULE_DESCRIPTION("symtab test: symtab_get()/symtab_put() by name");
MODULE_LICENSE("GPL");
