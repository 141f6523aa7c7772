// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: tables and symbols in init memory, which is freed after
 * init.  "which" chooses the table to register: one that itself lies in
 * __initdata, one listing an __initdata variable, one listing an __init
 * function, or a valid one (core).
 */
#include <linux/module.h>
#include <symtab/symtab.h>

static char *which = "core";
module_param(which, charp, 0444);
MODULE_PARM_DESC(which, "initdata_table, initdata_var, init_func or core");

int symtest_initmem_core = 1;
static int symtest_initmem_var __initdata = 2;
int symtest_initmem_table_var = 3;

static int __init symtest_initmem_func(void)
{
	return 4;
}

static struct symbol_table symtest_initmem_in_init __initdata = {
#include <symtab/symtab_begin.h>
	X(symtest_initmem_table_var),
#include <symtab/symtab_end.h>
};

/* __refdata: the reference to init memory is the point of the test. */
static struct symbol_table symtest_initmem_var_table __refdata = {
#include <symtab/symtab_begin.h>
	X(symtest_initmem_var),
#include <symtab/symtab_end.h>
};

/* __refdata: the reference to init memory is the point of the test. */
static struct symbol_table symtest_initmem_func_table __refdata = {
#include <symtab/symtab_begin.h>
	X(symtest_initmem_func),
#include <symtab/symtab_end.h>
};

static struct symbol_table symtest_initmem_core_table = {
#include <symtab/symtab_begin.h>
	X(symtest_initmem_core),
#include <symtab/symtab_end.h>
};

static struct symbol_table *registered;

static int __init symtest_initmem_init(void)
{
	struct symbol_table *tab;
	int err;

	if (!strcmp(which, "initdata_table"))
		tab = &symtest_initmem_in_init;
	else if (!strcmp(which, "initdata_var"))
		tab = &symtest_initmem_var_table;
	else if (!strcmp(which, "init_func"))
		tab = &symtest_initmem_func_table;
	else
		tab = &symtest_initmem_core_table;
	err = register_symtab(tab);
	if (!err)
		registered = tab;
	return err;
}

static void __exit symtest_initmem_exit(void)
{
	unregister_symtab(registered);
}

module_init(symtest_initmem_init);
module_exit(symtest_initmem_exit);
MODULE_DESCRIPTION("symtab test: tables and symbols in init memory");
MODULE_LICENSE("GPL");
