// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading a module's versioned names and its .symtab_types section
 * (see <symtab/types_section.h>) for explanations.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "../common/array_grow.h"
#include "../common/message.h"
#include "module_types.h"

void module_types_free(struct module_types *v)
{
	module_file_free(v->mf);
	free(v->ver);
	explain_types_free(v->types);
	free(v->what);
}

static int add_version(struct module_types *v, size_t *alloc,
		       enum module_version_origin origin, uint32_t crc,
		       const char *name)
{
	struct module_version *ver;

	if (strlen(name) >= sizeof(ver->name))
		return 0;
	if (array_grow(&v->ver, alloc, v->nr_ver + 1,
		       sizeof(*v->ver))) {
		message("%s: out of memory", v->mf->path);
		return -1;
	}
	ver = &v->ver[v->nr_ver++];
	ver->origin = origin;
	ver->crc = crc;
	strcpy(ver->name, name);
	return 0;
}

static int add_kernel_versions(struct module_types *v, size_t *alloc,
			       const struct kernel_version *kv, size_t nr,
			       enum module_version_origin origin)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (kv[i].versioned &&
		    add_version(v, alloc, origin, kv[i].crc, kv[i].name))
			return -1;
	return 0;
}

static int add_records(struct module_types *v, size_t *alloc)
{
	size_t i;
	uint32_t r;

	for (i = 0; i < v->mf->nr_blocks; i++) {
		const struct block *blk = &v->mf->blocks[i].blk;

		for (r = 0; r < blk->nr_records; r++) {
			struct record rec;

			block_record(blk, r, &rec);
			if (record_versioned(&rec) &&
			    add_version(v, alloc,
					rec.kind == SYMTAB_KIND_IMPORT ?
					MODULE_VERSION_IMPORT :
					MODULE_VERSION_EXPORT,
					rec.crc, rec.name))
				return -1;
		}
	}
	return 0;
}

int module_types_open(struct module_types *v, const char *path)
{
	const unsigned char *sec;
	struct symtab_error serr;
	size_t size, len, alloc = 0;
	char *text;
	int ret;

	memset(v, 0, sizeof(*v));
	if (module_file_open(path, &v->mf, &serr)) {
		report_error(&serr);
		return -1;
	}
	if (add_records(v, &alloc) ||
	    add_kernel_versions(v, &alloc, v->mf->kernel.exports,
				v->mf->kernel.nr_exports,
				MODULE_VERSION_KERNEL_EXPORT) ||
	    add_kernel_versions(v, &alloc, v->mf->kernel.imports,
				v->mf->kernel.nr_imports,
				MODULE_VERSION_KERNEL_IMPORT))
		return -1;
	sec = section_find(v->mf, SYMTAB_TYPES_SECTION, &size);
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

/* The versioned name @name of @origin in @v, or NULL. */
static const struct module_version *
module_types_find(const struct module_types *v,
		  enum module_version_origin origin, const char *name)
{
	size_t i;

	for (i = 0; i < v->nr_ver; i++)
		if (v->ver[i].origin == origin && !strcmp(v->ver[i].name, name))
			return &v->ver[i];
	return NULL;
}

int module_types_explain(struct explain_report *r,
			 const struct module_types *old,
			 const struct module_types *new,
			 struct symtab_error *err)
{
	size_t i;
	int ret;

	for (i = 0; i < old->nr_ver; i++) {
		const struct module_version *o = &old->ver[i];
		const struct module_version *n;

		n = module_types_find(new, o->origin, o->name);
		/* Each (origin, name) once, even if several tables list it. */
		if (!n || n->crc == o->crc ||
		    module_types_find(old, o->origin, o->name) != o)
			continue;
		ret = (o->origin == MODULE_VERSION_KERNEL_IMPORT ?
		       explain_import : explain_symbol)(r, o->name, o->crc,
							n->crc, old->types,
							old->what, new->types,
							new->what, err);
		if (ret)
			return ret;
	}
	return 0;
}
