// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module notifier: declared imports are checked and resolved when a
 * module comes, before its init runs; its tables, imports and pins are
 * released when it goes, and everything that points at it is detached.
 */
#include "internal.h"

#include <linux/kernel.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

static void release_imports(struct symtab_client *c, unsigned int nr)
{
	while (nr--)
		if (c->imports[nr].exporter)
			module_put(c->imports[nr].exporter);
}

/* How messages name the import block @obj. */
static const char *object_label(const struct symtab_object *obj)
{
	return obj->name ?: "(found by content)";
}

/*
 * Check a block before anything reads its record: it lies in the module's
 * writable core data and obeys the block rules (an import block is exactly
 * one header and one record).
 */
static int check_object(struct module *mod, struct symtab_object *obj)
{
	const struct symtab_import_block *blk = obj->addr;
	const char *label = object_label(obj);
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

/*
 * Every import block says how many the module has (symtab stamp writes
 * it): they must agree, and be all there.  A stripped module's blocks are
 * found by content only, and a block whose magic is damaged hides itself
 * and the blocks after it: only the count shows that some are missing,
 * which the module's code would call through unresolved.  Blocks stamped
 * before the count existed say 0, which is enough where symbols name them.
 * Called after check_object() accepted each block.
 */
static int check_import_total(struct module *mod,
			      const struct symtab_object *objs, unsigned int nr)
{
	const struct symtab_import_block *blk;
	unsigned int i;
	u32 total;

	if (!nr)
		return 0;
	blk = objs[0].addr;
	total = blk->hdr.imports;
	for (i = 1; i < nr; i++) {
		blk = objs[i].addr;
		if (blk->hdr.imports == total)
			continue;
		if (objs[i].name)
			pr_err("%s: malformed import blocks: %s counts %u import blocks, %s counts %u\n",
			       mod->name, objs[0].name, total, objs[i].name,
			       blk->hdr.imports);
		else
			pr_err("%s: malformed import blocks: block 0 found by content counts %u import blocks, block %u counts %u\n",
			       mod->name, total, i, blk->hdr.imports);
		return -ENOEXEC;
	}
	if (!total && !objs[0].name) {
		pr_err("%s: malformed import blocks: found by content, they carry no count: run symtab stamp before strip\n",
		       mod->name);
		return -ENOEXEC;
	}
	if (total && total != nr) {
		pr_err("%s: malformed import blocks: %u found, the blocks count %u: refusing unchecked imports\n",
		       mod->name, nr, total);
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
	const char *unresolved;	/* -EAGAIN: not resident, others in init */
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

	lockdep_assert_held(&symtab_mutex);
	e = symtab_lookup(name, strlen(name));
	if (!e && symtab_others_in_init(mod)) {
		/* A module in its init may register it yet. */
		res->unresolved = name;
		return -EAGAIN;
	}
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
		res->unresolved = NULL;
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

	lockdep_assert_held(&symtab_mutex);
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

/* What a client's COMING found, kept for its deferred resolution. */
struct symtab_coming {
	struct symtab_deferral how;
	struct symtab_client *c;
	struct symtab_resolution res;
	struct symtab_object *objs;
};

/* Context: symtab_mutex held.  Return: 0, -EAGAIN to wait, an error. */
static int try_resolve(void *arg)
{
	struct symtab_coming *sc = arg;
	int err;

	lockdep_assert_held(&symtab_mutex);
	err = resolve_imports(sc->c, &sc->res);
	if (!err)
		list_add_tail_rcu(&sc->c->node, &symtab_clients);
	return err;
}

static void free_coming(struct symtab_coming *sc, bool free_client)
{
	if (free_client)
		kvfree(sc->c);
	kvfree(sc->res.blks);
	kvfree(sc->objs);
	kfree(sc);
}

/* The client is sure to come: taint for a versionless import. */
static void client_resolved(struct symtab_coming *sc)
{
	struct module *mod = sc->c->mod;

	if (!sc->res.versionless)
		return;
	if (!test_bit(TAINT_FORCED_MODULE, &mod->taints))
		pr_warn("%s: no symbol version for %s: kernel tainted.\n",
			mod->name, sc->res.versionless);
	set_bit(TAINT_FORCED_MODULE, &mod->taints);
	add_taint(TAINT_FORCED_MODULE, LOCKDEP_STILL_OK);
}

/*
 * Called as the client's init starts (initwait.c), outside the notifier
 * chain: waits while an exporter is in its init, or while a name is not
 * resident and another module is in its init, symtab.init_wait seconds at
 * most.
 */
static int resolve_deferred(struct symtab_deferral *how)
{
	struct symtab_coming *sc = container_of(how, struct symtab_coming, how);
	struct module *mod = sc->c->mod;
	int err;

	err = symtab_wait_resolved(mod, try_resolve, sc);
	if (err == -EAGAIN && sc->res.unresolved) {
		pr_err("%s: unresolved symbol %s: no module in its init registered it in time\n",
		       mod->name, sc->res.unresolved);
		err = -ENOENT;
	} else if (err == -EAGAIN) {
		pr_warn("%s: gave up waiting for init of module %s.\n",
			mod->name, sc->res.waiting_for);
		err = -EBUSY;
	}
	if (!err)
		client_resolved(sc);
	free_coming(sc, err);
	return err;
}

static void discard_deferred(struct symtab_deferral *how)
{
	free_coming(container_of(how, struct symtab_coming, how), true);
}

/*
 * The import blocks of @mod: by name, and by content when the module was
 * stripped of local symbols.  A module that refers to the symtab ABI but
 * whose blocks cannot all be found would run with unresolved imports.
 * Blocks are looked for by content in every module: one that has blocks
 * but does not refer to the ABI (its reference to symtab_abi_format
 * defined in the module itself) would not depend on symtab.ko, which
 * could then go away under it; one that hides both is the module's own
 * crash, with symtab.ko loaded or not.
 */
static int find_blocks(struct module *mod, struct symtab_object **objsp,
		       struct symtab_module_refs *refs)
{
	struct symtab_object *objs;
	int named, scanned, nr;

	*objsp = NULL;
	named = symtab_find_imports(mod, NULL, 0, refs);
	scanned = symtab_scan_imports(mod, NULL, 0);
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
	if (nr && !refs->imports_abi) {
		pr_err("%s: has import blocks but no undefined reference to symtab_abi_format: it would not depend on symtab\n",
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

/*
 * Check the blocks of a coming module and resolve its imports now if they
 * can be; if an exporter is still in its init (or may register a missing
 * name from there), the resolution is deferred to the start of the
 * module's own init, outside the notifier chain.
 */
static int module_coming(struct module *mod)
{
	struct symtab_module_refs refs;
	struct symtab_object *objs;
	struct symtab_coming *sc;
	unsigned int i;
	int nr, err;

	nr = find_blocks(mod, &objs, &refs);
	if (nr < 0)
		return nr;
	/* Before the module's constructors use its symbols (KASAN globals). */
	if (nr || refs.registers || refs.by_address) {
		err = symtab_check_objects(mod);
		if (err) {
			kvfree(objs);
			return err;
		}
	}
	/* From now on, clients may wait for its init to register a table. */
	if (refs.registers) {
		err = symtab_init_starts(mod);
		if (err) {
			kvfree(objs);
			return err;
		}
	}
	if (!nr && !refs.by_address)
		return 0;
	for (i = 0, err = 0; i < nr && !err; i++)
		err = check_object(mod, &objs[i]);
	if (!err)
		err = check_import_total(mod, objs, nr);
	if (err) {
		kvfree(objs);
		return err;
	}

	sc = kzalloc(sizeof(*sc), GFP_KERNEL);
	if (!sc) {
		kvfree(objs);
		return -ENOMEM;
	}
	sc->objs = objs;
	sc->how.resolve = resolve_deferred;
	sc->how.discard = discard_deferred;
	err = -ENOMEM;
	sc->res.blks = kvcalloc(nr, sizeof(*sc->res.blks), GFP_KERNEL);
	sc->c = kvzalloc(struct_size(sc->c, imports, nr), GFP_KERNEL);
	if (!sc->c || (nr && !sc->res.blks))
		goto free;
	for (i = 0; i < nr; i++) {
		sc->res.blks[i] = objs[i].addr;
		if (sc->res.blks[i]->rec.flags & SYMTAB_REC_VERSIONED)
			sc->res.some_versioned = true;
	}
	sc->res.nr = nr;
	sc->c->mod = mod;

	mutex_lock(&symtab_mutex);
	err = try_resolve(sc);
	mutex_unlock(&symtab_mutex);
	if (err == -EAGAIN) {
		err = symtab_defer_init(mod, &sc->how);
		if (!err)
			return 0;
	}
	if (err)
		goto free;
	client_resolved(sc);
	free_coming(sc, false);
	return 0;

free:
	free_coming(sc, true);
	return err;
}

/*
 * /sys/module/<exporter>/holders/ names the clients of the exporter, as
 * for the kernel's own exports, so that lsmod shows them.  The kernel's
 * ref_module() is not exported: its holder lists (/proc/modules' "used
 * by") stay the kernel's; the sysfs link is all symtab.ko adds.  A client
 * linked there by the kernel already (it uses an EXPORT_SYMBOL too) keeps
 * the kernel's link.  Only declared imports: a symtab_get() pin is a
 * reference like try_module_get(), which the kernel shows nowhere either.
 * Made when the client is live (its sysfs directory exists only after its
 * COMING), removed when client or exporter goes.
 * Context: symtab_mutex held.
 */
static void link_holders(struct symtab_client *c)
{
	unsigned int i;

	lockdep_assert_held(&symtab_mutex);
	for (i = 0; i < c->nr_imports; i++) {
		struct symtab_import *imp = &c->imports[i];

		if (!imp->exporter || !imp->exporter->holders_dir)
			continue;
		imp->linked = !sysfs_create_link_nowarn(imp->exporter->holders_dir,
							&c->mod->mkobj.kobj,
							c->mod->name);
	}
}

/* Context: symtab_mutex held. */
static void unlink_holder(struct symtab_client *c, struct symtab_import *imp)
{
	lockdep_assert_held(&symtab_mutex);
	if (!imp->linked || !imp->exporter)
		return;
	sysfs_remove_link(imp->exporter->holders_dir, c->mod->name);
	imp->linked = false;
}

static void module_live(struct module *mod)
{
	struct symtab_client *c;

	mutex_lock(&symtab_mutex);
	list_for_each_entry(c, &symtab_clients, node) {
		if (c->mod == mod) {
			link_holders(c);
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
}

/* Context: symtab_mutex held. */
static void drop_client(struct symtab_client *c)
{
	unsigned int i;

	lockdep_assert_held(&symtab_mutex);
	for (i = 0; i < c->nr_imports; i++)
		unlink_holder(c, &c->imports[i]);
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

	lockdep_assert_held(&symtab_mutex);
	list_for_each_entry(c, &symtab_clients, node) {
		for (i = 0; i < c->nr_imports; i++) {
			struct symtab_import *imp = &c->imports[i];

			if (imp->exporter != exporter)
				continue;
			pr_warn("%s: import %s detached: %s went away while in use\n",
				c->mod->name, imp->blk->rec.name,
				exporter->name);
			unlink_holder(c, imp);
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
		if (err)	/* no GOING follows for this notifier */
			symtab_init_ends(mod);
		break;
	case MODULE_STATE_LIVE:
		symtab_init_ends(mod);
		module_live(mod);
		break;
	case MODULE_STATE_GOING:
		symtab_init_ends(mod);
		module_going(mod);
		break;
	default:
		return NOTIFY_DONE;
	}
	symtab_state_changed();
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
	symtab_initwait_exit();
	mutex_lock(&symtab_mutex);
	list_for_each_entry_safe(c, tmp, &symtab_clients, node)
		drop_client(c);
	mutex_unlock(&symtab_mutex);
}
