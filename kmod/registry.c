// SPDX-License-Identifier: GPL-2.0-only
/*
 * The resident table: symbols registered by modules, looked up by name.
 */
#include "internal.h"

#include <linux/hashtable.h>
#include <linux/slab.h>
#include <linux/stringhash.h>
#include <linux/string.h>

/*
 * Resident symbols by name.  Writers hold symtab_mutex; readers walk a
 * bucket under rcu_read_lock().  Entries live in their struct
 * symtab_table, freed after a grace period.
 */
#define SYMTAB_HASH_BITS	13
static DEFINE_HASHTABLE(symtab_hash, SYMTAB_HASH_BITS);

DEFINE_MUTEX(symtab_mutex);
/* Registered tables, in registration order (symtab_mutex). */
LIST_HEAD(symtab_tables);

static u32 name_hash(const char *name, size_t len)
{
	return hash_32(full_name_hash(NULL, name, len), SYMTAB_HASH_BITS);
}

/* The entry named @name, published or not.  Context: as symtab_lookup(). */
static struct symtab_entry *find_entry(const char *name, size_t len)
{
	struct symtab_entry *e;

	hlist_for_each_entry_rcu(e, &symtab_hash[name_hash(name, len)], hnode,
				 lockdep_is_held(&symtab_mutex)) {
		if (!strncmp(e->name, name, len) && !e->name[len])
			return e;
	}
	return NULL;
}

/**
 * symtab_lookup() - find a resident symbol
 * @name: its name, not necessarily NUL-terminated
 * @len: the length of the name
 *
 * Context: rcu_read_lock() or symtab_mutex held.
 * Return: the entry of a published table, or NULL.
 */
struct symtab_entry *symtab_lookup(const char *name, size_t len)
{
	struct symtab_entry *e = find_entry(name, len);

	/* Pairs with the release in symtab_register(): entries are filled. */
	return e && smp_load_acquire(&e->table->live) ? e : NULL;
}

static void unhash_table(struct symtab_table *t, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		hlist_del_rcu(&t->entries[i].hnode);
}

/*
 * Hash every entry of @t, unpublished: a name already present (resident,
 * or earlier in @t) refuses the whole table.
 * Context: symtab_mutex held.
 */
static int hash_table(struct symtab_table *t)
{
	unsigned int i;

	lockdep_assert_held(&symtab_mutex);
	for (i = 0; i < t->nr; i++) {
		struct symtab_entry *e = &t->entries[i];
		size_t len = strlen(e->name);
		struct symtab_entry *old = find_entry(e->name, len);

		if (old) {
			pr_err("%s: symbol %s is already registered by %s\n",
			       t->owner->name, e->name,
			       old->table == t ? "this table" :
			       old->table->owner->name);
			unhash_table(t, i);
			return -EEXIST;
		}
		hlist_add_head_rcu(&e->hnode,
				   &symtab_hash[name_hash(e->name, len)]);
	}
	return 0;
}

