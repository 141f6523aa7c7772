/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Explain why two declarations of one symbol expand differently: the walk
 * (diff_walk.c) through what differs (diff_dirty.c), comparing
 * declarations (diff_decl.c), members (diff_members.c) and enum constants
 * (diff_enum.c).
 */
#ifndef _EXPLAIN_DIFF_H
#define _EXPLAIN_DIFF_H

#include "report.h"
#include "symtypes.h"

/*
 * Which entries of two units may expand differently: those whose
 * definitions differ or are missing on one side, and every entry reaching
 * one of them.  An entry that is not dirty expands the same in both, so its
 * CRC is the same and nothing below it needs walking.  Computed once per
 * pair of units, in time and memory linear in their size; it also keeps
 * the walk of each type, so that one type is compared once, not once per
 * symbol reaching it.
 */
struct type_events;

struct diff_dirty {
	const struct st_unit *ou, *nu;
	bool *o, *n;		/* by st_index() in ou, in nu */
	/* What walking each type does, once walked: by index in nu, or
	 * nu->n + index in ou for types only ou has. */
	struct type_events **walked;
};

struct diff_dirty *diff_dirty_new(const struct st_unit *ou,
				  const struct st_unit *nu);
void diff_dirty_free(struct diff_dirty *d);	/* accepts NULL */
/* May symbol o (in d->ou) and n (in d->nu) expand differently? */
bool diff_dirty_symbol(const struct diff_dirty *d, const struct st_entry *o,
		       const struct st_entry *n);

/*
 * Add to rs every change between symbol o (in ou) and n (in nu).  dirty,
 * if not NULL, is that of ou and nu: types it says are clean are not
 * walked.
 */
void diff_symbol(struct sym_report *rs, const struct st_unit *ou,
		 const struct st_entry *o, const struct st_unit *nu,
		 const struct st_entry *n, struct diff_dirty *dirty);

#endif /* _EXPLAIN_DIFF_H */
