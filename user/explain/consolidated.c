// SPDX-License-Identifier: GPL-2.0-only
/*
 * One kernel's symtypes in one text (man symtab, "CONSOLIDATED SYMTYPES"):
 *
 *	#symtab-symtypes 1
 *	s#point struct point { int x ; int y ; }
 *	s#point@1 struct point { UNKNOWN }
 *	point_move int point_move ( s#point * , int )
 *	F#lib/shapes.o point_move s#point@1
 *
 * Every definition once: the one most files use under its plain key, each
 * other under KEY@N.  A file record, F#<object> ..., names the symbols the
 * object exports and the variants it uses that are not the plain ones;
 * every other type it reaches is the plain one.  Reading gives each file
 * its own unit (its symbols and every type they reach), as its genksyms -T
 * file would; writing (explain_consolidate()) reads a tree of those.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ex_alloc.h"
#include "explain.h"
#include "hash_index.h"
#include "symtypes.h"

/* "KEY@N": cut the suffix off (blanked, or ended) and return N. */
static int variant_of(char *tok, size_t len, bool blank, size_t *n)
{
	char *at = memchr(tok, '@', len), *end;

	*n = 0;
	if (!at)
		return 0;
	errno = 0;
	*n = strtoul(at + 1, &end, 10);
	if (end == at + 1 || end != tok + len || errno || *n > 1000000)
		return -EINVAL;
	if (blank)
		memset(at, ' ', (size_t)(end - at));
	else
		*at = '\0';
	return 0;
}

struct reader {
	struct st_set *set;
	const char *src;
	struct st_unit *var;	/* var[n]: the definitions KEY@n */
	size_t nvar;
	struct symtab_error *err;
};

static const struct st_entry *variant(const struct reader *r, const char *key,
				      size_t n)
{
	return n < r->nvar ? st_lookup(&r->var[n], key) : NULL;
}

/* A file record: its unit, its symbols and all they reach. */
static int read_file(struct reader *r, char *line, unsigned int lineno)
{
	struct st_unit ov = { 0 }, *u = st_new_unit(r->set);
	char *tok, *save;
	size_t i, j, n;
	int ret = 0;

	strtok_r(line, " \t\r", &save);		/* F#name */
	for (tok = strtok_r(NULL, " \t\r", &save); !ret && tok;
	     tok = strtok_r(NULL, " \t\r", &save)) {
		const struct st_entry *e = NULL;

		if (variant_of(tok, strlen(tok), false, &n))
			ret = error_set(r->err, EINVAL,
					"%s:%u: expected KEY or KEY@N, found '%s'",
					r->src, lineno, tok);
		else
			e = variant(r, tok, n);
		if (!ret && !e)
			ret = error_set(r->err, EINVAL,
					"%s:%u: %s@%zu is not defined",
					r->src, lineno, tok, n);
		if (!ret)
			ret = st_unit_add(&ov, e, r->src, r->err);
	}
	for (i = 0; !ret && i < ov.n; i++)
		if (!ov.ent[i].kind)
			ret = st_unit_add(u, &ov.ent[i], r->src, r->err);
	/* Breadth first: u->ent grows as the walk goes. */
	for (i = 0; !ret && i < u->n; i++) {
		for (j = 0; !ret && j < u->ent[i].ntok; j++) {
			const char *t = u->ent[i].tok[j];
			const struct st_entry *d;

			if (!st_is_ref(t) || st_lookup(u, t))
				continue;
			d = st_lookup(&ov, t);
			if (!d)
				d = variant(r, t, 0);
			if (d)
				ret = st_unit_add(u, d, r->src, r->err);
		}
	}
	free(ov.ent);
	hash_index_free(&ov.index);
	return ret;
}

