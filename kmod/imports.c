// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module notifier: declared imports are checked and resolved when a
 * module comes, before its init runs; its tables, imports and pins are
 * released when it goes.
 */
#include "internal.h"

#include <linux/kernel.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/string.h>

/*
 * The clients, from MODULE_STATE_COMING to GOING.  Writers hold
 * symtab_mutex, symtab_client_of() uses RCU; entries are freed after a
 * grace period.
 */
LIST_HEAD(symtab_clients);

/**
 * symtab_client_of() - the client whose memory holds @addr
 * @addr: a return address, in a module that calls symtab_get()
 *
 * Return: the module, or NULL if @addr is not in a client.
 */
struct module *symtab_client_of(unsigned long addr)
{
	struct symtab_client *c;
	struct module *mod = NULL;

	rcu_read_lock();
	list_for_each_entry_rcu(c, &symtab_clients, node) {
		if (within_module(addr, c->mod)) {
			mod = c->mod;
			break;
		}
	}
	rcu_read_unlock();
	return mod;
}

/**
 * symtab_pin() - take a reference on the module that exports a symbol
 * @exporter: the module
 * @user: the module that will use the symbol, or NULL
 *
 * Like the kernel's own symbol resolution, refuse an exporter whose init
 * has not finished: a failing init frees it whatever its refcount.
 *
 * Return: true if @exporter is pinned.
 */
bool symtab_pin(struct module *exporter, struct module *user)
{
	if (exporter->state == MODULE_STATE_COMING && exporter != user)
		return false;
	return try_module_get(exporter);
}

static void release_imports(struct symtab_client *c, unsigned int nr)
{
	while (nr--)
		module_put(c->imports[nr].exporter);
}

static int check_object(struct module *mod, const struct symtab_object *obj)
{
	const char *sym = obj->name + strlen(SYMTAB_ABI_IMPORT_PREFIX);
	const struct symtab_import_block *blk = obj->addr;
	char why[SYMTAB_WHY_LEN];
	unsigned int nr;
	int err;

	if (!symtab_within(mod, obj->addr, obj->size)) {
		pr_err("%s: malformed import block %s: %zu bytes at %p are not the module's\n",
		       mod->name, obj->name, obj->size, obj->addr);
		return -ENOEXEC;
	}
	if (!obj->type || !strchr("dDbB", obj->type)) {
		pr_err("%s: malformed import block %s: not writable data (type %c)\n",
		       mod->name, obj->name, obj->type);
		return -ENOEXEC;
	}
	err = symtab_block_check(&blk->hdr, obj->size, SYMTAB_KIND_IMPORT,
				 &nr, why);
	if (err) {
		pr_err("%s: malformed import block %s: %s\n",
		       mod->name, obj->name, why);
		return err;
	}
	if (strcmp(blk->rec.name, sym)) {
		pr_err("%s: malformed import block %s: record names %s\n",
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

/* Context: symtab_mutex held. */
static int resolve_import(struct module *mod, struct symtab_import_block *blk,
			  struct symtab_import *imp)
{
	bool versioned = blk->rec.flags & SYMTAB_REC_VERSIONED;
	char suffix[SYMTAB_VERSION_SUFFIX_LEN + 1];
	const char *name = blk->rec.name;
	struct symtab_entry *e;

	e = symtab_lookup(name, strlen(name));
	if (!e) {
		pr_err("%s: unresolved symbol %s%s\n",
		       mod->name, name, version_suffix(blk, suffix));
		return -ENOENT;
	}
	if (versioned && e->versioned && e->crc != blk->rec.crc) {
		pr_err("%s: disagrees about version of symbol %s (wants %s%s, resident %s_R%08x from %s)\n",
		       mod->name, name, name, version_suffix(blk, suffix),
		       name, e->crc, e->table->owner->name);
		return -EINVAL;
	}
	if (!versioned || !e->versioned) {
		if (READ_ONCE(symtab_strict)) {
			pr_err("%s: no symbol version for %s\n", mod->name, name);
			return -EINVAL;
		}
		pr_warn("%s: no symbol version for %s\n", mod->name, name);
		set_bit(TAINT_FORCED_MODULE, &mod->taints);
		add_taint(TAINT_FORCED_MODULE, LOCKDEP_STILL_OK);
	}
	if (!symtab_pin(e->table->owner, mod)) {
		pr_err("%s: unresolved symbol %s%s: %s is not live\n",
		       mod->name, name, version_suffix(blk, suffix),
		       e->table->owner->name);
		return -ENOENT;
	}
	imp->exporter = e->table->owner;
	imp->name = name;
	WRITE_ONCE(blk->rec.addr, (unsigned long)e->addr);
	return 0;
}

/* Context: symtab_mutex held. */
static int resolve_imports(struct symtab_client *c,
			   const struct symtab_object *objs, unsigned int nr)
{
	int err;

	for (c->nr_imports = 0; c->nr_imports < nr; c->nr_imports++) {
		err = resolve_import(c->mod, objs[c->nr_imports].addr,
				     &c->imports[c->nr_imports]);
		if (err)
			goto release;
	}
	return 0;

release:
	release_imports(c, c->nr_imports);
	return err;
}

static int module_coming(struct module *mod)
{
	struct symtab_object *objs = NULL;
	struct symtab_client *c;
	bool by_address;
	unsigned int i;
	int nr, err;

	nr = symtab_find_imports(mod, NULL, 0, &by_address);
	if (!nr && !by_address)
		return 0;
	if (nr) {
		objs = kvcalloc(nr, sizeof(*objs), GFP_KERNEL);
		if (!objs)
			return -ENOMEM;
		/* The full symbol table does not change before init. */
		nr = min(nr, symtab_find_imports(mod, objs, nr, &by_address));
	}
	for (i = 0; i < nr; i++) {
		err = check_object(mod, &objs[i]);
		if (err)
			goto free_objs;
	}

	c = kvzalloc(struct_size(c, imports, nr), GFP_KERNEL);
	err = -ENOMEM;
	if (!c)
		goto free_objs;
	c->mod = mod;

	mutex_lock(&symtab_mutex);
	err = resolve_imports(c, objs, nr);
	if (err)
		goto unlock;
	list_add_tail_rcu(&c->node, &symtab_clients);
	mutex_unlock(&symtab_mutex);
	kvfree(objs);
	return 0;

unlock:
	mutex_unlock(&symtab_mutex);
	kvfree(c);
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

static void module_going(struct module *mod)
{
	struct symtab_client *c;

	symtab_drop_tables(mod);
	mutex_lock(&symtab_mutex);
	list_for_each_entry(c, &symtab_clients, node) {
		if (c->mod == mod) {
			drop_client(c);
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
	symtab_orphan_uses(mod);
}

static int symtab_module_notify(struct notifier_block *nb,
				unsigned long state, void *data)
{
	struct module *mod = data;

	switch (state) {
	case MODULE_STATE_COMING:
		return notifier_from_errno(module_coming(mod));
	case MODULE_STATE_GOING:
		module_going(mod);
		break;
	}
	return NOTIFY_DONE;
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
