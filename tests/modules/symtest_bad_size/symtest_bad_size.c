// SPDX-License-Identifier: GPL-2.0-only
/* symtab test: an import block with a wrong record size; the load must fail, -ENOEXEC. */
#include <linux/module.h>
#include <symtest_bad.h>

SYMTEST_BAD_BLOCK(symtest_add, struct symtab_import_block) = {
	.hdr = { SYMTEST_HEADER(1), .record_size = 72 },
	.rec = { .kind = SYMTAB_KIND_IMPORT, .name = "symtest_add" },
};

SYMTEST_NEEDS_SYMTAB;
SYMTEST_BAD_MODULE(symtest_bad_size, "a wrong record size");
