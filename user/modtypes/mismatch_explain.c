// SPDX-License-Identifier: GPL-2.0-only
/*
 * Explaining a refused import: the importer's stored types are the "old"
 * side (what it was built against), the provider's the "new" one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/message.h"
#include "mismatch_explain.h"
#include "module_types.h"

/* Each line of @text on stderr, indented under the refusal it explains. */
static void print_indented(const char *text)
{
	const char *nl;

	for (; *text; text = nl + 1) {
		nl = strchrnul(text, '\n');
		fprintf(stderr, "  because %.*s\n", (int)(nl - text), text);
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

typedef int (*explain_fn)(struct explain_report *r, const char *name,
			  uint32_t old_crc, uint32_t new_crc,
			  const struct explain_types *old, const char *old_what,
			  const struct explain_types *new, const char *new_what,
			  struct symtab_error *err);

/* Explain one symbol's CRC change with @fn, indented on stderr. */
static void explain_one(explain_fn fn, const char *name,
			uint32_t old_crc, uint32_t new_crc,
			const struct module_types *old,
			const struct module_types *new, const char *new_what)
{
	struct explain_report *report = NULL;
	struct symtab_error err;
	char *text = NULL;
	size_t len;
	FILE *f;

	if (explain_report_new(&report, &err))
		goto fail;
	f = open_memstream(&text, &len);
	if (!f) {
		error_set(&err, ENOMEM, "out of memory");
		goto fail;
	}
	if (fn(report, name, old_crc, new_crc, old->types, old->what,
	       new->types, new_what, &err) ||
	    explain_report_print(report, EXPLAIN_PER_SYMBOL, f, &err)) {
		fclose(f);
		goto fail;
	}
	if (!fclose(f) && text)
		print_indented(text);
	goto out;
fail:
	report_error(&err);
out:
	explain_report_free(report);
	free(text);
}

void explain_mismatch(const struct module_file *importer,
		      const struct import_resolution *res,
		      struct module_file *const *known, size_t nr)
{
	struct module_types old, new = { 0 };
	char *what = NULL, *provider_path;

	provider_path = res->provider_resident ?
			resident_file(res->provider, importer->path,
				      known, nr) :
			strdup(res->provider);
	if (module_types_open(&old, importer->path))
		goto out;
	if (provider_path && module_types_open(&new, provider_path))
		goto out;
	if (!provider_path &&
	    asprintf(&what, "module %s, whose file was not found",
		     res->provider) < 0)
		goto out;
	explain_one(explain_symbol, res->import.name, res->import.crc,
		    res->provider_crc, &old, &new,
		    provider_path ? new.what : what);
out:
	free(provider_path);
	free(what);
	module_types_free(&old);
	module_types_free(&new);
}

void explain_kernel_mismatch(const struct module_file *mf,
			     const struct kernel_import *res,
			     const char *rebuilt)
{
	struct module_types old = { 0 }, new = { 0 };

	if (!module_types_open(&old, mf->path) &&
	    !module_types_open(&new, rebuilt))
		explain_one(explain_import, res->name, res->want, res->have,
			    &old, &new, new.what);
	module_types_free(&new);
	module_types_free(&old);
}
