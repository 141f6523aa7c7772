// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk from a changed symbol through the types it references, the way
 * genksyms expands it: breadth first from a queue, each type once per
 * symbol (where its first use is), with the path that reaches it.  What
 * walking a type does is recorded as events the first time and replayed
 * for every other symbol reaching it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diff_walk.h"
#include "ex_alloc.h"
#include "report.h"
#include "symtypes.h"

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

void type_events_free(struct type_events *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		free(r->ev[i].text);
	free(r->ev);
	free(r);
}

static void report_at(struct walker *w, const char *kind, char *s);

/* Enter (EV_PUSH) or name a change (EV_CHANGE): recorded, or done now. */
static void walk_event(struct walker *w, enum ev_op op, const char *kind,
		       const char *fmt, va_list ap)
{
	char *s = ex_vasprintf(fmt, ap);

	if (w->rec)
		record(w->rec, op, kind, s, NULL);
	else if (op == EV_PUSH)
		w->cur = add_node(w, s);
	else
		report_at(w, kind, s);
}

void walk_push(struct walker *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	walk_event(w, EV_PUSH, NULL, fmt, ap);
	va_end(ap);
}

void walk_pop(struct walker *w)
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

void walk_change(struct walker *w, const char *kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	walk_event(w, EV_CHANGE, kind, fmt, ap);
	va_end(ap);
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

bool diff_contains(const char **v, size_t n, const char *tok)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], tok))
			return true;
	return false;
}

static void walk_type(struct walker *w, const char *key);

void walk_common_refs(struct walker *w, const char **ov, size_t on,
		      const char **nv, size_t nn)
{
	size_t i;

	for (i = 0; i < nn; i++)
		if (st_is_ref(nv[i]) && diff_contains(ov, on, nv[i]))
			walk_type(w, nv[i]);
}

void walk_refs(struct walker *w, const char **v, size_t n)
{
	walk_common_refs(w, v, n, v, n);
}

static char *type_label(const char *key)
{
	const char *label = symtypes_kind_label(key[0]);

	return ex_asprintf("%s %s", label ? label : "enum constant", key + 2);
}

/* Meet type key: queue it for walking unless clean or walked already. */
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
		walk_change(w, "definition_missing",
			    "no definition in the %s types",
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
		walk_change(&w, "expansion_changed",
			    "expansion changed although no type did (a type is first used elsewhere)");
	free(w.seen_o);
	free(w.seen_n);
	for (i = 0; i < w.nnode; i++)
		free(w.node[i].label);
	free(w.node);
	free(w.queue);
}
