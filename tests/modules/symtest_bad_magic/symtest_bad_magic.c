// SPDX-License-Identifier: GPL-2.0-only
/* symtab test: an import block with a bad magic; the load must fail, -ENOEXEC. */
#include <linux/module.h>
#include <symtest_bad.h>

SYMTEST_BAD_BLOCK(symtest_add, struct symtab_import_block) = {
	.hdr = { SYMTEST_HEADER(1), .magic = 0x21444142 },
	.rec = { .kind = SYMTAB_KIND_IMPORT, .name = "symtest_add" },
};

SYMTEST_NEEDS_SYMTAB;
SYMTEST_BAD_MODULE(symtest_bad_magic, "a bad magic");
