/* SPDX-License-Identifier: GPL-2.0-only */
/* Memory helpers: checked allocation, a bump arena, growable token lists. */
#ifndef GENKSYMS_UTIL_H
#define GENKSYMS_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
/* array_grow() (user/common/) that ends genksyms when out of memory. */
void xarray_grow(void *arrayp, size_t *cap, size_t need, size_t size);
void *arena_alloc(size_t size);
/* Free everything arena_alloc() gave out (for the fuzzer). */
void arena_reset(void);
char *arena_strndup(const char *s, size_t len);

struct ident;

/* One token of a stored definition: literal text or a typed reference. */
struct dtok {
	const char *text;
	uint32_t len;
	uint8_t ref;		/* SYM_* kind of the reference, 0 for text */
	struct ident *id;	/* referenced name when ref != 0 */
};

/* A growable list of definition tokens. */
struct tvec {
	struct dtok *v;
	size_t n, cap;
};

void tvec_grow(struct tvec *tv);

/* Inline: the parser pushes every token it keeps. */
static inline void tvec_push(struct tvec *tv, const char *text, uint32_t len)
{
	if (tv->n == tv->cap)
		tvec_grow(tv);
	tv->v[tv->n++] = (struct dtok){ .text = text, .len = len };
}

void tvec_push_str(struct tvec *tv, const char *text);
void tvec_push_ref(struct tvec *tv, int kind, struct ident *id);
void tvec_append(struct tvec *dst, const struct tvec *src);
void tvec_free(struct tvec *tv);

#endif
