// SPDX-License-Identifier: GPL-2.0-only
/* Collect explained changes and print them as text or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"
#include "explain.h"
#include "hash_index.h"
#include "report.h"

int explain_report_new(struct explain_report **r, struct symtab_error *err)
{
	*r = calloc(1, sizeof(**r));
	return *r ? 0 : error_set(err, ENOMEM, "out of memory");
}

void explain_report_free(struct explain_report *r)
{
	size_t i, j, k;

	if (!r)
		return;
	for (i = 0; i < r->n; i++) {
		struct sym_report *s = &r->sym[i];

		for (j = 0; j < s->nch; j++) {
			for (k = 0; k < s->ch[j].npath; k++)
				free(s->ch[j].path[k]);
			free(s->ch[j].path);
			free(s->ch[j].what);
		}
		free(s->ch);
		free(s->name);
		free(s->note);
	}
	free(r->sym);
	free(r);
}

size_t explain_report_count(const struct explain_report *r)
{
	return r->n;
}

struct sym_report *report_add(struct explain_report *r, const char *name,
			      enum sym_status status)
{
	char *copy = ex_strdup(name);	/* first: r stays whole */
	struct sym_report *s;

	r->sym = ex_realloc(r->sym, (r->n + 1) * sizeof(*r->sym));
	s = &r->sym[r->n++];
	memset(s, 0, sizeof(*s));
	s->name = copy;
	s->status = status;
	return s;
}

void report_change(struct sym_report *s, char **path, size_t npath,
		   size_t where, const char *kind, char *what)
{
	char **copy = ex_calloc(npath, sizeof(*copy));	/* first: s stays whole */
	struct change *c;
	size_t i;

	for (i = 0; i < npath; i++)
		copy[i] = ex_strdup(path[i]);
	s->ch = ex_realloc(s->ch, (s->nch + 1) * sizeof(*s->ch));
	c = &s->ch[s->nch++];
	c->path = copy;
	c->npath = npath;
	c->where = where < npath ? where : npath;
	c->kind = kind;
	c->what = what;
}

static const char *const status_names[] = {
	[SYM_CHANGED] = "changed",
	[SYM_ADDED] = "added",
	[SYM_REMOVED] = "removed",
	[SYM_NOINFO] = "unexplained",
};

static int cmp_sym(const void *a, const void *b)
{
	const struct sym_report *x = *(const struct sym_report *const *)a;
	const struct sym_report *y = *(const struct sym_report *const *)b;

	return strcmp(x->name, y->name);
}

static void print_path(char *const *path, size_t from, size_t to, FILE *out)
{
	size_t j;

	for (j = from; j < to; j++)
		fprintf(out, "%s%s", path[j], j + 1 < to ? " -> " : "");
}

/* "sym: path -> ...: what", the change as seen from one symbol. */
static void print_change_line(const struct sym_report *s,
			      const struct change *c, FILE *out)
{
	fprintf(out, "%s: ", s->name);
	print_path(c->path, 0, c->npath, out);
	fprintf(out, "%s%s\n", c->npath ? ": " : "", c->what);
}

static void print_status_line(const struct sym_report *s, FILE *out)
{
	if (s->status == SYM_NOINFO)
		fprintf(out, "%s: CRC changed 0x%08x -> 0x%08x (%s)\n",
			s->name, s->old_crc, s->new_crc, s->note);
	else
		fprintf(out, "%s: %s\n", s->name, status_names[s->status]);
}

static void print_text(const struct sym_report *s, FILE *out)
{
	size_t i;

	if (s->status != SYM_CHANGED) {
		print_status_line(s, out);
		return;
	}
	for (i = 0; i < s->nch; i++)
		print_change_line(s, &s->ch[i], out);
}

static void json_string(const char *s, FILE *out)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_path(char *const *path, size_t from, size_t to, FILE *out)
{
	size_t j;

	fputc('[', out);
	for (j = from; j < to; j++) {
		if (j > from)
			fputs(", ", out);
		json_string(path[j], out);
	}
	fputc(']', out);
}

/*
 * Grouping.  A cause is one underlying change: the type holding it, where
 * in that type, and what changed (or, for a change of the symbol's own
 * declaration, that symbol and change).  Each is reached from one or more
 * symbols, each by its own route (the path down to the type).  Causes
 * reached from the same symbols by the same routes form a group, told once:
 * groups reaching the most symbols first.
 */
struct reach {
	const struct sym_report *sym;
	const struct change *ch;
};

struct cause {
	struct reach *r;	/* in symbol name order */
	size_t n, cap;
	size_t group;
};

