/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one on-disk and in-memory format shared by symtab.ko and the userspace
 * tools: versioned symbol records, gathered in blocks.
 *
 * A block is a header followed by fixed-size records.  Two kinds exist:
 *
 *  - an import block, one per SYMTAB_IMPORT(sym), placed in the section
 *    SYMTAB_ABI_SECTION under the object name SYMTAB_ABI_IMPORT_PREFIX<sym>;
 *    header.count is 1 and the record's addr is filled by the registry when
 *    the module loads (it is zero in the file);
 *  - an export table, the struct symbol_table a module hands to
 *    register_symtab(); its records end with a SYMTAB_KIND_END record.  The
 *    compiler cannot count X() entries, so header.count is 0 ("count up to
 *    the END record") until `symtab stamp` writes the real count.
 *
 * After the compiler every record has flags == 0 and crc == 0 (versionless);
 * `symtab stamp` writes the CRCs that genksyms computed and sets
 * SYMTAB_REC_VERSIONED.  It also writes header.imports of every import
 * block: the number of import blocks of the module.  A module stripped of
 * its local symbols has no names to find its blocks by, only their
 * contents: the count tells whether a damaged block hid some of them.  It
 * is 0 in export tables, and in import blocks before stamping (allowed
 * only where symbols name the blocks).  Readers find blocks through the ELF symbol (or
 * kallsyms entry) naming them and must bound every access by that symbol's
 * size: the contents are hostile input.
 *
 * All fields are little-endian (x86-64 is the only target).
 */
#ifndef _SYMTAB_ABI_H
#define _SYMTAB_ABI_H

/* The kernel's and userspace's <linux/types.h> agree on the __u* types. */
#include <linux/types.h>

#define SYMTAB_ABI_MAGIC	0x424d5953	/* "SYMB" in file byte order */
#define SYMTAB_ABI_FORMAT	1
#define SYMTAB_ABI_SECTION	".symtab_versions"
#define SYMTAB_ABI_IMPORT_PREFIX "__symtab_import_"
#define SYMTAB_NAME_LEN		64	/* including the terminating NUL */

enum symtab_abi_kind {
	SYMTAB_KIND_END = 0,	/* terminates an export table */
	SYMTAB_KIND_EXPORT = 1,
	SYMTAB_KIND_IMPORT = 2,
};

/* symtab_abi_record.flags */
#define SYMTAB_REC_VERSIONED	0x01	/* crc holds a genksyms CRC */

struct symtab_abi_header {
	__u32 magic;		/* SYMTAB_ABI_MAGIC */
	__u16 format;		/* SYMTAB_ABI_FORMAT */
	__u16 record_size;	/* sizeof(struct symtab_abi_record) */
	__u32 count;		/* records in the block; 0: up to the END record */
	__u32 imports;		/* import blocks of the module; see above */
};

struct symtab_abi_record {
	__u32 crc;
	__u8 kind;		/* enum symtab_abi_kind */
	__u8 flags;		/* SYMTAB_REC_* */
	__u16 reserved;		/* zero */
	__u64 addr;		/* export: the symbol; import: filled at load */
	char name[SYMTAB_NAME_LEN];	/* NUL-terminated */
};

#define SYMTAB_ABI_HEADER_INIT(n) {			\
	.magic = SYMTAB_ABI_MAGIC,			\
	.format = SYMTAB_ABI_FORMAT,			\
	.record_size = sizeof(struct symtab_abi_record),	\
	.count = (n),					\
}

#endif /* _SYMTAB_ABI_H */
