// SPDX-License-Identifier: GPL-2.0-only
/* Pack and unpack the .symtab_types section (symtab/types_section.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <symtab/types_section.h>

#include "explain.h"

#define HDR_SIZE	sizeof(struct symtab_types_header)

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static uint32_t get_le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

int explain_section_pack(const char *text, size_t len, void **out,
			 size_t *out_len, struct symtab_error *err)
{
	uLongf zlen = compressBound(len);
	unsigned char *sec;
	uint16_t flags = 0;

	if (len > SYMTAB_TYPES_MAX_RAW)
		return error_set(err, EFBIG,
				 "%zu bytes of type information: more than the %u a %s section may hold",
				 len, SYMTAB_TYPES_MAX_RAW, SYMTAB_TYPES_SECTION);
	sec = malloc(HDR_SIZE + (zlen > len ? zlen : len));
	if (!sec)
		return error_set(err, ENOMEM, "out of memory");
	if (compress2(sec + HDR_SIZE, &zlen, (const Bytef *)text, len,
		      Z_BEST_COMPRESSION) == Z_OK && zlen < len) {
		flags |= SYMTAB_TYPES_ZLIB;
	} else {
		memcpy(sec + HDR_SIZE, text, len);
		zlen = len;
	}
	put_le32(sec, SYMTAB_TYPES_MAGIC);
	sec[4] = SYMTAB_TYPES_VERSION & 0xff;
	sec[5] = SYMTAB_TYPES_VERSION >> 8;
	sec[6] = flags & 0xff;
	sec[7] = flags >> 8;
	put_le32(sec + 8, (uint32_t)len);
	put_le32(sec + 12, (uint32_t)zlen);
	*out = sec;
	*out_len = HDR_SIZE + zlen;
	return 0;
}

int explain_section_unpack(const void *sec, size_t len, const char *what,
			   char **text, size_t *text_len,
			   struct symtab_error *err)
{
	const unsigned char *p = sec;
	uint32_t raw, data;
	uint16_t version, flags;
	char *buf;

	if (len < HDR_SIZE || get_le32(p) != SYMTAB_TYPES_MAGIC)
		return error_set(err, EINVAL,
				 "%s: expected a %s header (magic 0x%08x)", what,
				 SYMTAB_TYPES_SECTION, SYMTAB_TYPES_MAGIC);
	version = p[4] | p[5] << 8;
	flags = p[6] | p[7] << 8;
	raw = get_le32(p + 8);
	data = get_le32(p + 12);
	if (version != SYMTAB_TYPES_VERSION)
		return error_set(err, EINVAL,
				 "%s: %s version %u, expected %u", what,
				 SYMTAB_TYPES_SECTION, version, SYMTAB_TYPES_VERSION);
	if (flags & ~SYMTAB_TYPES_ZLIB)
		return error_set(err, EINVAL, "%s: unknown %s flags 0x%x",
				 what, SYMTAB_TYPES_SECTION, flags);
	if (data > len - HDR_SIZE || raw > SYMTAB_TYPES_MAX_RAW ||
	    (!(flags & SYMTAB_TYPES_ZLIB) && data != raw))
		return error_set(err, EINVAL,
				 "%s: %s sizes do not fit: %u bytes of data (%zu present), %u of text",
				 what, SYMTAB_TYPES_SECTION, data, len - HDR_SIZE, raw);
	buf = malloc((size_t)raw + 1);
	if (!buf)
		return error_set(err, ENOMEM, "out of memory");
	if (flags & SYMTAB_TYPES_ZLIB) {
		uLongf got = raw;

		if (uncompress((Bytef *)buf, &got, p + HDR_SIZE, data) != Z_OK ||
		    got != raw) {
			free(buf);
			return error_set(err, EINVAL,
					 "%s: %s data is not a zlib stream of %u bytes",
					 what, SYMTAB_TYPES_SECTION, raw);
		}
	} else {
		memcpy(buf, p + HDR_SIZE, raw);
	}
	buf[raw] = '\0';
	*text = buf;
	*text_len = raw;
	return 0;
}