int st_parse_consolidated(struct st_set *set, const char *text, size_t len,
			  const char *src, struct symtab_error *err)
{
	struct reader r = { .set = set, .src = src, .err = err };
	unsigned int lineno = 0, *file_line = NULL;
	char *p, *end, **file = NULL;
	size_t ntoks = 0, nfile = 0, cap = 0, i, n;
	int ret = 0;

	set->src = src;
	set->buf = ex_malloc(len + 1);
	memcpy(set->buf, text, len);
	set->buf[len] = '\0';
	set->toks = ex_calloc(len / 2 + 1, sizeof(*set->toks));
	set->forms = st_forms_new(set->toks, len / 2 + 1);
	for (p = set->buf; !ret && p < set->buf + len; p = end + 1) {
		struct st_entry e;
		size_t first;

		end = memchr(p, '\n', set->buf + len - p);
		if (!end)
			end = set->buf + len;
		*end = '\0';
		lineno++;
		if (lineno == 1 && strcmp(p, ST_CONSOLIDATED "1")) {
			ret = error_set(err, EINVAL,
					"%s:1: expected '%s1' (a later version of the format?)",
					src, ST_CONSOLIDATED);
			break;
		}
		if (*p == '#' || !p[strspn(p, " \t\r")])
			continue;
		if (!strncmp(p, "F#", 2)) {	/* after every definition */
			if (nfile == cap) {
				cap = cap ? 2 * cap : 1024;
				file = ex_realloc(file, cap * sizeof(*file));
				file_line = ex_realloc(file_line,
						       cap * sizeof(*file_line));
			}
			file_line[nfile] = lineno;
			file[nfile++] = p;
			continue;
		}
		first = strcspn(p, " \t\r");
		if (variant_of(p, first, true, &n)) {
			ret = error_set(err, EINVAL,
					"%s:%u: expected KEY or KEY@N", src,
					lineno);
			break;
		}
		ret = st_parse_line(p, lineno, set->toks + ntoks, &e, src, err);
		if (ret)
			break;
		ntoks = (size_t)(e.tok + e.ntok - set->toks);
		if (n >= r.nvar) {
			r.var = ex_realloc(r.var, (n + 1) * sizeof(*r.var));
			memset(r.var + r.nvar, 0, (n + 1 - r.nvar) * sizeof(*r.var));
			r.nvar = n + 1;
		}
		ret = st_unit_add(&r.var[n], &e, src, err);
	}
	for (i = 0; !ret && i < nfile; i++)
		ret = read_file(&r, file[i], file_line[i]);
	for (i = 0; i < r.nvar; i++) {
		free(r.var[i].ent);
		hash_index_free(&r.var[i].index);
	}
	free(r.var);
	free(file);
	free(file_line);
	if (ret)
		st_free(set);
	return ret;
}

/* --- writing ------------------------------------------------------------- */

/* One distinct definition of a key, and how many files use it. */
struct cdef {
	char *key, *def;
	size_t count, first;
	size_t variant;
};

struct cfile {
	char *name;
	size_t *def;		/* the cdef of each of its entries */
	size_t ndef;
	bool *sym;		/* is entry i a symbol */
};

struct writer {
	struct cdef *def;
	size_t ndef, cap;
	struct hash_index index;	/* by key and definition */
	struct cfile *file;
	size_t nfile;
};

static size_t def_hash(const char *key, const char *def)
{
	return str_hash(key, strlen(key)) * 31 + str_hash(def, strlen(def));
}

static size_t cdef_hash(const void *ctx, size_t i)
{
	const struct cdef *d = &((const struct writer *)ctx)->def[i];

	return def_hash(d->key, d->def);
}

/* Is definition i that of key[0] as key[1]? */
static bool cdef_is(const void *ctx, size_t i, const void *key)
{
	const struct cdef *d = &((const struct writer *)ctx)->def[i];
	const char *const *kd = key;

	return !strcmp(d->key, kd[0]) && !strcmp(d->def, kd[1]);
}

static size_t intern(struct writer *w, const char *key, const char *def)
{
	const char *kd[2] = { key, def };
	size_t *slot;

	hash_index_reserve(&w->index, w->ndef, 4096, cdef_hash, w);
	slot = hash_index_find(&w->index, def_hash(key, def), cdef_is, w, kd);
	if (*slot) {
		w->def[*slot - 1].count++;
		return *slot - 1;
	}
	if (w->ndef == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 4096;
		w->def = ex_realloc(w->def, w->cap * sizeof(*w->def));
	}
	w->def[w->ndef] = (struct cdef){ .key = ex_strdup(key),
					 .def = ex_strdup(def), .count = 1,
					 .first = w->ndef };
	*slot = w->ndef + 1;
	return w->ndef++;
}

/* An entry's definition as genksyms -T wrote it, after its key. */
static char *def_text(const struct st_entry *e)
{
	size_t i, len = e->is_extern ? 7 : 0;
	char *s, *p;

	for (i = 0; i < e->ntok; i++)
		len += strlen(e->tok[i]) + 1;
	p = s = ex_malloc(len + 1);
	if (e->is_extern)
		p = stpcpy(p, "extern ");
	for (i = 0; i < e->ntok; i++) {
		p = stpcpy(p, e->tok[i]);
		*p++ = i + 1 < e->ntok ? ' ' : '\0';
	}
	*p = '\0';
	return s;
}

static int add_file(struct writer *w, const char *path, const char *name,
		    struct symtab_error *err)
{
	struct st_set set;
	struct cfile *f;
	size_t i, j, n = 0;
	int ret = st_parse_file(&set, path, err);

