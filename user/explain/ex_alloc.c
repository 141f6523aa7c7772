// SPDX-License-Identifier: GPL-2.0-only
/*
 * The explain library's allocations (ex_alloc.h): a failure jumps back to
 * the innermost ex_catch_oom(), which returns -ENOMEM.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"

/* Where the innermost ex_catch_oom() of this thread waits, or NULL. */
static _Thread_local jmp_buf *oom_jump;

int ex_catch_oom(void (*fn)(void *arg), void *arg, struct symtab_error *err)
{
	jmp_buf *const outer = oom_jump;	/* not changed after setjmp */
	jmp_buf here;

	if (setjmp(here)) {
		oom_jump = outer;
		return error_set(err, ENOMEM, "out of memory");
	}
	oom_jump = &here;
	fn(arg);
	oom_jump = outer;
	return 0;
}

void ex_oom(void)
{
	/* Every public entry point catches: anything else is a bug here. */
	if (!oom_jump)
		abort();
	longjmp(*oom_jump, 1);
}

static void *check(void *p)
{
	if (!p)
		ex_oom();
	return p;
}

void *ex_malloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *ex_calloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *ex_realloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

char *ex_strdup(const char *s)
{
	return check(strdup(s));
}

char *ex_vasprintf(const char *fmt, va_list ap)
{
	char *s;

	return check(vasprintf(&s, fmt, ap) < 0 ? NULL : s);
}

char *ex_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = ex_vasprintf(fmt, ap);
	va_end(ap);
	return s;
}
