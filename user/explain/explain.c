// SPDX-License-Identifier: GPL-2.0-only
/* Compare two views of symtypes symbol by symbol. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diff.h"
#include "ex_alloc.h"
#include "explain.h"
#include "hash_index.h"
#include "report.h"
#include "symtypes.h"

/*
 * Parsed symtypes: one set per file read (a directory gives several), the
 * units of all, and an index of the symbols they export (the first unit
 * exporting a name wins).
 */
struct sym_index {
	const char *name;
	const struct st_entry *e;
	size_t unit;
};

struct explain_types {
	struct st_set *set;
	size_t nset;
	const struct st_unit **unit;
	size_t nunit;
	struct sym_index *sym;	/* as many as names, in the order found */
	struct hash_index index;	/* of sym, by name */
	const char **names;	/* every symbol name once, sorted */
	size_t nnames;
	char **paths;		/* the files read, named by the sets */
	size_t npaths;
	char *src;		/* what was parsed or read, for messages */
};

static const char *sym_name(const void *t, size_t i)
{
	return ((const struct explain_types *)t)->sym[i].name;
}

/* The slot of name in t's index; NULL while t has no symbol. */
static size_t *sym_slot(const struct explain_types *t, const char *name)
{
	return hash_index_find_str(&t->index, name, sym_name, t);
}

static const struct sym_index *find_sym(const struct explain_types *t,
					const char *name)
{
	size_t *s = sym_slot(t, name);

	return s && *s ? &t->sym[*s - 1] : NULL;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Units and symbols of every set, once all are read. */
static void index_types(struct explain_types *t)
{
	size_t i, j, nsym = 0;

	for (i = 0; i < t->nset; i++)
		for (j = 0; j < t->set[i].nunit; j++) {
			t->unit = ex_realloc(t->unit, (t->nunit + 1) *
					     sizeof(*t->unit));
			t->unit[t->nunit++] = &t->set[i].unit[j];
		}
	for (i = 0; i < t->nunit; i++)
		for (j = 0; j < t->unit[i]->n; j++)
			nsym += !t->unit[i]->ent[j].kind;
	t->sym = ex_calloc(nsym + 1, sizeof(*t->sym));
	t->names = ex_calloc(nsym + 1, sizeof(*t->names));
	for (i = 0; i < t->nunit; i++) {
		for (j = 0; j < t->unit[i]->n; j++) {
			const struct st_entry *e = &t->unit[i]->ent[j];
			size_t *k;

			if (e->kind)
				continue;
			hash_index_reserve_str(&t->index, t->nnames, 16,
					       sym_name, t);
			k = sym_slot(t, e->name);
			if (*k)		/* the first unit wins */
				continue;
			t->sym[t->nnames] = (struct sym_index){ e->name, e, i };
			*k = t->nnames + 1;
			t->names[t->nnames++] = e->name;
		}
	}
	if (t->nnames)
		qsort(t->names, t->nnames, sizeof(*t->names), cmp_name);
}

/* Every *.symtypes file below dir, sorted, appended to *paths. */
static int find_symtypes(const char *dir, char ***paths, size_t *n,
			 struct symtab_error *err)
{
	struct dirent **ent;
	int i, count = scandir(dir, &ent, NULL, alphasort);

	if (count < 0) {
		int errnum = errno;

		if (errnum == ENOMEM)
			ex_oom();
		return error_set(err, errnum, "%s: %s", dir, strerror(errnum));
	}
	for (i = 0; i < count; i++) {
		const char *name = ent[i]->d_name;
		size_t len = strlen(name);
		bool symtypes = len > 9 && !strcmp(name + len - 9, ".symtypes");
		char *path = NULL;
		struct stat st;
		int ret = 0;

		if (name[0] != '.')
			path = ex_asprintf("%s/%s", dir, name);
		free(ent[i]);
		if (!path || stat(path, &st)) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			ret = find_symtypes(path, paths, n, err);
			free(path);
		} else if (S_ISREG(st.st_mode) && symtypes) {
			*paths = ex_realloc(*paths, (*n + 1) * sizeof(**paths));
			(*paths)[(*n)++] = path;
		} else {
			free(path);
		}
		if (ret) {
			while (++i < count)
				free(ent[i]);
			free(ent);
			return ret;
		}
	}
	free(ent);
	return 0;
}