struct group {
	size_t *cause;		/* in the order first met */
	size_t ncause;
	struct reach *r;	/* shortest route first, then by name */
	size_t n;
	size_t rank;		/* place in the output */
};

/* Distinct strings, numbered in the order first met. */
struct strmap {
	char **key;
	size_t n, cap;
	struct hash_index index;
};

static const char *strmap_key(const void *m, size_t i)
{
	return ((const struct strmap *)m)->key[i];
}

/* The number of key; *added when it is new, copied. */
static size_t strmap_get(struct strmap *m, const char *key, bool *added)
{
	size_t *slot;

	hash_index_reserve_str(&m->index, m->n, 64, strmap_key, m);
	slot = hash_index_find_str(&m->index, key, strmap_key, m);
	*added = !*slot;
	if (*slot)
		return *slot - 1;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->key = ex_realloc(m->key, m->cap * sizeof(*m->key));
	}
	m->key[m->n] = ex_strdup(key);
	*slot = m->n + 1;
	return m->n++;
}

static void strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->key[i]);
	free(m->key);
	hash_index_free(&m->index);
}

/* A growing string, for keys. */
struct sbuf {
	char *s;
	size_t len, cap;
};

static void sb_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = 2 * (b->len + n + 1);
		b->s = ex_realloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* Route of a change: the path down to and with its type. */
static size_t route_len(const struct change *c)
{
	return c->where < c->npath ? c->where + 1 : c->npath;
}

static void cause_key(struct sbuf *b, const struct sym_report *s,
		      const struct change *c)
{
	size_t j;

	b->len = 0;
	sb_add(b, "");
	if (c->where == c->npath) {	/* the symbol's own */
		sb_add(b, "\x01");
		sb_add(b, s->name);
	}
	for (j = c->where < c->npath ? c->where : 0; j < c->npath; j++) {
		sb_add(b, "\x02");
		sb_add(b, c->path[j]);
	}
	sb_add(b, "\x03");
	sb_add(b, c->kind);
	sb_add(b, "\x03");
	sb_add(b, c->what);
}

static void route_key(struct sbuf *b, const struct cause *k)
{
	size_t i, j;

	b->len = 0;
	sb_add(b, "");
	for (i = 0; i < k->n; i++) {
		const struct change *c = k->r[i].ch;

		sb_add(b, k->r[i].sym->name);
		for (j = 0; j < route_len(c); j++) {
			sb_add(b, "\x02");
			sb_add(b, c->path[j]);
		}
		sb_add(b, "\x01");
	}
}

static int cmp_reach(const void *a, const void *b)
{
	const struct reach *x = a, *y = b;
	size_t lx = route_len(x->ch), ly = route_len(y->ch);

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return strcmp(x->sym->name, y->sym->name);
}

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a;
	const struct group *y = *(const struct group *const *)b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->cause[0] < y->cause[0] ? -1 : x->cause[0] > y->cause[0];
}

struct grouping {
	const struct sym_report **order;	/* symbols by name */
	size_t nsym;
	size_t *cause_of;	/* per change of order[i], from first[i] */
	size_t *first;
	struct cause *cause;
	size_t ncause;
	struct group *group;
	size_t ngroup;
	struct group **ranked;
};

