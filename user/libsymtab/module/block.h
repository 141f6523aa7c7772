/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Blocks (see include/symtab/abi.h): parsing and validation of the bytes an
 * ELF symbol or a kallsyms entry names, and bounds-checked access to their
 * records.  The bytes are hostile: block_parse() checks everything once, the
 * accessors then only index within what it accepted.
 */
#ifndef _SYMTAB_BLOCK_H
#define _SYMTAB_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <symtab/abi_check.h>

#include "../../common/error.h"

#define BLOCK_HEADER_SIZE	16
#define BLOCK_RECORD_SIZE	80
/* Field offsets, from the start of the header or of a record. */
#define BLOCK_HDR_COUNT		8
#define BLOCK_HDR_IMPORTS	12
#define BLOCK_REC_CRC		0
#define BLOCK_REC_KIND		4
#define BLOCK_REC_FLAGS		5
#define BLOCK_REC_ADDR		8
#define BLOCK_REC_NAME		16

enum block_kind {
	BLOCK_IMPORT,		/* one SYMTAB_IMPORT(sym) */
	BLOCK_EXPORT_TABLE,	/* a struct symbol_table */
};

struct block {
	const unsigned char *bytes;	/* header, then the records */
	size_t size;			/* bytes the naming symbol covers */
	enum block_kind kind;
	uint32_t header_count;		/* as stored: 0 in unstamped tables */
	uint32_t header_imports;	/* imports: the module's import blocks,
					 * 0 before stamp; tables: 0 */
	uint32_t nr_records;		/* imports: 1; tables: before END */
};

/* One record, decoded. */
struct record {
	uint32_t crc;
	uint8_t kind;			/* enum symtab_abi_kind */
	uint8_t flags;			/* SYMTAB_REC_* */
	uint64_t addr;
	char name[SYMTAB_NAME_LEN];	/* always NUL-terminated */
};

/* Do @bytes start with the magic, format and record size of a block? */
bool block_has_magic(const unsigned char *bytes, size_t size);

/*
 * block_parse() - validate @size bytes as one block and describe it in @blk
 * @what: how messages name the block, e.g. "m.ko: __symtab_import_f"
 *
 * Return: 0, or -ENOEXEC with @err saying what is wrong.
 */
int block_parse(struct block *blk, const unsigned char *bytes, size_t size,
		const char *what, struct symtab_error *err);

/* Offset of record @i from the start of the block. */
static inline size_t block_record_offset(uint32_t i)
{
	return BLOCK_HEADER_SIZE + (size_t)i * BLOCK_RECORD_SIZE;
}

/* Decode record @i < @blk->nr_records of a parsed block. */
void block_record(const struct block *blk, uint32_t i, struct record *rec);

static inline bool record_versioned(const struct record *rec)
{
	return rec->flags & SYMTAB_REC_VERSIONED;
}

const char *record_kind_name(uint8_t kind);

/* Is @s a C identifier, as every record name must be? */
bool symbol_name_valid(const char *s);

#endif /* _SYMTAB_BLOCK_H */
