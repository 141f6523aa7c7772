/* SPDX-License-Identifier: GPL-2.0-only */
/* What load_plan.c and load_plan_kernel.c share while planning. */
#ifndef _SYMTAB_LOAD_PLAN_INTERNAL_H
#define _SYMTAB_LOAD_PLAN_INTERNAL_H

#include "load_plan.h"

bool loader_is_target(const struct loader *l,
		      const struct module_candidate *c);
bool loader_on_stack(const struct loader *l, const struct module_file *mf);
int loader_refuse_cycle(const struct loader *l, const struct module_file *mf,
			const char *name, struct symtab_error *err);

/* Depth first: plan what @mf needs, then @mf. */
int loader_visit(struct loader *l, struct module_file *mf,
		 struct symtab_error *err);

/* load_plan_kernel.c: modinfo "depends", and EXPORT_SYMBOL exporters. */
int loader_visit_depends(struct loader *l, struct module_file *mf,
			 struct symtab_error *err);
int loader_visit_undefined(struct loader *l, struct module_file *mf,
			   struct symtab_error *err);

#endif /* _SYMTAB_LOAD_PLAN_INTERNAL_H */
