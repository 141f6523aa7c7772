// SPDX-License-Identifier: GPL-2.0-only
/*
 * Walk from a changed symbol through the types it references, the way
 * genksyms expands it, and name each change found on the way.  A type is
 * walked once per symbol (where its first use is), as genksyms expands it
 * once.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "diff.h"
#include "ex_alloc.h"
#include "report.h"
#include "symtypes.h"

/*
 * Where the walk is: a node per path segment ("arg 1", "struct foo"), each
 * pointing to its parent, so that queued types keep their path cheaply.
 */
struct path_node {
	char *label;
	size_t parent;		/* NO_NODE: the symbol itself */
	bool type;		/* a type ("struct foo"), not a member or arg */
};

#define NO_NODE		((size_t)-1)

/*
 * What walking one type does, whichever symbol it is walked for: enter and
 * leave members (labels of the path), name changes, meet other types.  It
 * is recorded the first time and replayed for every symbol reaching the
 * type, so a type behind a thousand symbols is compared once.
 */
enum ev_op { EV_PUSH, EV_POP, EV_CHANGE, EV_REF };

struct event {
	enum ev_op op;
	const char *kind;	/* EV_CHANGE */
	char *text;		/* EV_PUSH: label; EV_CHANGE: what */
	const char *key;	/* EV_REF: the type met, owned by the unit */
};

struct type_events {
	struct event *ev;
	size_t n, cap;
};

/* A type met and not walked yet. */
struct walk_item {
	const struct st_entry *o, *n;
	char kind;
	size_t node;
};

/*
 * Types are walked breadth first from an explicit queue, so that each is
 * reached by its shortest path and no chain of types, however long, deepens
 * the C stack.  Inline bodies nest on the stack, at most MAX_INLINE_DEPTH.
 */
struct walker {
	const struct st_unit *ou, *nu;
	struct diff_dirty *dirty;	/* NULL: walk everything */
	struct type_events *rec;	/* recording one type's walk */
	bool *seen_o, *seen_n;
	struct sym_report *rs;
	struct path_node *node;
	size_t nnode, node_cap;
	size_t cur;
	struct walk_item *queue;
	size_t qhead, qlen, qcap;
	unsigned int inline_depth;
};

#define MAX_INLINE_DEPTH	64
/* Longer paths are shown as their ends around a count. */
#define PATH_SHOWN_HEAD		16
#define PATH_SHOWN_TAIL		15

static size_t add_node(struct walker *w, char *label)
{
	if (w->nnode == w->node_cap) {
		w->node_cap = w->node_cap ? w->node_cap * 2 : 64;
		w->node = ex_realloc(w->node, w->node_cap * sizeof(*w->node));
	}
	w->node[w->nnode] = (struct path_node){ .label = label,
						 .parent = w->cur };
	return w->nnode++;
}

static void record(struct type_events *r, enum ev_op op, const char *kind,
		   char *text, const char *key)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->ev = ex_realloc(r->ev, r->cap * sizeof(*r->ev));
	}
	r->ev[r->n++] = (struct event){ op, kind, text, key };
}

static void type_events_free(struct type_events *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		free(r->ev[i].text);
	free(r->ev);
	free(r);
}

