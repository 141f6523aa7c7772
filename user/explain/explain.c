// SPDX-License-Identifier: GPL-2.0-only
/* Compare two views of symtypes symbol by symbol. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "ex_alloc.h"
#include "explain.h"
#include "report.h"
#include "symtypes.h"

struct explain_types {
	struct st_set set;
};

/* explain_types_parse() and _read(): a parse under ex_catch_oom(). */
struct types_call {
	const char *text, *src;
	size_t len;
	bool read;		/* read the file named src, not text */
	struct explain_types *t;
	struct symtab_error *err;
	int ret;
};

static void types_body(void *arg)
{
	struct types_call *c = arg;

	c->t = ex_calloc(1, sizeof(*c->t));
	c->ret = c->read ? st_parse_file(&c->t->set, c->src, c->err)
			 : st_parse(&c->t->set, c->text, c->len, c->src, c->err);
}

static int types_call(struct types_call *c, struct explain_types **t)
{
	int ret = ex_catch_oom(types_body, c, c->err);

	if (!ret)
		ret = c->ret;
	if (ret) {
		free(c->t);
		c->t = NULL;
	}
	*t = c->t;
	return ret;
}

int explain_types_parse(const char *text, size_t len, const char *src,
			struct explain_types **t, struct symtab_error *err)
{
	struct types_call c = { .text = text, .len = len, .src = src,
				.err = err };

	return types_call(&c, t);
}

int explain_types_read(const char *path, struct explain_types **t,
		       struct symtab_error *err)
{
	struct types_call c = { .src = path, .read = true, .err = err };

	return types_call(&c, t);
}

void explain_types_free(struct explain_types *t)
{
	if (!t)
		return;
	st_free(&t->set);
	free(t);
}

struct crc_call {
	const struct explain_types *t;
	const char *name;
	uint32_t crc;
	bool found;
};

static void crc_body(void *arg)
{
	struct crc_call *c = arg;
	const struct st_unit *u;
	const struct st_entry *e = st_find_symbol(&c->t->set, c->name, &u);

	c->found = e;
	if (e)
		c->crc = st_crc(u, e, NULL);
}

int explain_types_crc(const struct explain_types *t, const char *name,
		      uint32_t *crc, struct symtab_error *err)
{
	struct crc_call c = { .t = t, .name = name };
	int ret = ex_catch_oom(crc_body, &c, err);

	if (ret)
		return ret;
	if (!c.found)
		return error_set(err, ENOENT, "%s: no symbol %s",
				 t->set.src, name);
	*crc = c.crc;
	return 0;
}

struct print_crcs_call {
	const struct explain_types *t;
	FILE *out;
};

static void print_crcs_body(void *arg)
{
	struct print_crcs_call *c = arg;
	size_t i, j;

	for (i = 0; i < c->t->set.nunit; i++) {
		const struct st_unit *u = &c->t->set.unit[i];

		for (j = 0; j < u->n; j++)
			if (!u->ent[j].kind)
				fprintf(c->out, "#SYMVER %s 0x%08x\n",
					u->ent[j].name,
					st_crc(u, &u->ent[j], NULL));
	}
}

int explain_types_print_crcs(const struct explain_types *t, FILE *out,
			     struct symtab_error *err)
{
	struct print_crcs_call c = { .t = t, .out = out };

	return ex_catch_oom(print_crcs_body, &c, err);
}

/* Explain symbol name, known to differ, from both views. */
static void explain_found(struct explain_report *r, const char *name,
			  const struct st_unit *ou, const struct st_entry *o,
			  uint32_t ocrc, const struct st_unit *nu,
			  const struct st_entry *n, uint32_t ncrc)
{
	struct sym_report *s = report_add(r, name, SYM_CHANGED);

	s->have_crc = true;
	s->old_crc = ocrc;
	s->new_crc = ncrc;
	diff_symbol(s, ou, o, nu, n);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every exported symbol of t, sorted, each once. */
static const char **symbol_names(const struct explain_types *t, size_t *count)
{
	const char **names = NULL;
	size_t n = 0, i, j, k;

	for (i = 0; i < t->set.nunit; i++) {
		const struct st_unit *u = &t->set.unit[i];

		for (j = 0; j < u->n; j++) {
			if (u->ent[j].kind)
				continue;
			names = ex_realloc(names, (n + 1) * sizeof(*names));
			names[n++] = u->ent[j].name;
		}
	}
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = k = 0; i < n; i++)
		if (!k || strcmp(names[k - 1], names[i]))
			names[k++] = names[i];
	*count = k;
	return names;
}

static bool in_names(const char **names, size_t n, const char *name)
{
	return n && bsearch(&name, names, n, sizeof(*names), cmp_name);
}

