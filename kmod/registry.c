// SPDX-License-Identifier: GPL-2.0-only
/*
 * The resident table: symbols registered by modules, looked up by name.
 */
#include "internal.h"

#include <linux/hashtable.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
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

/*
 * Pins taken by symtab_get(), by user and name.  symtab_uses_lock guards
 * the hash, the list and the counts.
 */
#define SYMTAB_USES_BITS	8
static DEFINE_HASHTABLE(symtab_uses, SYMTAB_USES_BITS);
LIST_HEAD(symtab_use_list);
DEFINE_SPINLOCK(symtab_uses_lock);

static u32 name_hash(const char *name, size_t len)
{
	return hash_32(full_name_hash(NULL, name, len), SYMTAB_HASH_BITS);
}

/**
 * symtab_lookup() - find a resident symbol
 * @name: its name, not necessarily NUL-terminated
 * @len: the length of the name
 *
 * Context: rcu_read_lock() or symtab_mutex held.
 * Return: the entry or NULL.
 */
struct symtab_entry *symtab_lookup(const char *name, size_t len)
{
	struct symtab_entry *e;

	hlist_for_each_entry_rcu(e, &symtab_hash[name_hash(name, len)], hnode,
				 lockdep_is_held(&symtab_mutex)) {
		if (!strncmp(e->name, name, len) && !e->name[len])
			return e;
	}
	return NULL;
}

static void unhash_table(struct symtab_table *t, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		hlist_del_rcu(&t->entries[i].hnode);
}

/* Context: symtab_mutex held. */
static int hash_table(struct symtab_table *t)
{
	unsigned int i;

	for (i = 0; i < t->nr; i++) {
		struct symtab_entry *e = &t->entries[i];
		size_t len = strlen(e->name);
		struct symtab_entry *old = symtab_lookup(e->name, len);

		if (old) {
			pr_err("%s: symbol %s is already registered by %s\n",
			       t->owner->name, e->name,
			       old->table->owner->name);
			unhash_table(t, i);
			/* Lookups may still see the entries just added. */
			if (i)
				synchronize_rcu();
			return -EEXIST;
		}
		hlist_add_head_rcu(&e->hnode,
				   &symtab_hash[name_hash(e->name, len)]);
	}
	return 0;
}

static int fill_table(struct symtab_table *t)
{
	const struct symtab_abi_record *rec = t->tab->rec;
	unsigned int i;

	for (i = 0; i < t->nr; i++) {
		struct symtab_entry *e = &t->entries[i];

		e->table = t;
		e->addr = (void *)(unsigned long)rec[i].addr;
		e->crc = rec[i].crc;
		e->versioned = rec[i].flags & SYMTAB_REC_VERSIONED;
		strscpy(e->name, rec[i].name, sizeof(e->name));
		if (!symtab_within(t->owner, e->addr, 1)) {
			pr_err("%s: table %ps: symbol %s at %pS is outside the module\n",
			       t->owner->name, t->tab, e->name, e->addr);
			return -ENOEXEC;
		}
	}
	return 0;
}

int symtab_register(struct symbol_table *tab, struct module *owner)
{
	char why[SYMTAB_WHY_LEN];
	struct symtab_table *t;
	unsigned int nr;
	size_t size;
	int err;

	if (!tab || !owner)
		return -EINVAL;
	size = symtab_object_size(owner, tab);
	if (!symtab_within(owner, tab, size)) {
		pr_err("%s: table at %pS is not a data object of the module\n",
		       owner->name, tab);
		return -ENOEXEC;
	}
	err = symtab_block_check(&tab->hdr, size, SYMTAB_KIND_EXPORT, &nr, why);
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
	err = fill_table(t);
	if (err)
		goto free_table;

	mutex_lock(&symtab_mutex);
	err = hash_table(t);
	if (err)
		goto unlock;
	list_add_tail(&t->node, &symtab_tables);
	mutex_unlock(&symtab_mutex);
	return 0;

unlock:
	mutex_unlock(&symtab_mutex);
free_table:
	kvfree(t);
	return err;
}
EXPORT_SYMBOL_GPL(symtab_register);

/* Context: symtab_mutex held; frees @t after a grace period. */
static void drop_table(struct symtab_table *t)
{
	unhash_table(t, t->nr);
	list_del(&t->node);
	synchronize_rcu();
	kvfree(t);
}

