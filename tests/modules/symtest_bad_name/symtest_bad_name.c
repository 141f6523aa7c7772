// SPDX-License-Identifier: GPL-2.0-only
/* symtab test: an import block with a name without NUL; the load must fail, -ENOEXEC. */
#include <linux/module.h>
#include <symtest_bad.h>

/* 64 characters fill the name: no room for the NUL. */
SYMTEST_BAD_BLOCK(symtest_add, struct symtab_import_block) = {
	.hdr = { SYMTEST_HEADER(1) },
	.rec = {
		.kind = SYMTAB_KIND_IMPORT,
		.name = "symtest_add_symtest_add_symtest_add_symtest_add_symtest_add_symt",
	},
};

SYMTEST_NEEDS_SYMTAB;
SYMTEST_BAD_MODULE(symtest_bad_name, "a name without NUL");