/* Copy the records; every symbol must lie in the owner's core memory. */
static int fill_table(struct symtab_table *t, bool *versionless)
{
	const struct symtab_abi_record *rec = t->tab->rec;
	unsigned int i;

	*versionless = false;
	for (i = 0; i < t->nr; i++) {
		struct symtab_entry *e = &t->entries[i];

		e->table = t;
		e->addr = (void *)(unsigned long)rec[i].addr;
		e->crc = rec[i].crc;
		e->versioned = rec[i].flags & SYMTAB_REC_VERSIONED;
		strscpy(e->name, rec[i].name, sizeof(e->name));
		if (!e->versioned)
			*versionless = true;
		if (symtab_core_region(t->owner, e->addr, 1) ==
		    SYMTAB_REGION_NONE) {
			pr_err("%s: table %ps: symbol %s at %pS is not in the module's core memory\n",
			       t->owner->name, t->tab, e->name, e->addr);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * The table must lie in @owner's core data.  Its symbol, when the module
 * kept it, bounds it exactly.  A module stripped of local symbols (strip
 * --strip-unneeded: the table is static) has none: the region of core
 * memory holding the table's start then bounds it, in whole records, and
 * the block's END record or count says where it really ends.  An address
 * inside another object the module names is never a table.
 */
static int check_table_object(struct symbol_table *tab, struct module *owner,
			      size_t *size)
{
	const size_t hsize = sizeof(struct symtab_abi_header);
	const size_t rsize = sizeof(struct symtab_abi_record);
	enum symtab_region region;
	bool inside;
	size_t room;

	*size = symtab_object_size(owner, tab, &inside);
	if (!*size && inside) {
		pr_err("%s: table at %pS is not a data object of the module\n",
		       owner->name, tab);
		return -ENOEXEC;
	}
	if (*size) {
		region = symtab_core_region(owner, tab, *size);
	} else {
		region = symtab_core_room(owner, tab, &room);
		if (room >= hsize)
			*size = hsize + (room - hsize) / rsize * rsize;
		else
			*size = room;
	}
	if (region == SYMTAB_REGION_NONE || region == SYMTAB_REGION_TEXT) {
		pr_err("%s: table %ps is not in the module's core data (init data is freed after init)\n",
		       owner->name, tab);
		return -EINVAL;
	}
	return 0;
}

/*
 * An exporter without versions loads like a forced load, as the kernel
 * treats a module whose exports have no CRCs; symtab.strict refuses it.
 */
static int allow_versionless(struct symtab_table *t)
{
	if (READ_ONCE(symtab_strict)) {
		pr_err("%s: no versions for exported symbols\n",
		       t->owner->name);
		return -EINVAL;
	}
	if (!test_bit(TAINT_FORCED_MODULE, &t->owner->taints))
		pr_warn("%s: no versions for exported symbols: kernel tainted.\n",
			t->owner->name);
	set_bit(TAINT_FORCED_MODULE, &t->owner->taints);
	add_taint(TAINT_FORCED_MODULE, LOCKDEP_STILL_OK);
	return 0;
}

int symtab_register(struct symbol_table *tab, struct module *owner)
{
	char why[SYMTAB_ABI_WHY_LEN];
	struct symtab_table *t;
	bool versionless;
	unsigned int nr;
	size_t size;
	int err;

	if (!tab || !owner)
		return -EINVAL;
	err = check_table_object(tab, owner, &size);
	if (err)
		return err;
	err = symtab_block_check(tab, size, SYMTAB_KIND_EXPORT, &nr, why);
	if (err) {
		pr_err("%s: malformed table %ps: %s\n", owner->name, tab, why);
		return err;
	}

	t = kvzalloc(struct_size(t, entries, nr), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->tab = tab;
	t->owner = owner;
	t->nr = nr;
	err = fill_table(t, &versionless);
	if (err)
		goto free_table;

	mutex_lock(&symtab_mutex);
	err = hash_table(t);
	if (err)
		goto unlock;
	if (versionless) {
		err = allow_versionless(t);
		if (err)
			goto unhash;
	}
	list_add_tail(&t->node, &symtab_tables);
	/* Every name is accepted: lookups may see the table now. */
	smp_store_release(&t->live, true);
	mutex_unlock(&symtab_mutex);
	return 0;

unhash:
	unhash_table(t, t->nr);
unlock:
	mutex_unlock(&symtab_mutex);
	/* Lookups may still walk the entries just unhashed. */
	synchronize_rcu();
free_table:
	kvfree(t);
	return err;
}
EXPORT_SYMBOL_GPL(symtab_register);

/* Context: symtab_mutex held; frees @t after a grace period. */
static void drop_table(struct symtab_table *t)
{
	lockdep_assert_held(&symtab_mutex);
	unhash_table(t, t->nr);
	list_del(&t->node);
	synchronize_rcu();
	kvfree(t);
}

void symtab_unregister(struct symbol_table *tab, struct module *owner)
{
	struct symtab_table *t;

	might_sleep();
	mutex_lock(&symtab_mutex);
	list_for_each_entry(t, &symtab_tables, node) {
		if (t->tab != tab)
			continue;
		if (t->owner == owner)
			drop_table(t);
		else
			pr_err("%s: unregister_symtab(%ps) of module %s: refused\n",
			       symtab_module_name(owner), tab, t->owner->name);
		break;
	}
	mutex_unlock(&symtab_mutex);
}
EXPORT_SYMBOL_GPL(symtab_unregister);

/* For modules built against older headers: the caller by return address. */
void (unregister_symtab)(struct symbol_table *tab)
{
	unsigned long caller = _RET_IP_;
	struct module *owner = NULL;
	struct symtab_table *t;

	mutex_lock(&symtab_mutex);
	list_for_each_entry(t, &symtab_tables, node) {
		if (t->tab == tab) {
			owner = t->owner;
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
	/*
	 * Only the owner's code may name it, or anyone while the owner's exit
	 * runs: an exit ending in the call makes it a sibling call, whose
	 * return address is the kernel's.
	 */
	if (owner && !within_module(caller, owner) &&
	    owner->state != MODULE_STATE_GOING)
		owner = NULL;
	symtab_unregister(tab, owner);
}
EXPORT_SYMBOL_GPL(unregister_symtab);

/**
 * symtab_drop_tables() - remove every table of a module that goes away
 * @owner: the module
 *
 * On return no lookup can find @owner's symbols any more, nor is one still
 * using an entry found before.
 */
void symtab_drop_tables(struct module *owner)
{
	struct symtab_table *t, *tmp;

	mutex_lock(&symtab_mutex);
	list_for_each_entry_safe(t, tmp, &symtab_tables, node)
		if (t->owner == owner)
			drop_table(t);
	mutex_unlock(&symtab_mutex);
}
