// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "module_compress.h"
#include "../../common/whole_file.h"

static const struct {
	enum module_compression c;
	const char *name;	/* as the tools call it */
	const char *suffix;	/* after ".ko" */
	const char *magic;
	size_t magic_len;
} formats[] = {
	{ MODULE_XZ, "xz", ".xz", "\xfd\x37\x7a\x58\x5a\x00", 6 },
	{ MODULE_ZSTD, "zstd", ".zst", "\x28\xb5\x2f\xfd", 4 },
	{ MODULE_GZIP, "gzip", ".gz", "\x1f\x8b", 2 },
};
#define NR_FORMATS	(sizeof(formats) / sizeof(*formats))

enum module_compression module_compression_of(const void *data, size_t size)
{
	size_t i;

	for (i = 0; i < NR_FORMATS; i++)
		if (size >= formats[i].magic_len &&
		    !memcmp(data, formats[i].magic, formats[i].magic_len))
			return formats[i].c;
	return MODULE_PLAIN;
}

const char *module_compression_name(enum module_compression c)
{
	size_t i;

	for (i = 0; i < NR_FORMATS; i++)
		if (formats[i].c == c)
			return formats[i].name;
	return "uncompressed";
}

static bool ends_with(const char *s, size_t len, const char *end)
{
	size_t n = strlen(end);

	return len >= n && !memcmp(s + len - n, end, n);
}

size_t module_name_suffix(const char *path)
{
	size_t len = strlen(path), i;

	if (ends_with(path, len, ".ko"))
		return 3;
	for (i = 0; i < NR_FORMATS; i++) {
		size_t n = strlen(formats[i].suffix);

		if (ends_with(path, len, formats[i].suffix) &&
		    ends_with(path, len - n, ".ko"))
			return 3 + n;
	}
	return 0;
}

/* The output of a decoder: grown by doubling, up to MODULE_MAX_SIZE. */
struct out_buf {
	unsigned char *buf;
	size_t len, cap;
};

/* Room after len; always one spare byte kept (as read_whole_file()). */
static int out_room(struct out_buf *o, const char *path,
		    struct symtab_error *err)
{
	unsigned char *grown;
	size_t cap;

	if (o->len + 1 < o->cap)
		return 0;
	if (o->cap > MODULE_MAX_SIZE)
		return error_set(err, EFBIG,
				 "%s: uncompresses to more than %lu MiB: not a module",
				 path, MODULE_MAX_SIZE >> 20);
	cap = o->cap ? o->cap * 2 : 1 << 16;
	grown = realloc(o->buf, cap);
	if (!grown)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	o->buf = grown;
	o->cap = cap;
	return 0;
}

/* The room out_room() made, without the spare byte. */
static size_t out_avail(const struct out_buf *o)
{
	return o->cap - o->len - 1;
}

static int corrupt_error(const char *path, const char *format, const char *why,
		   struct symtab_error *err)
{
	return error_set(err, ENOEXEC, "%s: corrupt %s data: %s", path,
			 format, why);
}

static int truncated_error(const char *path, const char *format,
		     struct symtab_error *err)
{
	return error_set(err, ENOEXEC,
			 "%s: truncated %s data (the file ends before its compressed stream does)",
			 path, format);
}

