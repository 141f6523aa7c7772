/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module's soft dependencies on the modules it imports from.  symtab.ko
 * resolves imports, not the kernel, so depmod cannot see them; a
 * "softdep=pre: ..." entry in the module's .modinfo (what MODULE_SOFTDEP()
 * compiles to) can be seen: depmod copies it into modules.softdep and
 * modprobe loads those modules first (and tries to remove them after the
 * module with modprobe -r).
 *
 * The entry names, after whatever softdep the module's author declared,
 * the exporter of each import (from exporters' records, export_records.h)
 * and symtab itself unless it already is a dependency ("depends=symtab",
 * which every import's reference to symtab_abi_format gives).  kmod reads
 * only a module's first softdep, so the author's entries and ours become
 * one; the names symtab added are kept apart in "symtab_softdep=" so that
 * stamping again replaces them rather than piling up.  Entries replaced
 * are overwritten with NUL bytes, which the kernel and kmod skip, so every
 * string keeps its offset (the symbols Kbuild gave them stay right).
 */
#ifndef _SYMTAB_SOFTDEP_H
#define _SYMTAB_SOFTDEP_H

#include <stddef.h>

#include "export_records.h"
#include "../module/module_file.h"
#include "version_file.h"

#define MODINFO_SECTION		".modinfo"
#define SOFTDEP_MARK_KEY	"symtab_softdep"

/* Told each import that no record names (once per symbol). */
typedef void (*softdep_unknown_fn)(void *ctx, const char *module,
				   const char *symbol);

struct softdep_request {
	const struct export_records *exporters;
	softdep_unknown_fn unknown;	/* may be NULL */
	void *ctx;
};

/*
 * softdep_modinfo() - the .modinfo contents @mf needs so that modprobe
 * loads the exporters of its imports before it
 * @vs: the versions being stamped (to prefer the exporter of the same
 *	version when several export a name), or NULL for the records' own
 * @out, @len: the new contents (to free), or NULL when the module's
 *	.modinfo already says exactly that
 *
 * Return: 0, -ENOENT (no .modinfo: not a module Kbuild linked) or -ENOMEM,
 * with @err set.
 */
int softdep_modinfo(const struct module_file *mf, const struct version_set *vs,
		    const struct softdep_request *req, char **out,
		    size_t *len, struct symtab_error *err);

#endif /* _SYMTAB_SOFTDEP_H */
