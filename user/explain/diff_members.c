// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bodies of structs and unions: members matched old to new by name (the
 * anonymous ones by the names they declare), then each reported as
 * removed, added, moved or changed, and walked into.
 */
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "diff_walk.h"
#include "ex_alloc.h"

/* Longest increasing subsequence of idx[0..n): marks keep[] of its members. */
static void lis(const size_t *idx, size_t n, bool *keep)
{
	size_t *len = ex_calloc(n, sizeof(*len));
	size_t *prev = ex_calloc(n, sizeof(*prev));
	size_t i, j, best = 0, end = 0;

	for (i = 0; i < n; i++) {
		len[i] = 1;
		prev[i] = i;
		for (j = 0; j < i; j++)
			if (idx[j] < idx[i] && len[j] + 1 > len[i]) {
				len[i] = len[j] + 1;
				prev[i] = j;
			}
		if (len[i] > best) {
			best = len[i];
			end = i;
		}
	}
	for (i = 0; i < n; i++)
		keep[i] = false;
	if (n) {
		for (i = end; ; i = prev[i]) {
			keep[i] = true;
			if (prev[i] == i)
				break;
		}
	}
	free(len);
	free(prev);
}

/*
 * Match two sequences by key: match[j] is the old index of new item j, or
 * (size_t)-1; moved[j] when the match breaks the old order.
 */
void diff_match_keys(char **okey, size_t on, char **nkey, size_t nn,
		     size_t *match, bool *moved, bool *old_matched)
{
	size_t *idx = ex_calloc(nn, sizeof(*idx));
	bool *keep = ex_calloc(nn, sizeof(*keep));
	size_t i, j, m = 0;

	for (i = 0; i < on; i++)
		old_matched[i] = false;
	for (j = 0; j < nn; j++) {
		match[j] = (size_t)-1;
		moved[j] = false;
		for (i = 0; i < on; i++)
			if (!old_matched[i] && !strcmp(okey[i], nkey[j])) {
				match[j] = i;
				old_matched[i] = true;
				idx[m++] = i;
				break;
			}
	}
	lis(idx, m, keep);
	for (j = 0, m = 0; j < nn; j++)
		if (match[j] != (size_t)-1)
			moved[j] = !keep[m++];
	free(idx);
	free(keep);
}

/* The first name declared inside an anonymous member, to label it. */
static const char *first_inner_name(const struct member *m)
{
	size_t i;

	for (i = 0; i < m->t.n; i++)
		if (decl_is_name(m->t.v[i]))
			return m->t.v[i];
	return NULL;
}

static char *anonymous_key(const struct member *m, size_t ordinal)
{
	const char *what = m->t.n ? m->t.v[0] : "member";
	const char *inner = first_inner_name(m);

	if (inner)
		return ex_asprintf("%s {%s...}", what, inner);
	return ex_asprintf("anonymous %s #%zu", what, ordinal);
}

/* How members appear in messages: "int b", or "union {code...}". */
static char *member_label(const struct member *m)
{
	const char *inner = m->name ? NULL : first_inner_name(m);

	if (inner)
		return ex_asprintf("%s {%s...}", m->t.v[0], inner);
	return decl_render(m->t.v, m->t.n, true);
}

/* How many names declared inside a also appear inside b. */
static size_t shared_names(const struct member *a, const struct member *b)
{
	size_t i, shared = 0;

	for (i = 0; i < a->t.n; i++)
		if (decl_is_name(a->t.v[i]) &&
		    diff_contains(b->t.v, b->t.n, a->t.v[i]))
			shared++;
	return shared;
}

/*
 * Keys naming members: their name; anonymous members have none, so an old
 * and a new one declaring the most names in common share a key (the new
 * one's "union {first_inner_name...}"), and unpaired ones keep their own.
 */
static void member_keys(const struct member *om, size_t on, char ***okeys,
			const struct member *nm, size_t nn, char ***nkeys)
{
	char **ok = ex_calloc(on, sizeof(*ok)), **nk = ex_calloc(nn, sizeof(*nk));
	size_t i, j, anon = 0;

	for (i = 0; i < on; i++)
		if (om[i].name)
			ok[i] = ex_strdup(om[i].name);
	for (j = 0; j < nn; j++) {
		size_t best = 0, pick = on;

		if (nm[j].name) {
			nk[j] = ex_strdup(nm[j].name);
			continue;
		}
		nk[j] = anonymous_key(&nm[j], ++anon);
		for (i = 0; i < on; i++) {
			size_t shared;

			if (om[i].name || ok[i] || strcmp(om[i].t.v[0], nm[j].t.v[0]))
				continue;
			/* The same tokens (`unsigned : 0`, names or not): the
			 * same member, first come first paired. */
			if (tok_equal(om[i].t.v, om[i].t.n, nm[j].t.v,
				      nm[j].t.n)) {
				pick = i;
				break;
			}
			shared = shared_names(&om[i], &nm[j]);
			if (shared > best) {
				best = shared;
				pick = i;
			}
		}
		if (pick < on)
			ok[pick] = ex_strdup(nk[j]);
	}
	for (i = 0; i < on; i++) {
		if (!ok[i]) {
			/* Unpaired: its own key, which no new member has. */
			char *k = anonymous_key(&om[i], ++anon);

			ok[i] = ex_asprintf("%s (old)", k);
			free(k);
		}
	}
	*okeys = ok;
	*nkeys = nk;
}