struct all_call {
	struct explain_report *r;
	const struct explain_types *old, *new;
};

static void all_body(void *arg)
{
	struct all_call *c = arg;
	struct explain_report *r = c->r;
	const struct explain_types *old = c->old, *new = c->new;
	size_t on, nn, i;
	const char **onames = symbol_names(old, &on);
	const char **nnames = symbol_names(new, &nn);

	for (i = 0; i < on; i++) {
		const struct st_unit *ou, *nu;
		const struct st_entry *o, *n;
		uint32_t ocrc, ncrc;

		if (!in_names(nnames, nn, onames[i])) {
			report_add(r, onames[i], SYM_REMOVED);
			continue;
		}
		o = st_find_symbol(&old->set, onames[i], &ou);
		n = st_find_symbol(&new->set, onames[i], &nu);
		ocrc = st_crc(ou, o, NULL);
		ncrc = st_crc(nu, n, NULL);
		if (ocrc != ncrc)
			explain_found(r, onames[i], ou, o, ocrc, nu, n, ncrc);
	}
	for (i = 0; i < nn; i++)
		if (!in_names(onames, on, nnames[i]))
			report_add(r, nnames[i], SYM_ADDED);
	free(onames);
	free(nnames);
}

int explain_all(struct explain_report *r, const struct explain_types *old,
		const struct explain_types *new, struct symtab_error *err)
{
	struct all_call c = { .r = r, .old = old, .new = new };

	return ex_catch_oom(all_body, &c, err);
}

static void no_info(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc, char *note)
{
	struct sym_report *s = report_add(r, name, SYM_NOINFO);

	s->have_crc = true;
	s->old_crc = old_crc;
	s->new_crc = new_crc;
	s->note = note;
}

struct symbol_call {
	struct explain_report *r;
	const char *name;
	uint32_t old_crc, new_crc;
	const struct explain_types *old, *new;
	const char *old_what, *new_what;
};

static void symbol_body(void *arg)
{
	const struct symbol_call *c = arg;
	struct explain_report *r = c->r;
	const char *name = c->name, *old_what = c->old_what,
		   *new_what = c->new_what;
	const struct explain_types *old = c->old, *new = c->new;
	uint32_t old_crc = c->old_crc, new_crc = c->new_crc;
	const struct st_unit *ou = NULL, *nu = NULL;
	const struct st_entry *o = NULL, *n = NULL;
	uint32_t ocrc, ncrc;

	if (old)
		o = st_find_symbol(&old->set, name, &ou);
	if (new)
		n = st_find_symbol(&new->set, name, &nu);
	if (!o || !n) {
		no_info(r, name, old_crc, new_crc,
			ex_asprintf("no type information stored for it in %s",
				    !o ? old_what : new_what));
		return;
	}
	ocrc = st_crc(ou, o, NULL);
	ncrc = st_crc(nu, n, NULL);
	if (ocrc != old_crc || ncrc != new_crc) {
		int bad_old = ocrc != old_crc;

		no_info(r, name, old_crc, new_crc,
			ex_asprintf("the types stored in %s give 0x%08x, not its recorded CRC",
				    bad_old ? old_what : new_what,
				    bad_old ? ocrc : ncrc));
		return;
	}
	explain_found(r, name, ou, o, ocrc, nu, n, ncrc);
}

int explain_symbol(struct explain_report *r, const char *name,
		   uint32_t old_crc, uint32_t new_crc,
		   const struct explain_types *old, const char *old_what,
		   const struct explain_types *new, const char *new_what,
		   struct symtab_error *err)
{
	struct symbol_call c = {
		.r = r, .name = name, .old_crc = old_crc, .new_crc = new_crc,
		.old = old, .old_what = old_what,
		.new = new, .new_what = new_what,
	};

	return ex_catch_oom(symbol_body, &c, err);
}

int explain_symtypes_files(const char *old_path, const char *new_path,
			   int json, FILE *out, struct symtab_error *err)
{
	struct explain_types *old = NULL, *new = NULL;
	struct explain_report *r = NULL;
	int ret;

	ret = explain_types_read(old_path, &old, err);
	if (!ret)
		ret = explain_types_read(new_path, &new, err);
	if (!ret)
		ret = explain_report_new(&r, err);
	if (!ret)
		ret = explain_all(r, old, new, err);
	if (!ret)
		ret = explain_report_print(r, json, out, err);
	if (!ret)
		ret = explain_report_count(r) ? EXPLAIN_DIFFERENT : EXPLAIN_SAME;
	explain_report_free(r);
	explain_types_free(old);
	explain_types_free(new);
	if (ret >= 0 && (fflush(out) || ferror(out)))
		ret = error_set(err, EIO, "error writing the explanation");
	return ret;
}
