// SPDX-License-Identifier: GPL-2.0-only
/*
 * Explaining a refused import: the importer's stored types are the "old"
 * side (what it was built against), the provider's the "new" one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "kernel_check.h"
#include "kernel_modules.h"
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
 * modules.dep's, one of @known, or NAME.ko beside the importer.
 */
static char *resident_file(const char *name, const char *importer,
			   struct module_file *const *known, size_t nr)
{
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
	if (asprintf(&path, "%.*s%s.ko", slash ? (int)(slash - importer + 1) : 0,
		     importer, name) < 0)
		return NULL;
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

void explain_mismatch(const struct module_file *importer,
		      const struct import_resolution *res,
		      struct module_file *const *known, size_t nr)
{
	struct module_types old, new = { 0 };
	struct explain_report *report = NULL;
	char *text = NULL, *what = NULL, *provider_path;
	size_t len;
	FILE *f;

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
	report = explain_report_new();
	f = open_memstream(&text, &len);
	if (report && f) {
		explain_symbol(report, res->import.name, res->import.crc,
			       res->provider_crc, old.types, old.what,
			       new.types, provider_path ? new.what : what);
		explain_report_print(report, false, f);
	}
	if (f && !fclose(f) && text)
		print_indented(text);
out:
	explain_report_free(report);
	free(provider_path);
	free(text);
	free(what);
	module_types_free(&old);
	module_types_free(&new);
}

void explain_kernel_mismatch(const struct module_file *mf,
			     const struct kernel_import *res,
			     const char *rebuilt)
{
	struct module_types old, new;
	struct explain_report *report = NULL;
	char *text = NULL;
	size_t len;
	FILE *f;

	if (module_types_open(&old, mf->path))
		goto out_old;
	if (module_types_open(&new, rebuilt))
		goto out;
	report = explain_report_new();
	f = open_memstream(&text, &len);
	if (report && f) {
		explain_import(report, res->name, res->want, res->have,
			       old.types, old.what, new.types, new.what);
		explain_report_print(report, false, f);
	}
	if (f && !fclose(f) && text)
		print_indented(text);
out:
	module_types_free(&new);
out_old:
	module_types_free(&old);
	explain_report_free(report);
	free(text);
}
