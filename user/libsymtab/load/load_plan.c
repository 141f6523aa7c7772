// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "module_insert.h"
#include "load_plan_internal.h"
#include "../module/module_dir.h"

void loader_init(struct loader *l, const struct resident_table *resident,
		 bool registry_loaded, loader_note_fn note, void *ctx)
{
	memset(l, 0, sizeof(*l));
	l->resident = resident;
	l->registry_loaded = registry_loaded;
	l->note = note;
	l->note_ctx = ctx;
	l->loaded = module_loaded_by_name;
	l->installed = module_path_by_name;
}

static int add_candidate(struct loader *l, const char *path,
			 struct symtab_error *err)
{
	struct module_candidate *c;
	struct symtab_error why;
	struct module_file *mf;
	struct stat st;

	if (stat(path, &st)) {
		error_set(&why, errno, "%s: %s", path, strerror(errno));
		goto skip;
	}
	if (module_file_open(path, &mf, &why))
		goto skip;
	c = reallocarray(l->candidates, l->nr_candidates + 1, sizeof(*c));
	if (!c) {
		module_file_free(mf);
		return error_set(err, ENOMEM, "out of memory");
	}
	l->candidates = c;
	c[l->nr_candidates].mf = mf;
	c[l->nr_candidates].dev = st.st_dev;
	c[l->nr_candidates].ino = st.st_ino;
	l->nr_candidates++;
	return 0;
skip:
	if (l->note)
		l->note(l->note_ctx, &why);
	return 0;
}

int loader_scan(struct loader *l, const char *dir, bool recursive,
		struct symtab_error *err)
{
	struct module_paths found;
	size_t i;
	int ret;

	ret = module_dir_list(dir, recursive, &found, err);
	for (i = 0; !ret && i < found.nr; i++)
		ret = add_candidate(l, found.paths[i], err);
	module_paths_release(&found);
	return ret;
}

bool loader_is_target(const struct loader *l,
		      const struct module_candidate *c)
{
	return c->dev == l->target_dev && c->ino == l->target_ino;
}

static bool provided(const struct loader *l, const char *name)
{
	struct record rec;
	size_t i;

	if (resident_table_find(l->resident, name))
		return true;
	for (i = 0; i < l->nr_steps; i++)
		if (module_exports(l->steps[i].mf, name, &rec))
			return true;
	return false;
}

/* The target itself comes first: needing it is a cycle. */
static struct module_file *find_exporter(const struct loader *l,
					 const char *name)
{
	struct record rec;
	size_t i;

	if (module_exports(l->target, name, &rec))
		return l->target;
	for (i = 0; i < l->nr_candidates; i++)
		if (!loader_is_target(l, &l->candidates[i]) &&
		    module_exports(l->candidates[i].mf, name, &rec))
			return l->candidates[i].mf;
	return NULL;
}

static int add_step(struct loader *l, struct module_file *mf, bool registry,
		    struct symtab_error *err)
{
	struct load_step *s;

	s = reallocarray(l->steps, l->nr_steps + 1, sizeof(*s));
	if (!s)
		return error_set(err, ENOMEM, "out of memory");
	l->steps = s;
	s[l->nr_steps].mf = mf;
	s[l->nr_steps].registry = registry;
	s[l->nr_steps].versionless = false;
	l->nr_steps++;
	return 0;
}

int loader_refuse_cycle(const struct loader *l, const struct module_file *mf,
			const char *name, struct symtab_error *err)
{
	char chain[SYMTAB_ERROR_LEN / 2] = "";
	size_t i, at = 0;

	for (i = 0; i < l->depth; i++)
		if (l->stack[i] == mf)
			at = i;
	for (i = at; i < l->depth; i++) {
		strncat(chain, l->stack[i]->path,
			sizeof(chain) - strlen(chain) - 1);
		strncat(chain, " -> ", sizeof(chain) - strlen(chain) - 1);
	}
	strncat(chain, mf->path, sizeof(chain) - strlen(chain) - 1);
	return error_set(err, ELOOP,
			 "dependency cycle: %s (%s needs %s)", chain,
			 l->stack[l->depth - 1]->path, name);
}

bool loader_on_stack(const struct loader *l, const struct module_file *mf)
{
	size_t i;

	for (i = 0; i < l->depth; i++)
		if (l->stack[i] == mf)
			return true;
	return false;
}

/* symtab imports that are not resident. */
static int visit_imports(struct loader *l, struct module_file *mf,
			 struct symtab_error *err)
{
	struct module_file *exporter;
	struct record imp;
	size_t b;
	int ret;

	for (b = 0; b < mf->nr_blocks; b++) {
		if (mf->blocks[b].blk.kind != BLOCK_IMPORT)
			continue;
		block_record(&mf->blocks[b].blk, 0, &imp);
		if (provided(l, imp.name))
			continue;
		exporter = find_exporter(l, imp.name);
		if (!exporter || exporter == mf)
			continue;	/* reported by check_plan() */
		if (loader_on_stack(l, exporter))
			return loader_refuse_cycle(l, exporter, imp.name, err);
		ret = loader_visit(l, exporter, err);
		if (ret)
			return ret;
	}
	return 0;
}

