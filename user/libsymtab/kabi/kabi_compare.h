/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Two kernels' exports compared (`symtab kabi compare`): every symbol whose
 * CRC changed, that was added or that was removed between two
 * Module.symvers, each judged by kABI severity rules (kabi_rules.h).  An
 * added export is always tolerated; a changed or removed one only where a
 * rule says PASS.
 */
#ifndef _SYMTAB_KABI_COMPARE_H
#define _SYMTAB_KABI_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "../../common/error.h"
#include "kabi_rules.h"
#include "../formats/module_symvers.h"

enum kabi_change_kind {
	KABI_CHANGED,		/* in both, CRCs differ */
	KABI_ADDED,		/* only in the new kernel */
	KABI_REMOVED,		/* only in the old kernel */
};

struct kabi_change {
	enum kabi_change_kind kind;
	const char *name;
	const struct symvers_entry *old, *new;	/* NULL where absent */
	bool tolerated;
	const struct kabi_rule *rule;	/* the deciding rule, or NULL */
};

struct kabi_diff {
	struct kabi_change *ch;		/* by name */
	size_t nr;
	size_t changed, added, removed;
	size_t failed;			/* changes not tolerated */
};

#define KABI_DIFF_INIT	{ 0 }

/*
 * kabi_compare_symvers() - fill the empty @d with every change from @old to
 * @new, judged by @rules (NULL: no rules, every change but an addition
 * FAILs).  The rule sees the module exporting the symbol in @old (in @new
 * for an addition).  @d points into all three: keep them while it lives.
 * Return: 0, or -ENOMEM with @err set.
 */
int kabi_compare_symvers(struct kabi_diff *d, const struct kernel_symvers *old,
			 const struct kernel_symvers *new,
			 const struct kabi_rules *rules,
			 struct symtab_error *err);
void kabi_diff_release(struct kabi_diff *d);

extern const char *const kabi_change_names[];	/* "changed", ... */

/*
 * An OLD or NEW argument: a Module.symvers file, or a directory holding
 * Module.symvers and, optionally, symtypes (a consolidated file, or a
 * directory of genksyms -T files).  Read its Module.symvers into the empty
 * @ks; *@symtypes is set to the symtypes path (to free), or NULL when it has
 * none.  Return: 0, or -errno with @err set naming what is missing.
 * Release @ks even on error.
 */
int kabi_tree_open(const char *path, struct kernel_symvers *ks,
		   char **symtypes, struct symtab_error *err);

#endif /* _SYMTAB_KABI_COMPARE_H */
