// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/array_grow.h"
#include "../module/section_read.h"
#include "softdep.h"

#define REGISTRY_NAME	"symtab"

/* A list of module names, each once, in the order added. */
struct names {
	char **v;
	size_t nr, cap;
};

static bool names_has(const struct names *n, const char *s)
{
	size_t i;

	for (i = 0; i < n->nr; i++)
		if (!strcmp(n->v[i], s))
			return true;
	return false;
}

/* Add @len bytes of @s, as the kernel names modules ('-' read as '_'). */
static int names_add(struct names *n, const char *s, size_t len)
{
	char *copy, *p;

	copy = strndup(s, len);
	if (!copy)
		return -ENOMEM;
	for (p = copy; *p; p++)
		if (*p == '-')
			*p = '_';
	if (names_has(n, copy)) {
		free(copy);
		return 0;
	}
	if (array_grow(&n->v, &n->cap, n->nr + 1, sizeof(*n->v))) {
		free(copy);
		return -ENOMEM;
	}
	n->v[n->nr++] = copy;
	return 0;
}

static void names_release(struct names *n)
{
	size_t i;

	for (i = 0; i < n->nr; i++)
		free(n->v[i]);
	free(n->v);
}

/* The @len bytes of @s split at blanks (or commas when @commas). */
static int names_split(struct names *n, const char *s, size_t len,
		       bool commas)
{
	const char *seps = commas ? "," : " \t";
	const char *end = s + len;
	size_t w;

	while (s < end) {
		if (strchr(seps, *s)) {
			s++;
			continue;
		}
		for (w = 0; s + w < end && !strchr(seps, s[w]); w++)
			;
		if (names_add(n, s, w))
			return -ENOMEM;
		s += w;
	}
	return 0;
}

/* "WORD WORD ..." of @n, after @prefix, appended to @buf. */
static int names_join(const struct names *n, const char *prefix, char **buf)
{
	size_t i, len = *buf ? strlen(*buf) : 0, need = len + strlen(prefix) + 2;
	char *b;

	for (i = 0; i < n->nr; i++)
		need += strlen(n->v[i]) + 1;
	b = realloc(*buf, need);
	if (!b)
		return -ENOMEM;
	b[len] = '\0';
	if (len && *prefix)
		strcat(b, " ");
	strcat(b, prefix);
	for (i = 0; i < n->nr; i++) {
		if (i || *prefix)
			strcat(b, " ");
		strcat(b, n->v[i]);
	}
	*buf = b;
	return 0;
}

/* What the module's .modinfo says now. */
struct modinfo_state {
	const char *sec;
	size_t len;
	char name[MODULE_NAME_MAX];
	bool registry_dep;	/* depends= names symtab */
	struct names pre, post;	/* of every softdep= entry */
	struct names marked;	/* symtab_softdep=: what symtab added */
	size_t nr_softdep, nr_marked;
	const char *softdep;	/* the last softdep= value */
	size_t softdep_len;
	const char *mark;	/* the last symtab_softdep= value */
	size_t mark_len;
};

/* Is the key of @klen bytes at @k @key? */
static bool key_is(const char *k, size_t klen, const char *key)
{
	return klen == strlen(key) && !memcmp(k, key, klen);
}

/*
 * Read softdep= text, "pre: a b post: c"; words before "pre:" or "post:"
 * are ignored, as kmod ignores them.
 */
static int read_softdep(struct modinfo_state *st, const char *v, size_t len)
{
	struct names *mode = NULL;
	const char *end = v + len;
	size_t w;

	while (v < end) {
		v += strspn(v, " \t");
		w = strcspn(v, " \t");
		if (w > (size_t)(end - v))
			w = end - v;
		if (!w)
			break;
		if (w == 4 && !memcmp(v, "pre:", 4))
			mode = &st->pre;
		else if (w == 5 && !memcmp(v, "post:", 5))
			mode = &st->post;
		else if (mode && names_add(mode, v, w))
			return -ENOMEM;
		v += w;
	}
	return 0;
}

