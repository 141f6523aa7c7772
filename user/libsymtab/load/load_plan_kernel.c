// SPDX-License-Identifier: GPL-2.0-only
/*
 * Load planning, the kernel's own dependencies: the modules modinfo
 * "depends" names, found by their kernel name among the candidates (or left
 * to modprobe when installed), and the candidates exporting, with
 * EXPORT_SYMBOL, what a module leaves undefined.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_plan_internal.h"

/* The name the kernel knows @mf by: modinfo "name", else its file's. */
static void module_file_kname(const struct module_file *mf, char *buf,
			      size_t len)
{
	const char *name = modinfo_get(&mf->kernel, "name", 0);
	const char *base = strrchr(mf->path, '/');
	char *p;

	if (name) {
		snprintf(buf, len, "%s", name);
		return;
	}
	snprintf(buf, len, "%s", base ? base + 1 : mf->path);
	p = strstr(buf, ".ko");
	if (p)
		*p = '\0';
	for (p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
}

static bool planned(const struct loader *l, const struct module_file *mf)
{
	size_t i;

	for (i = 0; i < l->nr_steps; i++)
		if (l->steps[i].mf == mf)
			return true;
	return false;
}

static bool probe_planned(const struct loader *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->nr_probes; i++)
		if (!strcmp(l->probes[i], name))
			return true;
	return false;
}

static struct module_file *find_by_name(const struct loader *l,
					const char *name)
{
	char kname[SYMTAB_NAME_LEN];
	size_t i;

	for (i = 0; i < l->nr_candidates; i++) {
		if (loader_is_target(l, &l->candidates[i]))
			continue;
		module_file_kname(l->candidates[i].mf, kname, sizeof(kname));
		if (!strcmp(kname, name))
			return l->candidates[i].mf;
	}
	return NULL;
}

static bool kernel_provided(const struct loader *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->nr_steps; i++)
		if (kernel_export_find(&l->steps[i].mf->kernel, name))
			return true;
	return false;
}

static struct module_file *find_kernel_exporter(const struct loader *l,
						const char *name)
{
	size_t i;

	for (i = 0; i < l->nr_candidates; i++)
		if (!loader_is_target(l, &l->candidates[i]) &&
		    kernel_export_find(&l->candidates[i].mf->kernel, name))
			return l->candidates[i].mf;
	return NULL;
}

/* Visit @dep, which @mf needs for @why, unless it is in or loaded. */
static int visit_dependency(struct loader *l, struct module_file *mf,
			    struct module_file *dep, const char *why,
			    struct symtab_error *err)
{
	char kname[SYMTAB_NAME_LEN];

	if (dep == mf || planned(l, dep))
		return 0;
	module_file_kname(dep, kname, sizeof(kname));
	/* The registry's own place is planned by plan_registry(). */
	if (!strcmp(kname, REGISTRY_MODULE_NAME))
		return 0;
	if (loader_on_stack(l, dep))
		return loader_refuse_cycle(l, dep, why, err);
	if (l->loaded && l->loaded(kname) > 0)
		return 0;
	return loader_visit(l, dep, err);
}

static int add_probe(struct loader *l, const char *name,
		     struct symtab_error *err)
{
	char **grown;

	grown = reallocarray(l->probes, l->nr_probes + 1, sizeof(*grown));
	if (!grown)
		return error_set(err, ENOMEM, "out of memory");
	l->probes = grown;
	l->probes[l->nr_probes] = strdup(name);
	if (!l->probes[l->nr_probes])
		return error_set(err, ENOMEM, "out of memory");
	l->nr_probes++;
	return 0;
}

/* modinfo "depends": among the candidates, loaded, or installed. */
int loader_visit_depends(struct loader *l, struct module_file *mf,
			 struct symtab_error *err)
{
	const char *depends = modinfo_get(&mf->kernel, "depends", 0);
	char name[SYMTAB_NAME_LEN], *path;
	struct module_file *dep;
	size_t len;
	int ret;

	while (depends && *depends) {
		len = strcspn(depends, ",");
		snprintf(name, sizeof(name), "%.*s", (int)len, depends);
		depends += len + (depends[len] == ',');
		if (!*name || !strcmp(name, REGISTRY_MODULE_NAME))
			continue;
		dep = find_by_name(l, name);
		if (dep) {
			ret = visit_dependency(l, mf, dep, name, err);
			if (ret)
				return ret;
			continue;
		}
		if (probe_planned(l, name) || (l->loaded && l->loaded(name) > 0))
			continue;
		path = l->installed ? l->installed(name) : NULL;
		if (!path)
			return error_set(err, ENOENT,
					 "%s: depends on %s, which is not loaded, not among the modules searched and not installed (modules.dep)",
					 mf->path, name);
		free(path);
		ret = add_probe(l, name, err);
		if (ret)
			return ret;
	}
	return 0;
}

/* Undefined symbols another candidate exports with EXPORT_SYMBOL. */
int loader_visit_undefined(struct loader *l, struct module_file *mf,
			   struct symtab_error *err)
{
	const struct kernel_versions *kv = &mf->kernel;
	struct module_file *exporter;
	size_t i;
	int ret;

	for (i = 0; i < kv->nr_undefined; i++) {
		if (kernel_provided(l, kv->undefined[i]))
			continue;
		exporter = find_kernel_exporter(l, kv->undefined[i]);
		if (!exporter)
			continue;	/* the kernel's own, or the kernel says */
		ret = visit_dependency(l, mf, exporter, kv->undefined[i], err);
		if (ret)
			return ret;
	}
	return 0;
}
