// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module notifier: declared imports are checked and resolved when a
 * module comes, before its init runs; its tables, imports and pins are
 * released when it goes, and everything that points at it is detached.
 */
#include "internal.h"

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/notifier.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

/*
 * Woken whenever a module finishes its init or goes away: a client whose
 * exporter is still in its init waits here, as the kernel's loader waits
 * for the module that exports a symbol it needs.
 */
static DECLARE_WAIT_QUEUE_HEAD(symtab_state_wq);
static atomic_t symtab_state_changes = ATOMIC_INIT(0);

static void release_imports(struct symtab_client *c, unsigned int nr)
{
	while (nr--)
		if (c->imports[nr].exporter)
			module_put(c->imports[nr].exporter);
}

/*
 * Check a block before anything reads its record: it lies in the module's
 * writable core data and obeys the block rules (an import block is exactly
 * one header and one record).
 */
static int check_object(struct module *mod, struct symtab_object *obj)
{
	const struct symtab_import_block *blk = obj->addr;
	const char *label = obj->name ?: "(found by content)";
	char why[SYMTAB_ABI_WHY_LEN];
	enum symtab_region region;
	unsigned int nr;
	int err;

	region = symtab_core_region(mod, obj->addr, obj->size);
	if (region == SYMTAB_REGION_NONE) {
		pr_err("%s: malformed import block %s: not in the module's core memory (init data is freed after init)\n",
		       mod->name, label);
		return -ENOEXEC;
	}
	if (region != SYMTAB_REGION_DATA) {
		pr_err("%s: malformed import block %s: in the module's %s, not its writable data\n",
		       mod->name, label, symtab_region_name(region));
		return -ENOEXEC;
	}
	if (obj->type && !strchr("dDbB", obj->type)) {
		pr_err("%s: malformed import block %s: not a data object (type %c)\n",
		       mod->name, label, obj->type);
		return -ENOEXEC;
	}
	err = symtab_block_check(blk, obj->size, SYMTAB_KIND_IMPORT, &nr, why);
	if (err) {
		pr_err("%s: malformed import block %s: %s\n",
		       mod->name, label, why);
		return err;
	}
	if (obj->name &&
	    strcmp(blk->rec.name, obj->name + strlen(SYMTAB_ABI_IMPORT_PREFIX))) {
		pr_err("%s: malformed import block %s: declares %s\n",
		       mod->name, obj->name, blk->rec.name);
		return -ENOEXEC;
	}
	return 0;
}

/* The version suffix of an import's name in messages, "" if versionless. */
static const char *version_suffix(const struct symtab_import_block *blk,
				  char buf[SYMTAB_VERSION_SUFFIX_LEN + 1])
{
	if (!(blk->rec.flags & SYMTAB_REC_VERSIONED))
		return "";
	snprintf(buf, SYMTAB_VERSION_SUFFIX_LEN + 1, "_R%08x", blk->rec.crc);
	return buf;
}

/* What resolving a client's imports found, beyond success or failure. */
struct symtab_resolution {
	struct symtab_import_block **blks;
	unsigned int nr;
	bool some_versioned;		/* any import carries a version */
	const char *versionless;	/* first import without one */
	char waiting_for[MODULE_NAME_LEN];	/* -EAGAIN: still in init */
};

/* Context: symtab_mutex held. */
static int resolve_import(struct module *mod, struct symtab_resolution *res,
			  struct symtab_import_block *blk,
			  struct symtab_import *imp)
{
	bool versioned = blk->rec.flags & SYMTAB_REC_VERSIONED;
	char suffix[SYMTAB_VERSION_SUFFIX_LEN + 1];
	const char *name = blk->rec.name;
	struct symtab_entry *e;
	struct module *owner;

