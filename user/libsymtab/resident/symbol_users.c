// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/array_grow.h"
#include "symbol_users.h"
#include "../formats/text_lines.h"
#include "../../common/whole_file.h"

static int add_use(struct symbol_users *u, char *fields[3])
{
	struct symbol_use *use;

	if (array_grow(&u->uses, &u->cap, u->nr + 1, sizeof(*use)))
		return -ENOMEM;
	use = &u->uses[u->nr];
	use->user = strdup(fields[0]);
	use->exporter = strdup(fields[1]);
	use->symbol = strdup(fields[2]);
	if (!use->user || !use->exporter || !use->symbol) {
		free(use->user);
		free(use->exporter);
		free(use->symbol);
		return -ENOMEM;
	}
	u->nr++;
	return 0;
}

/* One line of /proc/symtab_users, into the uses @arg (a text_line_fn). */
static int parse_line(void *arg, char *p, const char *file, unsigned int line,
		      struct symtab_error *err)
{
	char *fields[4], *save;
	int i;

	fields[0] = strtok_r(p, " \t", &save);
	if (!fields[0])
		return 0;
	for (i = 1; i < 4; i++)
		fields[i] = strtok_r(NULL, " \t", &save);
	if (!fields[2] || fields[3])
		return error_set(err, EINVAL,
				 "%s:%u: expected '<user>\\t<exporter>\\t<symbol>'",
				 file, line);
	if (add_use(arg, fields))
		return error_set(err, ENOMEM, "%s: out of memory", file);
	return 0;
}

int symbol_users_parse(struct symbol_users *u, const char *file,
		       const char *text, size_t len, struct symtab_error *err)
{
	int ret;

	ret = text_for_each_line(file, text, len, parse_line, u, err);
	if (ret)
		symbol_users_release(u);
	return ret;
}

DEFINE_TEXT_LOADER(symbol_users_load, struct symbol_users, symbol_users_parse)

/* Has an earlier use told us the same (user, symbol)? */
static bool seen(const struct symbol_users *u, size_t n, const char *exporter,
		 const char *user, const char *symbol)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(u->uses[i].exporter, exporter) &&
		    !strcmp(u->uses[i].user, user) &&
		    (!symbol || !strcmp(u->uses[i].symbol, symbol)))
			return true;
	return false;
}

size_t symbol_users_of(const struct symbol_users *u, const char *exporter,
		       void (*fn)(void *ctx, const char *user,
				  const char *symbols),
		       void *ctx)
{
	char *list;
	size_t i, j, len, users = 0;

	for (i = 0; i < u->nr; i++) {
		const char *user = u->uses[i].user;

		if (strcmp(u->uses[i].exporter, exporter) ||
		    seen(u, i, exporter, user, NULL))
			continue;
		users++;
		len = 1;
		for (j = i; j < u->nr; j++)
			len += strlen(u->uses[j].symbol) + 2;
		list = malloc(len);
		if (!list) {
			fn(ctx, user, "?");
			continue;
		}
		list[0] = '\0';
		for (j = i; j < u->nr; j++) {
			if (strcmp(u->uses[j].exporter, exporter) ||
			    strcmp(u->uses[j].user, user) ||
			    seen(u, j, exporter, user, u->uses[j].symbol))
				continue;
			if (list[0])
				strcat(list, ", ");
			strcat(list, u->uses[j].symbol);
		}
		fn(ctx, user, list);
		free(list);
	}
	return users;
}

void symbol_users_release(struct symbol_users *u)
{
	size_t i;

	for (i = 0; i < u->nr; i++) {
		free(u->uses[i].user);
		free(u->uses[i].exporter);
		free(u->uses[i].symbol);
	}
	free(u->uses);
	u->uses = NULL;
	u->nr = 0;
	u->cap = 0;
}
