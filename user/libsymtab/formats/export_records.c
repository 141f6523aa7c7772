// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/abi.h>

#include "../../common/array_grow.h"
#include "../module/block.h"
#include "export_records.h"
#include "text_lines.h"
#include "../../common/whole_file.h"

#define BLANKS	" \t\r"

static const char module_name_chars[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

/* Is @s a module name (letters, digits, '_' and '-', shorter than 56)? */
static bool module_name_valid(const char *s)
{
	size_t n = strlen(s);

	return n && n < MODULE_NAME_MAX && strspn(s, module_name_chars) == n;
}

/* "0x" and one to eight hex digits. */
static bool parse_crc(const char *s, uint32_t *crc)
{
	size_t n = strlen(s);
	char *end;

	if (n < 3 || n > 10 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') ||
	    strspn(s + 2, "0123456789abcdefABCDEF") != n - 2)
		return false;
	*crc = (uint32_t)strtoul(s + 2, &end, 16);
	return true;
}

static int add_record(struct export_records *er, const char *symbol,
		      const char *module, uint32_t crc)
{
	struct export_record *r;

	if (array_grow(&er->recs, &er->cap, er->nr + 1, sizeof(*r)))
		return -ENOMEM;
	r = &er->recs[er->nr];
	r->symbol = strdup(symbol);
	r->module = strdup(module);
	r->crc = crc;
	if (!r->symbol || !r->module) {
		free(r->symbol);
		free(r->module);
		return -ENOMEM;
	}
	er->nr++;
	return 0;
}

static int parse_line(void *arg, char *line, const char *file,
		      unsigned int lineno, struct symtab_error *err)
{
	struct export_records *er = arg;
	char *save = NULL, *crc_s, *symbol, *module;
	uint32_t crc;

	crc_s = strtok_r(line, BLANKS, &save);
	if (!crc_s || crc_s[0] == '#')
		return 0;
	symbol = strtok_r(NULL, BLANKS, &save);
	module = symbol ? strtok_r(NULL, BLANKS, &save) : NULL;
	if (!module)
		return error_set(err, EINVAL,
				 "%s:%u: expected '0x<crc> <symbol> <module>'",
				 file, lineno);
	if (!parse_crc(crc_s, &crc))
		return error_set(err, EINVAL,
				 "%s:%u: '%s' is not a CRC (0x and 1 to 8 hex digits)",
				 file, lineno, crc_s);
	if (strlen(symbol) >= SYMTAB_NAME_LEN || !symbol_name_valid(symbol))
		return error_set(err, EINVAL,
				 "%s:%u: '%s' is not a symbol name (a C identifier of at most %d characters)",
				 file, lineno, symbol, SYMTAB_NAME_LEN - 1);
	if (!module_name_valid(module))
		return error_set(err, EINVAL,
				 "%s:%u: '%s' is not a module name (letters, digits, '_' and '-', at most %d characters)",
				 file, lineno, module, MODULE_NAME_MAX - 1);
	if (add_record(er, symbol, module, crc))
		return error_set(err, ENOMEM, "%s: out of memory", file);
	return 0;
}

/* Parse @len bytes read from @file; add their records to @er. */
static int export_records_parse(struct export_records *er, const char *file,
			 const char *text, size_t len,
			 struct symtab_error *err)
{
	return text_for_each_line(file, text, len, parse_line, er, err);
}

DEFINE_TEXT_LOADER(export_records_load, struct export_records,
		   export_records_parse)

const struct export_record *export_records_find(const struct export_records *er,
						const char *symbol,
						uint32_t crc)
{
	const struct export_record *any = NULL;
	size_t i;

	for (i = 0; i < er->nr; i++) {
		if (strcmp(er->recs[i].symbol, symbol))
			continue;
		if (er->recs[i].crc == crc)
			return &er->recs[i];
		if (!any)
			any = &er->recs[i];
	}
	return any;
}

void export_records_release(struct export_records *er)
{
	size_t i;

	for (i = 0; i < er->nr; i++) {
		free(er->recs[i].symbol);
		free(er->recs[i].module);
	}
	free(er->recs);
	*er = (struct export_records)EXPORT_RECORDS_INIT;
}
