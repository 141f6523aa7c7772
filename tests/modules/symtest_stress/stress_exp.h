/* SPDX-License-Identifier: GPL-2.0-only */
/* Template of exporter STRESS_ID: see stress.h. */
#include <linux/module.h>
#include <symtab/symtab.h>
#include "stress.h"

long STRESS_VAL;

long STRESS_FN(struct symtest_stress_arg *arg)
{
	return arg->n + STRESS_ID;
}

static struct symbol_table stress_symtab = {
#include <symtab/symtab_begin.h>
	STRESS_X(STRESS_FN),
	STRESS_X(STRESS_VAL),
#include <symtab/symtab_end.h>
};

static int __init stress_exp_init(void)
{
	return register_symtab(&stress_symtab);
}

static void __exit stress_exp_exit(void)
{
	unregister_symtab(&stress_symtab);
}

module_init(stress_exp_init);
module_exit(stress_exp_exit);
MODULE_DESCRIPTION("symtab stress test: exporter");
MODULE_LICENSE("GPL");
