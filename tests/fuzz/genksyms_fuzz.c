// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for genksyms: any byte string is a preprocessed C file.
 * It must neither crash nor trip ASan/UBSan, and each run starts from an
 * empty symbol table.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "export.h"
#include "ident.h"
#include "lexer.h"
#include "parser.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;

	if (!sink)
		sink = fopen("/dev/null", "w");
	arena_reset();
	ident_init();
	diag_flags = (struct diag_flags){ .quiet = true };
	diag_errors = 0;
	export_options.out = sink;
	export_options.dump_types = sink;
	lexer_open_buffer((const char *)data, size);
	parse_translation_unit();
	lexer_close();
	return 0;
}
