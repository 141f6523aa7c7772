// SPDX-License-Identifier: GPL-2.0-only
/* Memory helpers: checked allocation, a bump arena, growable token lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/array_grow.h"
#include "util.h"
#include "ident.h"

/*
 * Out of memory ends genksyms, as it ends the kernel's tool: genksyms is a
 * program, run once per object by kbuild, not a library (libgenksyms.a is
 * its own objects archived for the tests and fuzzers, which want the same
 * behaviour).  Carrying -ENOMEM back through the parser would put a check
 * on every hot path for a failure no caller could recover from.  The
 * libraries (user/common/error.h) never exit.
 */
void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p) {
		fprintf(stderr, "genksyms: out of memory\n");
		exit(1);
	}
	return p;
}

void xarray_grow(void *arrayp, size_t *cap, size_t need, size_t size)
{
	if (array_grow(arrayp, cap, need, size)) {
		fprintf(stderr, "genksyms: out of memory\n");
		exit(1);
	}
}

/* Symbols live until exit: carve them from large chunks, never free. */
#define ARENA_CHUNK	(1 << 20)
static char *arena_cur;
static size_t arena_left;
static void **arena_blocks;	/* every block, for arena_reset() */
static size_t arena_nblocks, arena_cap;

static void *arena_block(size_t size)
{
	xarray_grow(&arena_blocks, &arena_cap, arena_nblocks + 1,
		    sizeof(*arena_blocks));
	return arena_blocks[arena_nblocks++] = xmalloc(size);
}

void arena_reset(void)
{
	while (arena_nblocks)
		free(arena_blocks[--arena_nblocks]);
	arena_cur = NULL;
	arena_left = 0;
}

void *arena_alloc(size_t size)
{
	void *p;

	size = (size + 7) & ~(size_t)7;	/* nothing stored needs more */
	if (size > arena_left) {
		if (size > ARENA_CHUNK / 4)
			return arena_block(size);
		arena_cur = arena_block(ARENA_CHUNK);
		arena_left = ARENA_CHUNK;
	}
	p = arena_cur;
	arena_cur += size;
	arena_left -= size;
	return p;
}

char *arena_strndup(const char *s, size_t len)
{
	char *p = arena_alloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Room for @n tokens in all. */
static void tvec_reserve(struct tvec *tv, size_t n)
{
	xarray_grow(&tv->v, &tv->cap, n, sizeof(*tv->v));
}

void tvec_grow(struct tvec *tv)
{
	tvec_reserve(tv, tv->n + 1);
}

void tvec_push_str(struct tvec *tv, const char *text)
{
	tvec_push(tv, text, strlen(text));
}

void tvec_push_ref(struct tvec *tv, int kind, struct ident *id)
{
	if (tv->n == tv->cap)
		tvec_grow(tv);
	tv->v[tv->n++] = (struct dtok){ .text = id->name, .len = id->len,
					.ref = kind, .id = id };
}

void tvec_append(struct tvec *dst, const struct tvec *src)
{
	if (!src->n)
		return;
	tvec_reserve(dst, dst->n + src->n);
	memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
}

void tvec_free(struct tvec *tv)
{
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
}
