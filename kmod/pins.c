// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab_get() and symtab_put(): pins on exporters, counted by user and
 * name.  A pin lives until its user puts it or goes away; an exporter that
 * goes away anyway (rmmod -f) leaves its pins detached, names kept.
 */
#include "internal.h"

#include <linux/hashtable.h>
#include <linux/slab.h>
#include <linux/stringhash.h>
#include <linux/string.h>

#define SYMTAB_USES_BITS	8
static DEFINE_HASHTABLE(symtab_uses, SYMTAB_USES_BITS);
LIST_HEAD(symtab_use_list);
DEFINE_SPINLOCK(symtab_uses_lock);

/*
 * Records of released pins kept for the next symtab_get(), so that a
 * get/put pair allocates nothing (symtab_uses_lock).
 */
#define SYMTAB_SPARE_USES	32
static LIST_HEAD(symtab_spare_uses);
static unsigned int symtab_nr_spare;

/**
 * symtab_pin() - take a reference on the module that exports a symbol
 * @exporter: the module
 * @user: the module that will use the symbol, or NULL
 *
 * Like the kernel's own symbol resolution, never take a reference on a
 * module whose init has not finished: a failing init frees it whatever its
 * refcount.  A module may use its own symbols; that needs no reference.
 *
 * Context: the entry naming @exporter found under RCU, still held.
 * Return: true if @exporter may be used (pinned unless it is @user).
 */
bool symtab_pin(struct module *exporter, struct module *user)
{
	if (exporter == user)
		return true;
	if (exporter->state == MODULE_STATE_COMING)
		return false;
	return try_module_get(exporter);
}

static u32 use_hash(const struct module *user, const char *name, size_t len)
{
	return hash_32(full_name_hash(user, name, len), SYMTAB_USES_BITS);
}

/* Context: symtab_uses_lock held. */
static struct symtab_use *find_use(struct module *user, const char *name,
				   size_t len)
{
	struct symtab_use *u;

	lockdep_assert_held(&symtab_uses_lock);
	hash_for_each_possible(symtab_uses, u, hnode,
			       use_hash(user, name, len)) {
		if (u->user == user && !strncmp(u->name, name, len) &&
		    !u->name[len])
			return u;
	}
	return NULL;
}

/* Context: symtab_uses_lock held. */
static struct symtab_use *take_spare(void)
{
	struct symtab_use *u;

	lockdep_assert_held(&symtab_uses_lock);
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
	lockdep_assert_held(&symtab_uses_lock);
	if (symtab_nr_spare >= SYMTAB_SPARE_USES)
		return u;
	list_add(&u->node, &symtab_spare_uses);
	symtab_nr_spare++;
	return NULL;
}

/* A record for a new pin, made before any lock that forbids sleeping. */
static struct symtab_use *new_use(void)
{
	struct symtab_use *u;
	unsigned long flags;

	spin_lock_irqsave(&symtab_uses_lock, flags);
	u = take_spare();
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	return u ?: kmalloc(sizeof(*u), GFP_KERNEL);
}

static void free_use(struct symtab_use *u)
{
	unsigned long flags;

	spin_lock_irqsave(&symtab_uses_lock, flags);
	u = keep_spare(u);
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	kfree(u);
}

/*
 * Count one more pin of @e by @user, in @spare if it is the first.
 * Context: rcu_read_lock() held since @e was found, @e pinned.
 * Return: true if @spare was used.
 */
static bool add_use(struct module *user, const struct symtab_entry *e,
		    size_t len, struct symtab_use *spare)
{
	struct module *exporter = e->table->owner;
	struct symtab_use *u;
	unsigned long flags;
	bool used = false;

	spin_lock_irqsave(&symtab_uses_lock, flags);
	u = find_use(user, e->name, len);
	if (u && u->exporter == exporter) {
		u->count++;	/* one reference per symtab_get() */
		goto unlock;
	}
	u = spare;
	used = true;
	u->user = user;
	u->exporter = exporter;
	u->holds_ref = exporter != user;
	u->count = 1;
	strscpy(u->user_name, symtab_module_name(user), sizeof(u->user_name));
	strscpy(u->exporter_name, exporter->name, sizeof(u->exporter_name));
	memcpy(u->name, e->name, len + 1);
	hash_add(symtab_uses, &u->hnode, use_hash(user, u->name, len));
	list_add_tail(&u->node, &symtab_use_list);
unlock:
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	return used;
}

void *__symtab_get(const char *name, struct module *user)
{
	struct symtab_use *spare;
	struct symtab_entry *e;
	void *addr = NULL;
	bool versioned;
	size_t len;
	u32 crc;

	might_sleep();
	versioned = symtab_parse_name(name, &len, &crc);
	if (len >= SYMTAB_NAME_LEN)
		return NULL;
	spare = new_use();
	if (!spare)
		return NULL;

	/*
	 * The pin is recorded before the RCU section ends: an exporter going
	 * away waits for it (symtab_drop_tables()), then finds the record.
	 */
	rcu_read_lock();
	e = symtab_lookup(name, len);
	if (e && (!versioned || (e->versioned && e->crc == crc)) &&
	    symtab_pin(e->table->owner, user)) {
		addr = e->addr;
		if (add_use(user, e, len, spare))
			spare = NULL;
	}
	rcu_read_unlock();
	if (spare)
		free_use(spare);
	return addr;
}
EXPORT_SYMBOL_GPL(__symtab_get);

