// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kabi_partial.h"
#include "../formats/text_lines.h"
#include "../../common/whole_file.h"

const char *const kabi_partial_reasons[] = {
	[KABI_PARTIAL_DIFFERS] = "source-differs",
	[KABI_PARTIAL_NOT_EXPORTED] = "not-exported",
	[KABI_PARTIAL_NOT_FOUND] = "not-found",
	[KABI_PARTIAL_GENERATED] = "generated",
};

/* "0x%08x" into *@crc, or "-" (false); anything else is an error. */
static int parse_crc(const char *s, uint32_t *crc, bool *has)
{
	unsigned long v;
	char *end;

	*has = false;
	if (!strcmp(s, "-"))
		return 0;
	if (strncmp(s, "0x", 2))
		return -1;
	errno = 0;
	v = strtoul(s + 2, &end, 16);
	if (errno || *end || end == s + 2 || v > UINT32_MAX)
		return -1;
	*crc = v;
	*has = true;
	return 0;
}

static int parse_partial(void *arg, char *line, const char *file,
			 unsigned int lineno, struct symtab_error *err)
{
	struct kabi_partial *p = arg;
	char *f[5], *rest;
	struct kabi_partial_entry *grown, *e;
	bool has_rec, has_comp;
	size_t n = 0, r;

	if (line[0] == '#')
		return 0;
	for (rest = line; n < 5 && rest; n++) {
		f[n] = rest;
		rest = strchr(rest, '\t');
		if (rest)
			*rest++ = '\0';
	}
	if (n == 1 && !*f[0])
		return 0;
	for (r = 0; n == 5 && !rest && r < KABI_PARTIAL_NR; r++)
		if (!strcmp(f[0], kabi_partial_reasons[r]))
			break;
	if (n != 5 || rest || r == KABI_PARTIAL_NR || !*f[1] || !*f[2])
		return error_set(err, EINVAL,
				 "%s:%u: expected 'REASON\\tNAME\\tMODULE\\tRECORDED\\tCOMPUTED'",
				 file, lineno);
	grown = realloc(p->entries, (p->nr + 1) * sizeof(*p->entries));
	if (!grown)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	p->entries = grown;
	e = &p->entries[p->nr];
	memset(e, 0, sizeof(*e));
	e->reason = r;
	if (parse_crc(f[3], &e->recorded, &has_rec) ||
	    parse_crc(f[4], &e->computed, &has_comp) ||
	    has_rec != (r != KABI_PARTIAL_NOT_EXPORTED) ||
	    has_comp != (r != KABI_PARTIAL_NOT_FOUND &&
			 r != KABI_PARTIAL_GENERATED))
		return error_set(err, EINVAL,
				 "%s:%u: %s: expected a recorded CRC%s and a computed one%s",
				 file, lineno, f[1],
				 r == KABI_PARTIAL_NOT_EXPORTED ? " '-'" : "",
				 r == KABI_PARTIAL_NOT_FOUND ||
				 r == KABI_PARTIAL_GENERATED ? " '-'" : "");
	e->name = strdup(f[1]);
	e->module = strdup(f[2]);
	if (!e->name || !e->module) {
		free(e->name);
		free(e->module);
		return error_set(err, ENOMEM, "%s: out of memory", file);
	}
	p->nr++;
	p->reasons[r]++;
	return 0;
}

static int partial_by_name(const void *a, const void *b)
{
	return strcmp(((const struct kabi_partial_entry *)a)->name,
		      ((const struct kabi_partial_entry *)b)->name);
}

static int kabi_partial_parse(struct kabi_partial *p, const char *file,
			      const char *text, size_t len,
			      struct symtab_error *err)
{
	int ret = text_for_each_line(file, text, len, parse_partial, p, err);

	if (!ret && p->nr)
		qsort(p->entries, p->nr, sizeof(*p->entries), partial_by_name);
	return ret;
}

DEFINE_TEXT_LOADER(kabi_partial_load, struct kabi_partial, kabi_partial_parse)

void kabi_partial_release(struct kabi_partial *p)
{
	size_t i;

	for (i = 0; i < p->nr; i++) {
		free(p->entries[i].name);
		free(p->entries[i].module);
	}
	free(p->entries);
	memset(p, 0, sizeof(*p));
}

const struct kabi_partial_entry *
kabi_partial_find(const struct kabi_partial *p, const char *name)
{
	struct kabi_partial_entry key = { .name = (char *)name };

	if (!p || !p->nr)
		return NULL;
	return bsearch(&key, p->entries, p->nr, sizeof(*p->entries),
		       partial_by_name);
}

static int symvers_by_name(const void *a, const void *b)
{
	return strcmp(((const struct symvers_entry *)a)->name,
		      ((const struct symvers_entry *)b)->name);
}

int kabi_partial_apply(struct kernel_symvers *ks, const struct kabi_partial *p,
		       struct symtab_error *err)
{
	struct symvers_entry *all;
	size_t i, n = 0;

	all = calloc(ks->nr + p->nr + 1, sizeof(*all));
	if (!all)
		return error_set(err, ENOMEM, "out of memory");
	for (i = 0; i < ks->nr; i++) {
		const struct kabi_partial_entry *e =
			kabi_partial_find(p, ks->entries[i].name);

		if (e && e->reason == KABI_PARTIAL_NOT_EXPORTED)
			continue;
		all[n] = ks->entries[i];
		if (e && e->reason == KABI_PARTIAL_DIFFERS)
			all[n].crc = e->recorded;
		n++;
	}
	for (i = 0; i < p->nr; i++) {
		const struct kabi_partial_entry *e = &p->entries[i];

		if ((e->reason != KABI_PARTIAL_NOT_FOUND &&
		     e->reason != KABI_PARTIAL_GENERATED) ||
		    kernel_symvers_find(ks, e->name))
			continue;
		all[n++] = (struct symvers_entry){ .name = e->name,
			.crc = e->recorded, .module = e->module, .ns = "" };
	}
	qsort(all, n, sizeof(*all), symvers_by_name);
	free(ks->entries);
	ks->entries = all;
	ks->nr = n;
	return 0;
}
