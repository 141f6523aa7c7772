/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * symtab.ko internals: the resident table, the modules that use it and the
 * checks on blocks read from module memory.
 */
#ifndef _SYMTAB_KMOD_INTERNAL_H
#define _SYMTAB_KMOD_INTERNAL_H

#define pr_fmt(fmt) "symtab: " fmt

#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/types.h>
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

/* One registered struct symbol_table and the entries made from it. */
struct symtab_table {
	struct list_head node;		/* in symtab_tables, symtab_mutex */
	const struct symbol_table *tab;
	struct module *owner;
	unsigned int nr;
	struct symtab_entry entries[];
};

/* One declared import of a client, resolved at its MODULE_STATE_COMING. */
struct symtab_import {
	struct module *exporter;	/* holds one reference on it */
	const char *name;		/* in the client's import block */
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
 * Serialises every writer of the resident table (symtab_hash,
 * symtab_tables) and of the client list (symtab_clients).  Lookups in the
 * hash and in the client list use RCU instead.
 */
extern struct mutex symtab_mutex;
extern struct list_head symtab_tables;
extern struct list_head symtab_clients;

/* main.c */
extern bool symtab_strict;

/* block.c */
#define SYMTAB_WHY_LEN	96
int symtab_block_check(const struct symtab_abi_header *hdr, size_t size,
		       enum symtab_abi_kind kind, unsigned int *nr,
		       char why[SYMTAB_WHY_LEN]);
bool symtab_parse_name(const char *name, size_t *len, u32 *crc);

/* kallsyms.c */
struct symtab_object {
	void *addr;
	size_t size;
	char type;		/* kallsyms type letter */
	const char *name;	/* in the module's symbol strings */
};

size_t symtab_object_size(struct module *mod, const void *addr);
int symtab_find_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max, bool *by_address);
bool symtab_within(struct module *mod, const void *addr, size_t size);

/* registry.c */
struct symtab_entry *symtab_lookup(const char *name, size_t len);
void symtab_drop_tables(struct module *owner);
void symtab_orphan_uses(struct module *user);
void symtab_registry_exit(void);
extern spinlock_t symtab_uses_lock;

/* One pin taken by symtab_get() and not yet released by symtab_put(). */
struct symtab_use {
	struct hlist_node hnode;	/* in symtab_uses, symtab_uses_lock */
	struct list_head node;		/* in symtab_use_list, same lock */
	struct module *user;		/* NULL: not a loaded module */
	char user_name[MODULE_NAME_LEN];
	struct module *exporter;
	unsigned int count;		/* symtab_get()s not yet put */
	char name[SYMTAB_NAME_LEN];	/* without version suffix */
};

extern struct list_head symtab_use_list;

/* imports.c */
int symtab_imports_init(void);
void symtab_imports_exit(void);
bool symtab_pin(struct module *exporter, struct module *user);
struct module *symtab_client_of(unsigned long addr);

/* procfs.c */
int symtab_procfs_init(void);
void symtab_procfs_exit(void);

static inline const char *symtab_module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

#endif /* _SYMTAB_KMOD_INTERNAL_H */
