// SPDX-License-Identifier: GPL-2.0-only
/*
 * Enum constants: matched by name, reported as added, removed, moved,
 * renumbered or rewritten; and E# entries, the constants genksyms stores
 * for array bounds, compared by value.
 */
#include <stdlib.h>
#include <string.h>

#include "const_expr.h"
#include "decl.h"
#include "diff_walk.h"
#include "ex_alloc.h"
#include "symtypes.h"

/* The value of enum constant name from its E# entry in u. */
struct const_scope {
	const struct st_unit *u;
	int depth;
};

static bool const_lookup(const char *name, long long *value, void *arg)
{
	struct const_scope *sc = arg;
	const struct st_entry *e;
	char *key;
	bool ok;

	if (!strncmp(name, "E#", 2))
		name += 2;
	key = ex_asprintf("E#%s", name);
	e = st_lookup(sc->u, key);
	free(key);
	if (!e || sc->depth > 64)
		return false;
	sc->depth++;
	ok = const_expr_eval(e->tok, e->ntok, const_lookup, sc, value);
	sc->depth--;
	return ok;
}

static char *value_text(const struct st_unit *u, const char **v, size_t n)
{
	struct const_scope sc = { u, 0 };
	long long value;

	if (const_expr_eval(v, n, const_lookup, &sc, &value))
		return ex_asprintf("%lld", value);
	return decl_render(v, n, false);
}

static char *enumerator_value(const struct enumerator *e)
{
	return e->known ? ex_asprintf("%lld", e->value) : ex_strdup(e->text);
}


struct enum_view {
	struct enumerator *e;
	size_t n;
	char **keys;
	struct const_scope sc;
};

static void enum_view(struct enum_view *ev, const struct st_unit *u,
		      const char **v, size_t n)
{
	size_t i;

	ev->sc.u = u;
	ev->sc.depth = 0;
	ev->e = decl_enumerators(v, n, &ev->n, const_lookup, &ev->sc);
	ev->keys = ex_calloc(ev->n, sizeof(*ev->keys));
	for (i = 0; i < ev->n; i++)
		ev->keys[i] = ex_strdup(ev->e[i].name);
}

static void enum_view_free(struct enum_view *ev)
{
	decl_free_enumerators(ev->e, ev->n);
	diff_free_keys(ev->keys, ev->n);
}

static char *expr_text(const struct enumerator *e)
{
	return e->expr.n ? decl_render(e->expr.v, e->expr.n, false) :
			   ex_strdup("(implicit)");
}

void diff_enumerators(struct walker *w, const char **ov, size_t on,
		      const char **nv, size_t nn)
{
	struct enum_view o, n;
	size_t *match;
	bool *moved, *old_matched;
	size_t i, j;

	enum_view(&o, w->ou, ov, on);
	enum_view(&n, w->nu, nv, nn);
	match = ex_calloc(n.n, sizeof(*match));
	moved = ex_calloc(n.n, sizeof(*moved));
	old_matched = ex_calloc(o.n, sizeof(*old_matched));
	diff_match_keys(o.keys, o.n, n.keys, n.n, match, moved, old_matched);
	for (i = 0; i < o.n; i++) {
		if (!old_matched[i]) {
			char *v = enumerator_value(&o.e[i]);

			walk_change(w, "constant_removed",
				    "constant '%s' (= %s) removed",
				    o.e[i].name, v);
			free(v);
		}
	}
	for (j = 0; j < n.n; j++) {
		const struct enumerator *ne = &n.e[j], *oe;
		char *nval = enumerator_value(ne), *oval;

		if (match[j] == (size_t)-1) {
			if (j)
				walk_change(w, "constant_added",
					    "constant '%s' (= %s) added after '%s'",
					    ne->name, nval, n.e[j - 1].name);
			else
				walk_change(w, "constant_added",
					    "constant '%s' (= %s) added at the start",
					    ne->name, nval);
			free(nval);
			continue;
		}
		if (moved[j]) {
			if (j)
				walk_change(w, "constant_moved",
					    "constant '%s' moved after '%s'",
					    ne->name, n.e[j - 1].name);
			else
				walk_change(w, "constant_moved",
					    "constant '%s' moved to the start",
					    ne->name);
		}
		oe = &o.e[match[j]];
		oval = enumerator_value(oe);
		if (strcmp(oval, nval)) {
			walk_change(w, "constant_renumbered",
				    "constant '%s' renumbered %s -> %s",
				    ne->name, oval, nval);
		} else if (!tok_equal(oe->expr.v, oe->expr.n, ne->expr.v,
				      ne->expr.n)) {
			char *ot = expr_text(oe), *nt = expr_text(ne);

			walk_change(w, "constant_rewritten",
				    "constant '%s' written '%s' instead of '%s' (still %s)",
				    ne->name, nt, ot, nval);
			free(ot);
			free(nt);
		}
		free(oval);
		free(nval);
		walk_push(w, "constant '%s'", ne->name);
		walk_common_refs(w, oe->expr.v, oe->expr.n, ne->expr.v,
				 ne->expr.n);
		walk_pop(w);
	}
	enum_view_free(&o);
	enum_view_free(&n);
	free(match);
	free(moved);
	free(old_matched);
}


/* E#NAME: an enum constant used in a bound, stored as its value. */
void diff_constant(struct walker *w, const struct st_entry *o,
		   const struct st_entry *n)
{
	char *ov, *nv;

	if (tok_equal(o->tok, o->ntok, n->tok, n->ntok)) {
		walk_refs(w, n->tok, n->ntok);
		return;
	}
	ov = value_text(w->ou, o->tok, o->ntok);
	nv = value_text(w->nu, n->tok, n->ntok);
	if (strcmp(ov, nv)) {
		walk_change(w, "value_changed", "value changed from %s to %s",
			    ov, nv);
	} else {
		char *ot = decl_render(o->tok, o->ntok, false);
		char *nt = decl_render(n->tok, n->ntok, false);

		walk_change(w, "value_rewritten",
			    "value written '%s' instead of '%s' (still %s)",
			    nt, ot, nv);
		free(ot);
		free(nt);
	}
	free(ov);
	free(nv);
	walk_common_refs(w, o->tok, o->ntok, n->tok, n->ntok);
}
