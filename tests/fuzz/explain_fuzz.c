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
	char err[EXPLAIN_ERR_LEN];
	struct explain_types *old = explain_types_parse(a, alen, "old", err);
	struct explain_types *new = explain_types_parse(b, blen, "new", err);
	static FILE *null;

	if (!null)
		null = fopen("/dev/null", "w");
	if (old && new) {
		struct explain_report *r = explain_report_new();
		uint32_t crc;

		explain_all(r, old, new);
		explain_symbol(r, "f", 1, 2, old, "old", new, "new");
		if (explain_types_crc(old, "f", &crc))
			explain_symbol(r, "f", crc, crc + 1, old, "old", new,
				       "new");
		explain_report_print(r, 0, null);
		explain_report_print(r, EXPLAIN_PER_SYMBOL, null);
		explain_report_print(r, EXPLAIN_JSON, null);
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
	char err[EXPLAIN_ERR_LEN], *out;
	size_t len, missing;

	if (ff) {
		explain_pair(text, (size_t)(ff - text), ff + 1,
			     size - (size_t)(ff - text) - 1);
	} else {
		explain_pair(text, size, text, size);
		out = explain_types_subset(text, size, "in", syms, 3, &len,
					   &missing, err);
		free(out);
	}
	if (explain_section_unpack(data, size, "sec", &out, &len, err) == 0)
		free(out);
	return 0;
}