/* explain_types_parse() and _read(): a parse under ex_catch_oom(). */
struct types_call {
	const char *text, *src;
	size_t len;
	bool read;		/* read the file or directory named src */
	struct explain_types *t;
	struct symtab_error *err;
	int ret;
};

/*
 * Parse text as one set, or read src: a file, or every *.symtypes file below
 * a directory, each its own set.  t stays whole for explain_types_free().
 */
static void types_body(void *arg)
{
	struct types_call *c = arg;
	struct explain_types *t;
	struct stat st;
	size_t i;

	t = c->t = ex_calloc(1, sizeof(*c->t));
	if (c->src)
		t->src = ex_strdup(c->src);
	if (!c->read) {
		t->set = ex_calloc(1, sizeof(*t->set));
		c->ret = st_parse(&t->set[0], c->text, c->len, t->src, c->err);
		if (c->ret)
			return;
		t->nset = 1;
		index_types(t);
		return;
	}
	if (!stat(c->src, &st) && S_ISDIR(st.st_mode)) {
		c->ret = find_symtypes(c->src, &t->paths, &t->npaths, c->err);
		if (!c->ret && !t->npaths)
			c->ret = error_set(c->err, ENOENT,
					   "%s: no *.symtypes file below it",
					   c->src);
	} else {
		t->paths = ex_calloc(1, sizeof(*t->paths));
		t->paths[0] = ex_strdup(c->src);
		t->npaths = 1;
	}
	if (c->ret)
		return;
	t->set = ex_calloc(t->npaths, sizeof(*t->set));
	for (i = 0; i < t->npaths; i++) {
		c->ret = st_parse_file(&t->set[i], t->paths[i], c->err);
		if (c->ret)
			return;
		t->nset++;
	}
	index_types(t);
}

static int types_call(struct types_call *c, struct explain_types **t)
{
	int ret = ex_catch_oom(types_body, c, c->err);

	if (!ret)
		ret = c->ret;
	if (ret) {
		explain_types_free(c->t);
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
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nset; i++)
		st_free(&t->set[i]);
	for (i = 0; i < t->npaths; i++)
		free(t->paths[i]);
	free(t->paths);
	free(t->src);
	free(t->set);
	free(t->unit);
	free(t->sym);
	hash_index_free(&t->index);
	free(t->names);
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
	const struct sym_index *s = find_sym(c->t, c->name);

	c->found = s;
	if (s)
		c->crc = st_crc(c->t->unit[s->unit], s->e, NULL);
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
				 t->src ? t->src : "symtypes", name);
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

	for (i = 0; i < c->t->nunit; i++) {
		const struct st_unit *u = c->t->unit[i];

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
			  const struct st_entry *n, uint32_t ncrc,
			  struct diff_dirty *dirty)
{
	struct sym_report *s = report_add(r, name, SYM_CHANGED);

	s->have_crc = true;
	s->old_crc = ocrc;
	s->new_crc = ncrc;
	diff_symbol(s, ou, o, nu, n, dirty);
}

/*
 * Every symbol in both views, by name, then its units: those of one pair of
 * units are compared together, with the pair's dirty set computed once.
 */
