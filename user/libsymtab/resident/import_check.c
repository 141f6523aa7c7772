// SPDX-License-Identifier: GPL-2.0-only
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "import_check.h"

bool module_exports(const struct module_file *mf, const char *name,
		    struct record *rec)
{
	const struct block *blk;
	size_t i;
	uint32_t r;

	for (i = 0; i < mf->nr_blocks; i++) {
		blk = &mf->blocks[i].blk;
		if (blk->kind != BLOCK_EXPORT_TABLE)
			continue;
		for (r = 0; r < blk->nr_records; r++) {
			block_record(blk, r, rec);
			if (!strcmp(rec->name, name))
				return true;
		}
	}
	return false;
}

static void compare_versions(struct import_resolution *res)
{
	if (!record_versioned(&res->import) || !res->provider_versioned)
		res->state = IMPORT_VERSIONLESS;
	else if (res->import.crc != res->provider_crc)
		res->state = IMPORT_MISMATCH;
	else
		res->state = IMPORT_OK;
}

void resolve_import(const struct record *import,
		    const struct resident_table *resident,
		    struct module_file *const *mods, size_t nr,
		    const struct module_file *self,
		    struct import_resolution *res)
{
	const struct resident_symbol *sym;
	struct record exp;
	size_t i;

	memset(res, 0, sizeof(*res));
	res->import = *import;
	res->state = IMPORT_UNRESOLVED;
	sym = resident_table_find(resident, import->name);
	if (sym) {
		res->provider = sym->module;
		res->provider_resident = true;
		res->provider_versioned = sym->versioned;
		res->provider_crc = sym->crc;
		compare_versions(res);
		return;
	}
	for (i = 0; i < nr; i++) {
		if (mods[i] == self || !module_exports(mods[i], import->name,
						       &exp))
			continue;
		res->provider = mods[i]->path;
		res->provider_versioned = record_versioned(&exp);
		res->provider_crc = exp.crc;
		compare_versions(res);
		return;
	}
}

static void versioned_name(char *buf, size_t len, const char *name,
			   bool versioned, uint32_t crc)
{
	if (versioned)
		snprintf(buf, len, "%s_R%08x", name, crc);
	else
		snprintf(buf, len, "%s", name);
}

/* "kernel has sym_R... (module)" or "file.ko has sym_R...". */
static void provider_has(const struct import_resolution *res,
			 const char *have, char *buf, size_t len)
{
	if (res->provider_resident)
		snprintf(buf, len, "kernel has %s (%s)", have, res->provider);
	else
		snprintf(buf, len, "%s has %s", res->provider, have);
}

void import_resolution_format(const char *module,
			      const struct import_resolution *res,
			      char *buf, size_t len)
{
	char want[SYMTAB_NAME_LEN + 16], have[SYMTAB_NAME_LEN + 16];
	char has[PATH_MAX + 2 * SYMTAB_NAME_LEN];
	const char *name = res->import.name;

	versioned_name(want, sizeof(want), name,
		       record_versioned(&res->import), res->import.crc);
	versioned_name(have, sizeof(have), name, res->provider_versioned,
		       res->provider_crc);
	switch (res->state) {
	case IMPORT_UNRESOLVED:
		snprintf(buf, len, "%s: unresolved symbol %s", module, want);
		break;
	case IMPORT_MISMATCH:
		provider_has(res, have, has, sizeof(has));
		snprintf(buf, len, "%s: version mismatch for %s: module wants %s, %s",
			 module, name, want, has);
		break;
	case IMPORT_VERSIONLESS:
		provider_has(res, have, has, sizeof(has));
		snprintf(buf, len,
			 "%s: no symbol version for %s: module wants %s, %s: symtab.ko loads it tainted, or refuses with strict=1",
			 module, name, want, has);
		break;
	case IMPORT_OK:
		snprintf(buf, len, "%s: %s from %s", module, want,
			 res->provider);
		break;
	}
}

size_t check_modules(struct module_file *const *mods, size_t nr,
		     const struct resident_table *resident, import_fn fn,
		     void *ctx)
{
	struct import_resolution res;
	const struct block *blk;
	struct record imp;
	size_t i, b, problems = 0;

	for (i = 0; i < nr; i++) {
		for (b = 0; b < mods[i]->nr_blocks; b++) {
			blk = &mods[i]->blocks[b].blk;
			if (blk->kind != BLOCK_IMPORT)
				continue;
			block_record(blk, 0, &imp);
			resolve_import(&imp, resident, mods, nr, mods[i],
				       &res);
			problems += import_is_problem(&res);
			if (fn)
				fn(ctx, mods[i], &res);
		}
	}
	return problems;
}
