/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pieces of C declarations as genksyms writes them, one token per word:
 * the members of a struct body, the parameters of a function, the
 * constants of an enum, the name a declarator declares, and a readable
 * rendering ("struct foo *next" for `s#foo * next`).
 */
#ifndef _EXPLAIN_DECL_H
#define _EXPLAIN_DECL_H

#include <stdbool.h>
#include <stddef.h>

#include "const_expr.h"

/* A run of tokens; v is owned (malloc()ed) unless said otherwise. */
struct tokv {
	const char **v;
	size_t n;
};

/* One struct/union member, one declarator each. */
struct member {
	struct tokv t;
	const char *name;	/* NULL: anonymous struct/union member */
};

/* One enum constant. */
struct enumerator {
	const char *name;
	struct tokv expr;	/* after `=`; n == 0 when implicit */
	bool known;		/* value evaluated */
	long long value;
	char *text;		/* the value as words when not known */
};

/* Is tok an identifier (not a keyword, not a kind#name reference)? */
bool decl_is_name(const char *tok);

bool tok_equal(const char **a, size_t na, const char **b, size_t nb);

/* Index of the token closing the group opened at v[i], or n. */
size_t tok_close(const char **v, size_t n, size_t i);

/* Locate a `{ ... }` body; false when there is none. */
bool decl_body(const char **v, size_t n, size_t *open, size_t *close);

/* Is the body between open and close `UNKNOWN`? */
bool decl_body_unknown(const char **v, size_t open, size_t close);

/* Split a struct/union body (without braces) into members. */
struct member *decl_members(const char **v, size_t n, size_t *count);
void decl_free_members(struct member *m, size_t count);

/* Split a parameter list (without parentheses); `void` is no parameter. */
struct tokv *decl_params(const char **v, size_t n, size_t *count);
void decl_free_tokvs(struct tokv *t, size_t count);

/*
 * Split an enum body (without braces) and number its constants.  lookup
 * resolves other constants (E#refs) in value expressions; it may be NULL.
 */
struct enumerator *decl_enumerators(const char **v, size_t n, size_t *count,
				    const_expr_lookup_fn lookup, void *arg);
void decl_free_enumerators(struct enumerator *e, size_t count);

/*
 * Render tokens as C ("struct foo *next").  brief abbreviates bodies to
 * "{...}".  The result is malloc()ed.
 */
char *decl_render(const char **v, size_t n, bool brief);

/* A copy of v[0..n) without the tokens [from, to). */
struct tokv tok_without(const char **v, size_t n, size_t from, size_t to);

/* Also with every { } body replaced by "{...}": the shape around bodies. */
struct tokv tok_shape(const char **v, size_t n);

#endif /* _EXPLAIN_DECL_H */