	if (ret)
		return ret;
	for (i = 0; i < set.nunit; i++)
		n += set.unit[i].n;
	w->file = ex_realloc(w->file, (w->nfile + 1) * sizeof(*w->file));
	f = &w->file[w->nfile++];
	f->name = ex_strdup(name);
	f->def = ex_calloc(n + 1, sizeof(*f->def));
	f->sym = ex_calloc(n + 1, sizeof(*f->sym));
	f->ndef = 0;
	for (i = 0; i < set.nunit; i++)
		for (j = 0; j < set.unit[i].n; j++) {
			const struct st_entry *e = &set.unit[i].ent[j];
			char *def = def_text(e);

			f->sym[f->ndef] = !e->kind;
			f->def[f->ndef++] = intern(w, e->key, def);
			free(def);
		}
	st_free(&set);
	return 0;
}

/* Every *.symtypes file below dir/rel, in name order. */
static int walk(struct writer *w, const char *dir, const char *rel,
		struct symtab_error *err)
{
	char *path = ex_asprintf("%s%s%s", dir, *rel ? "/" : "", rel);
	struct dirent **ent;
	int i, count = scandir(path, &ent, NULL, alphasort), ret = 0;

	if (count < 0) {
		ret = error_set(err, errno, "%s: %s", path, strerror(errno));
		free(path);
		return ret;
	}
	for (i = 0; i < count; i++) {
		const char *name = ent[i]->d_name;
		size_t len = strlen(name);
		char *sub = ex_asprintf("%s%s%s", rel, *rel ? "/" : "", name);
		char *full = ex_asprintf("%s/%s", path, name);
		struct stat st;

		if (!ret && name[0] != '.' && !stat(full, &st)) {
			if (S_ISDIR(st.st_mode)) {
				ret = walk(w, dir, sub, err);
			} else if (len > 9 &&
				   !strcmp(name + len - 9, ".symtypes")) {
				char *obj = ex_asprintf("%.*s.o",
					(int)(strlen(sub) - 9), sub);

				ret = add_file(w, full, obj, err);
				free(obj);
			}
		}
		free(sub);
		free(full);
		free(ent[i]);
	}
	free(ent);
	free(path);
	return ret;
}

static int by_key_use(const void *a, const void *b)
{
	const struct cdef *x = *(const struct cdef *const *)a;
	const struct cdef *y = *(const struct cdef *const *)b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->first < y->first ? -1 : 1;
}

static void print_key(const struct cdef *d, FILE *out)
{
	fputs(d->key, out);
	if (d->variant)
		fprintf(out, "@%zu", d->variant);
}

struct consolidate_call {
	const char *dir;
	FILE *out;
	struct symtab_error *err;
	int ret;
};

static void consolidate_body(void *arg)
{
	struct consolidate_call *c = arg;
	struct writer w = { 0 };
	struct cdef **order;
	size_t i, j;

	c->ret = walk(&w, c->dir, "", c->err);
	if (!c->ret && !w.nfile)
		c->ret = error_set(c->err, ENOENT,
				   "%s: no *.symtypes file below it", c->dir);
	if (c->ret)
		return;
	/* The definition most files use is the plain one. */
	order = ex_calloc(w.ndef + 1, sizeof(*order));
	for (i = 0; i < w.ndef; i++)
		order[i] = &w.def[i];
	qsort(order, w.ndef, sizeof(*order), by_key_use);
	for (i = 0; i < w.ndef; i++)
		order[i]->variant = i && !strcmp(order[i - 1]->key,
						 order[i]->key) ?
				    order[i - 1]->variant + 1 : 0;
	fprintf(c->out, "%s1\n", ST_CONSOLIDATED);
	for (i = 0; i < w.ndef; i++) {
		print_key(order[i], c->out);
		fprintf(c->out, " %s\n", order[i]->def);
	}
	for (i = 0; i < w.nfile; i++) {
		const struct cfile *f = &w.file[i];

		fprintf(c->out, "F#%s", f->name);
		for (j = 0; j < f->ndef; j++) {
			const struct cdef *d = &w.def[f->def[j]];

			if (!f->sym[j] && !d->variant)
				continue;
			fputc(' ', c->out);
			print_key(d, c->out);
		}
		fputc('\n', c->out);
	}
	free(order);
	for (i = 0; i < w.ndef; i++) {
		free(w.def[i].key);
		free(w.def[i].def);
	}
	for (i = 0; i < w.nfile; i++) {
		free(w.file[i].name);
		free(w.file[i].def);
		free(w.file[i].sym);
	}
	free(w.def);
	hash_index_free(&w.index);
	free(w.file);
}

int explain_consolidate(const char *dir, FILE *out, struct symtab_error *err)
{
	struct consolidate_call c = { .dir = dir, .out = out, .err = err };
	int ret = ex_catch_oom(consolidate_body, &c, err);

	if (!ret)
		ret = c.ret;
	if (!ret && (fflush(out) || ferror(out)))
		ret = error_set(err, EIO, "error writing the consolidated symtypes");
	return ret;
}
