// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading a module's versioned records and its .symtab_types section
 * (see <symtab/types_section.h>) for explanations.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "command.h"
#include "module_types.h"

void module_types_free(struct module_types *v)
{
	module_file_free(v->mf);
	free(v->rec);
	explain_types_free(v->types);
	free(v->what);
}

/* The .symtab_types section's bytes, bounded by the file; NULL if none. */
static const unsigned char *types_section(const struct module_file *mf,
					  size_t *size)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(mf->elf, &shstrndx))
		return NULL;
	while ((scn = elf_nextscn(mf->elf, scn))) {
		const char *name;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(mf->elf, shstrndx, sh.sh_name);
		if (!name || strcmp(name, SYMTAB_TYPES_SECTION) ||
		    sh.sh_type == SHT_NOBITS || sh.sh_offset > mf->size ||
		    sh.sh_size > mf->size - sh.sh_offset)
			continue;
		*size = sh.sh_size;
		return mf->image + sh.sh_offset;
	}
	return NULL;
}

static int add_record(struct module_types *v, const struct record *rec)
{
	struct record *grown;

	grown = reallocarray(v->rec, v->nr_rec + 1, sizeof(*v->rec));
	if (!grown) {
		message("%s: out of memory", v->mf->path);
		return -1;
	}
	v->rec = grown;
	v->rec[v->nr_rec++] = *rec;
	return 0;
}

static int add_kernel_versions(struct module_types *v,
			       const struct kernel_version *kv, size_t nr,
			       uint8_t kind)
{
	struct record rec = { .kind = kind, .flags = SYMTAB_REC_VERSIONED };
	size_t i;

	for (i = 0; i < nr; i++) {
		if (!kv[i].versioned || strlen(kv[i].name) >= sizeof(rec.name))
			continue;
		rec.crc = kv[i].crc;
		strcpy(rec.name, kv[i].name);
		if (add_record(v, &rec))
			return -1;
	}
	return 0;
}

int module_types_open(struct module_types *v, const char *path)
{
	const unsigned char *sec;
	struct symtab_error serr;
	size_t i, size, len;
	uint32_t r;
	char *text;
	int ret;

	memset(v, 0, sizeof(*v));
	if (module_file_open(path, &v->mf, &serr)) {
		report_error(&serr);
		return -1;
	}
	for (i = 0; i < v->mf->nr_blocks; i++) {
		const struct block *blk = &v->mf->blocks[i].blk;

		for (r = 0; r < blk->nr_records; r++) {
			struct record rec;

			block_record(blk, r, &rec);
			if (record_versioned(&rec) && add_record(v, &rec))
				return -1;
		}
	}
	if (add_kernel_versions(v, v->mf->kernel.exports,
				v->mf->kernel.nr_exports,
				MODULE_TYPES_KEXPORT) ||
	    add_kernel_versions(v, v->mf->kernel.imports,
				v->mf->kernel.nr_imports,
				MODULE_TYPES_KIMPORT))
		return -1;
	sec = types_section(v->mf, &size);
	if (!sec) {
		if (asprintf(&v->what, "%s, which has no %s section", path,
			     SYMTAB_TYPES_SECTION) < 0)
			v->what = NULL;
		return v->what ? 0 : -1;
	}
	v->what = strdup(path);
	if (!v->what)
		return -1;
	if (explain_section_unpack(sec, size, path, &text, &len, &serr)) {
		report_error(&serr);
		return -1;
	}
	ret = explain_types_parse(text, len, path, &v->types, &serr);
	free(text);
	if (ret == -ENOMEM) {
		report_error(&serr);
		return -1;
	}
	if (ret) {
		message("%s (in its %s section)", serr.msg,
			SYMTAB_TYPES_SECTION);
		return -1;
	}
	return 0;
}

const struct record *module_types_find(const struct module_types *v,
				       const struct record *like)
{
	size_t i;

	for (i = 0; i < v->nr_rec; i++)
		if (v->rec[i].kind == like->kind &&
		    !strcmp(v->rec[i].name, like->name))
			return &v->rec[i];
	return NULL;
}
