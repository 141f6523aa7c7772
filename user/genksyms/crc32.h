/* SPDX-License-Identifier: GPL-2.0-only */
/* CRC-32 (reflected, polynomial 0xEDB88320), as zlib and genksyms use it. */
#ifndef GENKSYMS_CRC32_H
#define GENKSYMS_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continue @crc (start from 0xffffffff; final value is crc ^ 0xffffffff). */
uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

#endif
