// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "module_symvers.h"
#include "../../common/whole_file.h"

#define SYMVERS_FIELDS	5

char *kernel_symvers_path(const char *release)
{
	char *path;

	if (asprintf(&path, "/lib/modules/%s/build/Module.symvers",
		     release) < 0)
		return NULL;
	return path;
}

/* Split @line at tabs into at most SYMVERS_FIELDS fields. */
static size_t split_fields(char *line, char **field)
{
	size_t n = 0;

	field[n++] = line;
	while (n < SYMVERS_FIELDS && (line = strchr(line, '\t'))) {
		*line++ = '\0';
		field[n++] = line;
	}
	return n;
}

static int parse_line(char *line, const char *file, size_t lineno,
		      struct symvers_entry *e, struct symtab_error *err)
{
	char *field[SYMVERS_FIELDS], *end;
	unsigned long crc;
	size_t n = split_fields(line, field);

	if (n < 4 || strncmp(field[0], "0x", 2) || !*field[1] ||
	    strncmp(field[3], "EXPORT_SYMBOL", strlen("EXPORT_SYMBOL")))
		return error_set(err, ENOEXEC,
				 "%s:%zu: expected '0x<crc>\\t<symbol>\\t<module>\\tEXPORT_SYMBOL[_GPL]\\t[<namespace>]'",
				 file, lineno);
	errno = 0;
	crc = strtoul(field[0] + 2, &end, 16);
	if (errno || *end || end == field[0] + 2 || crc > UINT32_MAX)
		return error_set(err, ENOEXEC, "%s:%zu: bad CRC for %s",
				 file, lineno, field[1]);
	e->name = field[1];
	e->crc = crc;
	e->module = field[2];
	e->gpl_only = strstr(field[3], "_GPL") != NULL;
	e->ns = n == SYMVERS_FIELDS ? field[4] : "";
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct symvers_entry *)a)->name,
		      ((const struct symvers_entry *)b)->name);
}

int kernel_symvers_parse(struct kernel_symvers *ks, const char *file,
			 const char *text, size_t len,
			 struct symtab_error *err)
{
	size_t lines = 1, lineno = 0, i;
	char *line, *next;
	int ret;

	if (memchr(text, '\0', len))
		return error_set(err, ENOEXEC,
				 "%s: a NUL byte: not a Module.symvers text file",
				 file);
	ks->text = malloc(len + 1);
	if (!ks->text)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	memcpy(ks->text, text, len);
	ks->text[len] = '\0';
	for (i = 0; i < len; i++)
		lines += ks->text[i] == '\n';
	ks->entries = calloc(lines, sizeof(*ks->entries));
	if (!ks->entries)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	for (line = ks->text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (!*line)
			continue;
		ret = parse_line(line, file, lineno, &ks->entries[ks->nr],
				 err);
		if (ret)
			return ret;
		ks->nr++;
	}
	qsort(ks->entries, ks->nr, sizeof(*ks->entries), by_name);
	return 0;
}

DEFINE_TEXT_LOADER(kernel_symvers_load, struct kernel_symvers, kernel_symvers_parse)

const struct symvers_entry *kernel_symvers_find(const struct kernel_symvers *ks,
						const char *name)
{
	struct symvers_entry key = { .name = name };

	if (!ks->nr)
		return NULL;
	return bsearch(&key, ks->entries, ks->nr, sizeof(*ks->entries),
		       by_name);
}

void kernel_symvers_release(struct kernel_symvers *ks)
{
	free(ks->entries);
	free(ks->text);
	memset(ks, 0, sizeof(*ks));
}
