/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The .symtab_types section: the genksyms type information ("symtypes")
 * behind the CRCs a module records, so `symtab explain` can say which
 * struct member changed between two builds.  The kernel never reads it:
 * the section is not SHF_ALLOC.
 *
 * Layout: this header, then data_size bytes.  The data, once inflated when
 * SYMTAB_TYPES_ZLIB is set, is raw_size bytes of symtypes text: lines
 * `<kind>#<name> tokens...` and `<symbol> tokens...` as genksyms -T writes
 * them, dependencies first, one unit per object file with an empty line
 * between units.  All fields are little-endian.
 */
#ifndef _SYMTAB_TYPES_SECTION_H
#define _SYMTAB_TYPES_SECTION_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
typedef uint16_t __u16;
typedef uint32_t __u32;
#endif

#define SYMTAB_TYPES_SECTION	".symtab_types"
#define SYMTAB_TYPES_MAGIC	0x45505954	/* "TYPE" in file byte order */
#define SYMTAB_TYPES_VERSION	1

/* symtab_types_header.flags */
#define SYMTAB_TYPES_ZLIB	0x0001	/* data is a zlib stream */

/* Refuse to inflate more than this: the sections are hostile input. */
#define SYMTAB_TYPES_MAX_RAW	(256u << 20)

struct symtab_types_header {
	__u32 magic;		/* SYMTAB_TYPES_MAGIC */
	__u16 version;		/* SYMTAB_TYPES_VERSION */
	__u16 flags;		/* SYMTAB_TYPES_* */
	__u32 raw_size;		/* bytes of symtypes text */
	__u32 data_size;	/* bytes following this header */
};

#endif /* _SYMTAB_TYPES_SECTION_H */
