/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * symtab: register_symtab() symbol tables with genksyms versions, for
 * out-of-tree modules.  Export a table:
 *
 *	static struct symbol_table my_symtab = {
 *	#include <symtab/symtab_begin.h>
 *		X(my_export),
 *		X(my_func),
 *	#include <symtab/symtab_end.h>
 *	};
 *	... register_symtab(&my_symtab) in init, unregister_symtab() in exit.
 *
 * Import, once per symbol, with its declaration in scope:
 *
 *	SYMTAB_IMPORT(my_func);
 *	... symtab_ref(my_func)(f); symtab_ref(my_export)++;
 *
 * Declared imports are resolved and version-checked by symtab.ko before the
 * importing module's init runs; a module whose imports cannot be satisfied
 * does not load.
 */
#ifndef _SYMTAB_SYMTAB_H
#define _SYMTAB_SYMTAB_H

#include <symtab/abi.h>

#ifdef __GENKSYMS__
/*
 * genksyms reads the preprocessed file: it sees the markers below and
 * versions `sym` from this file's view of its declaration.
 */
#define SYMTAB_IMPORT(sym)	__SYMTAB_IMPORT(sym)
#else

#include <linux/compiler.h>
#include <linux/module.h>

/* An export table: a block header and X() records ending in an END record. */
struct symbol_table {
	struct symtab_abi_header hdr;
	struct symtab_abi_record rec[];
};

/* One declared import: its block, in the versions section. */
struct symtab_import_block {
	struct symtab_abi_header hdr;
	struct symtab_abi_record rec;
};

/* Referenced by every import so that the importer depends on symtab.ko. */
extern const int symtab_abi_format;

/**
 * symtab_register() - make a table's symbols resident
 * @tab: the table; it must live in @owner's core data and stay there while
 *	registered.  It may be static, also in a module stripped of local
 *	symbols (strip --strip-unneeded).
 * @owner: the module the symbols belong to (THIS_MODULE)
 *
 * A module may call it from its init: clients loaded meanwhile wait for
 * that init to finish, as for the kernel's own exports.
 *
 * Context: process context; sleeps (allocates, takes a mutex, waits for an
 * RCU grace period on failure).
 * Return: 0, -EEXIST if a name is already resident (nothing is registered
 * then), -ENOEXEC if @tab is malformed, -EINVAL if it is not in @owner's
 * core data, -ENOMEM.
 */
int symtab_register(struct symbol_table *tab, struct module *owner);
#define register_symtab(tab)	symtab_register((tab), THIS_MODULE)

/**
 * symtab_unregister() - remove a table's symbols from the resident table
 * @tab: a table @owner registered; other tables are left alone
 * @owner: the calling module (THIS_MODULE)
 *
 * Tables are also dropped when their module goes away.
 *
 * Context: process context; sleeps (takes a mutex, waits for an RCU grace
 * period).
 */
void symtab_unregister(struct symbol_table *tab, struct module *owner);
#define unregister_symtab(tab)	symtab_unregister((tab), THIS_MODULE)

/**
 * symtab_get() - look a resident symbol up and pin its module
 * @name: "sym" for any version or "sym_R1a2b3c4d" for exactly that one
 *
 * The pin is accounted to the module whose code names symtab_get
 * (THIS_MODULE), which /proc/symtab_users shows: through the macro, or
 * through a pointer to the function, which is each module's own copy
 * below.  So a helper library calling it, even as a sibling call (jmp),
 * takes its pins in its own name, and its symtab_put() balances them.
 *
 * Context: process context; may sleep (a first pin allocates a record).
 * Return: the symbol's address, or NULL if it is not resident (or has
 * another version, or its module is still in its init).  Each successful
 * call needs one symtab_put() by the same module.
 */
void *__symtab_get(const char *name, struct module *user);
#define symtab_get(name)	__symtab_get((name), THIS_MODULE)

/**
 * symtab_put() - release a pin taken by symtab_get()
 * @name: the name given to symtab_get()
 *
 * Context: any context, also with interrupts off or in an interrupt: it
 * neither allocates nor sleeps on a kernel without PREEMPT_RT.  With
 * PREEMPT_RT, where spinlocks sleep, it takes one spinlock_t: call it
 * from task context or from threaded interrupts, never with a raw
 * spinlock held, preemption or interrupts disabled (hard interrupt
 * context included).
 */
void __symtab_put(const char *name, struct module *user);
#define symtab_put(name)	__symtab_put((name), THIS_MODULE)

#ifndef SYMTAB_KMOD
/*
 * The functions themselves, for pointers: each module has its own, which
 * names the module.  Modules built against older headers call symtab.ko's
 * exported symtab_get()/symtab_put(), which find their caller from the
 * return address; a sibling call defeats that.
 */
static inline void *(symtab_get)(const char *name)
{
	return __symtab_get(name, THIS_MODULE);
}

static inline void (symtab_put)(const char *name)
{
	__symtab_put(name, THIS_MODULE);
}

static inline void (unregister_symtab)(struct symbol_table *tab)
{
	symtab_unregister(tab, THIS_MODULE);
}
#endif

#define SYMTAB_NAME_CHECK(sym)						\
	(0 * sizeof(char[sizeof(#sym) <= SYMTAB_NAME_LEN ? 1 : -1]))

#define SYMTAB_IMPORT(sym)						\
	static struct symtab_import_block __symtab_import_##sym		\
	__used __aligned(8) __section(SYMTAB_ABI_SECTION) = {		\
		.hdr = SYMTAB_ABI_HEADER_INIT(1),			\
		.rec = {						\
			.kind = SYMTAB_KIND_IMPORT +			\
				SYMTAB_NAME_CHECK(sym),			\
			.name = #sym,					\
		},							\
	};								\
	static const int *const __symtab_needs_##sym __used =		\
		&symtab_abi_format

/* The imported object or function, once symtab.ko resolved it. */
#define symtab_ref(sym)							\
	(*(typeof(&(sym)))(unsigned long)__symtab_import_##sym.rec.addr)

#endif /* __GENKSYMS__ */
#endif /* _SYMTAB_SYMTAB_H */
