// SPDX-License-Identifier: GPL-2.0-only
/* The -r reference file and the changes reported against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "reference.h"
#include "symbols.h"
#include "util.h"

static bool loaded;
static struct symbol **changes;
static size_t nchanges, changes_cap;

/*
 * The next token of a dump line, split in place: words between blanks,
 * except that a string or character literal (`" or "`, `' '`) is one token.
 * The kernel's tool compares such a literal word by word, so each run of
 * blanks in it reads as one space.
 */
static char *next_token(char **pos)
{
	char *p = *pos, *start, *w;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (!*p) {
		*pos = p;
		return NULL;
	}
	start = w = p;
	if (*p == '"' || *p == '\'') {
		char quote = *p;

		*w++ = *p++;
		while (*p && *p != '\n' && *p != quote) {
			if (*p == ' ' || *p == '\t') {
				while (*p == ' ' || *p == '\t')
					p++;
				*w++ = ' ';
				continue;
			}
			if (*p == '\\' && p[1] && p[1] != '\n')
				*w++ = *p++;
			*w++ = *p++;
		}
	}
	while (*p && *p != ' ' && *p != '\t' && *p != '\n')
		*w++ = *p++;
	if (w < p)
		*w = 0;
	if (*p)
		*p++ = 0;
	*pos = p;
	return start;
}

/* One dump line: "[override ]name [extern ]tok tok ..." */
static void load_line(char *line, const char *path, unsigned int lineno)
{
	bool is_override = false, is_extern = false;
	enum sym_kind kind = SYM_NORMAL;
	struct tvec defn = { 0 };
	struct ident *name;
	char *tok, *pos = line;

	tok = next_token(&pos);
	if (!tok)
		return;
	if (!strcmp(tok, "override")) {
		is_override = true;
		tok = next_token(&pos);
		if (!tok) {
			diag_error(path, lineno, "no symbol after override");
			return;
		}
	}
	if (symtypes_kind_letter(tok[0]) && tok[1] == '#' && tok[2]) {
		kind = tok[0];
		tok += 2;
	}
	name = ident_intern(tok, strlen(tok));
	while ((tok = next_token(&pos))) {
		size_t len = strlen(tok);

		/* Structs too: -T writes `s#efi extern struct efi {...}`. */
		if (!defn.n && !is_extern && !strcmp(tok, "extern")) {
			is_extern = true;
			continue;
		}
		if (symtypes_kind_letter(tok[0]) && tok[1] == '#' && tok[2])
			tvec_push_ref(&defn, tok[0],
				      ident_intern(tok + 2, len - 2));
		else
			tvec_push(&defn, arena_strndup(tok, len), len);
	}
	sym_define_reference(kind, name, &defn, is_extern, is_override);
	tvec_free(&defn);
}

bool reference_load(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;

	if (!f) {
		fprintf(stderr, "genksyms: %s: %m\n", path);
		return false;
	}
	while (getline(&line, &cap, f) >= 0)
		load_line(line, path, ++lineno);
	free(line);
	fclose(f);
	loaded = true;
	return true;
}

void reference_begin_export(struct symbol *sym)
{
	nchanges = 0;
	reference_note_change(sym);
}

void reference_note_change(struct symbol *sym)
{
	if (!loaded || sym->status == STATUS_UNCHANGED)
		return;
	xarray_grow(&changes, &changes_cap, nchanges + 1, sizeof(*changes));
	changes[nchanges++] = sym;
}

uint32_t reference_end_export(struct symbol *sym, uint32_t crc,
			      const char *file, uint32_t line)
{
	size_t i;

	if (!nchanges)
		return crc;
	fprintf(stderr, "%s:%u: %s: %s: modversion changed because of changes in ",
		file, line, diag_flags.preserve ? "error" : "warning",
		sym->id->name);
	/* Latest first, as the kernel's tool lists them. */
	for (i = nchanges; i-- > 0;) {
		const struct symbol *c = changes[i];
		const char *label;

		if (i != nchanges - 1)
			fputs(", ", stderr);
		label = symtypes_kind_label((char)c->kind);
		if (label)
			fprintf(stderr, "%s ", label);
		fputs(c->id->name, stderr);
		if (c->status == STATUS_DEFINED)
			fputs(" (became defined)", stderr);
	}
	fputc('\n', stderr);
	if (diag_flags.preserve)
		diag_errors++;
	return crc;
}