void diff_free_keys(char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* Two members of one name whose tokens differ. */
static void diff_member_pair(struct walker *w, const struct member *om,
			     const struct member *nm, const char *key)
{
	struct tokv os = tok_shape(om->t.v, om->t.n);
	struct tokv ns = tok_shape(nm->t.v, nm->t.n);
	size_t oo, oc, no, nc;

	if (tok_equal(os.v, os.n, ns.v, ns.n) &&
	    decl_body(om->t.v, om->t.n, &oo, &oc) &&
	    decl_body(nm->t.v, nm->t.n, &no, &nc)) {
		/* Same declaration around an inline body: look inside. */
		walk_push(w, "member '%s'", key);
		if (w->inline_depth >= MAX_INLINE_DEPTH) {
			walk_change(w, "too_deep",
				    "bodies nested more than %d deep: not compared",
				    MAX_INLINE_DEPTH);
		} else {
			w->inline_depth++;
			diff_body(w, om->t.v, oo, oc, nm->t.v, no, nc,
				  oo > 0 && !strcmp(om->t.v[oo - 1], "enum"));
			w->inline_depth--;
		}
		walk_common_refs(w, os.v, os.n, ns.v, ns.n);
		walk_pop(w);
	} else {
		char *ol = decl_render(om->t.v, om->t.n, true);
		char *nl = decl_render(nm->t.v, nm->t.n, true);

		walk_change(w, "member_changed", "member '%s' changed to '%s'",
			    ol, nl);
		free(ol);
		free(nl);
		walk_push(w, "member '%s'", key);
		walk_common_refs(w, om->t.v, om->t.n, nm->t.v, nm->t.n);
		walk_pop(w);
	}
	free(os.v);
	free(ns.v);
}

static void diff_members(struct walker *w, const struct member *om,
			 size_t on, const struct member *nm, size_t nn)
{
	char **okey, **nkey;
	size_t *match = ex_calloc(nn, sizeof(*match));
	bool *moved = ex_calloc(nn, sizeof(*moved));
	bool *old_matched = ex_calloc(on, sizeof(*old_matched));
	size_t i, j;

	member_keys(om, on, &okey, nm, nn, &nkey);
	diff_match_keys(okey, on, nkey, nn, match, moved, old_matched);
	for (i = 0; i < on; i++) {
		if (!old_matched[i]) {
			char *l = member_label(&om[i]);

			walk_change(w, "member_removed",
				    "member '%s' removed", l);
			free(l);
		}
	}
	for (j = 0; j < nn; j++) {
		char *l = member_label(&nm[j]);
		char *p = j ? member_label(&nm[j - 1]) : NULL;

		if (match[j] == (size_t)-1) {
			if (p)
				walk_change(w, "member_added",
					    "member '%s' added after '%s'", l, p);
			else
				walk_change(w, "member_added",
					    "member '%s' added at the start", l);
		} else if (moved[j]) {
			if (p)
				walk_change(w, "member_moved",
					    "member '%s' moved after '%s'", l, p);
			else
				walk_change(w, "member_moved",
					    "member '%s' moved to the start", l);
		}
		free(l);
		free(p);
		if (match[j] == (size_t)-1)
			continue;
		i = match[j];
		if (tok_equal(om[i].t.v, om[i].t.n, nm[j].t.v, nm[j].t.n)) {
			walk_push(w, "member '%s'", nkey[j]);
			walk_refs(w, nm[j].t.v, nm[j].t.n);
			walk_pop(w);
		} else {
			diff_member_pair(w, &om[i], &nm[j], nkey[j]);
		}
	}
	diff_free_keys(okey, on);
	diff_free_keys(nkey, nn);
	free(match);
	free(moved);
	free(old_matched);
}

/* Compare two `{ ... }` bodies: members, or enum constants. */
void diff_body(struct walker *w, const char **ov, size_t oopen,
	       size_t oclose, const char **nv, size_t nopen,
	       size_t nclose, bool is_enum)
{
	bool ounk = decl_body_unknown(ov, oopen, oclose);
	bool nunk = decl_body_unknown(nv, nopen, nclose);
	struct member *om, *nm;
	size_t on, nn;

	if (ounk || nunk) {
		if (ounk && !nunk)
			walk_change(w, "became_defined", "became defined");
		else if (!ounk && nunk)
			walk_change(w, "became_undefined",
				    "became undefined (UNKNOWN)");
		return;
	}
	if (is_enum) {
		diff_enumerators(w, ov + oopen + 1, oclose - oopen - 1,
				 nv + nopen + 1, nclose - nopen - 1);
		return;
	}
	om = decl_members(ov + oopen + 1, oclose - oopen - 1, &on);
	nm = decl_members(nv + nopen + 1, nclose - nopen - 1, &nn);
	diff_members(w, om, on, nm, nn);
	decl_free_members(om, on);
	decl_free_members(nm, nn);
}
