// SPDX-License-Identifier: GPL-2.0-only
/*
 * Declarations: a symbol's own (its return or object type and its
 * parameters, aligned when their count changed), struct, union and enum
 * definitions around their bodies, and typedefs.
 */
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "diff_walk.h"
#include "ex_alloc.h"
#include "symtypes.h"

/* struct, union and enum definitions: `struct foo { ... }`. */
void diff_tagged(struct walker *w, const struct st_entry *o,
		 const struct st_entry *n)
{
	size_t oo, oc, no, nc;
	bool ob = decl_body(o->tok, o->ntok, &oo, &oc);
	bool nb = decl_body(n->tok, n->ntok, &no, &nc);
	struct tokv os, ns;

	if (!ob || !nb) {
		char *ol = decl_render(o->tok, o->ntok, true);
		char *nl = decl_render(n->tok, n->ntok, true);

		walk_change(w, "definition_changed",
			    "definition changed from '%s' to '%s'", ol, nl);
		free(ol);
		free(nl);
		return;
	}
	os = tok_without(o->tok, o->ntok, oo, oc + 1);
	ns = tok_without(n->tok, n->ntok, no, nc + 1);
	if (!tok_equal(os.v, os.n, ns.v, ns.n)) {
		char *ol = decl_render(os.v, os.n, false);
		char *nl = decl_render(ns.v, ns.n, false);

		walk_change(w, "definition_changed",
			    "declared as '%s' instead of '%s'", nl, ol);
		free(ol);
		free(nl);
	}
	diff_body(w, o->tok, oo, oc, n->tok, no, nc, n->kind == 'e');
	walk_common_refs(w, os.v, os.n, ns.v, ns.n);
	free(os.v);
	free(ns.v);
}


/* Where a declaration names name, skipping bodies; n when it does not. */
static size_t find_name(const char **v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(v[i], "{"))
			i = tok_close(v, n, i);
		else if (!strcmp(v[i], name))
			return i;
	}
	return n;
}

void diff_typedef(struct walker *w, const struct st_entry *o,
		  const struct st_entry *n)
{
	size_t op = find_name(o->tok, o->ntok, o->name);
	size_t np = find_name(n->tok, n->ntok, n->name);
	struct tokv ot = tok_without(o->tok, o->ntok, op, op < o->ntok ? op + 1 : op);
	struct tokv nt = tok_without(n->tok, n->ntok, np, np < n->ntok ? np + 1 : np);
	struct tokv os = tok_shape(ot.v, ot.n), ns = tok_shape(nt.v, nt.n);
	size_t oo, oc, no, nc;

	/* Drop the `typedef` keyword for display. */
	if (ot.n && !strcmp(ot.v[0], "typedef") && nt.n &&
	    !strcmp(nt.v[0], "typedef")) {
		memmove(ot.v, ot.v + 1, --ot.n * sizeof(*ot.v));
		memmove(nt.v, nt.v + 1, --nt.n * sizeof(*nt.v));
	}
	if (tok_equal(ot.v, ot.n, nt.v, nt.n)) {
		walk_refs(w, nt.v, nt.n);
	} else if (tok_equal(os.v, os.n, ns.v, ns.n) &&
		   decl_body(ot.v, ot.n, &oo, &oc) &&
		   decl_body(nt.v, nt.n, &no, &nc)) {
		diff_body(w, ot.v, oo, oc, nt.v, no, nc,
			  oo > 0 && !strcmp(ot.v[oo - 1], "enum"));
		walk_common_refs(w, os.v, os.n, ns.v, ns.n);
	} else {
		char *ol = decl_render(ot.v, ot.n, true);
		char *nl = decl_render(nt.v, nt.n, true);

		walk_change(w, "typedef_retargeted",
			    "retargeted from '%s' to '%s'", ol, nl);
		free(ol);
		free(nl);
		walk_common_refs(w, ot.v, ot.n, nt.v, nt.n);
	}
	free(ot.v);
	free(nt.v);
	free(os.v);
	free(ns.v);
}


static void diff_params(struct walker *w, const char **ov, size_t on,
			const char **nv, size_t nn);

