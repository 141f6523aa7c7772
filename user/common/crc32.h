/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CRC-32 (reflected, polynomial 0xEDB88320): the one implementation of the
 * tree.  genksyms' symbol versions are this CRC of a symbol's expansion,
 * and the explain library recomputes them from symtypes with it, so the
 * two agree bit for bit (and with zlib's crc32()).
 */
#ifndef _SYMTAB_CRC32_H
#define _SYMTAB_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Where a CRC starts, and what its last value is xor'ed with. */
#define CRC32_INIT	0xffffffffu

/*
 * Continue @crc over @len bytes of @data.  Start from CRC32_INIT; the CRC
 * of all the bytes is the last value ^ CRC32_INIT (zlib's crc32() does both
 * inside each call).
 */
uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

#endif /* _SYMTAB_CRC32_H */