void unregister_symtab(struct symbol_table *tab)
{
	struct symtab_table *t;

	mutex_lock(&symtab_mutex);
	list_for_each_entry(t, &symtab_tables, node) {
		if (t->tab == tab) {
			drop_table(t);
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
}
EXPORT_SYMBOL_GPL(unregister_symtab);

/**
 * symtab_drop_tables() - remove every table of a module that goes away
 * @owner: the module
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

static u32 use_hash(const struct module *user, const char *name, size_t len)
{
	return full_name_hash(user, name, len);
}

/* Context: symtab_uses_lock held. */
static struct symtab_use *find_use(struct module *user, const char *name,
				   size_t len)
{
	struct symtab_use *u;

	hash_for_each_possible(symtab_uses, u, hnode,
			       use_hash(user, name, len)) {
		if (u->user == user && !strncmp(u->name, name, len) &&
		    !u->name[len])
			return u;
	}
	return NULL;
}

/*
 * A pin of @name by any user: symtab_put() called through a pointer may not
 * know its caller.
 * Context: symtab_uses_lock held.
 */
static struct symtab_use *find_any_use(const char *name, size_t len)
{
	struct symtab_use *u;

	list_for_each_entry(u, &symtab_use_list, node) {
		if (!strncmp(u->name, name, len) && !u->name[len])
			return u;
	}
	return NULL;
}

/*
 * Records of released pins kept for the next symtab_get(), so that a
 * get/put pair allocates nothing (symtab_uses_lock).
 */
#define SYMTAB_SPARE_USES	32
static LIST_HEAD(symtab_spare_uses);
static unsigned int symtab_nr_spare;

/* Context: symtab_uses_lock held. */
static struct symtab_use *take_spare(void)
{
	struct symtab_use *u;

	u = list_first_entry_or_null(&symtab_spare_uses, struct symtab_use,
				     node);
	if (u) {
		list_del(&u->node);
		symtab_nr_spare--;
	}
	return u;
}

/* Context: symtab_uses_lock held.  Return: @u if there is no room. */
static struct symtab_use *keep_spare(struct symtab_use *u)
{
	if (symtab_nr_spare >= SYMTAB_SPARE_USES)
		return u;
	list_add(&u->node, &symtab_spare_uses);
	symtab_nr_spare++;
	return NULL;
}

/* Count one more pin of @exporter's @name by @user. */
static int add_use(struct module *user, struct module *exporter,
		   const char *name, size_t len)
{
	struct symtab_use *u;

	spin_lock(&symtab_uses_lock);
	u = find_use(user, name, len);
	if (u && u->exporter == exporter) {
		u->count++;
		goto unlock;
	}
	u = take_spare();
	if (!u) {
		spin_unlock(&symtab_uses_lock);
		u = kmalloc(sizeof(*u), GFP_KERNEL);
		if (!u)
			return -ENOMEM;
		/* A racing get may add its own record: both stay valid. */
		spin_lock(&symtab_uses_lock);
	}
	u->user = user;
	strscpy(u->user_name, symtab_module_name(user), sizeof(u->user_name));
	u->exporter = exporter;
	u->count = 1;
	memcpy(u->name, name, len);
	u->name[len] = '\0';
	hash_add(symtab_uses, &u->hnode, use_hash(user, name, len));
	list_add_tail(&u->node, &symtab_use_list);
unlock:
	spin_unlock(&symtab_uses_lock);
	return 0;
}

void *__symtab_get(const char *name, struct module *user)
{
	struct module *exporter = NULL;
	struct symtab_entry *e;
	void *addr = NULL;
	bool versioned;
	size_t len;
	u32 crc;

	might_sleep();
	versioned = symtab_parse_name(name, &len, &crc);
	if (len >= SYMTAB_NAME_LEN)
		return NULL;

	rcu_read_lock();
	e = symtab_lookup(name, len);
	if (e && (!versioned || (e->versioned && e->crc == crc)) &&
	    symtab_pin(e->table->owner, user)) {
		exporter = e->table->owner;
		addr = e->addr;
	}
	rcu_read_unlock();
	if (!exporter)
		return NULL;

	if (add_use(user, exporter, name, len)) {
		module_put(exporter);
		return NULL;
	}
	return addr;
}
EXPORT_SYMBOL_GPL(__symtab_get);

void __symtab_put(const char *name, struct module *user)
{
	struct module *exporter = NULL;
	struct symtab_use *u;
	size_t len;
	u32 crc;

	symtab_parse_name(name, &len, &crc);
	if (len >= SYMTAB_NAME_LEN)
		goto unbalanced;

	spin_lock(&symtab_uses_lock);
	u = find_use(user, name, len);
	if (!u)
		u = find_any_use(name, len);
	if (u) {
		exporter = u->exporter;
		if (!--u->count) {
			hash_del(&u->hnode);
			list_del(&u->node);
			u = keep_spare(u);
		} else {
			u = NULL;
		}
	}
	spin_unlock(&symtab_uses_lock);
	if (!exporter)
		goto unbalanced;
	kfree(u);
	module_put(exporter);
	return;

unbalanced:
	pr_err("%s: symtab_put(%s) without a matching symtab_get()\n",
	       symtab_module_name(user), name);
}
EXPORT_SYMBOL_GPL(__symtab_put);

/**
 * symtab_orphan_uses() - keep the pins of a module that goes away
 * @user: the module
 *
 * Like symbol_get() without symbol_put(), its pins stay: the exporters
 * cannot be unloaded.  The uses keep the user's name only.
 */
void symtab_orphan_uses(struct module *user)
{
	struct symtab_use *u;
	unsigned int n = 0;

	spin_lock(&symtab_uses_lock);
	list_for_each_entry(u, &symtab_use_list, node) {
		if (u->user != user)
			continue;
		hash_del(&u->hnode);
		u->user = NULL;
		hash_add(symtab_uses, &u->hnode,
			 use_hash(NULL, u->name, strlen(u->name)));
		n += u->count;
	}
	spin_unlock(&symtab_uses_lock);
	if (n)
		pr_warn("%s: unloaded with %u symtab_get() pins not put\n",
			user->name, n);
}

/* The same, for callers that cannot use the macros: found by address. */
void *(symtab_get)(const char *name)
{
	return __symtab_get(name, symtab_client_of(_RET_IP_));
}
EXPORT_SYMBOL_GPL(symtab_get);

void (symtab_put)(const char *name)
{
	__symtab_put(name, symtab_client_of(_RET_IP_));
}
EXPORT_SYMBOL_GPL(symtab_put);

/* Frees the spare records; no pin is left when symtab.ko goes. */
void symtab_registry_exit(void)
{
	struct symtab_use *u;

	while ((u = take_spare()))
		kfree(u);
}
