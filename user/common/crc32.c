// SPDX-License-Identifier: GPL-2.0-only
/*
 * CRC-32, eight bytes per step ("slicing by 8"): table[k][b] is the CRC of
 * byte b followed by k zero bytes, so eight lookups, independent of each
 * other, advance the CRC by a whole word.  Expansion hashes every byte of
 * every export's types (genksyms), so this is a large part of the run time
 * on files with many exports.  The tables are built once at first use.
 */
#include <stdbool.h>
#include <string.h>

#include "crc32.h"

static uint32_t table[8][256];
static bool table_ready;

static void build_table(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[0][i] = c;
	}
	for (i = 0; i < 256; i++)
		for (j = 1; j < 8; j++)
			table[j][i] = table[0][table[j - 1][i] & 0xff] ^
				      (table[j - 1][i] >> 8);
	table_ready = true;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
	const unsigned char *p = data;

	if (!table_ready)
		build_table();
	for (; len >= 8; p += 8, len -= 8) {
		uint32_t lo, hi;

		/* Little-endian words: the first byte is the low one. */
		lo = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
		     (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
		hi = (uint32_t)p[4] | (uint32_t)p[5] << 8 |
		     (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
		lo ^= crc;
		crc = table[7][lo & 0xff] ^ table[6][(lo >> 8) & 0xff] ^
		      table[5][(lo >> 16) & 0xff] ^ table[4][lo >> 24] ^
		      table[3][hi & 0xff] ^ table[2][(hi >> 8) & 0xff] ^
		      table[1][(hi >> 16) & 0xff] ^ table[0][hi >> 24];
	}
	while (len--)
		crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return crc;
}
