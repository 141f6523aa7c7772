/* SPDX-License-Identifier: GPL-2.0-only */
/* Template of user STRESS_ID: imports what exporter STRESS_ID registers. */
#include <linux/module.h>
#include <symtab/symtab.h>
#include "stress.h"

STRESS_IMPORT(STRESS_FN);
STRESS_IMPORT(STRESS_VAL);

static int __init stress_use_init(void)
{
	struct symtest_stress_arg arg = { .id = STRESS_ID, .n = 1 };

	STRESS_IMPORT_REF(STRESS_VAL) += STRESS_IMPORT_REF(STRESS_FN)(&arg);
	return 0;
}

static void __exit stress_use_exit(void)
{
}

module_init(stress_use_init);
module_exit(stress_use_exit);
MODULE_DESCRIPTION("symtab stress test: user");
MODULE_LICENSE("GPL");
