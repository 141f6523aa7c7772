// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "loaded_symbols.h"
#include "../../common/whole_file.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct loaded_symbol *)a)->name,
		      ((const struct loaded_symbol *)b)->name);
}

/* "addr T name\t[module]": global symbols of modules only. */
static bool parse_line(char *line, struct loaded_symbol *sym)
{
	char *type, *name, *module, *end;

	type = strchr(line, ' ');
	if (!type || !isupper((unsigned char)type[1]) || type[2] != ' ')
		return false;
	name = type + 3;
	module = strstr(name, "\t[");
	if (!module)
		return false;
	*module = '\0';
	module += 2;
	end = strchr(module, ']');
	if (!end || !*name)
		return false;
	*end = '\0';
	sym->name = name;
	sym->module = module;
	return true;
}

int loaded_symbols_parse(struct loaded_symbols *ls,
			 const char *path __attribute__((unused)),
			 const char *text, size_t len, struct symtab_error *err)
{
	size_t lines = 1, i;
	char *line, *next;

	ls->text = malloc(len + 1);
	if (!ls->text)
		return error_set(err, ENOMEM, "out of memory");
	memcpy(ls->text, text, len);
	ls->text[len] = '\0';
	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	ls->syms = calloc(lines, sizeof(*ls->syms));
	if (!ls->syms)
		return error_set(err, ENOMEM, "out of memory");
	for (line = ls->text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		ls->nr += parse_line(line, &ls->syms[ls->nr]);
	}
	if (ls->nr)
		qsort(ls->syms, ls->nr, sizeof(*ls->syms), by_name);
	return 0;
}

DEFINE_TEXT_LOADER(loaded_symbols_load, struct loaded_symbols, loaded_symbols_parse)

const char *loaded_symbols_module(const struct loaded_symbols *ls,
				  const char *name)
{
	struct loaded_symbol key = { .name = name }, *found;

	if (!ls->nr)
		return NULL;
	found = bsearch(&key, ls->syms, ls->nr, sizeof(*ls->syms), by_name);
	return found ? found->module : NULL;
}

void loaded_symbols_release(struct loaded_symbols *ls)
{
	free(ls->syms);
	free(ls->text);
	memset(ls, 0, sizeof(*ls));
}
