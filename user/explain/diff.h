/* SPDX-License-Identifier: GPL-2.0-only */
/* Explain why two declarations of one symbol expand differently. */
#ifndef _EXPLAIN_DIFF_H
#define _EXPLAIN_DIFF_H

#include "report.h"
#include "symtypes.h"

/* Add to rs every change between symbol o (in ou) and n (in nu). */
void diff_symbol(struct sym_report *rs, const struct st_unit *ou,
		 const struct st_entry *o, const struct st_unit *nu,
		 const struct st_entry *n);

#endif /* _EXPLAIN_DIFF_H */