static void push(struct walker *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void push(struct walker *w, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		ex_oom();
	if (w->rec)
		record(w->rec, EV_PUSH, NULL, s, NULL);
	else
		w->cur = add_node(w, s);
}

static void pop(struct walker *w)
{
	struct type_events *r = w->rec;

	if (!r) {
		w->cur = w->node[w->cur].parent;
	} else if (r->n && r->ev[r->n - 1].op == EV_PUSH) {
		/* Nothing happened inside: forget the member. */
		free(r->ev[--r->n].text);
	} else {
		record(r, EV_POP, NULL, NULL, NULL);
	}
}

static void report_at(struct walker *w, const char *kind, char *s);

static void change(struct walker *w, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void change(struct walker *w, const char *kind, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		ex_oom();
	if (w->rec)
		record(w->rec, EV_CHANGE, kind, s, NULL);
	else
		report_at(w, kind, s);
}

/* Report change s (taken) where the walk is, with its path. */
static void report_at(struct walker *w, const char *kind, char *s)
{
	char **path, *gap = NULL;
	size_t depth = 0, i, k, n, where;
	bool type_met = false;
	for (k = w->cur; k != NO_NODE; k = w->node[k].parent)
		depth++;
	n = depth;
	if (depth > PATH_SHOWN_HEAD + PATH_SHOWN_TAIL + 1) {
		n = PATH_SHOWN_HEAD + PATH_SHOWN_TAIL + 1;
		gap = ex_asprintf("... %zu more ...",
				  depth - PATH_SHOWN_HEAD - PATH_SHOWN_TAIL);
	}
	path = ex_calloc(n + 1, sizeof(*path));
	where = n;	/* the innermost type shown, if any */
	for (i = depth, k = w->cur; k != NO_NODE; k = w->node[k].parent) {
		size_t at = n;

		i--;
		if (!gap || i < PATH_SHOWN_HEAD)	/* all shown, or the head */
			at = i;
		else if (i >= depth - PATH_SHOWN_TAIL)
			at = n - (depth - i);
		if (at < n)
			path[at] = w->node[k].label;
		if (w->node[k].type && !type_met) {
			type_met = true;
			where = at;	/* n if it is in the gap */
		}
	}
	if (gap)
		path[PATH_SHOWN_HEAD] = gap;
	report_change(w->rs, path, n, where, kind, s);
	free(path);
	free(gap);
}

static void walk_type(struct walker *w, const char *key);

static bool contains(const char **v, size_t n, const char *tok)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], tok))
			return true;
	return false;
}

/* Walk the types referenced by both the old and the new tokens. */
static void walk_common_refs(struct walker *w, const char **ov, size_t on,
			     const char **nv, size_t nn)
{
	size_t i;

	for (i = 0; i < nn; i++)
		if (st_is_ref(nv[i]) && contains(ov, on, nv[i]))
			walk_type(w, nv[i]);
}

static void walk_refs(struct walker *w, const char **v, size_t n)
{
	walk_common_refs(w, v, n, v, n);
}

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
	ok = decl_eval(e->tok, e->ntok, const_lookup, sc, value);
	sc->depth--;
	return ok;
}

static char *value_text(const struct st_unit *u, const char **v, size_t n)
{
	struct const_scope sc = { u, 0 };
	long long value;

	if (decl_eval(v, n, const_lookup, &sc, &value))
		return ex_asprintf("%lld", value);
	return decl_render(v, n, false);
}