struct pair {
	const char *name;
	const struct sym_index *o, *n;
	uint32_t old_crc, new_crc;	/* explain_symbols(): the recorded */
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->o->unit != y->o->unit)
		return x->o->unit < y->o->unit ? -1 : 1;
	if (x->n->unit != y->n->unit)
		return x->n->unit < y->n->unit ? -1 : 1;
	return strcmp(x->name, y->name);
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
	struct diff_dirty *dirty = NULL;
	struct pair *pairs = ex_calloc(old->nnames + 1, sizeof(*pairs));
	size_t npairs = 0, i;

	for (i = 0; i < old->nnames; i++) {
		const struct sym_index *n = find_sym(new, old->names[i]);

		if (!n)
			report_add(r, old->names[i], SYM_REMOVED);
		else
			pairs[npairs++] = (struct pair){
				old->names[i], find_sym(old, old->names[i]), n,
				0, 0 };
	}
	for (i = 0; i < new->nnames; i++)
		if (!find_sym(old, new->names[i]))
			report_add(r, new->names[i], SYM_ADDED);
	qsort(pairs, npairs, sizeof(*pairs), cmp_pair);
	for (i = 0; i < npairs; i++) {
		const struct st_unit *ou = old->unit[pairs[i].o->unit];
		const struct st_unit *nu = new->unit[pairs[i].n->unit];
		const struct st_entry *o = pairs[i].o->e, *n = pairs[i].n->e;
		uint32_t ocrc, ncrc;

		if (!dirty || dirty->ou != ou || dirty->nu != nu) {
			diff_dirty_free(dirty);
			dirty = diff_dirty_new(ou, nu);
		}
		/* Clean: the same expansion, the same CRC. */
		if (!diff_dirty_symbol(dirty, o, n))
			continue;
		ocrc = st_crc(ou, o, NULL);
		ncrc = st_crc(nu, n, NULL);
		if (ocrc != ncrc)
			explain_found(r, pairs[i].name, ou, o, ocrc, nu, n, ncrc,
				      dirty);
	}
	diff_dirty_free(dirty);
	free(pairs);
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
	const struct sym_index *os = old ? find_sym(old, name) : NULL;
	const struct sym_index *ns = new ? find_sym(new, name) : NULL;
	const struct st_unit *ou = os ? old->unit[os->unit] : NULL;
	const struct st_unit *nu = ns ? new->unit[ns->unit] : NULL;
	const struct st_entry *o = os ? os->e : NULL, *n = ns ? ns->e : NULL;
	uint32_t ocrc, ncrc;

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
	explain_found(r, name, ou, o, ocrc, nu, n, ncrc, NULL);
}

/* explain_symbol() and explain_import(): @body under ex_catch_oom(). */
#define EXPLAIN_CALL(body)						\
	ex_catch_oom(body, &(struct symbol_call){			\
			.r = r, .name = name,				\
			.old_crc = old_crc, .new_crc = new_crc,		\
			.old = old, .old_what = old_what,		\
			.new = new, .new_what = new_what }, err)

int explain_symbol(struct explain_report *r, const char *name,
		   uint32_t old_crc, uint32_t new_crc,
		   const struct explain_types *old, const char *old_what,
		   const struct explain_types *new, const char *new_what,
		   struct symtab_error *err)
{
	return EXPLAIN_CALL(symbol_body);
}

struct symbols_call {
	struct explain_report *r;
	const struct explain_want *want;
	size_t n;
	const struct explain_types *old, *new;
	const char *old_what, *new_what;
};

static void symbols_body(void *arg)
{
	const struct symbols_call *c = arg;
	struct pair *pairs = ex_calloc(c->n + 1, sizeof(*pairs));
	struct diff_dirty *dirty = NULL;
	size_t npairs = 0, i;

	/* What cannot be explained is said at once, as explain_symbol(). */
	for (i = 0; i < c->n; i++) {
		const struct explain_want *w = &c->want[i];
		const struct sym_index *os = find_sym(c->old, w->name);
		const struct sym_index *ns = find_sym(c->new, w->name);

		if (os && ns &&
		    st_crc(c->old->unit[os->unit], os->e, NULL) == w->old_crc &&
		    st_crc(c->new->unit[ns->unit], ns->e, NULL) == w->new_crc)
			pairs[npairs++] = (struct pair){ w->name, os, ns,
							 w->old_crc,
							 w->new_crc };
		else
			symbol_body(&(struct symbol_call){
				.r = c->r, .name = w->name,
				.old_crc = w->old_crc, .new_crc = w->new_crc,
				.old = c->old, .old_what = c->old_what,
				.new = c->new, .new_what = c->new_what });
	}
	qsort(pairs, npairs, sizeof(*pairs), cmp_pair);
	for (i = 0; i < npairs; i++) {
		const struct st_unit *ou = c->old->unit[pairs[i].o->unit];
		const struct st_unit *nu = c->new->unit[pairs[i].n->unit];

		if (!dirty || dirty->ou != ou || dirty->nu != nu) {
			diff_dirty_free(dirty);
			dirty = diff_dirty_new(ou, nu);
		}
		/* Paired: the types give the recorded CRCs, checked above. */
		explain_found(c->r, pairs[i].name, ou, pairs[i].o->e,
			      pairs[i].old_crc, nu, pairs[i].n->e,
			      pairs[i].new_crc, dirty);
	}
	diff_dirty_free(dirty);
	free(pairs);
}

