/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Load planning: which modules must go in before a given one, and in what
 * order.  Each import not already resident is looked for in the export
 * tables of the modules found in a list of directories; so are the
 * kernel's own dependencies, as modprobe follows them: the modules named
 * by modinfo "depends", and the exporters (EXPORT_SYMBOL) of its undefined
 * symbols.  A dependency found nowhere but installed for the running
 * kernel (modules.dep) is left to modprobe, by name, before the rest.
 * Their own dependencies are followed the same way, depth first, and a
 * cycle is refused.  Then every import of the plan is checked as
 * symtab.ko will check it.
 */
#ifndef _SYMTAB_LOAD_PLAN_H
#define _SYMTAB_LOAD_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "../resident/import_check.h"
#include "../module/module_file.h"
#include "../resident/resident_table.h"

#define REGISTRY_MODULE_FILE	"symtab.ko"
#define REGISTRY_MODULE_NAME	"symtab"

struct load_step {
	struct module_file *mf;
	bool registry;		/* symtab.ko itself, not loaded yet */
	bool versionless;	/* -f: insert a copy with versionless imports */
};

struct module_candidate {
	struct module_file *mf;
	dev_t dev;
	ino_t ino;
};

/* Told about each file in the directories that is not a usable module. */
typedef void (*loader_note_fn)(void *ctx, const struct symtab_error *err);

/* Is the module named @name loaded (1), not (0), or -errno? */
typedef int (*loader_loaded_fn)(const char *name);

struct loader {
	const struct resident_table *resident;
	bool registry_loaded;		/* /proc/symtab exists */
	struct module_candidate *candidates;
	size_t nr_candidates;
	struct module_file *target;
	dev_t target_dev;
	ino_t target_ino;
	struct load_step *steps;	/* the plan, in load order */
	size_t nr_steps;
	char **probes;			/* installed modules, by name: first */
	size_t nr_probes;
	size_t unresolved;		/* imports of the plan nobody exports */
	struct module_file **stack;	/* modules being visited */
	size_t depth;
	loader_note_fn note;
	void *note_ctx;
	loader_loaded_fn loaded;	/* module_loaded_by_name() by default */
	/* Installed for the running kernel? (to free), default modules.dep */
	char *(*installed)(const char *name);
};

void loader_init(struct loader *l, const struct resident_table *resident,
		 bool registry_loaded, loader_note_fn note, void *ctx);

/*
 * loader_scan() - add the modules (*.ko, compressed too) in @dir as
 * candidates
 * @recursive: and in its subdirectories
 * Return: 0, or -errno if @dir cannot be read (-ENOENT: it does not exist).
 */
int loader_scan(struct loader *l, const char *dir, bool recursive,
		struct symtab_error *err);

/*
 * loader_plan() - plan the loading of @path
 * @force: plan modules whose versions disagree with versionless imports
 * @report: told about every import of the plan that is not plainly fine
 *
 * Return: 0 with l->steps set; -ENOENT (an import nobody exports, or no
 * symtab.ko), -EINVAL (a version mismatch, without @force), -ELOOP (a
 * dependency cycle), -ENOEXEC (malformed module), with @err set.
 */
int loader_plan(struct loader *l, const char *path, bool force,
		import_fn report, void *ctx, struct symtab_error *err);

void loader_release(struct loader *l);

#endif /* _SYMTAB_LOAD_PLAN_H */
