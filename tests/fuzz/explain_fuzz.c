// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the explain library: the input is two symtypes
 * texts separated by a form feed (old, then new), or a .symtab_types
 * section.  Every entry point must either work or refuse cleanly.
 *
 * Built and run by tests/fuzz/explain-fuzz.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../user/explain/explain.h"

static void explain_pair(const char *a, size_t alen, const char *b,
			 size_t blen)
{
	struct explain_types *old, *new;
	struct symtab_error err;
	static FILE *null;
	int bad;

	bad = explain_types_parse(a, alen, "old", &old, &err);
	bad |= explain_types_parse(b, blen, "new", &new, &err);
	if (!null)
		null = fopen("/dev/null", "w");
	if (!bad) {
		struct explain_report *r;
		uint32_t crc;

		if (explain_report_new(&r, &err))
			abort();
		/* Out of memory aside, these cannot fail. */
		if (explain_all(r, old, new, &err) ||
		    explain_symbol(r, "f", 1, 2, old, "old", new, "new",
				   &err) ||
		    (!explain_types_crc(old, "f", &crc, NULL) &&
		     explain_symbol(r, "f", crc, crc + 1, old, "old", new,
				    "new", &err)) ||
		    explain_report_print(r, 0, null, &err) ||
		    explain_report_print(r, EXPLAIN_PER_SYMBOL, null, &err) ||
		    explain_report_print(r, EXPLAIN_JSON, null, &err))
			abort();
		explain_report_free(r);
	}
	explain_types_free(old);
	explain_types_free(new);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *ff = memchr(text, '\f', size);
	static const char *const syms[] = { "f", "g", "my_func" };
	struct symtab_error err;
	size_t len, missing;
	char *out;

	if (ff) {
		explain_pair(text, (size_t)(ff - text), ff + 1,
			     size - (size_t)(ff - text) - 1);
	} else {
		explain_pair(text, size, text, size);
		if (!explain_types_subset(text, size, "in", syms, 3, &out,
					  &len, &missing, &err))
			free(out);
	}
	if (explain_section_unpack(data, size, "sec", &out, &len, &err) == 0)
		free(out);
	return 0;
}
