// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parse genksyms symtypes text and expand symbols the way genksyms hashes
 * them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/crc32.h"
#include "../common/whole_file.h"
#include "ex_alloc.h"
#include "hash_index.h"
#include "symtypes.h"

static bool is_ident(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (s++; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

bool st_is_ref(const char *tok)
{
	return symtypes_kind_letter(tok[0]) && tok[1] == '#' &&
	       is_ident(tok + 2);
}

static const char *entry_key(const void *u, size_t i)
{
	return ((const struct st_unit *)u)->ent[i].key;
}

/* The slot of key in u's index; NULL while u is empty. */
static size_t *find_slot(const struct st_unit *u, const char *key)
{
	return hash_index_find_str(&u->index, key, entry_key, u);
}

const struct st_entry *st_lookup(const struct st_unit *u, const char *key)
{
	size_t *s = find_slot(u, key);

	return s && *s ? &u->ent[*s - 1] : NULL;
}

size_t st_index(const struct st_unit *u, const struct st_entry *e)
{
	return (size_t)(e - u->ent);
}

static bool same_tokens(const struct st_entry *a, const struct st_entry *b)
{
	size_t i;

	if (a->ntok != b->ntok)
		return false;
	for (i = 0; i < a->ntok; i++)
		if (strcmp(a->tok[i], b->tok[i]))
			return false;
	return true;
}

/* Add e to u; a second, different definition of one key is an error. */
int st_unit_add(struct st_unit *u, const struct st_entry *e,
		    const char *src, struct symtab_error *err)
{
	size_t *slot;

	hash_index_reserve_str(&u->index, u->n, 64, entry_key, u);
	slot = find_slot(u, e->key);
	if (*slot) {
		const struct st_entry *old = &u->ent[*slot - 1];

		if (same_tokens(old, e))
			return 0;
		return error_set(err, EINVAL,
				 "%s:%u: %s redefined differently (first defined at line %u)",
				 src, e->line, e->key, old->line);
	}
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 64;
		u->ent = ex_realloc(u->ent, u->cap * sizeof(*u->ent));
	}
	u->ent[u->n] = *e;
	*slot = ++u->n;
	return 0;
}

struct st_unit *st_new_unit(struct st_set *set)
{
	set->unit = ex_realloc(set->unit, (set->nunit + 1) * sizeof(*set->unit));
	memset(&set->unit[set->nunit], 0, sizeof(*set->unit));
	set->unit[set->nunit].forms = set->forms;
	return &set->unit[set->nunit++];
}

/* Split line (NUL-terminated, no newline) into e: 0, or -EINVAL. */
int st_parse_line(char *line, unsigned int lineno, const char **toks,
		      struct st_entry *e, const char *src, struct symtab_error *err)
{
	size_t n = 0, i = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			*p++ = '\0';
		if (!*p)
			break;
		toks[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
	}
	memset(e, 0, sizeof(*e));
	e->line = lineno;
	if (i < n && !strcmp(toks[i], "override")) {
		e->override = true;
		i++;
	}
	if (i == n) {
		return error_set(err, EINVAL,
				 "%s:%u: expected a type (kind#name) or a symbol name",
				 src, lineno);
	}
	e->key = toks[i];
	if (st_is_ref(e->key)) {
		e->kind = e->key[0];
		e->name = e->key + 2;
	} else if (is_ident(e->key)) {
		e->name = e->key;
	} else {
		return error_set(err, EINVAL,
				 "%s:%u: expected a type (kind#name) or a symbol name, found '%s'",
				 src, lineno, e->key);
	}
	i++;
	/*
	 * `extern` is no part of what genksyms hashes: of a symbol, nor of a
	 * struct defined in an extern declaration (`extern struct ttm_global
	 * { ... } ttm_glob;` dumps `s#ttm_global extern struct ...`).
	 */
	if (i < n && !strcmp(toks[i], "extern")) {
		e->is_extern = true;
		i++;
	}
	if (i == n) {
		return error_set(err, EINVAL,
				 "%s:%u: expected a definition after '%s'",
				 src, lineno, e->key);
	}
	e->tok = &toks[i];
	e->ntok = n - i;
	return 0;
}

int st_parse(struct st_set *set, const char *text, size_t len,
	     const char *src, struct symtab_error *err)
{
	struct st_unit *u = NULL;
	unsigned int lineno = 0;
	const char **toks;
	size_t ntoks = 0;
	char *p, *end;
	int ret;

	memset(set, 0, sizeof(*set));
	set->src = src;
	if (memchr(text, '\0', len)) {
		return error_set(err, EINVAL,
				 "%s: expected symtypes text, found a NUL byte",
				 src);
	}
	if (len >= strlen(ST_CONSOLIDATED) &&
	    !memcmp(text, ST_CONSOLIDATED, strlen(ST_CONSOLIDATED)))
		return st_parse_consolidated(set, text, len, src, err);
	set->buf = ex_malloc(len + 1);
	memcpy(set->buf, text, len);
	set->buf[len] = '\0';
	/* Every token needs at least two bytes: itself and a separator. */
	set->toks = ex_calloc(len / 2 + 1, sizeof(*set->toks));
	set->forms = st_forms_new(set->toks, len / 2 + 1);
	toks = set->toks;
	for (p = set->buf; p < set->buf + len; p = end + 1) {
		struct st_entry e;

		end = memchr(p, '\n', set->buf + len - p);
		if (!end)
			end = set->buf + len;
		*end = '\0';
		lineno++;
		if (!p[strspn(p, " \t\r")]) {
			u = NULL;	/* an empty line ends a unit */
			continue;
		}
		ret = st_parse_line(p, lineno, toks + ntoks, &e, src, err);
		if (ret)
			goto fail;
		ntoks = (size_t)(e.tok + e.ntok - set->toks);
		if (!u)
			u = st_new_unit(set);
		ret = st_unit_add(u, &e, src, err);
		if (ret)
			goto fail;
	}
	return 0;
fail:
	st_free(set);
	return ret;
}

int st_parse_file(struct st_set *set, const char *path,
		  struct symtab_error *err)
{
	unsigned char *text;
	size_t len;
	int ret;

	memset(set, 0, sizeof(*set));
	ret = read_whole_file(path, &text, &len, err);
	if (ret)
		return ret;
	ret = st_parse(set, (const char *)text, len, path, err);
	free(text);
	return ret;
}

void st_free(struct st_set *set)
{
	size_t i;

	for (i = 0; i < set->nunit; i++) {
		free(set->unit[i].ent);
		hash_index_free(&set->unit[i].index);
	}
	free(set->unit);
	st_forms_free(set->forms);
	free(set->toks);
	free(set->buf);
	memset(set, 0, sizeof(*set));
}

const struct st_entry *st_find_symbol(const struct st_set *set,
				      const char *name,
				      const struct st_unit **unit)
{
	size_t i;

	for (i = 0; i < set->nunit; i++) {
		const struct st_entry *e = st_lookup(&set->unit[i], name);

		if (e && !e->kind) {
			if (unit)
				*unit = &set->unit[i];
			return e;
		}
	}
	return NULL;
}

/* Each token of an expansion goes to emit(tok, arg). */
typedef void (*st_emit_fn)(const char *tok, void *arg);

struct expander {
	const struct st_unit *u;
	bool *done;
	st_emit_fn emit;
	void *arg;
	size_t missing;
};

/* One definition being expanded: an explicit stack, as chains of types
 * can be as deep as the input is long. */
struct expand_frame {
	const char **tok;
	size_t n, i;
};

static void expand_tokens(struct expander *x, const char **tok, size_t n)
{
	struct expand_frame *stack = NULL;
	size_t depth = 0, cap = 0;

	stack = ex_realloc(stack, ++cap * sizeof(*stack));
	stack[depth++] = (struct expand_frame){ .tok = tok, .n = n };
	while (depth) {
		struct expand_frame *f = &stack[depth - 1];
		const struct st_entry *e;
		const char *word, *t;

		if (f->i == f->n) {
			depth--;
			continue;
		}
		t = f->tok[f->i++];
		if (!st_is_ref(t)) {
			x->emit(t, x->arg);
			continue;
		}
		word = tag_keyword(t[0]);
		e = st_lookup(x->u, t);
		if (e && x->done[st_index(x->u, e)]) {
			if (word)
				x->emit(word, x->arg);
			x->emit(t + 2, x->arg);
		} else if (e) {
			x->done[st_index(x->u, e)] = true;
			if (depth == cap) {
				cap *= 2;
				stack = ex_realloc(stack, cap * sizeof(*stack));
			}
			stack[depth++] = (struct expand_frame){ .tok = e->tok,
								.n = e->ntok };
		} else {
			/* genksyms writes every type it saw; guess as it would */
			x->missing++;
			if (word)
				x->emit(word, x->arg);
			x->emit(t + 2, x->arg);
			if (word) {
				x->emit("{", x->arg);
				x->emit("UNKNOWN", x->arg);
				x->emit("}", x->arg);
			}
		}
	}
	free(stack);
}

/*
 * Expansion, the way genksyms hashes a symbol: the first reference to a type
 * splices in its definition, later ones only name it.  @missing counts
 * references with no entry in the unit.
 */
static void st_expand(const struct st_unit *u, const struct st_entry *sym,
		      st_emit_fn emit, void *arg, size_t *missing)
{
	struct expander x = { .u = u, .emit = emit, .arg = arg };

	x.done = ex_calloc(u->n + 1, sizeof(*x.done));
	expand_tokens(&x, sym->tok, sym->ntok);
	free(x.done);
	if (missing)
		*missing = x.missing;
}

static void crc_token(const char *tok, void *arg)
{
	uint32_t *crc = arg;

	*crc = crc32_update(*crc, tok, strlen(tok));
	*crc = crc32_update(*crc, " ", 1);
}

uint32_t st_crc(const struct st_unit *u, const struct st_entry *sym,
		size_t *missing)
{
	uint32_t crc = CRC32_INIT;

	if (st_crc_fast(u, sym, &crc, missing))
		return crc;
	st_expand(u, sym, crc_token, &crc, missing);
	return crc ^ CRC32_INIT;
}
