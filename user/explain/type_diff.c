// SPDX-License-Identifier: GPL-2.0-only
/*
 * A changed type's old and new definitions as a diff, a line a member
 * (`symtab kabi compare --format pretty`): the lines both share are
 * matched by a longest common subsequence, and only the changed ones are
 * shown, with a line of context either side.
 */
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"
#include "explain.h"
#include "report.h"

#define CONTEXT	1
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* "struct foo" -> "s#foo"; NULL for what is not a type. */
static char *key_of(const char *label)
{
	static const struct { const char *word; char kind; } kinds[] = {
		{ "struct ", 's' }, { "union ", 'u' }, { "enum constant ", 'E' },
		{ "enum ", 'e' }, { "typedef ", 't' },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		size_t n = strlen(kinds[i].word);

		if (!strncmp(label, kinds[i].word, n))
			return ex_asprintf("%c#%s", kinds[i].kind, label + n);
	}
	return NULL;
}

/* The definition, split after '{' and ';' and before '}'. */
static size_t split_lines(const char *const *tok, size_t ntok, char ***lines)
{
	size_t i, n = 0, len = 0;
	char *cur = NULL;

	*lines = ex_calloc(ntok + 2, sizeof(**lines));
	for (i = 0; i < ntok; i++) {
		size_t tl = strlen(tok[i]);
		bool close = !strcmp(tok[i], "}");

		if (close && cur) {
			(*lines)[n++] = cur;
			cur = NULL;
		}
		if (!cur) {
			cur = ex_strdup("");
			len = 0;
		}
		cur = ex_realloc(cur, len + tl + 2);
		if (len)
			cur[len++] = ' ';
		memcpy(cur + len, tok[i], tl + 1);
		len += tl;
		if (!strcmp(tok[i], "{") || !strcmp(tok[i], ";")) {
			(*lines)[n++] = cur;
			cur = NULL;
		}
	}
	if (cur)
		(*lines)[n++] = cur;
	return n;
}

static void free_lines(char **lines, size_t n)
{
	while (n--)
		free(lines[n]);
	free(lines);
}

void print_type_diff(const struct explain_report *r, const char *sym,
		     const char *label, FILE *out)
{
	const char *const *ot, *const *nt;
	char **a, **b, *key = key_of(label), *op;
	size_t na, nb, i, j, k, nop = 0, *lcs, w;
	bool *show;

	if (!key || !explain_types_def(r->old_t, sym, key, &ot, &na) ||
	    !explain_types_def(r->new_t, sym, key, &nt, &nb)) {
		free(key);
		return;
	}
	free(key);
	na = split_lines(ot, na, &a);
	nb = split_lines(nt, nb, &b);
	/* lcs[i][j]: longest common subsequence of a[i..] and b[j..]. */
	w = nb + 1;
	lcs = ex_calloc((na + 1) * w, sizeof(*lcs));
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			lcs[i * w + j] = !strcmp(a[i], b[j]) ?
				lcs[(i + 1) * w + j + 1] + 1 :
				lcs[(i + 1) * w + j] > lcs[i * w + j + 1] ?
				lcs[(i + 1) * w + j] : lcs[i * w + j + 1];
	/* The edit script: ' ' kept, '-' old only, '+' new only. */
	op = ex_malloc(na + nb + 1);
	for (i = j = 0; i < na || j < nb;) {
		if (i < na && j < nb && !strcmp(a[i], b[j])) {
			op[nop++] = ' ';
			i++;
			j++;
		} else if (j < nb && (i == na ||
			   lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
			op[nop++] = '+';
			j++;
		} else {
			op[nop++] = '-';
			i++;
		}
	}
	show = ex_calloc(nop + 1, sizeof(*show));
	for (k = 0; k < nop; k++)
		if (op[k] != ' ')
			for (i = k > CONTEXT ? k - CONTEXT : 0;
			     i <= k + CONTEXT && i < nop; i++)
				show[i] = true;
	fprintf(out, "  %s, old -> new:\n", label);
	for (k = i = j = 0; k < nop; k++) {
		const char *line = op[k] == '+' ? b[j] : a[i];

		if (show[k])
			fprintf(out, "   %c %s\n", op[k], line);
		else if (k && show[k - 1])
			fputs("     ...\n", out);
		i += op[k] != '+';
		j += op[k] != '-';
	}
	free(show);
	free(op);
	free(lcs);
	free_lines(a, na);
	free_lines(b, nb);
}