	e = symtab_lookup(name, strlen(name));
	if (!e) {
		pr_err("%s: unresolved symbol %s%s\n",
		       mod->name, name, version_suffix(blk, suffix));
		return -ENOENT;
	}
	owner = e->table->owner;
	if (versioned && e->versioned && e->crc != blk->rec.crc) {
		pr_err("%s: disagrees about version of symbol %s (wants %s%s, resident %s_R%08x from %s)\n",
		       mod->name, name, name, version_suffix(blk, suffix),
		       name, e->crc, owner->name);
		return -EINVAL;
	}
	if (!versioned) {
		/* Debian's kernel refuses a module with some versions only. */
		if (res->some_versioned || READ_ONCE(symtab_strict)) {
			pr_err("%s: no symbol version for %s\n", mod->name, name);
			return -EINVAL;
		}
		res->versionless = res->versionless ?: name;
	}
	if (owner->state == MODULE_STATE_COMING && owner != mod) {
		strscpy(res->waiting_for, owner->name, sizeof(res->waiting_for));
		return -EAGAIN;
	}
	if (owner == mod || !try_module_get(owner)) {
		pr_err("%s: unresolved symbol %s%s: %s is going away\n",
		       mod->name, name, version_suffix(blk, suffix),
		       owner->name);
		return -ENOENT;
	}
	imp->exporter = owner;
	imp->blk = blk;
	strscpy(imp->exporter_name, owner->name, sizeof(imp->exporter_name));
	WRITE_ONCE(blk->rec.addr, (unsigned long)e->addr);
	return 0;
}

/* Context: symtab_mutex held. */
static int resolve_imports(struct symtab_client *c,
			   struct symtab_resolution *res)
{
	int err;

	for (c->nr_imports = 0; c->nr_imports < res->nr; c->nr_imports++) {
		err = resolve_import(c->mod, res, res->blks[c->nr_imports],
				     &c->imports[c->nr_imports]);
		if (err)
			goto release;
	}
	return 0;

release:
	release_imports(c, c->nr_imports);
	while (c->nr_imports)
		WRITE_ONCE(res->blks[--c->nr_imports]->rec.addr, 0);
	return err;
}

/*
 * Resolve under symtab_mutex, waiting (unlocked) while an exporter is in
 * its init, for at most symtab.init_wait seconds in all.
 */
static int resolve_waiting(struct symtab_client *c,
			   struct symtab_resolution *res)
{
	unsigned long deadline = jiffies + READ_ONCE(symtab_init_wait) * HZ;
	long left;
	int seen, err;

	for (;;) {
		seen = atomic_read(&symtab_state_changes);
		mutex_lock(&symtab_mutex);
		err = resolve_imports(c, res);
		if (!err)
			list_add_tail_rcu(&c->node, &symtab_clients);
		mutex_unlock(&symtab_mutex);
		if (err != -EAGAIN)
			return err;

		left = (long)(deadline - jiffies);
		if (left <= 0 ||
		    wait_event_interruptible_timeout(symtab_state_wq,
				atomic_read(&symtab_state_changes) != seen,
				left) <= 0)
			break;
	}
	pr_warn("%s: gave up waiting for init of module %s.\n",
		c->mod->name, res->waiting_for);
	return -EBUSY;
}

/*
 * The import blocks of @mod: by name, and by content when the module was
 * stripped of local symbols.  A module that refers to the symtab ABI but
 * whose blocks cannot all be found would run with unresolved imports.
 */
static int find_blocks(struct module *mod, struct symtab_object **objsp,
		       struct symtab_module_refs *refs)
{
	struct symtab_object *objs;
	int named, scanned, nr;

	*objsp = NULL;
	named = symtab_find_imports(mod, NULL, 0, refs);
	scanned = refs->imports_abi ? symtab_scan_imports(mod, NULL, 0) : 0;
	if (named && scanned && named != scanned) {
		pr_err("%s: %d import blocks have symbols but %d are in the module: refusing unchecked imports\n",
		       mod->name, named, scanned);
		return -ENOEXEC;
	}
	nr = named ?: scanned;
	if (refs->imports_abi && !nr) {
		pr_err("%s: refers to symtab imports but no import block can be found\n",
		       mod->name);
		return -ENOEXEC;
	}
	if (!nr)
		return 0;

	objs = kvcalloc(nr, sizeof(*objs), GFP_KERNEL);
	if (!objs)
		return -ENOMEM;
	/* The full symbol table does not change before init. */
	if (named)
		nr = min(nr, symtab_find_imports(mod, objs, nr, refs));
	else
		nr = min(nr, symtab_scan_imports(mod, objs, nr));
	*objsp = objs;
	return nr;
}

