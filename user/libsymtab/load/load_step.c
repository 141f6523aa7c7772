// SPDX-License-Identifier: GPL-2.0-only
#include "../module/force_copy.h"
#include "load_step.h"

int load_step_insert(const struct load_step *s, const char *params,
		     kernel_log_fn fn, void *ctx, struct symtab_error *err)
{
	const char *path = s->mf->path;
	char *copy = NULL;
	int ret;

	if (s->versionless) {
		ret = force_copy_create(s->mf, &copy, err);
		if (ret)
			return ret;
		path = copy;
	}
	/* A forced module's warnings are worth seeing too. */
	ret = module_insert(path, s->mf->path, params, s->versionless, fn, ctx,
			    err);
	force_copy_remove(copy);
	return ret;
}