/* Depth first: what @mf needs goes in before it. */
int loader_visit(struct loader *l, struct module_file *mf,
		 struct symtab_error *err)
{
	int ret;

	l->stack[l->depth++] = mf;
	ret = loader_visit_depends(l, mf, err);
	if (!ret)
		ret = loader_visit_undefined(l, mf, err);
	if (!ret)
		ret = visit_imports(l, mf, err);
	if (ret)
		return ret;
	l->depth--;
	return add_step(l, mf, false, err);
}

struct plan_check {
	import_fn report;
	void *ctx;
	size_t unresolved, mismatched;
};

/* Resolve every import of the plan against what goes in before it. */
static int check_plan(struct loader *l, bool force, struct plan_check *pc,
		      struct symtab_error *err)
{
	struct import_resolution res;
	struct module_file **mods;
	struct record imp;
	size_t i, b;

	mods = calloc(l->nr_steps, sizeof(*mods));
	if (!mods)
		return error_set(err, ENOMEM, "out of memory");
	for (i = 0; i < l->nr_steps; i++) {
		struct load_step *s = &l->steps[i];

		for (b = 0; b < s->mf->nr_blocks; b++) {
			if (s->mf->blocks[b].blk.kind != BLOCK_IMPORT)
				continue;
			block_record(&s->mf->blocks[b].blk, 0, &imp);
			resolve_import(&imp, l->resident, mods, i, s->mf,
				       &res);
			if (res.state == IMPORT_UNRESOLVED)
				pc->unresolved++;
			if (res.state == IMPORT_MISMATCH) {
				pc->mismatched++;
				s->versionless = force;
			}
			if (pc->report)
				pc->report(pc->ctx, s->mf, &res);
		}
		mods[i] = s->mf;
	}
	free(mods);
	return 0;
}

static bool needs_registry(const struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nr_steps; i++)
		if (l->steps[i].mf->nr_blocks)
			return true;
	return false;
}

static struct module_file *find_registry(const struct loader *l)
{
	const size_t n = strlen(REGISTRY_MODULE_FILE);
	const char *base;
	size_t i;

	/* symtab.ko, or compressed: symtab.ko.xz, ... */
	for (i = 0; i < l->nr_candidates; i++) {
		base = strrchr(l->candidates[i].mf->path, '/');
		base = base ? base + 1 : l->candidates[i].mf->path;
		if (!strncmp(base, REGISTRY_MODULE_FILE, n) &&
		    module_name_suffix(base) == strlen(base) - n + 3)
			return l->candidates[i].mf;
	}
	return NULL;
}

/* symtab.ko goes first when it is not loaded and anything needs it. */
static int plan_registry(struct loader *l, struct symtab_error *err)
{
	struct module_file *registry;
	int ret;

	if (l->registry_loaded || !needs_registry(l))
		return 0;
	registry = find_registry(l);
	if (!registry)
		return error_set(err, ENOENT,
				 "%s: symtab.ko is not loaded (no %s) and no %s was found in the module directories",
				 l->target->path, RESIDENT_TABLE_PATH,
				 REGISTRY_MODULE_FILE);
	ret = add_step(l, registry, true, err);
	if (ret)
		return ret;
	memmove(l->steps + 1, l->steps, (l->nr_steps - 1) * sizeof(*l->steps));
	l->steps[0].mf = registry;
	l->steps[0].registry = true;
	l->steps[0].versionless = false;
	return 0;
}

int loader_plan(struct loader *l, const char *path, bool force,
		import_fn report, void *ctx, struct symtab_error *err)
{
	struct plan_check pc = { report, ctx, 0, 0 };
	struct stat st;
	int ret;

	ret = module_file_open(path, &l->target, err);
	if (ret)
		return ret;
	if (stat(path, &st))
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	l->target_dev = st.st_dev;
	l->target_ino = st.st_ino;
	l->stack = calloc(l->nr_candidates + 1, sizeof(*l->stack));
	if (!l->stack)
		return error_set(err, ENOMEM, "out of memory");
	ret = loader_visit(l, l->target, err);
	if (ret)
		return ret;
	ret = check_plan(l, force, &pc, err);
	if (ret)
		return ret;
	l->unresolved = pc.unresolved;
	if (pc.unresolved)
		return error_set(err, ENOENT,
				 "%s: %zu unresolved symbol%s: no module in the module directories exports %s",
				 path, pc.unresolved,
				 pc.unresolved == 1 ? "" : "s",
				 pc.unresolved == 1 ? "it" : "them");
	if (pc.mismatched && !force)
		return error_set(err, EINVAL,
				 "%s: refusing to load: %zu symbol version mismatch%s (-f loads it with versionless imports)",
				 path, pc.mismatched,
				 pc.mismatched == 1 ? "" : "es");
	return plan_registry(l, err);
}

void loader_release(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nr_candidates; i++)
		module_file_free(l->candidates[i].mf);
	module_file_free(l->target);
	for (i = 0; i < l->nr_probes; i++)
		free(l->probes[i]);
	free(l->probes);
	free(l->candidates);
	free(l->steps);
	free(l->stack);
	memset(l, 0, sizeof(*l));
}
