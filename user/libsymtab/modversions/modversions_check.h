/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checking a module against a kernel's own modversions before insmod, the
 * way the kernel's loader will (kernel/module/main.c, version.c): every
 * undefined symbol must be exported by the kernel or a module, and the
 * module's __versions must carry the exporter's CRC for it (and for
 * module_layout, when the kernel exports that).
 */
#ifndef _SYMTAB_MODVERSIONS_CHECK_H
#define _SYMTAB_MODVERSIONS_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../formats/module_symvers.h"
#include "../resident/loaded_symbols.h"
#include "../module/module_file.h"

/* What the target kernel offers, looked up in this order. */
struct kernel_target {
	struct module_file *const *given;	/* loaded along with it */
	size_t nr_given;
	const struct kernel_symvers *symvers;	/* the kernel's, or NULL */
	struct module_file **installed;		/* out-of-tree modules */
	size_t nr_installed;
	/* The running kernel's loaded modules, or NULL. */
	const struct loaded_symbols *loaded;
};

enum kernel_import_state {
	KIMPORT_OK,
	KIMPORT_UNVERSIONED,	/* exporter without CRC: loads, tainted */
	KIMPORT_LOADED,		/* in a loaded module; CRC unreadable */
	KIMPORT_MISMATCH,	/* "disagrees about version of symbol" */
	KIMPORT_NO_VERSION,	/* "no symbol version for": refused */
	KIMPORT_UNKNOWN,	/* "Unknown symbol ... (err -2)" */
};

struct kernel_import {
	const char *name;
	enum kernel_import_state state;
	uint32_t want;		/* the module's __versions CRC */
	uint32_t have;		/* the exporter's */
	const char *provider;	/* "vmlinux", a module in the tree, a file */
};

/* Resolve the symbol @name that @mf uses. */
void kernel_import_resolve(const struct kernel_target *t,
			   const struct module_file *mf, const char *name,
			   struct kernel_import *res);

static inline bool kernel_import_is_problem(const struct kernel_import *res)
{
	return res->state == KIMPORT_MISMATCH ||
	       res->state == KIMPORT_NO_VERSION ||
	       res->state == KIMPORT_UNKNOWN;
}

/* "MODULE.ko: disagrees about version of symbol f (...)", no newline. */
void kernel_import_format(const char *module, const struct kernel_import *res,
			  char *buf, size_t len);

typedef void (*kernel_import_fn)(void *ctx, const struct module_file *mf,
				 const struct kernel_import *res);

/*
 * kernel_check_module() - resolve every symbol @mf uses; @fn is told each
 * Return: how many are problems.
 */
size_t kernel_check_module(const struct kernel_target *t,
			   const struct module_file *mf, kernel_import_fn fn,
			   void *ctx);

/* Is @mf a module the kernel's checks apply to (built by Kbuild)? */
static inline bool kernel_check_applies(const struct module_file *mf)
{
	return mf->kernel.has_versions || mf->kernel.modinfo;
}

#endif /* _SYMTAB_MODVERSIONS_CHECK_H */
