// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../common/whole_file.h"
#include "../explain/explain.h"
#include "module_types_pack.h"

/* The units' text, separated by an empty line, packed. */
int module_types_pack(char *const *files, size_t nr, void **section,
		      size_t *len, struct symtab_error *err)
{
	unsigned char *unit;
	char *text = NULL, *grown;
	size_t i, size, total = 0;
	int ret;

	for (i = 0; i < nr; i++) {
		ret = read_whole_file(files[i], &unit, &size, err);
		if (ret) {
			free(text);
			return ret;
		}
		while (size && unit[size - 1] == '\n')
			size--;
		grown = realloc(text, total + size + 2);
		if (!grown) {
			free(unit);
			free(text);
			return error_set(err, ENOMEM, "out of memory");
		}
		text = grown;
		memcpy(text + total, unit, size);
		total += size;
		text[total++] = '\n';
		if (i + 1 < nr)
			text[total++] = '\n';
		free(unit);
	}
	ret = explain_section_pack(text ? text : "", total, section, len, err);
	free(text);
	return ret;
}
