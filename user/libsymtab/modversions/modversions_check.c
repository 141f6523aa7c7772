// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "modversions_check.h"

/* check_modstruct_version(): the layout of struct module itself. */
#define MODULE_LAYOUT	"module_layout"

static bool module_provides(struct module_file *const *mods, size_t nr,
			    const struct module_file *self, const char *name,
			    struct kernel_import *res)
{
	const struct kernel_version *exp;
	size_t i;

	for (i = 0; i < nr; i++) {
		if (mods[i] == self)
			continue;
		exp = kernel_export_find(&mods[i]->kernel, name);
		if (!exp)
			continue;
		res->provider = mods[i]->path;
		res->have = exp->crc;
		res->state = exp->versioned ? KIMPORT_OK : KIMPORT_UNVERSIONED;
		return true;
	}
	return false;
}

static bool find_provider(const struct kernel_target *t,
			  const struct module_file *mf, const char *name,
			  struct kernel_import *res)
{
	const struct symvers_entry *e;

	if (module_provides(t->given, t->nr_given, mf, name, res))
		return true;
	e = t->symvers ? kernel_symvers_find(t->symvers, name) : NULL;
	if (e) {
		res->provider = e->module;
		res->have = e->crc;
		res->state = KIMPORT_OK;
		return true;
	}
	if (module_provides(t->installed, t->nr_installed, mf, name, res))
		return true;
	res->provider = t->loaded ? loaded_symbols_module(t->loaded, name) :
				    NULL;
	res->state = KIMPORT_LOADED;
	return res->provider != NULL;
}

void kernel_import_resolve(const struct kernel_target *t,
			   const struct module_file *mf, const char *name,
			   struct kernel_import *res)
{
	const struct kernel_version *v;

	memset(res, 0, sizeof(*res));
	res->name = name;
	if (!find_provider(t, mf, name, res)) {
		res->state = KIMPORT_UNKNOWN;
		return;
	}
	/* Without __versions at all the kernel's check is a force load. */
	if (res->state != KIMPORT_OK || !mf->kernel.has_versions)
		return;
	v = kernel_import_find(&mf->kernel, name);
	if (!v)
		res->state = KIMPORT_NO_VERSION;
	else if ((res->want = v->crc) != res->have)
		res->state = KIMPORT_MISMATCH;
}

void kernel_import_format(const char *module, const struct kernel_import *res,
			  char *buf, size_t len)
{
	switch (res->state) {
	case KIMPORT_OK:
		snprintf(buf, len, "%s: %s 0x%08x from %s", module, res->name,
			 res->have, res->provider);
		break;
	case KIMPORT_LOADED:
		snprintf(buf, len,
			 "%s: %s from the loaded module %s (its CRC cannot be read: the kernel checks it)",
			 module, res->name, res->provider);
		break;
	case KIMPORT_UNVERSIONED:
		snprintf(buf, len,
			 "%s: %s from %s, which has no CRC for it: loads, tainting the kernel",
			 module, res->name, res->provider);
		break;
	case KIMPORT_MISMATCH:
		snprintf(buf, len,
			 "%s: disagrees about version of symbol %s (module wants 0x%08x, %s has 0x%08x)",
			 module, res->name, res->want, res->provider,
			 res->have);
		break;
	case KIMPORT_NO_VERSION:
		snprintf(buf, len,
			 "%s: no symbol version for %s (%s has 0x%08x, the module's __versions has none)",
			 module, res->name, res->provider, res->have);
		break;
	case KIMPORT_UNKNOWN:
		snprintf(buf, len, "%s: Unknown symbol %s (err %d)", module,
			 res->name, -ENOENT);
		break;
	}
}

size_t kernel_check_module(const struct kernel_target *t,
			   const struct module_file *mf, kernel_import_fn fn,
			   void *ctx)
{
	const struct kernel_versions *kv = &mf->kernel;
	struct kernel_import res;
	size_t i, problems = 0;

	if (kv->has_versions && t->symvers &&
	    kernel_symvers_find(t->symvers, MODULE_LAYOUT)) {
		kernel_import_resolve(t, mf, MODULE_LAYOUT, &res);
		problems += kernel_import_is_problem(&res);
		if (fn)
			fn(ctx, mf, &res);
	}
	for (i = 0; i < kv->nr_undefined; i++) {
		kernel_import_resolve(t, mf, kv->undefined[i], &res);
		problems += kernel_import_is_problem(&res);
		if (fn)
			fn(ctx, mf, &res);
	}
	return problems;
}
