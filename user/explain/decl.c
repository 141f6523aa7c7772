// SPDX-License-Identifier: GPL-2.0-only
/*
 * Take genksyms declarations apart.  They are already tokenised and
 * normalised (no parameter names, no storage class), so a light touch is
 * enough: split on separators at nesting depth 0 and find declarator names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "ex_alloc.h"
#include "symtypes.h"

static const char *const keywords[] = {
	"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Float128",
	"_Float16", "_Float32", "_Float64", "_Imaginary", "_Noreturn",
	"_Static_assert", "_Thread_local", "UNKNOWN", "__alignof__", "__asm",
	"__asm__", "__attribute", "__attribute__", "__auto_type",
	"__builtin_va_list", "__const", "__const__", "__extension__",
	"__inline", "__inline__", "__int128", "__int128_t", "__label__",
	"__restrict", "__restrict__", "__signed", "__signed__", "__typeof",
	"__typeof__", "__uint128_t", "__volatile", "__volatile__", "asm",
	"auto", "char", "const", "double", "enum", "extern", "float", "inline",
	"int", "long", "register", "restrict", "short", "signed", "sizeof",
	"static", "struct", "typedef", "typeof", "union", "unsigned", "void",
	"volatile",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_keyword(const char *s)
{
	return bsearch(&s, keywords, sizeof(keywords) / sizeof(keywords[0]),
		       sizeof(keywords[0]), cmp_str) != NULL;
}

static bool is_word(const char *s)
{
	return *s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
}

/* A plain identifier: not a keyword, not a reference. */
static bool is_name(const char *s)
{
	return is_word(s) && !strchr(s, '#') && !is_keyword(s);
}

bool decl_is_name(const char *tok)
{
	return is_name(tok);
}

/* Keywords followed by a parenthesised operand that declares nothing. */
static bool takes_group(const char *s)
{
	return !strcmp(s, "__attribute__") || !strcmp(s, "__attribute") ||
	       !strcmp(s, "typeof") || !strcmp(s, "__typeof__") ||
	       !strcmp(s, "__typeof") || !strcmp(s, "_Alignas") ||
	       !strcmp(s, "__alignof__") || !strcmp(s, "_Alignof") ||
	       !strcmp(s, "asm") || !strcmp(s, "__asm__") ||
	       !strcmp(s, "__asm") || !strcmp(s, "sizeof") ||
	       !strcmp(s, "_Atomic");
}

static bool is_open(const char *s)
{
	return !strcmp(s, "(") || !strcmp(s, "[") || !strcmp(s, "{");
}

static bool is_close(const char *s)
{
	return !strcmp(s, ")") || !strcmp(s, "]") || !strcmp(s, "}");
}

bool tok_equal(const char **a, size_t na, const char **b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]))
			return false;
	return true;
}

size_t tok_close(const char **v, size_t n, size_t i)
{
	size_t depth = 0;

	for (; i < n; i++) {
		if (is_open(v[i]))
			depth++;
		else if (is_close(v[i]) && --depth == 0)
			return i;
	}
	return n;
}

bool decl_body(const char **v, size_t n, size_t *open, size_t *close)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(v[i], "{")) {
			*open = i;
			*close = tok_close(v, n, i);
			return *close < n;
		}
		if (is_open(v[i]))
			i = tok_close(v, n, i);
	}
	return false;
}

bool decl_body_unknown(const char **v, size_t open, size_t close)
{
	return close == open + 2 && !strcmp(v[open + 1], "UNKNOWN");
}

static struct tokv tok_copy(const char **v, size_t n)
{
	struct tokv t = { ex_calloc(n, sizeof(*v)), n };

	memcpy(t.v, v, n * sizeof(*v));
	return t;
}

static void tok_append(struct tokv *t, const char **v, size_t n)
{
	t->v = ex_realloc(t->v, (t->n + n) * sizeof(*v));
	memcpy(t->v + t->n, v, n * sizeof(*v));
	t->n += n;
}

