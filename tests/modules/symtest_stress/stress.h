/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The stress modules: exporter N registers symtest_sfn_N and symtest_sval_N,
 * user N imports them.  Each source defines STRESS_ID and includes the
 * template it needs.
 */
#ifndef _TEST_STRESS_H
#define _TEST_STRESS_H

#define STRESS_CAT_(a, b)	a##b
#define STRESS_CAT(a, b)	STRESS_CAT_(a, b)
#define STRESS_FN		STRESS_CAT(symtest_sfn_, STRESS_ID)
#define STRESS_VAL		STRESS_CAT(symtest_sval_, STRESS_ID)
/* Expand the names before X() and SYMTAB_IMPORT() paste them. */
#define STRESS_X(sym)		X(sym)
#define STRESS_IMPORT(sym)	SYMTAB_IMPORT(sym)
#define STRESS_IMPORT_REF(sym)	symtab_ref(sym)

struct symtest_stress_arg {
	int id;
	long n;
};

long STRESS_FN(struct symtest_stress_arg *arg);
extern long STRESS_VAL;

#endif