void diff_symbol_decl(struct walker *w, const struct st_entry *o,
		      const struct st_entry *n)
{
	size_t op = find_name(o->tok, o->ntok, o->name);
	size_t np = find_name(n->tok, n->ntok, n->name);
	bool ofn = op + 1 < o->ntok && !strcmp(o->tok[op + 1], "(");
	bool nfn = np + 1 < n->ntok && !strcmp(n->tok[np + 1], "(");
	size_t oc = ofn ? tok_close(o->tok, o->ntok, op + 1) : op;
	size_t nc = nfn ? tok_close(n->tok, n->ntok, np + 1) : np;
	struct tokv ot, nt;
	char *ol, *nl;

	if (ofn != nfn || oc >= o->ntok || nc >= n->ntok) {
		ol = decl_render(o->tok, o->ntok, true);
		nl = decl_render(n->tok, n->ntok, true);
		walk_change(w, "declaration_changed",
			    "declaration changed from '%s' to '%s'", ol, nl);
		free(ol);
		free(nl);
		walk_common_refs(w, o->tok, o->ntok, n->tok, n->ntok);
		return;
	}
	/* The type around the name and parameters: return or object type. */
	ot = tok_without(o->tok, o->ntok, op, oc + 1);
	nt = tok_without(n->tok, n->ntok, np, nc + 1);
	if (!tok_equal(ot.v, ot.n, nt.v, nt.n)) {
		ol = decl_render(ot.v, ot.n, true);
		nl = decl_render(nt.v, nt.n, true);
		walk_change(w, ofn ? "return_changed" : "type_changed",
			    "%s changed from '%s' to '%s'",
			    ofn ? "return type" : "type", ol, nl);
		free(ol);
		free(nl);
	}
	if (ofn)
		walk_push(w, "return");
	walk_common_refs(w, ot.v, ot.n, nt.v, nt.n);
	if (ofn) {
		walk_pop(w);
		diff_params(w, o->tok + op + 2, oc - op - 2,
			    n->tok + np + 2, nc - np - 2);
	}
	free(ot.v);
	free(nt.v);
}

static void param_pair(struct walker *w, const struct tokv *o, size_t oi,
		       const struct tokv *n, size_t ni)
{
	if (!tok_equal(o->v, o->n, n->v, n->n)) {
		char *ol = decl_render(o->v, o->n, true);
		char *nl = decl_render(n->v, n->n, true);

		if (oi == ni)
			walk_change(w, "arg_changed",
				    "arg %zu changed from '%s' to '%s'",
				    ni + 1, ol, nl);
		else
			walk_change(w, "arg_changed",
				    "arg %zu '%s' is now arg %zu '%s'",
				    oi + 1, ol, ni + 1, nl);
		free(ol);
		free(nl);
	}
	walk_push(w, "arg %zu", ni + 1);
	walk_common_refs(w, o->v, o->n, n->v, n->n);
	walk_pop(w);
}

/*
 * Same count: argument i against argument i.  Otherwise align equal
 * arguments (longest common subsequence) and pair up what lies between.
 */
static void diff_params(struct walker *w, const char **ov, size_t on,
			const char **nv, size_t nn)
{
	size_t no, nw, i, j, gi, gj;
	struct tokv *o = decl_params(ov, on, &no);
	struct tokv *n = decl_params(nv, nn, &nw);
	size_t *lcs;

	if (no == nw) {
		for (i = 0; i < no; i++)
			param_pair(w, &o[i], i, &n[i], i);
		goto out;
	}
	lcs = ex_calloc((no + 1) * (nw + 1), sizeof(*lcs));
#define L(a, b) lcs[(a) * (nw + 1) + (b)]
	for (i = no; i-- > 0; )
		for (j = nw; j-- > 0; )
			L(i, j) = tok_equal(o[i].v, o[i].n, n[j].v, n[j].n) ?
				  L(i + 1, j + 1) + 1 :
				  (L(i + 1, j) > L(i, j + 1) ? L(i + 1, j) :
				   L(i, j + 1));
	i = j = 0;
	while (i < no || j < nw) {
		if (i < no && j < nw &&
		    tok_equal(o[i].v, o[i].n, n[j].v, n[j].n) &&
		    L(i, j) == L(i + 1, j + 1) + 1) {
			param_pair(w, &o[i], i, &n[j], j);
			i++;
			j++;
			continue;
		}
		/* A gap: old gi..i and new gj..j have no equal pair. */
		gi = i;
		gj = j;
		while (i < no || j < nw) {
			if (i < no && j < nw &&
			    tok_equal(o[i].v, o[i].n, n[j].v, n[j].n) &&
			    L(i, j) == L(i + 1, j + 1) + 1)
				break;
			if (j < nw && (i >= no || L(i, j + 1) >= L(i + 1, j)))
				j++;
			else
				i++;
		}
		for (; gi < i && gj < j; gi++, gj++)
			param_pair(w, &o[gi], gi, &n[gj], gj);
		for (; gi < i; gi++) {
			char *l = decl_render(o[gi].v, o[gi].n, true);

			walk_change(w, "arg_removed", "arg %zu '%s' removed",
				    gi + 1, l);
			free(l);
		}
		for (; gj < j; gj++) {
			char *l = decl_render(n[gj].v, n[gj].n, true);

			walk_change(w, "arg_added", "arg %zu '%s' added",
				    gj + 1, l);
			free(l);
		}
	}
#undef L
	free(lcs);
out:
	decl_free_tokvs(o, no);
	decl_free_tokvs(n, nw);
}
