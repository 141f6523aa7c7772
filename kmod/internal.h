/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * symtab.ko internals: the resident table, the modules that use it, the
 * pins taken by symtab_get() and the checks on blocks read from module
 * memory.
 */
#ifndef _SYMTAB_KMOD_INTERNAL_H
#define _SYMTAB_KMOD_INTERNAL_H

#define pr_fmt(fmt) "symtab: " fmt
/* symtab.ko defines the legacy functions symtab.h gives modules inline. */
#define SYMTAB_KMOD

#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <symtab/abi_check.h>
#include <symtab/symtab.h>

/* "_R" and 8 hex digits: the suffix of a versioned name. */
#define SYMTAB_VERSION_SUFFIX_LEN	10

/* One resident symbol, a copy of its export record. */
struct symtab_entry {
	struct hlist_node hnode;	/* in the hash: see registry.c */
	struct symtab_table *table;	/* the table it came from */
	void *addr;
	u32 crc;
	bool versioned;
	char name[SYMTAB_NAME_LEN];
};

/*
 * One registered struct symbol_table and the entries made from it.  Its
 * entries are hashed before @live is set: lookups skip them until every
 * name of the table has been accepted, so a refused table is never seen.
 */
struct symtab_table {
	struct list_head node;		/* in symtab_tables, symtab_mutex */
	const struct symbol_table *tab;
	struct module *owner;
	bool live;			/* published; read with READ_ONCE */
	unsigned int nr;
	struct symtab_entry entries[];
};

/* One declared import of a client, resolved at its MODULE_STATE_COMING. */
struct symtab_import {
	struct module *exporter;	/* one reference; NULL once detached */
	struct symtab_import_block *blk;	/* in the client's memory */
	bool linked;	/* made the client's link in the exporter's holders/ */
	char exporter_name[MODULE_NAME_LEN];	/* kept for reporting */
};

/*
 * A module with declared imports or calls to symtab_get() by address, from
 * its MODULE_STATE_COMING to its MODULE_STATE_GOING.
 */
struct symtab_client {
	struct list_head node;		/* in symtab_clients, see there */
	struct rcu_head rcu;
	struct module *mod;
	unsigned int nr_imports;
	struct symtab_import imports[];
};

/*
 * symtab_mutex serialises every writer of the resident table (symtab_hash,
 * symtab_tables, symtab_table.live) and of the client list
 * (symtab_clients, symtab_import.exporter).  Lookups in the hash and in the
 * client list use RCU instead.  It nests outside symtab_uses_lock.
 */
extern struct mutex symtab_mutex;
extern struct list_head symtab_tables;
extern struct list_head symtab_clients;

/* main.c */
extern bool symtab_strict;
extern unsigned int symtab_init_wait;

/* block.c */
int symtab_block_check(const void *bytes, size_t size,
		       enum symtab_abi_kind kind, unsigned int *nr,
		       char why[SYMTAB_ABI_WHY_LEN]);
bool symtab_parse_name(const char *name, size_t *len, u32 *crc);

/* region.c: where in a module an address lies */
enum symtab_region {
	SYMTAB_REGION_NONE,		/* not the module's core memory */
	SYMTAB_REGION_TEXT,
	SYMTAB_REGION_RODATA,
	SYMTAB_REGION_RO_AFTER_INIT,
	SYMTAB_REGION_DATA,		/* writable for the module's life */
};

enum symtab_region symtab_core_region(struct module *mod, const void *addr,
				      size_t size);
enum symtab_region symtab_core_room(struct module *mod, const void *addr,
				    size_t *room);
const char *symtab_region_name(enum symtab_region region);
bool symtab_module_holds(struct module *mod, const void *addr, size_t size);

/* kallsyms.c */
struct symtab_object {
	void *addr;
	size_t size;
	char type;		/* kallsyms type letter, 0 if found by scan */
	const char *name;	/* the symbol's name, or the record's */
};

/* What the full symbol table of a coming module says about symtab. */
struct symtab_module_refs {
	bool by_address;	/* calls symtab_get()/symtab_put() unwrapped */
	bool imports_abi;	/* refers to symtab_abi_format: has imports */
	bool registers;		/* calls symtab_register(): may export */
};

size_t symtab_object_size(struct module *mod, const void *addr, bool *inside);
int symtab_find_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max, struct symtab_module_refs *refs);
int symtab_scan_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max);
int symtab_check_objects(struct module *mod);

/* registry.c */
struct symtab_entry *symtab_lookup(const char *name, size_t len);
void symtab_drop_tables(struct module *owner);

/*
 * The functions modules built against older headers call; newer ones have
 * their own copies (symtab.h).  They find their caller by return address.
 */
void *(symtab_get)(const char *name);
void (symtab_put)(const char *name);
void (unregister_symtab)(struct symbol_table *tab);

/* pins.c */
bool symtab_pin(struct module *exporter, struct module *user);
void symtab_release_pins(struct module *user);
void symtab_detach_pins(struct module *exporter);
void symtab_pins_exit(void);

/* One pin taken by symtab_get() and not yet released by symtab_put(). */
struct symtab_use {
	struct hlist_node hnode;	/* in symtab_uses, symtab_uses_lock */
	struct list_head node;		/* in symtab_use_list, same lock */
	struct module *user;		/* NULL: not a loaded module */
	struct module *exporter;	/* NULL once detached */
	bool holds_ref;			/* a reference on @exporter */
	unsigned int count;		/* symtab_get()s not yet put */
	char user_name[MODULE_NAME_LEN];
	char exporter_name[MODULE_NAME_LEN];
	char name[SYMTAB_NAME_LEN];	/* without version suffix */
};

/*
 * symtab_uses_lock guards the pins (symtab_uses, symtab_use_list and the
 * records' fields).  It is taken with interrupts off: symtab_put() may be
 * called from any context.
 */
extern spinlock_t symtab_uses_lock;
extern struct list_head symtab_use_list;

/* clients.c: the list of clients, which pins.c and imports.c share */
struct module *symtab_client_of(unsigned long addr);

/* initwait.c: modules in their init, clients waiting for them */
struct symtab_deferral {
	int (*resolve)(struct symtab_deferral *how);
	void (*discard)(struct symtab_deferral *how);
};

int symtab_init_starts(struct module *mod);
void symtab_init_ends(struct module *mod);
bool symtab_others_in_init(struct module *mod);
void symtab_state_changed(void);
int symtab_wait_resolved(struct module *mod, int (*try)(void *arg), void *arg);
int symtab_defer_init(struct module *mod, struct symtab_deferral *how);
void symtab_initwait_exit(void);

/* imports.c: the module notifier; uses pins.c and initwait.c */
int symtab_imports_init(void);
void symtab_imports_exit(void);

/* procfs.c */
int symtab_procfs_init(void);
void symtab_procfs_exit(void);

static inline const char *symtab_module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

#endif /* _SYMTAB_KMOD_INTERNAL_H */
