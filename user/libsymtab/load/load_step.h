/* SPDX-License-Identifier: GPL-2.0-only */
/* Carrying out one step of a load plan (load_plan.h). */
#ifndef _SYMTAB_LOAD_STEP_H
#define _SYMTAB_LOAD_STEP_H

#include "load_plan.h"
#include "module_insert.h"

/*
 * load_step_insert() - insert @s's module with @params: a -f step inserts
 * a temporary copy with versionless imports (force_copy.h) instead, and
 * hands @fn the kernel's lines about it even on success
 * Return: 0, or -errno with @err set.
 */
int load_step_insert(const struct load_step *s, const char *params,
		     kernel_log_fn fn, void *ctx, struct symtab_error *err);

#endif /* _SYMTAB_LOAD_STEP_H */
