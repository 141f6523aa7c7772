// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test exporter: two functions and a variable.  Every call counts in
 * the "calls" parameter and the variable is a parameter too, so tests see
 * in /sys/module/symtest_export/parameters/ that a consumer reached them.
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

static unsigned int init_delay_ms;
module_param(init_delay_ms, uint, 0444);
MODULE_PARM_DESC(init_delay_ms, "sleep this long in init, after registering");

static unsigned int register_delay_ms;
module_param(register_delay_ms, uint, 0444);
MODULE_PARM_DESC(register_delay_ms,
		 "sleep this long in init before registering (set-up first)");

static bool init_fail;
module_param(init_fail, bool, 0444);
MODULE_PARM_DESC(init_fail, "fail init (after the delay) with -EIO");

static int calls;
module_param(calls, int, 0444);
MODULE_PARM_DESC(calls, "calls made to the exported functions");

int symtest_value = 42;
module_param(symtest_value, int, 0444);
MODULE_PARM_DESC(symtest_value, "the exported variable");

int symtest_add(int a, int b)
{
	calls++;
	return a + b;
}

int symtest_move(struct symtest_point *p, int dx)
{
	calls++;
	p->x += dx;
	return p->x;
}

static struct symbol_table symtest_export_symtab = {
#include <symtab/symtab_begin.h>
	X(symtest_add),
	X(symtest_move),
	X(symtest_value),
#include <symtab/symtab_end.h>
};

static int __init symtest_export_init(void)
{
	int err;

	/* Set-up first, register_symtab() last: consumers wait meanwhile. */
	msleep(register_delay_ms);
	err = register_symtab(&symtest_export_symtab);
	if (err)
		return err;
	/* Parallel loads: a consumer arriving now waits for this init. */
	msleep(init_delay_ms);
	if (init_fail) {
		unregister_symtab(&symtest_export_symtab);
		return -EIO;
	}
	return 0;
}

static void __exit symtest_export_exit(void)
{
	unregister_symtab(&symtest_export_symtab);
}

module_init(symtest_export_init);
module_exit(symtest_export_exit);
MODULE_DESCRIPTION("symtab test: exporter of two functions and a variable");
MODULE_LICENSE("GPL");
