// SPDX-License-Identifier: GPL-2.0-only
/*
 * st_crc() without re-reading tokens: each definition compiled once into
 * runs of literal text ("tok tok ", as genksyms hashes them) and its
 * references, with the two texts a reference may give (met again:
 * "struct foo "; undefined: "struct foo { UNKNOWN } ").  A kernel compare
 * expands every changed export on both sides, 37,000 expansions of up to
 * 100,000 tokens; hashing whole runs instead of each token with its own
 * strlen() and call is most of the time saved.
 *
 * The forms are kept per set, by the index of a definition's first token
 * in set->toks: the units of a consolidated set share their definitions.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../common/crc32.h"
#include "ex_alloc.h"
#include "symtypes.h"

struct form_item {
	const char *text;	/* literal run, or the reference's key */
	const char *again;	/* a reference met before: "struct foo " */
	const char *unknown;	/* a reference to no entry */
	size_t len, again_len, unknown_len;
	bool ref;
	/* The reference's entry in the unit that looked it up last: the
	 * exports of one unit are expanded one after the other. */
	const struct st_unit *u;
	const struct st_entry *e;
};

struct form {
	size_t n;
	struct form_item item[];
};

struct st_forms {
	const char **base;	/* set->toks */
	size_t cap;		/* its length */
	struct form **form;	/* by first-token index, built on demand */
};

struct st_forms *st_forms_new(const char **base, size_t cap)
{
	struct st_forms *f = ex_calloc(1, sizeof(*f));

	f->base = base;
	f->cap = cap;
	return f;
}

void st_forms_free(struct st_forms *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; f->form && i < f->cap; i++)
		free(f->form[i]);
	free(f->form);
	free(f);
}

static char *put(char **p, const char *s)
{
	char *start = *p;
	size_t n = strlen(s);

	memcpy(*p, s, n);
	*p += n;
	return start;
}

static struct form *compile(const char **tok, size_t ntok)
{
	size_t bytes = 0, i, n = 0;
	struct form *f;
	char *p;

	for (i = 0; i < ntok; i++)	/* "struct name { UNKNOWN } " at most */
		bytes += 2 * strlen(tok[i]) + 32;
	f = ex_malloc(sizeof(*f) + (ntok + 1) * sizeof(f->item[0]) + bytes);
	p = (char *)&f->item[ntok + 1];
	for (i = 0; i < ntok; i++) {
		struct form_item *it = &f->item[n];
		const char *word;

		if (!st_is_ref(tok[i])) {
			if (!n || f->item[n - 1].ref) {
				memset(it, 0, sizeof(*it));
				it->text = p;
				n++;
			}
			put(&p, tok[i]);
			put(&p, " ");
			f->item[n - 1].len = (size_t)(p - f->item[n - 1].text);
			continue;
		}
		word = tag_keyword(tok[i][0]);
		memset(it, 0, sizeof(*it));
		it->ref = true;
		it->text = tok[i];
		it->again = p;
		if (word) {
			put(&p, word);
			put(&p, " ");
		}
		put(&p, tok[i] + 2);
		put(&p, " ");
		it->again_len = (size_t)(p - it->again);
		it->unknown = p;
		if (word) {
			memcpy(p, it->again, it->again_len);
			p += it->again_len;
			put(&p, "{ UNKNOWN } ");
		} else {
			put(&p, tok[i] + 2);
			put(&p, " ");
		}
		it->unknown_len = (size_t)(p - it->unknown);
		n++;
	}
	f->n = n;
	return f;
}

/* The form of the definition at @tok, or NULL if it is not one of the set. */
static struct form *form_of(struct st_forms *fs, const char **tok,
				  size_t ntok)
{
	size_t i;

	if (tok < fs->base || tok >= fs->base + fs->cap)
		return NULL;
	i = (size_t)(tok - fs->base);
	if (!fs->form)
		fs->form = ex_calloc(fs->cap, sizeof(*fs->form));
	if (!fs->form[i])
		fs->form[i] = compile(tok, ntok);
	return fs->form[i];
}

struct frame {
	struct form *f;
	size_t i;
};

bool st_crc_fast(const struct st_unit *u, const struct st_entry *sym,
		 uint32_t *crc_out, size_t *missing)
{
	struct frame *stack;
	size_t depth = 0, cap = 16, miss = 0;
	uint32_t crc = CRC32_INIT;
	bool *done, ok = true;

	if (!u->forms || !(stack = ex_malloc(cap * sizeof(*stack))))
		return false;
	stack[depth].f = form_of(u->forms, sym->tok, sym->ntok);
	stack[depth++].i = 0;
	done = ex_calloc(u->n + 1, sizeof(*done));
	while (depth && ok) {
		struct frame *fr = &stack[depth - 1];
		struct form_item *it;
		const struct st_entry *e;

		if (!fr->f) {
			ok = false;
			break;
		}
		if (fr->i == fr->f->n) {
			depth--;
			continue;
		}
		it = &fr->f->item[fr->i++];
		if (!it->ref) {
			crc = crc32_update(crc, it->text, it->len);
			continue;
		}
		if (it->u != u) {
			it->e = st_lookup(u, it->text);
			it->u = u;
		}
		e = it->e;
		if (e && done[st_index(u, e)]) {
			crc = crc32_update(crc, it->again, it->again_len);
		} else if (e) {
			done[st_index(u, e)] = true;
			if (depth == cap) {
				cap *= 2;
				stack = ex_realloc(stack, cap * sizeof(*stack));
			}
			stack[depth].f = form_of(u->forms, e->tok, e->ntok);
			stack[depth++].i = 0;
		} else {
			miss++;
			crc = crc32_update(crc, it->unknown, it->unknown_len);
		}
	}
	free(done);
	free(stack);
	if (!ok)
		return false;
	*crc_out = crc ^ CRC32_INIT;
	if (missing)
		*missing = miss;
	return true;
}