static int xz_decode(const char *path, const unsigned char *in, size_t size,
		     struct out_buf *o, struct symtab_error *err)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret r;
	int ret;

	if (lzma_stream_decoder(&s, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	s.next_in = in;
	s.avail_in = size;
	for (;;) {
		ret = out_room(o, path, err);
		if (ret)
			break;
		s.next_out = o->buf + o->len;
		s.avail_out = out_avail(o);
		r = lzma_code(&s, LZMA_FINISH);
		o->len = s.next_out - o->buf;
		if (r == LZMA_STREAM_END)
			break;
		if (r == LZMA_OK)
			continue;
		if (r == LZMA_BUF_ERROR)
			ret = truncated_error(path, "xz", err);
		else if (r == LZMA_MEM_ERROR)
			ret = error_set(err, ENOMEM, "%s: out of memory", path);
		else if (r == LZMA_OPTIONS_ERROR)
			ret = corrupt_error(path, "xz", "unsupported options", err);
		else if (r == LZMA_DATA_ERROR)
			ret = corrupt_error(path, "xz", "the data is corrupt", err);
		else if (r == LZMA_FORMAT_ERROR)
			ret = corrupt_error(path, "xz", "not an xz stream", err);
		else
			ret = corrupt_error(path, "xz", "the integrity check failed",
				      err);
		break;
	}
	lzma_end(&s);
	return ret;
}

static int zstd_decode(const char *path, const unsigned char *in,
		       size_t size, struct out_buf *o,
		       struct symtab_error *err)
{
	ZSTD_inBuffer ib = { in, size, 0 };
	ZSTD_outBuffer ob;
	ZSTD_DCtx *d;
	size_t r = 1;
	int ret;

	d = ZSTD_createDCtx();
	if (!d)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	for (;;) {
		ret = out_room(o, path, err);
		if (ret)
			break;
		ob.dst = o->buf + o->len;
		ob.size = out_avail(o);
		ob.pos = 0;
		r = ZSTD_decompressStream(d, &ob, &ib);
		o->len += ob.pos;
		if (ZSTD_isError(r)) {
			ret = corrupt_error(path, "zstd", ZSTD_getErrorName(r), err);
			break;
		}
		/* All input read and room left over: nothing more to come. */
		if (ib.pos == ib.size && ob.pos < ob.size)
			break;
	}
	ZSTD_freeDCtx(d);
	if (!ret && r)
		ret = truncated_error(path, "zstd", err);
	return ret;
}

static int gzip_decode(const char *path, const unsigned char *in,
		       size_t size, struct out_buf *o,
		       struct symtab_error *err)
{
	z_stream z;
	int r, ret;

	if (size > UINT_MAX)
		return error_set(err, EFBIG, "%s: too large for a module",
				 path);
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	z.next_in = (unsigned char *)in;
	z.avail_in = size;
	for (;;) {
		ret = out_room(o, path, err);
		if (ret)
			break;
		z.next_out = o->buf + o->len;
		z.avail_out = out_avail(o) > UINT_MAX ? UINT_MAX :
							out_avail(o);
		r = inflate(&z, Z_NO_FLUSH);
		o->len = z.next_out - o->buf;
		if (r == Z_STREAM_END) {
			/* gzip(1) reads concatenated members as one. */
			if (!z.avail_in)
				break;
			if (inflateReset(&z) != Z_OK) {
				ret = corrupt_error(path, "gzip", "bad member", err);
				break;
			}
			continue;
		}
		if (r == Z_OK)
			continue;
		if (r == Z_BUF_ERROR)
			ret = truncated_error(path, "gzip", err);
		else if (r == Z_MEM_ERROR)
			ret = error_set(err, ENOMEM, "%s: out of memory", path);
		else
			ret = corrupt_error(path, "gzip",
				      z.msg ? z.msg : "the data is corrupt",
				      err);
		break;
	}
	inflateEnd(&z);
	return ret;
}

int module_decompress(const char *path, enum module_compression c,
		      const void *in, size_t size, unsigned char **out,
		      size_t *out_size, struct symtab_error *err)
{
	struct out_buf o = { NULL, 0, 0 };
	int ret;

	/* Modules compress about 4:1; start near the final size. */
	o.cap = size < MODULE_MAX_SIZE / 8 ? size * 4 + 4096 : 0;
	if (o.cap) {
		o.buf = malloc(o.cap);
		if (!o.buf)
			return error_set(err, ENOMEM, "%s: out of memory",
					 path);
	}
	switch (c) {
	case MODULE_XZ:
		ret = xz_decode(path, in, size, &o, err);
		break;
	case MODULE_ZSTD:
		ret = zstd_decode(path, in, size, &o, err);
		break;
	case MODULE_GZIP:
		ret = gzip_decode(path, in, size, &o, err);
		break;
	default:
		ret = error_set(err, EINVAL, "%s: not compressed", path);
	}
	if (ret) {
		free(o.buf);
		return ret;
	}
	*out = o.buf;
	*out_size = o.len;
	return 0;
}

int module_read_image(const char *path, unsigned char **data, size_t *size,
		      enum module_compression *c, struct symtab_error *err)
{
	unsigned char *raw;
	size_t len;
	enum module_compression found;
	int ret;

	ret = read_whole_file(path, &raw, &len, err);
	if (ret)
		return ret;
	found = module_compression_of(raw, len);
	if (c)
		*c = found;
	if (found == MODULE_PLAIN) {
		*data = raw;
		*size = len;
		return 0;
	}
	ret = module_decompress(path, found, raw, len, data, size, err);
	free(raw);
	return ret;
}

/* xz as Debian compresses its kernels' modules: CRC32, 1 MiB dictionary. */
static int xz_encode(const char *path, const void *in, size_t size,
		     unsigned char **out, size_t *out_size,
		     struct symtab_error *err)
{
	lzma_options_lzma opt;
	lzma_filter filters[] = {
		{ LZMA_FILTER_LZMA2, &opt },
		{ LZMA_VLI_UNKNOWN, NULL },
	};
	size_t bound = lzma_stream_buffer_bound(size), pos = 0;
	lzma_ret r;

	if (lzma_lzma_preset(&opt, LZMA_PRESET_DEFAULT))
		return error_set(err, EINVAL, "%s: xz: no default preset",
				 path);
	opt.dict_size = 1 << 20;
	*out = bound ? malloc(bound) : NULL;
	if (!*out)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	r = lzma_stream_buffer_encode(filters, LZMA_CHECK_CRC32, NULL, in,
				      size, *out, &pos, bound);
	if (r != LZMA_OK) {
		free(*out);
		return error_set(err, r == LZMA_MEM_ERROR ? ENOMEM : EIO,
				 "%s: xz compression failed (liblzma error %d)",
				 path, (int)r);
	}
	*out_size = pos;
	return 0;
}

/*
 * zstd's and gzip's default levels, as zstd(1) and gzip(1) use them, and
 * zstd(1)'s content checksum, so that a damaged file is told.
 */
static int zstd_encode(const char *path, const void *in, size_t size,
		       unsigned char **out, size_t *out_size,
		       struct symtab_error *err)
{
	size_t bound = ZSTD_compressBound(size), n;
	ZSTD_CCtx *z = ZSTD_createCCtx();

	*out = z ? malloc(bound) : NULL;
	if (!*out) {
		ZSTD_freeCCtx(z);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	n = ZSTD_CCtx_setParameter(z, ZSTD_c_compressionLevel,
				   ZSTD_CLEVEL_DEFAULT);
	if (!ZSTD_isError(n))
		n = ZSTD_CCtx_setParameter(z, ZSTD_c_checksumFlag, 1);
	if (!ZSTD_isError(n))
		n = ZSTD_compress2(z, *out, bound, in, size);
	ZSTD_freeCCtx(z);
	if (ZSTD_isError(n)) {
		free(*out);
		return error_set(err, EIO, "%s: zstd compression failed: %s",
				 path, ZSTD_getErrorName(n));
	}
	*out_size = n;
	return 0;
}

static int gzip_encode(const char *path, const void *in, size_t size,
		       unsigned char **out, size_t *out_size,
		       struct symtab_error *err)
{
	z_stream z;
	size_t bound;
	int r;

	if (size > UINT_MAX)
		return error_set(err, EFBIG, "%s: too large for gzip", path);
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS,
			 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	bound = deflateBound(&z, size);
	*out = bound <= UINT_MAX ? malloc(bound) : NULL;
	if (!*out) {
		deflateEnd(&z);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	z.next_in = (unsigned char *)in;
	z.avail_in = size;
	z.next_out = *out;
	z.avail_out = bound;
	r = deflate(&z, Z_FINISH);
	*out_size = z.total_out;
	deflateEnd(&z);
	if (r != Z_STREAM_END) {
		free(*out);
		return error_set(err, EIO, "%s: gzip compression failed (zlib error %d)",
				 path, r);
	}
	return 0;
}

int module_compress(const char *path, enum module_compression c,
		    const void *in, size_t size, unsigned char **out,
		    size_t *out_size, struct symtab_error *err)
{
	switch (c) {
	case MODULE_XZ:
		return xz_encode(path, in, size, out, out_size, err);
	case MODULE_ZSTD:
		return zstd_encode(path, in, size, out, out_size, err);
	case MODULE_GZIP:
		return gzip_encode(path, in, size, out, out_size, err);
	default:
		return error_set(err, EINVAL, "%s: no compression to write",
				 path);
	}
}