struct tokv tok_without(const char **v, size_t n, size_t from, size_t to)
{
	struct tokv t = tok_copy(v, from);

	tok_append(&t, v + to, n - to);
	return t;
}

struct tokv tok_shape(const char **v, size_t n)
{
	static const char *brief[] = { "{...}" };
	struct tokv t = { NULL, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(v[i], "{")) {
			i = tok_close(v, n, i);
			tok_append(&t, brief, 1);
		} else {
			tok_append(&t, &v[i], 1);
		}
	}
	return t;
}

/* Split at depth-0 sep; an empty last part (after a final sep) is dropped. */
static struct tokv *tok_split(const char **v, size_t n, const char *sep,
			      size_t *count)
{
	struct tokv *parts = NULL;
	size_t i, start = 0, np = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && is_open(v[i])) {
			i = tok_close(v, n, i);
			if (i < n)
				continue;
		}
		if (i >= n || !strcmp(v[i], sep)) {
			if (i >= n && start >= n)
				break;
			parts = ex_realloc(parts, (np + 1) * sizeof(*parts));
			parts[np++] = tok_copy(v + start, (i < n ? i : n) - start);
			start = i + 1;
		}
	}
	*count = np;
	return parts;
}

void decl_free_tokvs(struct tokv *t, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(t[i].v);
	free(t);
}

/* The identifier a declarator declares (its index in *pos), or NULL. */
static const char *decl_name(const char **v, size_t n, size_t *pos)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (takes_group(v[i])) {
			if (i + 1 < n && !strcmp(v[i + 1], "("))
				i = tok_close(v, n, i + 1);
			continue;
		}
		if (!strcmp(v[i], "{") || !strcmp(v[i], "["))
			i = tok_close(v, n, i);
		else if (!strcmp(v[i], ":") || !strcmp(v[i], "="))
			break;
		else if (is_name(v[i])) {
			if (pos)
				*pos = i;
			return v[i];
		}
	}
	return NULL;
}

/* Where the declarator begins: after the specifiers shared by a list. */
static size_t declarator_start(const char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (takes_group(v[i])) {
			if (i + 1 < n && !strcmp(v[i + 1], "("))
				i = tok_close(v, n, i + 1);
			continue;
		}
		if (!strcmp(v[i], "{"))
			i = tok_close(v, n, i);
		else if (!strcmp(v[i], "*") || !strcmp(v[i], "(") ||
			 !strcmp(v[i], ":") || is_name(v[i]))
			return i;
	}
	return n;
}

struct member *decl_members(const char **v, size_t n, size_t *count)
{
	struct member *m = NULL;
	struct tokv *decls, *dl;
	size_t nd, ndl, i, j, nm = 0;

	decls = tok_split(v, n, ";", &nd);
	for (i = 0; i < nd; i++) {
		size_t base;

		if (!decls[i].n)
			continue;
		dl = tok_split(decls[i].v, decls[i].n, ",", &ndl);
		base = ndl ? declarator_start(dl[0].v, dl[0].n) : 0;
		m = ex_realloc(m, (nm + ndl) * sizeof(*m));
		for (j = 0; j < ndl; j++) {
			struct member *mb = &m[nm++];

			if (j == 0) {
				mb->t = dl[0];
				dl[0].v = NULL;
			} else {
				mb->t = tok_copy(decls[i].v, base);
				tok_append(&mb->t, dl[j].v, dl[j].n);
			}
			mb->name = decl_name(mb->t.v, mb->t.n, NULL);
			if (!mb->t.n) {		/* `{ , int a; }`: nothing */
				free(mb->t.v);
				nm--;
			}
		}
		decl_free_tokvs(dl, ndl);
	}
	decl_free_tokvs(decls, nd);
	*count = nm;
	return m;
}

void decl_free_members(struct member *m, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(m[i].t.v);
	free(m);
}