static char *enumerator_value(const struct enumerator *e)
{
	return e->known ? ex_asprintf("%lld", e->value) : ex_strdup(e->text);
}

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
static void match_keys(char **okey, size_t on, char **nkey, size_t nn,
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
		if (decl_is_name(a->t.v[i]) && contains(b->t.v, b->t.n, a->t.v[i]))
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

static void free_keys(char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

static void diff_body(struct walker *w, const char **ov, size_t oopen,
		      size_t oclose, const char **nv, size_t nopen,
		      size_t nclose, bool is_enum);

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
		push(w, "member '%s'", key);
		if (w->inline_depth >= MAX_INLINE_DEPTH) {
			change(w, "too_deep",
			       "bodies nested more than %d deep: not compared",
			       MAX_INLINE_DEPTH);
		} else {
			w->inline_depth++;
			diff_body(w, om->t.v, oo, oc, nm->t.v, no, nc,
				  oo > 0 && !strcmp(om->t.v[oo - 1], "enum"));
			w->inline_depth--;
		}
		walk_common_refs(w, os.v, os.n, ns.v, ns.n);
		pop(w);
	} else {
		char *ol = decl_render(om->t.v, om->t.n, true);
		char *nl = decl_render(nm->t.v, nm->t.n, true);

		change(w, "member_changed", "member '%s' changed to '%s'",
		       ol, nl);
		free(ol);
		free(nl);
		push(w, "member '%s'", key);
		walk_common_refs(w, om->t.v, om->t.n, nm->t.v, nm->t.n);
		pop(w);
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
	match_keys(okey, on, nkey, nn, match, moved, old_matched);
	for (i = 0; i < on; i++) {
		if (!old_matched[i]) {
			char *l = member_label(&om[i]);

			change(w, "member_removed", "member '%s' removed", l);
			free(l);
		}
	}
	for (j = 0; j < nn; j++) {
		char *l = member_label(&nm[j]);
		char *p = j ? member_label(&nm[j - 1]) : NULL;

		if (match[j] == (size_t)-1) {
			if (p)
				change(w, "member_added",
				       "member '%s' added after '%s'", l, p);
			else
				change(w, "member_added",
				       "member '%s' added at the start", l);
		} else if (moved[j]) {
			if (p)
				change(w, "member_moved",
				       "member '%s' moved after '%s'", l, p);
			else
				change(w, "member_moved",
				       "member '%s' moved to the start", l);
		}
		free(l);
		free(p);
		if (match[j] == (size_t)-1)
			continue;
		i = match[j];
		if (tok_equal(om[i].t.v, om[i].t.n, nm[j].t.v, nm[j].t.n)) {
			push(w, "member '%s'", nkey[j]);
			walk_refs(w, nm[j].t.v, nm[j].t.n);
			pop(w);
		} else {
			diff_member_pair(w, &om[i], &nm[j], nkey[j]);
		}
	}
	free_keys(okey, on);
	free_keys(nkey, nn);
	free(match);
	free(moved);
	free(old_matched);
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
	free_keys(ev->keys, ev->n);
}

static char *expr_text(const struct enumerator *e)
{
	return e->expr.n ? decl_render(e->expr.v, e->expr.n, false) :
			   ex_strdup("(implicit)");
}

static void diff_enumerators(struct walker *w, const char **ov, size_t on,
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
	match_keys(o.keys, o.n, n.keys, n.n, match, moved, old_matched);
	for (i = 0; i < o.n; i++) {
		if (!old_matched[i]) {
			char *v = enumerator_value(&o.e[i]);

			change(w, "constant_removed",
			       "constant '%s' (= %s) removed", o.e[i].name, v);
			free(v);
		}
	}
	for (j = 0; j < n.n; j++) {
		const struct enumerator *ne = &n.e[j], *oe;
		char *nval = enumerator_value(ne), *oval;

		if (match[j] == (size_t)-1) {
			if (j)
				change(w, "constant_added",
				       "constant '%s' (= %s) added after '%s'",
				       ne->name, nval, n.e[j - 1].name);
			else
				change(w, "constant_added",
				       "constant '%s' (= %s) added at the start",
				       ne->name, nval);
			free(nval);
			continue;
		}
		if (moved[j]) {
			if (j)
				change(w, "constant_moved",
				       "constant '%s' moved after '%s'",
				       ne->name, n.e[j - 1].name);
			else
				change(w, "constant_moved",
				       "constant '%s' moved to the start",
				       ne->name);
		}
		oe = &o.e[match[j]];
		oval = enumerator_value(oe);
		if (strcmp(oval, nval)) {
			change(w, "constant_renumbered",
			       "constant '%s' renumbered %s -> %s",
			       ne->name, oval, nval);
		} else if (!tok_equal(oe->expr.v, oe->expr.n, ne->expr.v,
				      ne->expr.n)) {
			char *ot = expr_text(oe), *nt = expr_text(ne);

			change(w, "constant_rewritten",
			       "constant '%s' written '%s' instead of '%s' (still %s)",
			       ne->name, nt, ot, nval);
			free(ot);
			free(nt);
		}
		free(oval);
		free(nval);
		push(w, "constant '%s'", ne->name);
		walk_common_refs(w, oe->expr.v, oe->expr.n, ne->expr.v,
				 ne->expr.n);
		pop(w);
	}
	enum_view_free(&o);
	enum_view_free(&n);
	free(match);
	free(moved);
	free(old_matched);
}

/* Compare two `{ ... }` bodies: members, or enum constants. */
static void diff_body(struct walker *w, const char **ov, size_t oopen,
		      size_t oclose, const char **nv, size_t nopen,
		      size_t nclose, bool is_enum)
{
	bool ounk = decl_body_unknown(ov, oopen, oclose);
	bool nunk = decl_body_unknown(nv, nopen, nclose);
	struct member *om, *nm;
	size_t on, nn;

	if (ounk || nunk) {
		if (ounk && !nunk)
			change(w, "became_defined", "became defined");
		else if (!ounk && nunk)
			change(w, "became_undefined",
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

/* struct, union and enum definitions: `struct foo { ... }`. */
static void diff_tagged(struct walker *w, const struct st_entry *o,
			const struct st_entry *n)
{
	size_t oo, oc, no, nc;
	bool ob = decl_body(o->tok, o->ntok, &oo, &oc);
	bool nb = decl_body(n->tok, n->ntok, &no, &nc);
	struct tokv os, ns;

	if (!ob || !nb) {
		char *ol = decl_render(o->tok, o->ntok, true);
		char *nl = decl_render(n->tok, n->ntok, true);

		change(w, "definition_changed",
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

		change(w, "definition_changed",
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

static void diff_typedef(struct walker *w, const struct st_entry *o,
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

		change(w, "typedef_retargeted",
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

/* E#NAME: an enum constant used in a bound, stored as its value. */
static void diff_constant(struct walker *w, const struct st_entry *o,
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
		change(w, "value_changed", "value changed from %s to %s",
		       ov, nv);
	} else {
		char *ot = decl_render(o->tok, o->ntok, false);
		char *nt = decl_render(n->tok, n->ntok, false);

		change(w, "value_rewritten",
		       "value written '%s' instead of '%s' (still %s)",
		       nt, ot, nv);
		free(ot);
		free(nt);
	}
	free(ov);
	free(nv);
	walk_common_refs(w, o->tok, o->ntok, n->tok, n->ntok);
}

static char *type_label(const char *key)
{
	const char *label = symtypes_kind_label(key[0]);

	return ex_asprintf("%s %s", label ? label : "enum constant", key + 2);
}

/* Queue type key for walking, unless it was walked for this symbol. */
static void walk_type(struct walker *w, const char *key)
{
	const struct st_entry *o = st_lookup(w->ou, key);
	const struct st_entry *n = st_lookup(w->nu, key);

	/* Nothing differs at or below a clean type. */
	if (w->dirty && !(o && w->dirty->o[st_index(w->ou, o)]) &&
	    !(n && w->dirty->n[st_index(w->nu, n)]))
		return;
	if (w->rec) {
		if (o || n)
			record(w->rec, EV_REF, NULL, NULL, key);
		return;
	}
	if ((o && w->seen_o[st_index(w->ou, o)]) ||
	    (n && w->seen_n[st_index(w->nu, n)]))
		return;
	if (o)
		w->seen_o[st_index(w->ou, o)] = true;
	if (n)
		w->seen_n[st_index(w->nu, n)] = true;
	if (!o && !n)
		return;
	if (w->qlen == w->qcap) {
		w->qcap = w->qcap ? w->qcap * 2 : 64;
		w->queue = ex_realloc(w->queue, w->qcap * sizeof(*w->queue));
	}
	w->queue[w->qlen++] = (struct walk_item){
		.o = o, .n = n, .kind = key[0],
		.node = add_node(w, type_label(key)) };
	w->node[w->queue[w->qlen - 1].node].type = true;
}

/* Record what walking one type does. */
static struct type_events *walk_one(struct walker *w,
				    const struct walk_item *it)
{
	struct type_events *r = ex_calloc(1, sizeof(*r));

	w->rec = r;
	if (!it->o || !it->n)
		change(w, "definition_missing", "no definition in the %s types",
		       it->o ? "new" : "old");
	else if (it->kind == 't')
		diff_typedef(w, it->o, it->n);
	else if (it->kind == 'E')
		diff_constant(w, it->o, it->n);
	else
		diff_tagged(w, it->o, it->n);
	w->rec = NULL;
	return r;
}

static void replay(struct walker *w, const struct type_events *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct event *e = &r->ev[i];

		switch (e->op) {
		case EV_PUSH:
			w->cur = add_node(w, ex_strdup(e->text));
			break;
		case EV_POP:
			w->cur = w->node[w->cur].parent;
			break;
		case EV_CHANGE:
			report_at(w, e->kind, ex_strdup(e->text));
			break;
		case EV_REF:
			walk_type(w, e->key);
			break;
		}
	}
}

static void walk_queued(struct walker *w)
{
	while (w->qhead < w->qlen) {
		struct walk_item it = w->queue[w->qhead++];
		struct type_events **slot = NULL, *r;

		if (w->dirty)
			slot = &w->dirty->walked[it.n ? st_index(w->nu, it.n) :
						 w->nu->n + st_index(w->ou, it.o)];
		r = slot && *slot ? *slot : walk_one(w, &it);
		w->cur = it.node;
		replay(w, r);
		if (slot)
			*slot = r;
		else
			type_events_free(r);
	}
}

static void diff_params(struct walker *w, const char **ov, size_t on,
			const char **nv, size_t nn);

static void diff_symbol_decl(struct walker *w, const struct st_entry *o,
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
		change(w, "declaration_changed",
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
		change(w, ofn ? "return_changed" : "type_changed",
		       "%s changed from '%s' to '%s'",
		       ofn ? "return type" : "type", ol, nl);
		free(ol);
		free(nl);
	}
	if (ofn)
		push(w, "return");
	walk_common_refs(w, ot.v, ot.n, nt.v, nt.n);
	if (ofn) {
		pop(w);
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
			change(w, "arg_changed",
			       "arg %zu changed from '%s' to '%s'",
			       ni + 1, ol, nl);
		else
			change(w, "arg_changed",
			       "arg %zu '%s' is now arg %zu '%s'",
			       oi + 1, ol, ni + 1, nl);
		free(ol);
		free(nl);
	}
	push(w, "arg %zu", ni + 1);
	walk_common_refs(w, o->v, o->n, n->v, n->n);
	pop(w);
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

			change(w, "arg_removed", "arg %zu '%s' removed",
			       gi + 1, l);
			free(l);
		}
		for (; gj < j; gj++) {
			char *l = decl_render(n[gj].v, n[gj].n, true);

			change(w, "arg_added", "arg %zu '%s' added", gj + 1, l);
			free(l);
		}
	}
#undef L
	free(lcs);
out:
	decl_free_tokvs(o, no);
	decl_free_tokvs(n, nw);
}

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

void diff_symbol(struct sym_report *rs, const struct st_unit *ou,
		 const struct st_entry *o, const struct st_unit *nu,
		 const struct st_entry *n, struct diff_dirty *dirty)
{
	struct walker w = { .ou = ou, .nu = nu, .dirty = dirty, .rs = rs,
			    .cur = NO_NODE };
	size_t i;

	w.seen_o = ex_calloc(ou->n + 1, sizeof(bool));
	w.seen_n = ex_calloc(nu->n + 1, sizeof(bool));
	diff_symbol_decl(&w, o, n);
	walk_queued(&w);
	w.cur = NO_NODE;
	if (!rs->nch)
		change(&w, "expansion_changed",
		       "expansion changed although no type did (a type is first used elsewhere)");
	free(w.seen_o);
	free(w.seen_n);
	for (i = 0; i < w.nnode; i++)
		free(w.node[i].label);
	free(w.node);
	free(w.queue);
}
