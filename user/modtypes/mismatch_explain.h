/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why an import's version disagrees with its provider's: the changes
 * behind the two CRCs, from the types both modules stored, printed under
 * the refusal lines.
 */
#ifndef _SYMTAB_MISMATCH_EXPLAIN_H
#define _SYMTAB_MISMATCH_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "../explain/explain.h"
#include "libsymtab.h"

/*
 * A mismatch batch: the refused imports of one module, explained together
 * and printed as `symtab explain` groups them, each type change once with
 * the imports it is behind, rather than under every refusal line (a kernel
 * update changes one type behind many imports).  Each module file is read
 * once per batch.  Fill with the add functions after the module's
 * refusal lines are out, then print.  Members are private.
 */
struct mismatch_view;

struct mismatch_batch {
	struct explain_report *report;	/* NULL until the first explanation */
	struct mismatch_view *view;	/* the module files read */
	size_t nr_view, alloc_view;
	bool broken;			/* an explanation failed (said) */
};

#define MISMATCH_BATCH_INIT { 0 }

/*
 * mismatch_batch_add() - explain a refused symtab import of @importer
 * @known, @nr: module files to look in for a resident provider's file
 *	when modules.dep does not know it
 *
 * Without the provider's file or stored types, the explanation says so
 * and only the CRCs are compared.  An unreadable module is said once.
 */
void mismatch_batch_add(struct mismatch_batch *b,
			const struct module_file *importer,
			const struct import_resolution *res,
			struct module_file *const *known, size_t nr);

/*
 * mismatch_batch_add_kernel() - explain the disagreement of the __versions
 * CRC of @res->name that @mf holds with the target kernel's
 * @rebuilt: the same module built for the target kernel, whose stored
 *	types give the target's side
 */
void mismatch_batch_add_kernel(struct mismatch_batch *b,
			       const struct module_file *mf,
			       const struct kernel_import *res,
			       const char *rebuilt);

/*
 * mismatch_batch_print() - print what @b explained on stderr, grouped,
 * each line indented under the refusals ("  because <change>", the imports
 * a change is behind below it), and empty @b for the next module.
 */
void mismatch_batch_print(struct mismatch_batch *b);

/* Empty @b without printing; it may be filled again. */
void mismatch_batch_release(struct mismatch_batch *b);

/*
 * explain_mismatch() - a batch of one: print, on stderr, what changed
 * behind @res, under its refusal line (what `symtab load` does for now)
 */
void explain_mismatch(const struct module_file *importer,
		      const struct import_resolution *res,
		      struct module_file *const *known, size_t nr);

#endif /* _SYMTAB_MISMATCH_EXPLAIN_H */