/*
 * The entry after *@s (the first when *@s is NULL) in @st's section, of
 * *@n bytes: entries are NUL-separated, and runs of NULs skipped, as the
 * kernel and kmod read them.
 */
static bool next_entry(const struct modinfo_state *st, const char **s,
		       size_t *n)
{
	const char *end = st->sec + st->len;
	const char *p = *s ? *s + *n : st->sec;

	while (p < end && !*p)
		p++;
	if (p >= end)
		return false;
	*s = p;
	*n = strnlen(p, end - p);
	return true;
}

/* One KEY=value entry, the value @len bytes at @v. */
static int read_entry(struct modinfo_state *st, const char *key, size_t klen,
		      const char *v, size_t len)
{
	struct names deps = { 0 };
	int ret = 0;

	if (key_is(key, klen, "name") && len < sizeof(st->name)) {
		memcpy(st->name, v, len);
		st->name[len] = '\0';
	} else if (key_is(key, klen, "depends")) {
		ret = names_split(&deps, v, len, true);
		st->registry_dep |= names_has(&deps, REGISTRY_NAME);
		names_release(&deps);
	} else if (key_is(key, klen, "softdep")) {
		st->nr_softdep++;
		st->softdep = v;
		st->softdep_len = len;
		ret = read_softdep(st, v, len);
	} else if (key_is(key, klen, SOFTDEP_MARK_KEY)) {
		st->nr_marked++;
		st->mark = v;
		st->mark_len = len;
		ret = names_split(&st->marked, v, len, false);
	}
	return ret;
}

/* Is the entry of @n bytes at @s one symtab rewrites? */
static bool rewritten(const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);

	return eq && (key_is(s, eq - s, "softdep") ||
		      key_is(s, eq - s, SOFTDEP_MARK_KEY));
}

static int read_modinfo(struct modinfo_state *st, const char *path)
{
	const char *s = NULL, *eq, *base;
	size_t n = 0;

	while (next_entry(st, &s, &n)) {
		eq = memchr(s, '=', n);
		if (eq && read_entry(st, s, eq - s, eq + 1, s + n - eq - 1))
			return -ENOMEM;
	}
	if (!st->name[0]) {
		/* No name= (not from modpost): the file's, as insmod does. */
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		n = strcspn(base, ".");
		if (n >= sizeof(st->name))
			n = sizeof(st->name) - 1;
		memcpy(st->name, base, n);
	}
	for (n = 0; st->name[n]; n++)
		if (st->name[n] == '-')
			st->name[n] = '_';
	return 0;
}

/* Are @a and @b one module's names ('-' and '_' alike, as for the kernel)? */
static bool same_module(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !(strchr("-_", *a) && strchr("-_", *b)))
			return false;
	return *a == *b;
}

/* The modules @mf imports from, with symtab first when it must be named. */
static int wanted(const struct module_file *mf, const struct version_set *vs,
		  const struct softdep_request *req,
		  const struct modinfo_state *st, struct names *out)
{
	const struct symbol_version *v;
	const struct export_record *r;
	struct names unknown = { 0 };
	struct record rec;
	size_t i;
	int ret = 0;

	if (mf->nr_blocks && !st->registry_dep)
		ret = names_add(out, REGISTRY_NAME, strlen(REGISTRY_NAME));
	for (i = 0; !ret && i < mf->nr_blocks; i++) {
		if (mf->blocks[i].blk.kind != BLOCK_IMPORT)
			continue;
		block_record(&mf->blocks[i].blk, 0, &rec);
		v = vs ? version_set_find(vs, rec.name) : NULL;
		r = export_records_find(req->exporters, rec.name,
					v ? v->crc : rec.crc);
		if (r) {
			if (!same_module(r->module, st->name))
				ret = names_add(out, r->module,
						strlen(r->module));
		} else if (!names_has(&unknown, rec.name)) {
			ret = names_add(&unknown, rec.name, strlen(rec.name));
			if (!ret && req->unknown)
				req->unknown(req->ctx, mf->path, rec.name);
		}
	}
	names_release(&unknown);
	return ret;
}

