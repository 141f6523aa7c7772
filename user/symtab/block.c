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
	const char *p;

	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (p = s; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
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

/* Check one named record (export or import) at @p. */
static int check_record(const unsigned char *p, uint32_t i, const char *what,
			struct symtab_error *err)
{
	const unsigned char *name = p + BLOCK_REC_NAME;
	struct record rec;

	if (!memchr(name, '\0', SYMTAB_NAME_LEN))
		return error_set(err, ENOEXEC,
				 "%s: record %u: name not NUL-terminated within %d bytes",
				 what, i, SYMTAB_NAME_LEN);
	decode_record(p, &rec);
	if (!symbol_name_valid(rec.name))
		return error_set(err, ENOEXEC,
				 "%s: record %u: name is not a C identifier",
				 what, i);
	if (get_le16(p + 6))
		return error_set(err, ENOEXEC,
				 "%s: record %u (%s): reserved field is not zero",
				 what, i, rec.name);
	if (rec.flags & ~SYMTAB_REC_VERSIONED)
		return error_set(err, ENOEXEC,
				 "%s: record %u (%s): unknown flags 0x%02x",
				 what, i, rec.name, rec.flags);
	return 0;
}

static int parse_import(struct block *blk, uint32_t capacity,
			const char *what, struct symtab_error *err)
{
	if (capacity != 1 || blk->header_count != 1)
		return error_set(err, ENOEXEC,
				 "%s: import block holds %u records (header says %u), expected 1",
				 what, capacity, blk->header_count);
	blk->nr_records = 1;
	return check_record(blk->bytes + block_record_offset(0), 0, what, err);
}

static int parse_table(struct block *blk, uint32_t capacity,
		       const char *what, struct symtab_error *err)
{
	const unsigned char *p;
	uint32_t i;
	int ret;

	for (i = 0; i < capacity; i++) {
		p = blk->bytes + block_record_offset(i);
		if (p[BLOCK_REC_KIND] == SYMTAB_KIND_END)
			break;
		if (p[BLOCK_REC_KIND] != SYMTAB_KIND_EXPORT)
			return error_set(err, ENOEXEC,
					 "%s: record %u: kind %u in an export table (expected export or end)",
					 what, i, p[BLOCK_REC_KIND]);
		ret = check_record(p, i, what, err);
		if (ret)
			return ret;
	}
	if (i == capacity)
		return error_set(err, ENOEXEC,
				 "%s: export table has no END record within its %zu bytes",
				 what, blk->size);
	if (blk->header_count && blk->header_count != i)
		return error_set(err, ENOEXEC,
				 "%s: header counts %u records but the table holds %u before END",
				 what, blk->header_count, i);
	blk->nr_records = i;
	return 0;
}

int block_parse(struct block *blk, const unsigned char *bytes, size_t size,
		const char *what, struct symtab_error *err)
{
	uint32_t capacity;
	uint8_t first_kind;

	if (size < BLOCK_HEADER_SIZE + BLOCK_RECORD_SIZE)
		return error_set(err, ENOEXEC,
				 "%s: %zu bytes is too small for a block (at least %d)",
				 what, size, BLOCK_HEADER_SIZE + BLOCK_RECORD_SIZE);
	if (!block_has_magic(bytes, size))
		return error_set(err, ENOEXEC,
				 "%s: bad block header (magic, format or record size)",
				 what);
	if ((size - BLOCK_HEADER_SIZE) % BLOCK_RECORD_SIZE)
		return error_set(err, ENOEXEC,
				 "%s: %zu bytes is not a header plus whole %d-byte records",
				 what, size, BLOCK_RECORD_SIZE);
	if (get_le32(bytes + 12))
		return error_set(err, ENOEXEC,
				 "%s: reserved header field is not zero", what);
	if ((size - BLOCK_HEADER_SIZE) / BLOCK_RECORD_SIZE > UINT32_MAX)
		return error_set(err, ENOEXEC, "%s: block too large", what);

	capacity = (size - BLOCK_HEADER_SIZE) / BLOCK_RECORD_SIZE;
	blk->bytes = bytes;
	blk->size = size;
	blk->header_count = get_le32(bytes + BLOCK_HDR_COUNT);
	first_kind = bytes[block_record_offset(0) + BLOCK_REC_KIND];
	switch (first_kind) {
	case SYMTAB_KIND_IMPORT:
		blk->kind = BLOCK_IMPORT;
		return parse_import(blk, capacity, what, err);
	case SYMTAB_KIND_EXPORT:
	case SYMTAB_KIND_END:
		blk->kind = BLOCK_EXPORT_TABLE;
		return parse_table(blk, capacity, what, err);
	}
	return error_set(err, ENOEXEC, "%s: record 0: unknown kind %u",
			 what, first_kind);
}

void block_record(const struct block *blk, uint32_t i, struct record *rec)
{
	decode_record(blk->bytes + block_record_offset(i), rec);
}
