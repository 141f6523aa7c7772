// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"

static void *check(void *p)
{
	if (!p) {
		fputs("out of memory\n", stderr);
		exit(2);
	}
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

char *ex_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return check(n < 0 ? NULL : s);
}
