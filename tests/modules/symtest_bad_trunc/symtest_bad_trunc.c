// SPDX-License-Identifier: GPL-2.0-only
/* symtab test: an import block with a truncated record; the load must fail, -ENOEXEC. */
#include <linux/module.h>
#include <symtest_bad.h>

/* The header and 40 bytes of the record: the object ends inside it. */
struct symtest_truncated {
	struct symtab_abi_header hdr;
	struct {
		u32 crc;
		u8 kind;
		u8 flags;
		u16 reserved;
		u64 addr;
		char name[24];
	} rec;
};

SYMTEST_BAD_BLOCK(symtest_add, struct symtest_truncated) = {
	.hdr = { SYMTEST_HEADER(1) },
	.rec = { .kind = SYMTAB_KIND_IMPORT, .name = "symtest_add" },
};

SYMTEST_NEEDS_SYMTAB;
SYMTEST_BAD_MODULE(symtest_bad_trunc, "a truncated record");