struct tokv *decl_params(const char **v, size_t n, size_t *count)
{
	if (n == 1 && !strcmp(v[0], "void")) {
		*count = 0;
		return NULL;
	}
	return tok_split(v, n, ",", count);
}

struct enum_scope {
	struct enumerator *e;
	size_t n;
	const_expr_lookup_fn lookup;
	void *arg;
};

/* Earlier constants of the same enum, then the caller's lookup. */
static bool scope_lookup(const char *name, long long *value, void *arg)
{
	struct enum_scope *sc = arg;
	size_t i;

	for (i = 0; i < sc->n; i++)
		if (!strcmp(sc->e[i].name, name) && sc->e[i].known) {
			*value = sc->e[i].value;
			return true;
		}
	return sc->lookup && sc->lookup(name, value, sc->arg);
}

struct enumerator *decl_enumerators(const char **v, size_t n, size_t *count,
				    const_expr_lookup_fn lookup, void *arg)
{
	struct enum_scope sc = { NULL, 0, lookup, arg };
	struct tokv *parts;
	size_t np, i, step = 0;
	const char *base = NULL;	/* last explicit value, as text */

	parts = tok_split(v, n, ",", &np);
	sc.e = ex_calloc(np, sizeof(*sc.e));
	for (i = 0; i < np; i++) {
		struct enumerator *e = &sc.e[sc.n];
		struct tokv *p = &parts[i];

		if (!p->n)
			continue;
		e->name = p->v[0];
		if (p->n > 2 && !strcmp(p->v[1], "=")) {
			e->expr = tok_copy(p->v + 2, p->n - 2);
			e->known = const_expr_eval(e->expr.v, e->expr.n,
					     scope_lookup, &sc, &e->value);
			step = 0;
			if (!e->known) {
				free((char *)base);
				base = decl_render(e->expr.v, e->expr.n, false);
				e->text = ex_strdup(base);
			}
		} else if (sc.n == 0) {
			e->known = true;
			e->value = 0;
		} else if (sc.e[sc.n - 1].known) {
			e->known = true;
			e->value = sc.e[sc.n - 1].value + 1;
		} else {
			e->text = ex_asprintf("(%s) + %zu", base, ++step);
		}
		sc.n++;
	}
	free((char *)base);
	decl_free_tokvs(parts, np);
	*count = sc.n;
	return sc.e;
}

void decl_free_enumerators(struct enumerator *e, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(e[i].expr.v);
		free(e[i].text);
	}
	free(e);
}

static bool no_space_between(const char *prev, const char *cur)
{
	if (!strcmp(prev, "(") || !strcmp(prev, "[") || !strcmp(prev, "*") ||
	    !strcmp(prev, "~") || !strcmp(prev, "!"))
		return true;
	if (!strcmp(cur, ",") || !strcmp(cur, ";") || !strcmp(cur, ")") ||
	    !strcmp(cur, "]") || !strcmp(cur, "["))
		return true;
	if (!strcmp(cur, ":") || !strcmp(prev, ":"))
		return true;
	if (!strcmp(cur, "(") &&
	    (!strcmp(prev, ")") || takes_group(prev) || is_name(prev)))
		return true;
	return false;
}

char *decl_render(const char **v, size_t n, bool brief)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		ex_oom();
	for (i = 0; i < n; i++) {
		if (i && !no_space_between(v[i - 1], v[i]))
			fputc(' ', f);
		if (brief && !strcmp(v[i], "{")) {
			fputs("{...}", f);
			i = tok_close(v, n, i);
		} else if (st_is_ref(v[i])) {
			/* the words a reference stands for: "struct foo", "u32" */
			const char *kw = tag_keyword(v[i][0]);

			fprintf(f, "%s%s%s", kw ? kw : "", kw ? " " : "",
				v[i] + 2);
		} else {
			fputs(v[i], f);
		}
	}
	if (fclose(f))
		ex_oom();
	return out;
}
