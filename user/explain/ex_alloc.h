/* SPDX-License-Identifier: GPL-2.0-only */
/* Allocation that cannot fail: out of memory ends the tool. */
#ifndef _EXPLAIN_EX_ALLOC_H
#define _EXPLAIN_EX_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *ex_malloc(size_t n);
void *ex_calloc(size_t n, size_t size);
void *ex_realloc(void *p, size_t n);
char *ex_strdup(const char *s);
char *ex_asprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif /* _EXPLAIN_EX_ALLOC_H */
