// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "block.h"
#include "bytes.h"

_Static_assert(sizeof(struct symtab_abi_header) == BLOCK_HEADER_SIZE,
	       "abi.h header size");
_Static_assert(sizeof(struct symtab_abi_record) == BLOCK_RECORD_SIZE,
	       "abi.h record size");
_Static_assert(offsetof(struct symtab_abi_header, count) == BLOCK_HDR_COUNT,
	       "abi.h count offset");
_Static_assert(offsetof(struct symtab_abi_header, imports) == BLOCK_HDR_IMPORTS,
	       "abi.h imports offset");
_Static_assert(offsetof(struct symtab_abi_record, flags) == BLOCK_REC_FLAGS,
	       "abi.h flags offset");
_Static_assert(offsetof(struct symtab_abi_record, addr) == BLOCK_REC_ADDR,
	       "abi.h addr offset");
_Static_assert(offsetof(struct symtab_abi_record, name) == BLOCK_REC_NAME,
	       "abi.h name offset");

bool block_has_magic(const unsigned char *bytes, size_t size)
{
	return size >= 8 && get_le32(bytes) == SYMTAB_ABI_MAGIC &&
	       get_le16(bytes + 4) == SYMTAB_ABI_FORMAT &&
	       get_le16(bytes + 6) == BLOCK_RECORD_SIZE;
}

bool symbol_name_valid(const char *s)
{
	return symtab_abi_name_valid(s);
}

const char *record_kind_name(uint8_t kind)
{
	switch (kind) {
	case SYMTAB_KIND_END:
		return "end";
	case SYMTAB_KIND_EXPORT:
		return "export";
	case SYMTAB_KIND_IMPORT:
		return "import";
	}
	return "unknown";
}

static void decode_record(const unsigned char *p, struct record *rec)
{
	rec->crc = get_le32(p + BLOCK_REC_CRC);
	rec->kind = p[BLOCK_REC_KIND];
	rec->flags = p[BLOCK_REC_FLAGS];
	rec->addr = get_le64(p + BLOCK_REC_ADDR);
	memcpy(rec->name, p + BLOCK_REC_NAME, SYMTAB_NAME_LEN);
	rec->name[SYMTAB_NAME_LEN - 1] = '\0';
}

/*
 * The rules are symtab.ko's (include/symtab/abi_check.h); the first record
 * tells an import block from an export table.
 */
int block_parse(struct block *blk, const unsigned char *bytes, size_t size,
		const char *what, struct symtab_error *err)
{
	unsigned int kind = SYMTAB_KIND_EXPORT;
	char why[SYMTAB_ABI_WHY_LEN];
	struct symtab_abi_verdict v;
	__u32 nr;

	if (size >= block_record_offset(1) &&
	    bytes[block_record_offset(0) + BLOCK_REC_KIND] == SYMTAB_KIND_IMPORT)
		kind = SYMTAB_KIND_IMPORT;
	if (symtab_abi_check(bytes, size, kind, &nr, &v)) {
		symtab_abi_describe(&v, why, sizeof(why));
		return error_set(err, ENOEXEC, "%s: %s", what, why);
	}
	blk->bytes = bytes;
	blk->size = size;
	blk->kind = kind == SYMTAB_KIND_IMPORT ? BLOCK_IMPORT :
						 BLOCK_EXPORT_TABLE;
	blk->header_count = get_le32(bytes + BLOCK_HDR_COUNT);
	blk->header_imports = get_le32(bytes + BLOCK_HDR_IMPORTS);
	blk->nr_records = nr;
	return 0;
}

void block_record(const struct block *blk, uint32_t i, struct record *rec)
{
	decode_record(blk->bytes + block_record_offset(i), rec);
}
