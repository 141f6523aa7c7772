// SPDX-License-Identifier: GPL-2.0-only
/*
 * Waiting for exporters in their init, outside the module notifier chain.
 *
 * The kernel's loader makes a module wait while a module it imports from
 * is in its init.  symtab.ko learns of a client's imports in the COMING
 * notification, which runs under the notifier chain's rwsem: waiting there
 * would block every register_module_notifier() (a writer), and behind it
 * the very LIVE notification of the exporter that is waited for.  So the
 * notifier only defers: it puts symtab_deferred_init() in the client's
 * mod->init, and the wait happens there, when the kernel starts the
 * client's init in the loading task, holding no lock of the loader.
 *
 * It also keeps the modules in their init (from COMING to LIVE or GOING)
 * that call register_symtab(): an import no table provides yet may come
 * from one of them, as set-up first and register_symtab() last is the
 * usual order.  Other modules cannot export, so their init delays nothing.
 */
#include "internal.h"

#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/wait.h>

/* A module in its init, as the notifier saw it (symtab_mutex). */
struct symtab_in_init {
	struct list_head node;
	struct module *mod;
	bool waiting;		/* held in symtab_deferred_init() */
};

/* A client whose imports are resolved when its init starts (symtab_mutex). */
struct symtab_deferred {
	struct list_head node;
	struct module *mod;
	struct task_struct *loader;	/* the task that runs mod->init */
	int (*init)(void);		/* the module's own, may be NULL */
	struct symtab_deferral *how;
};

static LIST_HEAD(symtab_in_init_list);
static LIST_HEAD(symtab_deferred_list);

/* Woken whenever a module comes, finishes its init or goes away. */
static DECLARE_WAIT_QUEUE_HEAD(symtab_state_wq);
static atomic_t symtab_state_changes = ATOMIC_INIT(0);

/* Context: symtab_mutex held. */
static struct symtab_in_init *find_in_init(struct module *mod)
{
	struct symtab_in_init *r;

	lockdep_assert_held(&symtab_mutex);
	list_for_each_entry(r, &symtab_in_init_list, node)
		if (r->mod == mod)
			return r;
	return NULL;
}

/**
 * symtab_init_starts() - note a module that may export entering its init
 * @mod: the module, in its COMING notification
 *
 * Context: process context, may sleep.
 * Return: 0 or -ENOMEM.
 */
int symtab_init_starts(struct module *mod)
{
	struct symtab_in_init *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->mod = mod;
	mutex_lock(&symtab_mutex);
	list_add_tail(&r->node, &symtab_in_init_list);
	mutex_unlock(&symtab_mutex);
	return 0;
}

/**
 * symtab_init_ends() - forget a module leaving its init (LIVE or GOING)
 * @mod: the module; unknown modules are ignored
 *
 * A deferred client that goes away before its init ran (a parameter or
 * sysfs failure after COMING) is discarded here.
 *
 * Context: process context, may sleep.
 */
