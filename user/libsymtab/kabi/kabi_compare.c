// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kabi_compare.h"

const char *const kabi_change_names[] = {
	[KABI_CHANGED] = "changed",
	[KABI_ADDED] = "added",
	[KABI_REMOVED] = "removed",
};

static void judge(struct kabi_change *c, const struct kabi_rules *rules)
{
	const struct symvers_entry *e = c->old ? c->old : c->new;

	c->rule = kabi_rules_match(rules, c->name, e->module);
	c->tolerated = c->kind == KABI_ADDED || (c->rule && c->rule->pass);
}

int kabi_compare_symvers(struct kabi_diff *d, const struct kernel_symvers *old,
			 const struct kernel_symvers *new,
			 const struct kabi_rules *rules,
			 struct symtab_error *err)
{
	size_t i = 0, j = 0;

	/* Both are sorted by name: one merge. */
	d->ch = calloc(old->nr + new->nr + 1, sizeof(*d->ch));
	if (!d->ch)
		return error_set(err, ENOMEM, "out of memory");
	while (i < old->nr || j < new->nr) {
		const struct symvers_entry *o = i < old->nr ? &old->entries[i] : NULL;
		const struct symvers_entry *n = j < new->nr ? &new->entries[j] : NULL;
		int cmp = !o ? 1 : !n ? -1 : strcmp(o->name, n->name);
		struct kabi_change *c = &d->ch[d->nr];

		if (cmp == 0) {
			i++;
			j++;
			if (o->crc == n->crc)
				continue;
			*c = (struct kabi_change){ .kind = KABI_CHANGED, .name = o->name,
						   .old = o, .new = n };
			d->changed++;
		} else if (cmp < 0) {
			i++;
			*c = (struct kabi_change){ .kind = KABI_REMOVED, .name = o->name,
						   .old = o };
			d->removed++;
		} else {
			j++;
			*c = (struct kabi_change){ .kind = KABI_ADDED, .name = n->name,
						   .new = n };
			d->added++;
		}
		judge(c, rules);
		d->failed += !c->tolerated;
		d->nr++;
	}
	return 0;
}

void kabi_diff_release(struct kabi_diff *d)
{
	free(d->ch);
	memset(d, 0, sizeof(*d));
}

int kabi_tree_open(const char *path, struct kernel_symvers *ks,
		   char **symtypes, struct symtab_error *err)
{
	char *symvers = NULL;
	struct stat st;
	int ret;

	*symtypes = NULL;
	if (stat(path, &st))
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return kernel_symvers_load(ks, path, err);
	if (asprintf(&symvers, "%s/Module.symvers", path) < 0 ||
	    asprintf(symtypes, "%s/symtypes", path) < 0) {
		free(symvers);
		*symtypes = NULL;
		return error_set(err, ENOMEM, "out of memory");
	}
	ret = kernel_symvers_load(ks, symvers, err);
	if (ret == -ENOENT)
		ret = error_set(err, ENOENT,
				"%s: no Module.symvers in it (a kernel tree: Module.symvers, and symtypes beside it)",
				path);
	free(symvers);
	if (!ret && access(*symtypes, F_OK)) {
		free(*symtypes);
		*symtypes = NULL;
	}
	return ret;
}