static void group_changes(struct grouping *g, const struct explain_report *r)
{
	struct strmap causes = { 0 }, routes = { 0 };
	struct sbuf b = { 0 };
	size_t i, j, total = 0, cap = 0;
	bool added;

	g->nsym = r->n;
	g->order = ex_calloc(r->n + 1, sizeof(*g->order));
	g->first = ex_calloc(r->n + 1, sizeof(*g->first));
	for (i = 0; i < r->n; i++)
		g->order[i] = &r->sym[i];
	qsort(g->order, r->n, sizeof(*g->order), cmp_sym);
	for (i = 0; i < r->n; i++) {
		g->first[i] = total;
		total += g->order[i]->nch;
	}
	g->cause_of = ex_calloc(total + 1, sizeof(*g->cause_of));
	g->cause = NULL;
	g->ncause = 0;
	for (i = 0; i < r->n; i++) {
		const struct sym_report *s = g->order[i];

		if (s->status != SYM_CHANGED)
			continue;
		for (j = 0; j < s->nch; j++) {
			struct cause *k;
			size_t id;

			cause_key(&b, s, &s->ch[j]);
			id = strmap_get(&causes, b.s, &added);
			if (added) {
				if (g->ncause == cap) {
					cap = cap ? 2 * cap : 64;
					g->cause = ex_realloc(g->cause,
							      cap * sizeof(*g->cause));
				}
				memset(&g->cause[g->ncause++], 0,
				       sizeof(*g->cause));
			}
			k = &g->cause[id];
			if (k->n == k->cap) {
				k->cap = k->cap ? 2 * k->cap : 4;
				k->r = ex_realloc(k->r, k->cap * sizeof(*k->r));
			}
			k->r[k->n++] = (struct reach){ s, &s->ch[j] };
			g->cause_of[g->first[i] + j] = id;
		}
	}
	g->group = ex_calloc(g->ncause + 1, sizeof(*g->group));
	g->ngroup = 0;
	for (i = 0; i < g->ncause; i++) {
		struct cause *k = &g->cause[i];
		struct group *gr;

		route_key(&b, k);
		k->group = strmap_get(&routes, b.s, &added);
		gr = &g->group[k->group];
		if (added) {
			g->ngroup++;
			gr->r = ex_calloc(k->n, sizeof(*gr->r));
			memcpy(gr->r, k->r, k->n * sizeof(*gr->r));
			gr->n = k->n;
			qsort(gr->r, gr->n, sizeof(*gr->r), cmp_reach);
			gr->cause = ex_calloc(1, sizeof(*gr->cause));
		} else {
			gr->cause = ex_realloc(gr->cause, (gr->ncause + 1) *
					       sizeof(*gr->cause));
		}
		gr->cause[gr->ncause++] = i;
	}
	g->ranked = ex_calloc(g->ngroup + 1, sizeof(*g->ranked));
	for (i = 0; i < g->ngroup; i++)
		g->ranked[i] = &g->group[i];
	qsort(g->ranked, g->ngroup, sizeof(*g->ranked), cmp_group);
	for (i = 0; i < g->ngroup; i++)
		g->ranked[i]->rank = i;
	strmap_free(&causes);
	strmap_free(&routes);
	free(b.s);
}

static void grouping_free(struct grouping *g)
{
	size_t i;

	for (i = 0; i < g->ncause; i++)
		free(g->cause[i].r);
	for (i = 0; i < g->ngroup; i++) {
		free(g->group[i].r);
		free(g->group[i].cause);
	}
	free(g->cause);
	free(g->group);
	free(g->ranked);
	free(g->order);
	free(g->first);
	free(g->cause_of);
}

/*
 * Symbols listed with their route under a change; then the rest by name,
 * on at most GROUP_NAME_LINES lines ("..." if more: --per-symbol and --json
 * have them all).
 */
#define GROUP_SHOWN		8
#define GROUP_NAME_LINES	3
#define WRAP_COLUMN		78

static void print_diffs(const struct explain_report *r,
			const struct grouping *g, const struct group *gr,
			FILE *out)
{
	size_t i, j;

	/* Each type holding a change once. */
	for (i = 0; i < gr->ncause; i++) {
		const struct change *c = g->cause[gr->cause[i]].r[0].ch;
		bool seen = c->where >= c->npath;

		for (j = 0; !seen && j < i; j++) {
			const struct change *p = g->cause[gr->cause[j]].r[0].ch;

			seen = p->where < p->npath &&
			       !strcmp(p->path[p->where], c->path[c->where]);
		}
		if (!seen)
			print_type_diff(r, gr->r[0].sym->name,
					c->path[c->where], out);
	}
}

static void print_group(const struct grouping *g, const struct group *gr,
			FILE *out)
{
	size_t i, col, lines = 1;

	if (gr->n == 1) {
		/* One symbol: each change on its line, from the symbol. */
		for (i = 0; i < gr->ncause; i++)
			print_change_line(gr->r[0].sym,
					  g->cause[gr->cause[i]].r[0].ch, out);
		return;
	}
	for (i = 0; i < gr->ncause; i++) {
		const struct change *c = g->cause[gr->cause[i]].r[0].ch;

		print_path(c->path, c->where, c->npath, out);
		fprintf(out, ": %s\n", c->what);
	}
	fprintf(out, "  reached from %zu symbols:\n", gr->n);
	for (i = 0; i < gr->n && i < GROUP_SHOWN; i++) {
		fprintf(out, "    %s: ", gr->r[i].sym->name);
		print_path(gr->r[i].ch->path, 0, route_len(gr->r[i].ch), out);
		fputc('\n', out);
	}
	if (i == gr->n)
		return;
	col = (size_t)fprintf(out, "    and %zu more:", gr->n - i);
	for (; i < gr->n; i++) {
		size_t len = strlen(gr->r[i].sym->name);
		bool last = i + 1 == gr->n;

		if (col + 1 + len + !last > WRAP_COLUMN && col > 6) {
			if (lines++ == GROUP_NAME_LINES) {
				fputs(" ...", out);
				break;
			}
			fputs("\n     ", out);
			col = 5;
		}
		col += (size_t)fprintf(out, " %s%s", gr->r[i].sym->name,
				       last ? "" : ",");
	}
	fputc('\n', out);
}