void symtab_init_ends(struct module *mod)
{
	struct symtab_deferred *d, *tmp, *gone = NULL;
	struct symtab_in_init *r;

	mutex_lock(&symtab_mutex);
	r = find_in_init(mod);
	if (r)
		list_del(&r->node);
	list_for_each_entry_safe(d, tmp, &symtab_deferred_list, node) {
		if (d->mod == mod) {
			list_del(&d->node);
			gone = d;
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
	kfree(r);
	if (gone) {
		gone->how->discard(gone->how);
		kfree(gone);
	}
}

/**
 * symtab_others_in_init() - may a module in its init still register a table?
 * @mod: the client asking, left out
 *
 * Clients waiting in symtab_deferred_init() are left out too: their own
 * init has not started, so they register nothing meanwhile.
 *
 * Context: symtab_mutex held.
 */
bool symtab_others_in_init(struct module *mod)
{
	struct symtab_in_init *r;

	lockdep_assert_held(&symtab_mutex);
	list_for_each_entry(r, &symtab_in_init_list, node)
		if (r->mod != mod && !r->waiting)
			return true;
	return false;
}

/* Context: symtab_mutex held. */
static void set_waiting(struct module *mod, bool waiting)
{
	struct symtab_in_init *r = find_in_init(mod);

	if (r)
		r->waiting = waiting;
}

/**
 * symtab_state_changed() - wake the clients waiting for a module's init
 *
 * Context: any context that may call wake_up_all().
 */
void symtab_state_changed(void)
{
	atomic_inc(&symtab_state_changes);
	wake_up_all(&symtab_state_wq);
}

/**
 * symtab_wait_resolved() - resolve a client, waiting while modules init
 * @mod: the client
 * @try: resolves under symtab_mutex: 0, -EAGAIN to wait, or an error
 * @arg: for @try
 *
 * Waits (interruptibly, without symtab_mutex) for at most symtab.init_wait
 * seconds in all.  Never called from the module notifier.
 *
 * Context: process context, may sleep; no lock held.
 * Return: what @try returned last, -EAGAIN when time ran out or a signal
 * came.
 */
int symtab_wait_resolved(struct module *mod, int (*try)(void *arg), void *arg)
{
	unsigned long deadline = jiffies + READ_ONCE(symtab_init_wait) * HZ;
	long left;
	int seen, err;

	might_sleep();
	for (;;) {
		seen = atomic_read(&symtab_state_changes);
		mutex_lock(&symtab_mutex);
		set_waiting(mod, true);
		err = try(arg);
		if (err != -EAGAIN)
			set_waiting(mod, false);
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
	mutex_lock(&symtab_mutex);
	set_waiting(mod, false);
	mutex_unlock(&symtab_mutex);
	return -EAGAIN;
}

/* The deferred client of the current task, taken off the list. */
static struct symtab_deferred *take_deferred(void)
{
	struct symtab_deferred *d, *found = NULL;

	mutex_lock(&symtab_mutex);
	list_for_each_entry(d, &symtab_deferred_list, node) {
		if (d->loader == current) {
			list_del(&d->node);
			found = d;
			break;
		}
	}
	mutex_unlock(&symtab_mutex);
	return found;
}

/*
 * Put in the mod->init of a deferred client: the kernel calls it where it
 * would call the client's init, in the task that loads it.  The client's
 * own init is put back first (a module without init and exit may not be
 * unloaded, so a NULL init must stay NULL), then runs if the imports are
 * resolved; else the load fails with the resolution's error.
 */
static int symtab_deferred_init(void)
{
	struct symtab_deferred *d = take_deferred();
	int (*init)(void);
	int err;

	if (WARN_ON_ONCE(!d))
		return -EINVAL;
	init = d->init;
	d->mod->init = init;
	err = d->how->resolve(d->how);
	kfree(d);
	if (err)
		return err;
	return init ? init() : 0;
}

/**
 * symtab_defer_init() - resolve a client's imports when its init starts
 * @mod: the client, in its COMING notification
 * @how: resolve() and discard(); exactly one of them is called, once
 *
 * Context: the module notifier, in the task loading @mod; may sleep.
 * Return: 0, or -ENOMEM (@how is then left to the caller).
 */
int symtab_defer_init(struct module *mod, struct symtab_deferral *how)
{
	struct symtab_deferred *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->mod = mod;
	d->loader = current;
	d->init = mod->init;
	d->how = how;
	mutex_lock(&symtab_mutex);
	list_add_tail(&d->node, &symtab_deferred_list);
	mod->init = symtab_deferred_init;
	mutex_unlock(&symtab_mutex);
	return 0;
}

/* No module is in its init nor deferred any more: all depend on symtab.ko. */
void symtab_initwait_exit(void)
{
	struct symtab_in_init *r, *tmp;

	list_for_each_entry_safe(r, tmp, &symtab_in_init_list, node) {
		list_del(&r->node);
		kfree(r);
	}
}
