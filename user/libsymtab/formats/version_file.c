// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/abi.h>

#include "../../common/array_grow.h"
#include "../module/block.h"
#include "../../common/whole_file.h"
#include "version_file.h"

#define SYMVER_TAG	"#SYMVER"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && is_blank(*p))
		p++;
	return p;
}

static const char *word_end(const char *p, const char *end)
{
	while (p < end && !is_blank(*p))
		p++;
	return p;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "0x" and one to eight hex digits. */
static bool parse_crc(const char *p, const char *end, uint32_t *crc)
{
	size_t n = end - p;
	size_t i;

	if (n < 3 || n > 10 || p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
		return false;
	*crc = 0;
	for (i = 2; i < n; i++) {
		if (hex_value(p[i]) < 0)
			return false;
		*crc = *crc << 4 | hex_value(p[i]);
	}
	return true;
}

static int add_version(struct version_set *vs, const char *name, size_t len,
		       uint32_t crc, const char *file, unsigned int line,
		       struct symtab_error *err)
{
	struct symbol_version *v;

	if (array_grow(&vs->versions, &vs->cap, vs->nr + 1, sizeof(*v)))
		return error_set(err, ENOMEM, "%s: out of memory", file);
	v = &vs->versions[vs->nr];
	v->name = strndup(name, len);
	if (!v->name)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	v->crc = crc;
	v->file = file;
	v->line = line;
	v->seq = vs->nr++;
	return 0;
}

static int parse_line(struct version_set *vs, const char *file,
		      unsigned int line, const char *p, const char *end,
		      struct symtab_error *err)
{
	const char *name, *name_end, *crc, *crc_end;
	char buf[SYMTAB_NAME_LEN];
	uint32_t value;

	p = skip_blanks(p, end);
	if (p == end)
		return 0;
	if ((size_t)(end - p) < strlen(SYMVER_TAG) ||
	    memcmp(p, SYMVER_TAG, strlen(SYMVER_TAG)))
		goto malformed;
	name = skip_blanks(p + strlen(SYMVER_TAG), end);
	if (name == p + strlen(SYMVER_TAG))
		goto malformed;
	name_end = word_end(name, end);
	crc = skip_blanks(name_end, end);
	crc_end = word_end(crc, end);
	if (skip_blanks(crc_end, end) != end || crc == name_end)
		goto malformed;
	if ((size_t)(name_end - name) >= SYMTAB_NAME_LEN)
		return error_set(err, EINVAL,
				 "%s:%u: symbol name longer than %d characters",
				 file, line, SYMTAB_NAME_LEN - 1);
	memcpy(buf, name, name_end - name);
	buf[name_end - name] = '\0';
	if (!symbol_name_valid(buf))
		return error_set(err, EINVAL,
				 "%s:%u: '%s' is not a C identifier",
				 file, line, buf);
	if (!parse_crc(crc, crc_end, &value))
		return error_set(err, EINVAL,
				 "%s:%u: bad CRC for %s: expected 0x and up to 8 hex digits",
				 file, line, buf);
	return add_version(vs, name, name_end - name, value, file, line, err);
malformed:
	return error_set(err, EINVAL,
			 "%s:%u: expected '#SYMVER <name> 0x<crc>'",
			 file, line);
}

static const char *remember_file(struct version_set *vs, const char *file)
{
	char **files = reallocarray(vs->files, vs->nr_files + 1,
				    sizeof(*files));

	if (!files)
		return NULL;
	vs->files = files;
	files[vs->nr_files] = strdup(file);
	return files[vs->nr_files] ? files[vs->nr_files++] : NULL;
}

int version_set_parse(struct version_set *vs, const char *file,
		      const char *text, size_t len, struct symtab_error *err)
{
	const char *p = text, *end = text + len, *eol;
	unsigned int line = 0;
	int ret;

	file = remember_file(vs, file);
	if (!file)
		return error_set(err, ENOMEM, "out of memory");
	if (memchr(text, '\0', len))
		return error_set(err, EINVAL,
				 "%s: contains NUL bytes: not genksyms output",
				 file);
	while (p < end) {
		eol = memchr(p, '\n', end - p);
		if (!eol)
			eol = end;
		ret = parse_line(vs, file, ++line, p, eol, err);
		if (ret)
			return ret;
		p = eol + 1;
	}
	return 0;
}

DEFINE_TEXT_LOADER(version_set_load, struct version_set, version_set_parse)

static int by_name(const void *a, const void *b)
{
	const struct symbol_version *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	/* Then by position, so messages name the earlier line first. */
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int version_set_finish(struct version_set *vs, struct symtab_error *err)
{
	struct symbol_version *prev, *v;
	size_t i, n = 0;

	if (!vs->nr)
		return 0;
	qsort(vs->versions, vs->nr, sizeof(*vs->versions), by_name);
	for (i = 1; i < vs->nr; i++) {
		prev = &vs->versions[i - 1];
		v = &vs->versions[i];
		if (!strcmp(prev->name, v->name) && prev->crc != v->crc)
			return error_set(err, EINVAL,
					 "conflicting versions of %s: 0x%08x in %s:%u, 0x%08x in %s:%u",
					 v->name, prev->crc, prev->file,
					 prev->line, v->crc, v->file, v->line);
	}
	for (i = 1; i < vs->nr; i++) {
		v = &vs->versions[i];
		if (!strcmp(vs->versions[n].name, v->name))
			free(v->name);
		else
			vs->versions[++n] = *v;
	}
	vs->nr = n + 1;
	return 0;
}

static int name_cmp(const void *key, const void *elem)
{
	const struct symbol_version *v = elem;

	return strcmp(key, v->name);
}

const struct symbol_version *version_set_find(const struct version_set *vs,
					      const char *name)
{
	if (!vs->nr)
		return NULL;
	return bsearch(name, vs->versions, vs->nr, sizeof(*vs->versions),
		       name_cmp);
}

void version_set_release(struct version_set *vs)
{
	size_t i;

	for (i = 0; i < vs->nr; i++)
		free(vs->versions[i].name);
	for (i = 0; i < vs->nr_files; i++)
		free(vs->files[i]);
	free(vs->versions);
	free(vs->files);
	memset(vs, 0, sizeof(*vs));
}
