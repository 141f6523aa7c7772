// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "text_lines.h"

int text_for_each_line(const char *file, const char *text, size_t len,
		       text_line_fn fn, void *arg, struct symtab_error *err)
{
	char *copy, *p, *eol;
	unsigned int line = 0;
	int ret = 0;

	if (memchr(text, '\0', len))
		return error_set(err, EINVAL, "%s: contains NUL bytes", file);
	copy = strndup(text, len);
	if (!copy)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	for (p = copy; !ret && *p; p = eol) {
		eol = strchrnul(p, '\n');
		if (*eol)
			*eol++ = '\0';
		ret = fn(arg, p, file, ++line, err);
	}
	free(copy);
	return ret;
}