/*
 * Does the section hold exactly @n entries of a key, the last one's value
 * @have (@len bytes), equal to @want (none if @want is NULL)?
 */
static bool holds(size_t n, const char *have, size_t len, const char *want)
{
	if (!want)
		return n == 0;
	return n == 1 && len == strlen(want) && !memcmp(have, want, len);
}

int softdep_modinfo(const struct module_file *mf, const struct version_set *vs,
		    const struct softdep_request *req, char **out,
		    size_t *len, struct symtab_error *err)
{
	struct modinfo_state st = { 0 };
	struct names ours = { 0 }, pre = { 0 }, added = { 0 };
	char *text = NULL, *mark = NULL, *o = NULL;
	const char *s = NULL;
	size_t i, n = 0, at, size;
	int ret;

	*out = NULL;
	*len = 0;
	st.sec = (const char *)section_find(mf, MODINFO_SECTION, &st.len);
	if (!st.sec)
		return error_set(err, ENOENT,
				 "%s: no %s section (not a module Kbuild linked): cannot name the modules it imports from",
				 mf->path, MODINFO_SECTION);
	ret = read_modinfo(&st, mf->path);
	if (!ret)
		ret = wanted(mf, vs, req, &st, &ours);
	/* The author's own pre: what is there, less what symtab added. */
	for (i = 0; !ret && i < st.pre.nr; i++)
		if (!names_has(&st.marked, st.pre.v[i]))
			ret = names_add(&pre, st.pre.v[i], strlen(st.pre.v[i]));
	for (i = 0; !ret && i < ours.nr; i++)
		if (!names_has(&pre, ours.v[i]))
			ret = names_add(&added, ours.v[i], strlen(ours.v[i]));
	for (i = 0; !ret && i < added.nr; i++)
		ret = names_add(&pre, added.v[i], strlen(added.v[i]));
	if (!ret && pre.nr)
		ret = names_join(&pre, "pre:", &text);
	if (!ret && st.post.nr)
		ret = names_join(&st.post, "post:", &text);
	if (!ret && added.nr)
		ret = names_join(&added, "", &mark);
	if (ret)
		goto out;
	if (holds(st.nr_softdep, st.softdep, st.softdep_len, text) &&
	    holds(st.nr_marked, st.mark, st.mark_len, mark))
		goto out;

	/* Old entries zeroed in place, then ours, each ending in a NUL. */
	size = st.len + 1 + (text ? strlen("softdep=") + strlen(text) + 1 : 0) +
	       (mark ? strlen(SOFTDEP_MARK_KEY "=") + strlen(mark) + 1 : 0);
	o = malloc(size);
	if (!o) {
		ret = -ENOMEM;
		goto out;
	}
	memcpy(o, st.sec, st.len);
	while (next_entry(&st, &s, &n))
		if (rewritten(s, n))
			memset(o + (s - st.sec), 0, n);
	at = st.len;
	if (at && o[at - 1])
		o[at++] = '\0';
	if (text)
		at += sprintf(o + at, "softdep=%s", text) + 1;
	if (mark)
		at += sprintf(o + at, SOFTDEP_MARK_KEY "=%s", mark) + 1;
	*out = o;
	*len = at;
out:
	if (ret == -ENOMEM)
		error_set(err, ENOMEM, "%s: out of memory", mf->path);
	free(text);
	free(mark);
	names_release(&ours);
	names_release(&pre);
	names_release(&added);
	names_release(&st.pre);
	names_release(&st.post);
	names_release(&st.marked);
	return ret;
}
