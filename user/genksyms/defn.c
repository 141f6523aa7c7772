// SPDX-License-Identifier: GPL-2.0-only
/* Stored definitions: token text runs with references spliced in. */
#include <string.h>

#include "defn.h"

void defn_freeze(struct defn *d, const struct tvec *tv)
{
	size_t i, len = 0, nrefs = 0;
	struct dref *r;
	char *text;

	for (i = 0; i < tv->n; i++) {
		if (tv->v[i].ref)
			nrefs++;
		else
			len += tv->v[i].len + 1;
	}
	r = arena_alloc(nrefs * sizeof(*r) + len);
	text = (char *)(r + nrefs);
	*d = (struct defn){ .text = text, .refs = r, .len = len,
			    .nrefs = nrefs, .ntoks = tv->n };
	for (i = 0; i < tv->n; i++) {
		const struct dtok *t = &tv->v[i];

		if (t->ref) {
			*r++ = (struct dref){ .at = text - d->text,
					      .kind = t->ref, .id = t->id };
			continue;
		}
		memcpy(text, t->text, t->len);
		text += t->len;
		*text++ = ' ';
	}
}

/*
 * Token by token against the text.  Only a string literal holds a space,
 * and the token count tells one from the words of a -r file's line.
 */
bool defn_equal(const struct defn *d, const struct tvec *tv)
{
	const char *p = d->text, *end = d->text + d->len;
	const struct dref *r = d->refs, *rend = d->refs + d->nrefs;
	size_t i;

	if (d->ntoks != tv->n)
		return false;
	for (i = 0; i < tv->n; i++) {
		const struct dtok *t = &tv->v[i];

		if (t->ref) {
			if (r == rend || r->at != (uint32_t)(p - d->text) ||
			    r->kind != t->ref || r->id != t->id)
				return false;
			r++;
			continue;
		}
		if ((size_t)(end - p) < t->len + 1 ||
		    memcmp(p, t->text, t->len) || p[t->len] != ' ')
			return false;
		p += t->len + 1;
	}
	return p == end && r == rend;
}
