// SPDX-License-Identifier: GPL-2.0-only
/* Compare two views of symtypes symbol by symbol. */
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

struct explain_types *explain_types_parse(const char *text, size_t len,
					  const char *src, char *err)
{
	struct explain_types *t = ex_calloc(1, sizeof(*t));

	if (st_parse(&t->set, text, len, src, err)) {
		free(t);
		return NULL;
	}
	return t;
}

struct explain_types *explain_types_read(const char *path, char *err)
{
	struct explain_types *t = ex_calloc(1, sizeof(*t));

	if (st_parse_file(&t->set, path, err)) {
		free(t);
		return NULL;
	}
	return t;
}

void explain_types_free(struct explain_types *t)
{
	if (!t)
		return;
	st_free(&t->set);
	free(t);
}

bool explain_types_crc(const struct explain_types *t, const char *name,
		       uint32_t *crc)
{
	const struct st_unit *u;
	const struct st_entry *e = st_find_symbol(&t->set, name, &u);

	if (!e)
		return false;
	*crc = st_crc(u, e, NULL);
	return true;
}

void explain_types_print_crcs(const struct explain_types *t, FILE *out)
{
	size_t i, j;

	for (i = 0; i < t->set.nunit; i++) {
		const struct st_unit *u = &t->set.unit[i];

		for (j = 0; j < u->n; j++)
			if (!u->ent[j].kind)
				fprintf(out, "#SYMVER %s 0x%08x\n", u->ent[j].name,
					st_crc(u, &u->ent[j], NULL));
	}
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

void explain_all(struct explain_report *r, const struct explain_types *old,
		 const struct explain_types *new)
{
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

static void no_info(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc, char *note)
{
	struct sym_report *s = report_add(r, name, SYM_NOINFO);

	s->have_crc = true;
	s->old_crc = old_crc;
	s->new_crc = new_crc;
	s->note = note;
}

void explain_symbol(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc,
		    const struct explain_types *old, const char *old_what,
		    const struct explain_types *new, const char *new_what)
{
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

int explain_symtypes_files(const char *old_path, const char *new_path,
			   int json, FILE *out)
{
	struct explain_types *old, *new = NULL;
	struct explain_report *r;
	char err[EXPLAIN_ERR_LEN];
	int ret;

	old = explain_types_read(old_path, err);
	if (old)
		new = explain_types_read(new_path, err);
	if (!new) {
		fprintf(stderr, "%s\n", err);
		explain_types_free(old);
		return EXPLAIN_ERROR;
	}
	r = explain_report_new();
	explain_all(r, old, new);
	explain_report_print(r, json, out);
	ret = explain_report_count(r) ? EXPLAIN_DIFFERENT : EXPLAIN_SAME;
	explain_report_free(r);
	explain_types_free(old);
	explain_types_free(new);
	if (fflush(out) || ferror(out)) {
		fputs("error writing the explanation\n", stderr);
		return EXPLAIN_ERROR;
	}
	return ret;
}

/*
 * The unit of @t expanding @name to @crc, else the first expanding it;
 * NULL if none does.
 */
static const struct st_entry *find_giving(const struct explain_types *t,
					  const char *name, uint32_t crc,
					  const struct st_unit **unit)
{
	const struct st_entry *first = NULL, *e;
	size_t i;

	for (i = 0; t && i < t->set.nunit; i++) {
		e = st_lookup(&t->set.unit[i], name);
		if (!e || e->kind)
			continue;
		if (st_crc(&t->set.unit[i], e, NULL) == crc) {
			*unit = &t->set.unit[i];
			return e;
		}
		if (!first) {
			first = e;
			*unit = &t->set.unit[i];
		}
	}
	return first;
}

void explain_import(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc,
		    const struct explain_types *old, const char *old_what,
		    const struct explain_types *new, const char *new_what)
{
	const struct st_unit *ou = NULL, *nu = NULL;
	const struct st_entry *o, *n;
	struct sym_report *s;
	uint32_t ocrc, ncrc;

	o = find_giving(old, name, old_crc, &ou);
	n = find_giving(new, name, new_crc, &nu);
	if (!o || !n) {
		explain_symbol(r, name, old_crc, new_crc, old, old_what,
			       new, new_what);
		return;
	}
	ocrc = st_crc(ou, o, NULL);
	ncrc = st_crc(nu, n, NULL);
	if (ocrc == old_crc && ncrc == new_crc) {
		explain_found(r, name, ou, o, ocrc, nu, n, ncrc);
		return;
	}
	if (ocrc == ncrc) {
		no_info(r, name, old_crc, new_crc,
			ex_asprintf("nothing changed in the types the module's sources see of it: the change is in a type they leave opaque"));
		return;
	}
	s = report_add(r, name, SYM_CHANGED);
	s->have_crc = true;
	s->old_crc = old_crc;
	s->new_crc = new_crc;
	s->note = ex_asprintf("as the module's sources see it (0x%08x -> 0x%08x): the kernel's own source sees more of its types, so there may be more changes than these",
			      ocrc, ncrc);
	diff_symbol(s, ou, o, nu, n);
}
