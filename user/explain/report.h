/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What changed, per symbol: each change is a path from the symbol down to
 * the type holding it ("arg 1", "struct foo") and a sentence saying what
 * changed there, plus a machine-readable kind for --json.
 */
#ifndef _EXPLAIN_REPORT_H
#define _EXPLAIN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct change {
	char **path;
	size_t npath;
	/*
	 * path[where] is the type holding the change and path[where..] where
	 * in it (with "member 'x'" for inline bodies): changes of one type
	 * reached from several symbols are told once.  where == npath: the
	 * change is the symbol's own (a parameter, its return type).
	 */
	size_t where;
	const char *kind;	/* e.g. "member_added" */
	char *what;
};

enum sym_status {
	SYM_CHANGED,		/* explained by the changes */
	SYM_ADDED,		/* only in the new view */
	SYM_REMOVED,		/* only in the old view */
	SYM_NOINFO,		/* CRC changed, types cannot say why */
};

struct sym_report {
	char *name;
	enum sym_status status;
	bool have_crc;
	uint32_t old_crc, new_crc;
	char *note;		/* SYM_NOINFO: why not */
	struct change *ch;
	size_t nch;
};

struct explain_report {
	struct sym_report *sym;
	size_t n;
	/* The views explain_symbols() compared, for EXPLAIN_TYPE_DIFF. */
	const struct explain_types *old_t, *new_t;
};

/*
 * The definition of type @key ("s#foo") as symbol @sym's unit in @t sees
 * it: true with *tok, *ntok set, or false.
 */
bool explain_types_def(const struct explain_types *t, const char *sym,
		       const char *key, const char *const **tok, size_t *ntok);

/* For EXPLAIN_TYPE_DIFF (type_diff.c): the type @label ("struct foo")
 * before and after, as @sym's units see it, a line a member, the changed
 * lines marked '-' and '+' with a little context. */
void print_type_diff(const struct explain_report *r, const char *sym,
		     const char *label, FILE *out);

struct sym_report *report_add(struct explain_report *r, const char *name,
			      enum sym_status status);
void report_change(struct sym_report *s, char **path, size_t npath,
		   size_t where, const char *kind, char *what);

#endif /* _EXPLAIN_REPORT_H */
