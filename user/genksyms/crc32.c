// SPDX-License-Identifier: GPL-2.0-only
/* CRC-32, table-driven, the table built once at first use. */
#include <stdbool.h>

#include "crc32.h"

static uint32_t table[256];
static bool table_ready;

static void build_table(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	table_ready = true;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
	const unsigned char *p = data;

	if (!table_ready)
		build_table();
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return crc;
}
