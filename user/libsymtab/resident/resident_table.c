// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/abi.h>
#include "../../common/array_grow.h"
#include "../module/block.h"
#include "resident_table.h"
#include "../formats/text_lines.h"
#include "../../common/whole_file.h"

#define SUFFIX_LEN	10	/* "_R" and 8 hex digits */

static bool hex_digits(const char *s, size_t n, uint64_t *value)
{
	size_t i;

	*value = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		*value = *value << 4 | d;
	}
	return n > 0;
}

bool versioned_name_split(const char *s, size_t len, char *name,
			  uint32_t *crc, bool *versioned)
{
	uint64_t value;

	*versioned = len > SUFFIX_LEN && s[len - SUFFIX_LEN] == '_' &&
		     s[len - SUFFIX_LEN + 1] == 'R' &&
		     hex_digits(s + len - 8, 8, &value);
	*crc = *versioned ? (uint32_t)value : 0;
	if (*versioned)
		len -= SUFFIX_LEN;
	if (len >= SYMTAB_NAME_LEN)
		return false;
	memcpy(name, s, len);
	name[len] = '\0';
	return symbol_name_valid(name);
}

static int add_symbol(struct resident_table *t,
		      const struct resident_symbol *sym)
{
	if (array_grow(&t->symbols, &t->cap, t->nr + 1, sizeof(*t->symbols)))
		return -ENOMEM;
	t->symbols[t->nr] = *sym;
	t->symbols[t->nr].name = strdup(sym->name);
	t->symbols[t->nr].module = strdup(sym->module);
	if (!t->symbols[t->nr].name || !t->symbols[t->nr].module) {
		free(t->symbols[t->nr].name);
		free(t->symbols[t->nr].module);
		return -ENOMEM;
	}
	t->nr++;
	return 0;
}

/* One line of /proc/symtab, into the table @arg (a text_line_fn). */
static int parse_line(void *arg, char *p, const char *file, unsigned int line,
		      struct symtab_error *err)
{
	char name[SYMTAB_NAME_LEN], *addr, *vname, *module, *end, *save;
	struct resident_symbol sym;

	addr = strtok_r(p, " \t", &save);
	if (!addr)
		return 0;
	vname = strtok_r(NULL, " \t", &save);
	module = strtok_r(NULL, " \t", &save);
	if (!vname || !module || strtok_r(NULL, " \t", &save) ||
	    strlen(addr) != 16 || !hex_digits(addr, 16, &sym.addr))
		goto malformed;
	if (!versioned_name_split(vname, strlen(vname), name, &sym.crc,
				  &sym.versioned))
		return error_set(err, EINVAL,
				 "%s:%u: '%s' is not a symbol name", file,
				 line, vname);
	end = module + strlen(module) - 1;
	if (module[0] != '[' || end <= module + 1 || *end != ']')
		goto malformed;
	*end = '\0';
	sym.name = name;
	sym.module = module + 1;
	if (add_symbol(arg, &sym))
		return error_set(err, ENOMEM, "%s: out of memory", file);
	return 0;
malformed:
	return error_set(err, EINVAL,
			 "%s:%u: expected '<16 hex digits> <name>[_R<crc>]\\t[<module>]'",
			 file, line);
}

static int by_name(const void *a, const void *b)
{
	const struct resident_symbol *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int resident_table_parse(struct resident_table *t, const char *file,
			 const char *text, size_t len,
			 struct symtab_error *err)
{
	int ret;

	ret = text_for_each_line(file, text, len, parse_line, t, err);
	if (ret) {
		resident_table_release(t);
		return ret;
	}
	if (t->nr)
		qsort(t->symbols, t->nr, sizeof(*t->symbols), by_name);
	return 0;
}

DEFINE_TEXT_LOADER(resident_table_load, struct resident_table, resident_table_parse)

static int name_cmp(const void *key, const void *elem)
{
	const struct resident_symbol *sym = elem;

	return strcmp(key, sym->name);
}

const struct resident_symbol *resident_table_find(const struct resident_table *t,
						  const char *name)
{
	if (!t->nr)
		return NULL;
	return bsearch(name, t->symbols, t->nr, sizeof(*t->symbols),
		       name_cmp);
}

void resident_table_release(struct resident_table *t)
{
	size_t i;

	for (i = 0; i < t->nr; i++) {
		free(t->symbols[i].name);
		free(t->symbols[i].module);
	}
	free(t->symbols);
	t->symbols = NULL;
	t->nr = 0;
	t->cap = 0;
}
