/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where an extracted kernel's view is partial: the `partial` file `symtab
 * kabi extract` writes beside Module.symvers when the flavor's headers
 * carry their own Module.symvers (always, with a Debian headers package).
 * It names each export whose CRC the extraction did not reproduce, with the
 * CRC the flavor recorded, and why: typically an older ABI known only from
 * its headers package, extracted from a newer source.  Such an export's
 * types are not verified; every other export's are (its computed CRC is
 * the recorded one).
 *
 * One line an export, tab-separated, '#' comments (man symtab):
 *	REASON	NAME	MODULE	RECORDED	COMPUTED
 * CRCs as 0x%08x, '-' where there is none; REASON one of
 *	source-differs	recorded and computed differ: the source file (or a
 *			header beside it) is not the one the flavor built
 *	not-exported	computed, not recorded: the source exports it, the
 *			flavor did not (added since, or another config)
 *	not-found	recorded, not computed: no extracted source exports it
 *			(moved, renamed or removed since; whole-tree runs)
 *	generated	recorded, not computed: the build makes the file that
 *			exports it from something other than a source file
 *			(lib/raid6/tables.c, written by a host program)
 */
#ifndef _SYMTAB_KABI_PARTIAL_H
#define _SYMTAB_KABI_PARTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"
#include "../formats/module_symvers.h"

enum kabi_partial_reason {
	KABI_PARTIAL_DIFFERS,
	KABI_PARTIAL_NOT_EXPORTED,
	KABI_PARTIAL_NOT_FOUND,
	KABI_PARTIAL_GENERATED,
	KABI_PARTIAL_NR
};

extern const char *const kabi_partial_reasons[];	/* "source-differs"... */

struct kabi_partial_entry {
	char *name, *module;
	enum kabi_partial_reason reason;
	uint32_t recorded, computed;	/* each valid where its reason has it */
};

struct kabi_partial {
	struct kabi_partial_entry *entries;	/* sorted by name */
	size_t nr;
	size_t reasons[KABI_PARTIAL_NR];	/* entries per reason */
};

#define KABI_PARTIAL_INIT	{ 0 }

/*
 * kabi_partial_load() - read a `partial` file into the empty @p
 * Return: 0, -ENOENT when there is none, -EINVAL for a malformed line
 * (file:line in @err), -errno.  Release @p even on error.
 */
int kabi_partial_load(struct kabi_partial *p, const char *path,
		      struct symtab_error *err);
void kabi_partial_release(struct kabi_partial *p);

const struct kabi_partial_entry *
kabi_partial_find(const struct kabi_partial *p, const char *name);

/*
 * kabi_partial_apply() - turn the extracted exports @ks into the flavor's
 * recorded ones: a source-differs export takes its recorded CRC, a
 * not-exported one is dropped, a not-found one added.  @ks then points
 * into @p: keep @p while @ks lives.  Return: 0, or -ENOMEM with @err set.
 */
int kabi_partial_apply(struct kernel_symvers *ks, const struct kabi_partial *p,
		       struct symtab_error *err);

#endif /* _SYMTAB_KABI_PARTIAL_H */
