// SPDX-License-Identifier: GPL-2.0-only
/*
 * The part of an object's symtypes that its versioned symbols reach: what
 * a module stores so that later builds can be explained against it.
 */
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"
#include "explain.h"
#include "symtypes.h"

struct subset {
	const struct st_unit *u;
	bool *done;
	FILE *out;
};

static void emit_entry(FILE *out, const struct st_entry *e)
{
	size_t i;

	fprintf(out, "%s%s %s", e->override ? "override " : "", e->key,
		e->is_extern ? "extern " : "");
	for (i = 0; i < e->ntok; i++)
		fprintf(out, "%s ", e->tok[i]);
	fputc('\n', out);
}

/* Dependencies first, each entry once: the order genksyms -T writes. */
static void visit(struct subset *s, const struct st_entry *e)
{
	size_t i;

	s->done[st_index(s->u, e)] = true;
	for (i = 0; i < e->ntok; i++) {
		const struct st_entry *d;

		if (!st_is_ref(e->tok[i]))
			continue;
		d = st_lookup(s->u, e->tok[i]);
		if (d && !s->done[st_index(s->u, d)])
			visit(s, d);
	}
	emit_entry(s->out, e);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct subset_call {
	const char *text, *src;
	size_t len;
	const char *const *syms;
	size_t nsyms;
	char *buf;
	size_t size, missing;
	struct symtab_error *err;
	int ret;
};

static void subset_body(void *arg)
{
	struct subset_call *c = arg;
	const char *const *syms = c->syms;
	size_t nsyms = c->nsyms;
	const char **sorted = ex_calloc(nsyms, sizeof(*sorted));
	struct st_set set;
	size_t i, j;
	FILE *out;

	c->ret = st_parse(&set, c->text, c->len, c->src, c->err);
	if (c->ret) {
		free(sorted);
		return;
	}
	memcpy(sorted, syms, nsyms * sizeof(*sorted));
	qsort(sorted, nsyms, sizeof(*sorted), cmp_str);
	out = open_memstream(&c->buf, &c->size);
	if (!out)
		ex_oom();
	for (i = 0; i < set.nunit; i++) {
		struct subset s = { .u = &set.unit[i], .out = out };
		long start = ftell(out);

		s.done = ex_calloc(s.u->n + 1, sizeof(*s.done));
		for (j = 0; j < s.u->n; j++) {
			const struct st_entry *e = &s.u->ent[j];

			if (!e->kind && !s.done[j] &&
			    bsearch(&e->name, sorted, nsyms, sizeof(*sorted),
				    cmp_str))
				visit(&s, e);
		}
		free(s.done);
		/* Units stay apart: one type may differ between objects. */
		if (i + 1 < set.nunit && ftell(out) != start)
			fputc('\n', out);
	}
	for (i = 0; i < nsyms; i++)
		if (!st_find_symbol(&set, syms[i], NULL))
			c->missing++;
	if (fclose(out))
		ex_oom();
	st_free(&set);
	free(sorted);
}

int explain_types_subset(const char *text, size_t len, const char *src,
			 const char *const *syms, size_t nsyms, char **out,
			 size_t *out_len, size_t *nmissing,
			 struct symtab_error *err)
{
	struct subset_call c = { .text = text, .len = len, .src = src,
				 .syms = syms, .nsyms = nsyms, .err = err };
	int ret = ex_catch_oom(subset_body, &c, err);

	if (!ret)
		ret = c.ret;
	if (ret)
		return ret;
	if (nmissing)
		*nmissing = c.missing;
	*out = c.buf;
	*out_len = c.size;
	return 0;
}
