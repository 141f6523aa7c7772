// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which entries of two units may expand differently: those that differ,
 * and every entry reaching one (reverse reachability over the reference
 * graph, linear in the units' size).  Computed once per pair of units.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_walk.h"
#include "ex_alloc.h"
#include "symtypes.h"

#define NO_ENTRY	((size_t)-1)

/* Node of key in a dirty graph: nu's index, or nu->n + ou's index. */
static size_t dirty_node(const struct st_unit *ou, const struct st_unit *nu,
			 const char *key)
{
	const struct st_entry *e = st_lookup(nu, key);

	if (e)
		return st_index(nu, e);
	e = st_lookup(ou, key);
	return e ? nu->n + st_index(ou, e) : NO_ENTRY;
}

/* Count (adj NULL) or record the edges from each referenced node back to
 * the entries referencing it. */
static void dirty_edges(const struct st_unit *ou, const struct st_unit *nu,
			const size_t *ou_node, size_t *start, size_t *adj)
{
	size_t i, j, t;

	for (i = 0; i < nu->n + ou->n; i++) {
		const struct st_entry *e = i < nu->n ? &nu->ent[i] :
					   &ou->ent[i - nu->n];
		size_t from = i < nu->n ? i : ou_node[i - nu->n];

		for (j = 0; j < e->ntok; j++) {
			if (!st_is_ref(e->tok[j]))
				continue;
			t = dirty_node(ou, nu, e->tok[j]);
			if (t == NO_ENTRY)
				continue;	/* missing on both sides alike */
			if (adj)
				adj[start[t]++] = from;
			else
				start[t + 1]++;
		}
	}
}

struct diff_dirty *diff_dirty_new(const struct st_unit *ou,
				  const struct st_unit *nu)
{
	size_t total = nu->n + ou->n, i, head = 0, tail = 0;
	struct diff_dirty *d = ex_calloc(1, sizeof(*d));
	size_t *ou_node = ex_calloc(ou->n + 1, sizeof(*ou_node));
	size_t *start = ex_calloc(total + 2, sizeof(*start));
	size_t *queue = ex_calloc(total + 1, sizeof(*queue));
	bool *dirty = ex_calloc(total + 1, sizeof(*dirty));
	size_t *adj;

	d->ou = ou;
	d->nu = nu;
	d->walked = ex_calloc(total + 1, sizeof(*d->walked));
	for (i = 0; i < ou->n; i++) {
		const struct st_entry *n = st_lookup(nu, ou->ent[i].key);

		ou_node[i] = n ? st_index(nu, n) : nu->n + i;
	}
	/* Differing definitions, or a definition on one side only. */
	for (i = 0; i < nu->n; i++) {
		const struct st_entry *o = st_lookup(ou, nu->ent[i].key);

		if (!o || o->is_extern != nu->ent[i].is_extern ||
		    !tok_equal(o->tok, o->ntok, nu->ent[i].tok,
			       nu->ent[i].ntok))
			dirty[i] = true;
	}
	for (i = 0; i < ou->n; i++)
		if (ou_node[i] >= nu->n)
			dirty[ou_node[i]] = true;
	/* Reverse edges, compressed: start[t]..start[t + 1] in adj. */
	dirty_edges(ou, nu, ou_node, start, NULL);
	for (i = 0; i < total; i++)
		start[i + 1] += start[i];
	adj = ex_calloc(start[total] + 1, sizeof(*adj));
	dirty_edges(ou, nu, ou_node, start, adj);
	/* start[t] is now where t's edges end: start[t - 1] where they begin. */
	for (i = 0; i < total; i++)
		if (dirty[i])
			queue[tail++] = i;
	while (head < tail) {
		size_t t = queue[head++], k;

		for (k = t ? start[t - 1] : 0; k < start[t]; k++) {
			if (!dirty[adj[k]]) {
				dirty[adj[k]] = true;
				queue[tail++] = adj[k];
			}
		}
	}
	d->n = ex_calloc(nu->n + 1, sizeof(*d->n));
	d->o = ex_calloc(ou->n + 1, sizeof(*d->o));
	memcpy(d->n, dirty, nu->n * sizeof(*dirty));
	for (i = 0; i < ou->n; i++)
		d->o[i] = dirty[ou_node[i]];
	free(adj);
	free(ou_node);
	free(start);
	free(queue);
	free(dirty);
	return d;
}

void diff_dirty_free(struct diff_dirty *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->nu->n + d->ou->n; i++)
		type_events_free(d->walked[i]);
	free(d->walked);
	free(d->o);
	free(d->n);
	free(d);
}

bool diff_dirty_symbol(const struct diff_dirty *d, const struct st_entry *o,
		       const struct st_entry *n)
{
	return d->o[st_index(d->ou, o)] || d->n[st_index(d->nu, n)];
}