static int module_coming(struct module *mod)
{
	struct symtab_resolution res = { };
	struct symtab_module_refs refs;
	struct symtab_object *objs;
	struct symtab_client *c;
	unsigned int i;
	int nr, err;

	nr = find_blocks(mod, &objs, &refs);
	if (nr < 0)
		return nr;
	if (!nr && !refs.by_address)
		return 0;
	for (i = 0; i < nr; i++) {
		err = check_object(mod, &objs[i]);
		if (err)
			goto free_objs;
	}

	err = -ENOMEM;
	res.blks = kvcalloc(nr, sizeof(*res.blks), GFP_KERNEL);
	c = kvzalloc(struct_size(c, imports, nr), GFP_KERNEL);
	if (!c || (nr && !res.blks))
		goto free_client;
	for (i = 0; i < nr; i++) {
		res.blks[i] = objs[i].addr;
		if (res.blks[i]->rec.flags & SYMTAB_REC_VERSIONED)
			res.some_versioned = true;
	}
	res.nr = nr;
	c->mod = mod;

	err = resolve_waiting(c, &res);
	if (err)
		goto free_client;
	/* Taint only once the module is sure to come. */
	if (res.versionless) {
		if (!test_bit(TAINT_FORCED_MODULE, &mod->taints))
			pr_warn("%s: no symbol version for %s: kernel tainted.\n",
				mod->name, res.versionless);
		set_bit(TAINT_FORCED_MODULE, &mod->taints);
		add_taint(TAINT_FORCED_MODULE, LOCKDEP_STILL_OK);
	}
	kvfree(res.blks);
	kvfree(objs);
	return 0;

free_client:
	kvfree(c);
	kvfree(res.blks);
free_objs:
	kvfree(objs);
	return err;
}

/* Context: symtab_mutex held. */
static void drop_client(struct symtab_client *c)
{
	list_del_rcu(&c->node);
	release_imports(c, c->nr_imports);
	kvfree_rcu(c, rcu);
}

/*
 * Imports of other clients that point at @exporter: only rmmod -f gets
 * here, the imports hold references.  The clients stay, the addresses are
 * cleared and the exporter's name kept for /proc/symtab_users.
 * Context: symtab_mutex held.
 */
static void detach_imports(struct module *exporter)
{
	struct symtab_client *c;
	unsigned int i;

	list_for_each_entry(c, &symtab_clients, node) {
		for (i = 0; i < c->nr_imports; i++) {
			struct symtab_import *imp = &c->imports[i];

			if (imp->exporter != exporter)
				continue;
			pr_warn("%s: import %s detached: %s went away while in use\n",
				c->mod->name, imp->blk->rec.name,
				exporter->name);
			imp->exporter = NULL;
			WRITE_ONCE(imp->blk->rec.addr, 0);
		}
	}
}

static void module_going(struct module *mod)
{
	struct symtab_client *c;

	/* Lookups can no longer find @mod, nor pin it after this. */
	symtab_drop_tables(mod);
	mutex_lock(&symtab_mutex);
	list_for_each_entry(c, &symtab_clients, node) {
		if (c->mod == mod) {
			drop_client(c);
			break;
		}
	}
	detach_imports(mod);
	mutex_unlock(&symtab_mutex);
	symtab_release_pins(mod);
	symtab_detach_pins(mod);
}

static int symtab_module_notify(struct notifier_block *nb,
				unsigned long state, void *data)
{
	struct module *mod = data;
	int err = 0;

	switch (state) {
	case MODULE_STATE_COMING:
		err = module_coming(mod);
		break;
	case MODULE_STATE_LIVE:
		break;
	case MODULE_STATE_GOING:
		module_going(mod);
		break;
	default:
		return NOTIFY_DONE;
	}
	atomic_inc(&symtab_state_changes);
	wake_up_all(&symtab_state_wq);
	return notifier_from_errno(err);
}

static struct notifier_block symtab_module_nb = {
	.notifier_call = symtab_module_notify,
};

int symtab_imports_init(void)
{
	return register_module_notifier(&symtab_module_nb);
}

/* No client is left: each depends on symtab.ko. */
void symtab_imports_exit(void)
{
	struct symtab_client *c, *tmp;

	unregister_module_notifier(&symtab_module_nb);
	mutex_lock(&symtab_mutex);
	list_for_each_entry_safe(c, tmp, &symtab_clients, node)
		drop_client(c);
	mutex_unlock(&symtab_mutex);
}