bool explain_types_def(const struct explain_types *t, const char *sym,
		       const char *key, const char *const **tok, size_t *ntok)
{
	const struct sym_index *s = t ? find_sym(t, sym) : NULL;
	const struct st_entry *e = s ? st_lookup(t->unit[s->unit], key) : NULL;

	if (!e)
		return false;
	*tok = e->tok;
	*ntok = e->ntok;
	return true;
}

int explain_symbols(struct explain_report *r, const struct explain_want *want,
		    size_t n, const struct explain_types *old,
		    const char *old_what, const struct explain_types *new,
		    const char *new_what, struct symtab_error *err)
{
	struct symbols_call c = { .r = r, .want = want, .n = n, .old = old,
				  .new = new, .old_what = old_what,
				  .new_what = new_what };

	r->old_t = old;
	r->new_t = new;

	return ex_catch_oom(symbols_body, &c, err);
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

	for (i = 0; t && i < t->nunit; i++) {
		e = st_lookup(t->unit[i], name);
		if (!e || e->kind)
			continue;
		if (st_crc(t->unit[i], e, NULL) == crc) {
			*unit = t->unit[i];
			return e;
		}
		if (!first) {
			first = e;
			*unit = t->unit[i];
		}
	}
	return first;
}

static void import_body(void *arg)
{
	const struct symbol_call *c = arg;
	const struct st_unit *ou = NULL, *nu = NULL;
	const struct st_entry *o, *n;
	struct sym_report *s;
	uint32_t ocrc, ncrc;

	o = find_giving(c->old, c->name, c->old_crc, &ou);
	n = find_giving(c->new, c->name, c->new_crc, &nu);
	if (!o || !n) {
		symbol_body(arg);
		return;
	}
	ocrc = st_crc(ou, o, NULL);
	ncrc = st_crc(nu, n, NULL);
	if (ocrc == c->old_crc && ncrc == c->new_crc) {
		explain_found(c->r, c->name, ou, o, ocrc, nu, n, ncrc, NULL);
		return;
	}
	if (ocrc == ncrc) {
		no_info(c->r, c->name, c->old_crc, c->new_crc,
			ex_asprintf("nothing changed in the types the module's sources see of it: the change is in a type they leave opaque"));
		return;
	}
	s = report_add(c->r, c->name, SYM_CHANGED);
	s->have_crc = true;
	s->old_crc = c->old_crc;
	s->new_crc = c->new_crc;
	s->note = ex_asprintf("as the module's sources see it (0x%08x -> 0x%08x): the kernel's own source sees more of its types, so there may be more changes than these",
			      ocrc, ncrc);
	diff_symbol(s, ou, o, nu, n, NULL);
}

int explain_import(struct explain_report *r, const char *name,
		   uint32_t old_crc, uint32_t new_crc,
		   const struct explain_types *old, const char *old_what,
		   const struct explain_types *new, const char *new_what,
		   struct symtab_error *err)
{
	return EXPLAIN_CALL(import_body);
}

int explain_symtypes_files(const char *old_path, const char *new_path,
			   unsigned int flags, FILE *out,
			   struct symtab_error *err)
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
		ret = explain_report_print(r, flags, out, err);
	if (!ret)
		ret = explain_report_count(r) ? EXPLAIN_DIFFERENT : EXPLAIN_SAME;
	explain_report_free(r);
	explain_types_free(old);
	explain_types_free(new);
	if (ret >= 0 && (fflush(out) || ferror(out)))
		ret = error_set(err, EIO, "error writing the explanation");
	return ret;
}

