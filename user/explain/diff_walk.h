/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inside the explain library's diff: the walker that diff_walk.c drives and
 * the comparisons it calls (diff_decl.c, diff_members.c, diff_enum.c).
 * Each comparison names what differs with walk_change(), enters members
 * and arguments with walk_push()/walk_pop() and meets the types tokens
 * reference with walk_refs()/walk_common_refs(); while a type's walk is
 * recorded these only record events.
 */
#ifndef _EXPLAIN_DIFF_WALK_H
#define _EXPLAIN_DIFF_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "decl.h"
#include "diff.h"

/*
 * Where the walk is: a node per path segment ("arg 1", "struct foo"), each
 * pointing to its parent, so that queued types keep their path cheaply.
 */
struct path_node {
	char *label;
	size_t parent;		/* NO_NODE: the symbol itself */
	bool type;		/* a type ("struct foo"), not a member or arg */
};

#define NO_NODE		((size_t)-1)

/* A type met and not walked yet. */
struct walk_item {
	const struct st_entry *o, *n;
	char kind;
	size_t node;
};

/*
 * Types are walked breadth first from an explicit queue, so that each is
 * reached by its shortest path and no chain of types, however long, deepens
 * the C stack.  Inline bodies nest on the stack, at most MAX_INLINE_DEPTH.
 */
struct walker {
	const struct st_unit *ou, *nu;
	struct diff_dirty *dirty;	/* NULL: walk everything */
	struct type_events *rec;	/* recording one type's walk */
	bool *seen_o, *seen_n;
	struct sym_report *rs;
	struct path_node *node;
	size_t nnode, node_cap;
	size_t cur;
	struct walk_item *queue;
	size_t qhead, qlen, qcap;
	unsigned int inline_depth;
};

#define MAX_INLINE_DEPTH	64

/* Enter a member or argument, labelled by the format. */
void walk_push(struct walker *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void walk_pop(struct walker *w);
/* Name a change of kind (its JSON name) where the walk is. */
void walk_change(struct walker *w, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Walk the types referenced by both the old and the new tokens. */
void walk_common_refs(struct walker *w, const char **ov, size_t on,
		      const char **nv, size_t nn);
void walk_refs(struct walker *w, const char **v, size_t n);
void type_events_free(struct type_events *r);	/* accepts NULL */
bool diff_contains(const char **v, size_t n, const char *tok);

/* diff_decl.c: symbol declarations, struct/union/enum and typedefs. */
void diff_symbol_decl(struct walker *w, const struct st_entry *o,
		      const struct st_entry *n);
void diff_tagged(struct walker *w, const struct st_entry *o,
		 const struct st_entry *n);
void diff_typedef(struct walker *w, const struct st_entry *o,
		  const struct st_entry *n);

/* diff_members.c: bodies and their members, matched by key. */
void diff_body(struct walker *w, const char **ov, size_t oopen,
	       size_t oclose, const char **nv, size_t nopen, size_t nclose,
	       bool is_enum);
void diff_match_keys(char **okey, size_t on, char **nkey, size_t nn,
		     size_t *match, bool *moved, bool *old_matched);
void diff_free_keys(char **keys, size_t n);

/* diff_enum.c: enum constants, and E# entries (constants in bounds). */
void diff_enumerators(struct walker *w, const char **ov, size_t on,
		      const char **nv, size_t nn);
void diff_constant(struct walker *w, const struct st_entry *o,
		   const struct st_entry *n);

#endif /* _EXPLAIN_DIFF_WALK_H */
