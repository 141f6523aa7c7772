// SPDX-License-Identifier: GPL-2.0-only
/*
 * Explaining refused imports: the importer's stored types are the "old"
 * side (what it was built against), the provider's the "new" one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/array_grow.h"
#include "../common/message.h"
#include "mismatch_explain.h"
#include "module_types.h"

/* A module file of the batch, read once. */
struct mismatch_view {
	char *path;
	struct module_types mt;
	bool ok;		/* false: unreadable, said once */
};

/*
 * Each line of @text on stderr, under the refusals it explains: a change
 * is "because ...", the lines about it (the symbols it is reached from)
 * are indented below it.
 */
static void print_indented(const char *text)
{
	const char *nl;

	for (; *text; text = nl + 1) {
		nl = strchrnul(text, '\n');
		fprintf(stderr, "  %s%.*s\n", *text == ' ' ? "" : "because ",
			(int)(nl - text), text);
		if (!*nl)
			break;
	}
}

/*
 * The file of the resident module @name, to free; NULL if not found:
 * modules.dep's, one of @known, or NAME.ko (or compressed) beside the
 * importer.
 */
static char *resident_file(const char *name, const char *importer,
			   struct module_file *const *known, size_t nr)
{
	static const char *const suffixes[] = {
		".ko", ".ko.xz", ".ko.zst", ".ko.gz",
	};
	char *path = module_path_by_name(name);
	const char *slash;
	char buf[256];
	size_t i;

	for (i = 0; !path && i < nr; i++)
		if (!module_name_of(known[i]->path, buf, sizeof(buf)) &&
		    !strcmp(buf, name))
			path = strdup(known[i]->path);
	if (path)
		return path;
	slash = strrchr(importer, '/');
	for (i = 0; i < sizeof(suffixes) / sizeof(*suffixes); i++) {
		if (asprintf(&path, "%.*s%s%s",
			     slash ? (int)(slash - importer + 1) : 0, importer,
			     name, suffixes[i]) < 0)
			return NULL;
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

/* @path's types, read on first use; NULL if it could not be (said once). */
static const struct module_types *batch_view(struct mismatch_batch *b,
					     const char *path)
{
	struct mismatch_view *v;
	size_t i;

	for (i = 0; i < b->nr_view; i++)
		if (!strcmp(b->view[i].path, path))
			return b->view[i].ok ? &b->view[i].mt : NULL;
	if (array_grow(&b->view, &b->alloc_view, b->nr_view + 1,
		       sizeof(*b->view))) {
		message("%s: out of memory", path);
		return NULL;
	}
	v = &b->view[b->nr_view];
	v->path = strdup(path);
	if (!v->path) {
		message("%s: out of memory", path);
		return NULL;
	}
	b->nr_view++;
	v->ok = !module_types_open(&v->mt, path);
	return v->ok ? &v->mt : NULL;
}

typedef int (*explain_fn)(struct explain_report *r, const char *name,
			  uint32_t old_crc, uint32_t new_crc,
			  const struct explain_types *old, const char *old_what,
			  const struct explain_types *new, const char *new_what,
			  struct symtab_error *err);

/* Add one symbol's CRC change, explained by @fn, to @b's report. */
static void batch_explain(struct mismatch_batch *b, explain_fn fn,
			  const char *name, uint32_t old_crc, uint32_t new_crc,
			  const struct module_types *old,
			  const struct module_types *new)
{
	struct symtab_error err;

	if (b->broken)
		return;
	if (!b->report && explain_report_new(&b->report, &err))
		goto fail;
	if (!fn(b->report, name, old_crc, new_crc, old->types, old->what,
		new->types, new->what, &err))
		return;
fail:
	/* After a failure the report may only be freed: the rest go too. */
	report_error(&err);
	explain_report_free(b->report);
	b->report = NULL;
	b->broken = true;
}

void mismatch_batch_add(struct mismatch_batch *b,
			const struct module_file *importer,
			const struct import_resolution *res,
			struct module_file *const *known, size_t nr)
{
	const struct module_types *old, *new = NULL;
	struct module_types missing = { 0 };
	char *provider_path;

	old = batch_view(b, importer->path);
	if (!old)
		return;
	provider_path = res->provider_resident ?
			resident_file(res->provider, importer->path,
				      known, nr) :
			strdup(res->provider);
	if (provider_path)
		new = batch_view(b, provider_path);
	else if (asprintf(&missing.what, "module %s, whose file was not found",
			  res->provider) >= 0)
		new = &missing;
	if (new)
		batch_explain(b, explain_symbol, res->import.name,
			      res->import.crc, res->provider_crc, old, new);
	free(missing.what);
	free(provider_path);
}

void mismatch_batch_add_kernel(struct mismatch_batch *b,
			       const struct module_file *mf,
			       const struct kernel_import *res,
			       const char *rebuilt)
{
	const struct module_types *old, *new;

	old = batch_view(b, mf->path);
	new = old ? batch_view(b, rebuilt) : NULL;
	if (new)
		batch_explain(b, explain_import, res->name, res->want,
			      res->have, old, new);
}

void mismatch_batch_release(struct mismatch_batch *b)
{
	size_t i;

	for (i = 0; i < b->nr_view; i++) {
		module_types_free(&b->view[i].mt);
		free(b->view[i].path);
	}
	free(b->view);
	explain_report_free(b->report);
	memset(b, 0, sizeof(*b));
}

void mismatch_batch_print(struct mismatch_batch *b)
{
	struct symtab_error err;
	char *text = NULL;
	size_t len;
	FILE *f;

	if (!b->report)
		goto out;
	f = open_memstream(&text, &len);
	if (!f) {
		message("out of memory");
		goto out;
	}
	if (explain_report_print(b->report, 0, f, &err)) {
		fclose(f);
		report_error(&err);
		goto out;
	}
	if (!fclose(f) && text)
		print_indented(text);
out:
	free(text);
	mismatch_batch_release(b);
}

void explain_mismatch(const struct module_file *importer,
		      const struct import_resolution *res,
		      struct module_file *const *known, size_t nr)
{
	struct mismatch_batch b = MISMATCH_BATCH_INIT;

	mismatch_batch_add(&b, importer, res, known, nr);
	mismatch_batch_print(&b);
}