static void print_json_group(const struct grouping *g, const struct group *gr,
			     FILE *out)
{
	size_t i;

	fprintf(out, "{\"count\": %zu, \"changes\": [", gr->n);
	for (i = 0; i < gr->ncause; i++) {
		const struct change *c = g->cause[gr->cause[i]].r[0].ch;

		fputs(i ? ",\n    {\"where\": " : "\n    {\"where\": ", out);
		json_path(c->path, c->where, c->npath, out);
		fprintf(out, ", \"kind\": \"%s\", \"change\": ", c->kind);
		json_string(c->what, out);
		fputc('}', out);
	}
	fputs("],\n   \"symbols\": [", out);
	for (i = 0; i < gr->n; i++) {
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
		json_string(gr->r[i].sym->name, out);
		fputs(", \"path\": ", out);
		json_path(gr->r[i].ch->path, 0, route_len(gr->r[i].ch), out);
		fputc('}', out);
	}
	fputs("]}", out);
}

static void print_json_symbol(const struct grouping *g, size_t si, FILE *out)
{
	const struct sym_report *s = g->order[si];
	size_t i;

	fputs("{\"name\": ", out);
	json_string(s->name, out);
	fprintf(out, ", \"status\": \"%s\"", status_names[s->status]);
	if (s->have_crc)
		fprintf(out, ", \"old_crc\": \"0x%08x\", \"new_crc\": \"0x%08x\"",
			s->old_crc, s->new_crc);
	if (s->note) {
		fputs(", \"note\": ", out);
		json_string(s->note, out);
	}
	fputs(", \"changes\": [", out);
	for (i = 0; i < s->nch && s->status == SYM_CHANGED; i++) {
		size_t k = g->cause_of[g->first[si] + i];

		fputs(i ? ",\n    {\"path\": " : "\n    {\"path\": ", out);
		json_path(s->ch[i].path, 0, s->ch[i].npath, out);
		fprintf(out, ", \"kind\": \"%s\", \"change\": ", s->ch[i].kind);
		json_string(s->ch[i].what, out);
		fprintf(out, ", \"group\": %zu}", g->group[g->cause[k].group].rank);
	}
	fputs(i ? "\n  ]}" : "]}", out);
}

struct print_call {
	const struct explain_report *r;
	unsigned int flags;
	FILE *out;
};

static void print_body(void *arg)
{
	const struct print_call *c = arg;
	const struct explain_report *r = c->r;
	unsigned int flags = c->flags;
	FILE *out = c->out;
	struct grouping g;
	size_t i;

	group_changes(&g, r);
	if (flags & EXPLAIN_JSON) {
		fputs("{\"groups\": [", out);
		for (i = 0; i < g.ngroup; i++) {
			fputs(i ? ",\n  " : "\n  ", out);
			print_json_group(&g, g.ranked[i], out);
		}
		fputs(g.ngroup ? "\n],\n \"symbols\": [" : "],\n \"symbols\": [",
		      out);
		for (i = 0; i < g.nsym; i++) {
			fputs(i ? ",\n  " : "\n  ", out);
			print_json_symbol(&g, i, out);
		}
		fputs(g.nsym ? "\n]}\n" : "]}\n", out);
	} else if (flags & EXPLAIN_PER_SYMBOL) {
		for (i = 0; i < g.nsym; i++)
			print_text(g.order[i], out);
	} else {
		for (i = 0; i < g.ngroup; i++) {
			print_group(&g, g.ranked[i], out);
			if (flags & EXPLAIN_TYPE_DIFF)
				print_diffs(r, &g, g.ranked[i], out);
		}
		for (i = 0; i < g.nsym; i++)
			if (g.order[i]->status != SYM_CHANGED)
				print_status_line(g.order[i], out);
	}
	grouping_free(&g);
}

int explain_report_print(const struct explain_report *r, unsigned int flags,
			 FILE *out, struct symtab_error *err)
{
	struct print_call c = { .r = r, .flags = flags, .out = out };

	return ex_catch_oom(print_body, &c, err);
}