void __symtab_put(const char *name, struct module *user)
{
	struct symtab_use *u;
	unsigned long flags;
	bool found = false;
	size_t len;
	u32 crc;

	symtab_parse_name(name, &len, &crc);
	if (len >= SYMTAB_NAME_LEN)
		goto unbalanced;

	/*
	 * Only the caller's own pins: never another module's.  The reference
	 * is dropped under the lock: an exporter forced out (rmmod -f) detaches
	 * its pins under it first (symtab_detach_pins()), so the module is
	 * either still there or no longer named by the record.
	 */
	spin_lock_irqsave(&symtab_uses_lock, flags);
	u = find_use(user, name, len);
	if (u) {
		found = true;
		if (u->holds_ref && u->exporter)
			module_put(u->exporter);
		if (!--u->count) {
			hash_del(&u->hnode);
			list_del(&u->node);
			u = keep_spare(u);
		} else {
			u = NULL;
		}
	}
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	if (!found)
		goto unbalanced;
	kfree(u);
	return;

unbalanced:
	pr_err_ratelimited("%s: symtab_put(%.*s) without a matching symtab_get(): ignored\n",
			   symtab_module_name(user),
			   (int)strnlen(name, SYMTAB_NAME_LEN +
					SYMTAB_VERSION_SUFFIX_LEN), name);
}
EXPORT_SYMBOL_GPL(__symtab_put);

/*
 * The same for modules built against older headers, which call these
 * through pointers: the caller is found by return address, which a
 * sibling call (jmp) from a helper library makes another module's, or
 * nobody's.  symtab.h now gives each module its own copies instead.
 */
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

/*
 * The references a record holds, one per get; dropped under the lock for
 * the reason given in __symtab_put().
 * Context: symtab_uses_lock held.
 */
static void put_refs(struct symtab_use *u)
{
	unsigned int i;

	lockdep_assert_held(&symtab_uses_lock);
	if (!u->holds_ref || !u->exporter)
		return;
	for (i = 0; i < u->count; i++)
		module_put(u->exporter);
	u->holds_ref = false;
}

/* Context: symtab_uses_lock held. */
static void unlink_use(struct symtab_use *u, struct list_head *dead)
{
	lockdep_assert_held(&symtab_uses_lock);
	put_refs(u);
	hash_del(&u->hnode);
	list_move(&u->node, dead);
}

/**
 * symtab_release_pins() - release the pins of a module that goes away
 * @user: the module, failing its init or unloading
 *
 * Its code is gone, so nothing of it can use the addresses any more: like
 * its declared imports, its pins go with it, reported once.
 */
void symtab_release_pins(struct module *user)
{
	struct symtab_use *u, *tmp;
	unsigned long flags;
	unsigned int n = 0;
	LIST_HEAD(dead);

	spin_lock_irqsave(&symtab_uses_lock, flags);
	list_for_each_entry_safe(u, tmp, &symtab_use_list, node)
		if (u->user == user)
			unlink_use(u, &dead);
	spin_unlock_irqrestore(&symtab_uses_lock, flags);

	list_for_each_entry_safe(u, tmp, &dead, node) {
		if (u->exporter != user)
			n += u->count;
		kfree(u);
	}
	if (n)
		pr_warn("%s: went away with %u symtab_get() pins not put: released\n",
			user->name, n);
}

/**
 * symtab_detach_pins() - forget an exporter that goes away
 * @exporter: the module; its tables are already dropped
 *
 * Normally nothing pins it any more.  After rmmod -f, pins of other users
 * stay listed under the exporter's name until they are put, without a
 * reference to release.
 */
void symtab_detach_pins(struct module *exporter)
{
	struct symtab_use *u;
	unsigned long flags;

	spin_lock_irqsave(&symtab_uses_lock, flags);
	list_for_each_entry(u, &symtab_use_list, node) {
		if (u->exporter != exporter)
			continue;
		u->exporter = NULL;
		u->holds_ref = false;
	}
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
}

/* Frees the spare records and any pin of callers that are not modules. */
void symtab_pins_exit(void)
{
	struct symtab_use *u, *tmp;
	unsigned long flags;
	LIST_HEAD(dead);

	list_for_each_entry_safe(u, tmp, &symtab_use_list, node) {
		spin_lock_irqsave(&symtab_uses_lock, flags);
		put_refs(u);
		spin_unlock_irqrestore(&symtab_uses_lock, flags);
		kfree(u);
	}
	INIT_LIST_HEAD(&symtab_use_list);
	spin_lock_irqsave(&symtab_uses_lock, flags);
	list_splice_init(&symtab_spare_uses, &dead);
	symtab_nr_spare = 0;
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	list_for_each_entry_safe(u, tmp, &dead, node)
		kfree(u);
}
