/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Allocation inside the explain library.  Parsing and the walks allocate
 * in hundreds of places, deep inside loops; rather than check each, an
 * allocation that fails returns straight to the public function that
 * started the work: each runs its body through ex_catch_oom(), which then
 * returns -ENOMEM with err saying "out of memory".  Nothing exits and
 * nothing is printed.  What the interrupted call had allocated is not
 * freed; the objects the caller passed in stay whole and can be freed.
 */
#ifndef _EXPLAIN_EX_ALLOC_H
#define _EXPLAIN_EX_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "../common/error.h"

/*
 * Run fn(arg); return 0, or -ENOMEM with err set if an allocation below
 * failed.  Calls nest: the innermost returns.
 */
int ex_catch_oom(void (*fn)(void *arg), void *arg, struct symtab_error *err);

/* Out of memory: leave for the innermost ex_catch_oom(). */
void ex_oom(void) __attribute__((noreturn));

void *ex_malloc(size_t n);
void *ex_calloc(size_t n, size_t size);
void *ex_realloc(void *p, size_t n);
char *ex_strdup(const char *s);
char *ex_asprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
char *ex_vasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

#endif /* _EXPLAIN_EX_ALLOC_H */
