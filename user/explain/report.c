// SPDX-License-Identifier: GPL-2.0-only
/* Collect explained changes and print them as text or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"
#include "explain.h"
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
		   const char *kind, char *what)
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

static void print_text(const struct sym_report *s, FILE *out)
{
	size_t i, j;

	switch (s->status) {
	case SYM_ADDED:
	case SYM_REMOVED:
		fprintf(out, "%s: %s\n", s->name, status_names[s->status]);
		return;
	case SYM_NOINFO:
		fprintf(out, "%s: CRC changed 0x%08x -> 0x%08x (%s)\n",
			s->name, s->old_crc, s->new_crc, s->note);
		return;
	case SYM_CHANGED:
		break;
	}
	for (i = 0; i < s->nch; i++) {
		fprintf(out, "%s: ", s->name);
		for (j = 0; j < s->ch[i].npath; j++)
			fprintf(out, "%s%s", s->ch[i].path[j],
				j + 1 < s->ch[i].npath ? " -> " : ": ");
		fprintf(out, "%s\n", s->ch[i].what);
	}
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

static void print_json(const struct sym_report *s, FILE *out)
{
	size_t i, j;

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
	for (i = 0; i < s->nch; i++) {
		fputs(i ? ",\n    {\"path\": [" : "\n    {\"path\": [", out);
		for (j = 0; j < s->ch[i].npath; j++) {
			if (j)
				fputs(", ", out);
			json_string(s->ch[i].path[j], out);
		}
		fprintf(out, "], \"kind\": \"%s\", \"change\": ", s->ch[i].kind);
		json_string(s->ch[i].what, out);
		fputc('}', out);
	}
	fputs(s->nch ? "\n  ]}" : "]}", out);
}

struct print_call {
	const struct explain_report *r;
	bool json;
	FILE *out;
};

static void print_body(void *arg)
{
	const struct print_call *c = arg;
	const struct explain_report *r = c->r;
	bool json = c->json;
	FILE *out = c->out;
	const struct sym_report **order;
	size_t i;

	order = ex_calloc(r->n, sizeof(*order));
	for (i = 0; i < r->n; i++)
		order[i] = &r->sym[i];
	qsort(order, r->n, sizeof(*order), cmp_sym);
	if (json)
		fputs("{\"symbols\": [", out);
	for (i = 0; i < r->n; i++) {
		if (json) {
			fputs(i ? ",\n  " : "\n  ", out);
			print_json(order[i], out);
		} else {
			print_text(order[i], out);
		}
	}
	if (json)
		fputs(r->n ? "\n]}\n" : "]}\n", out);
	free(order);
}

int explain_report_print(const struct explain_report *r, bool json,
			 FILE *out, struct symtab_error *err)
{
	struct print_call c = { .r = r, .json = json, .out = out };

	return ex_catch_oom(print_body, &c, err);
}
