/* SPDX-License-Identifier: GPL-2.0-only */
/* Evaluate the integer constant expressions of genksyms declarations. */
#ifndef _EXPLAIN_CONST_EXPR_H
#define _EXPLAIN_CONST_EXPR_H

#include <stdbool.h>
#include <stddef.h>

/* The value of a name (an enum constant) in an expression, if known. */
typedef bool (*const_expr_lookup_fn)(const char *name, long long *value,
				     void *arg);

/*
 * Evaluate the tokens v[0..n) into *value; false when they are not an
 * integer constant expression.  lookup (may be NULL) resolves names.
 */
bool const_expr_eval(const char **v, size_t n, const_expr_lookup_fn lookup,
		     void *arg, long long *value);

#endif /* _EXPLAIN_CONST_EXPR_H */
