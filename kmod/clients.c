// SPDX-License-Identifier: GPL-2.0-only
/*
 * The clients: modules with declared imports or calls to symtab_get() by
 * address.  imports.c adds and drops them (the module notifier); pins.c
 * finds the caller of symtab_get() among them.  Both depend on this file
 * and it on neither, so the only call between them goes one way: imports.c
 * releases the pins of a module that goes.
 */
#include "internal.h"

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
