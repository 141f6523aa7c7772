/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compressed module files, as kmod reads them: .ko.xz, .ko.zst and .ko.gz.
 * The format is told by the file's first bytes (its name only says which
 * files are modules); liblzma, libzstd and zlib do the work.  Writing a
 * module back uses its own format: xz with a CRC32 check and a 1 MiB
 * dictionary, which the kernel's in-kernel decompressor and kmod both
 * read (Debian compresses its modules so); zstd and gzip at their
 * ordinary levels.
 */
#ifndef _SYMTAB_MODULE_COMPRESS_H
#define _SYMTAB_MODULE_COMPRESS_H

#include <stddef.h>

#include "../../common/error.h"

enum module_compression {
	MODULE_PLAIN,
	MODULE_XZ,
	MODULE_ZSTD,
	MODULE_GZIP,
};

/* Uncompressed modules larger than this are refused (a corrupt header). */
#define MODULE_MAX_SIZE	(1UL << 30)

/* The format @size bytes at @data start with; MODULE_PLAIN if none. */
enum module_compression module_compression_of(const void *data, size_t size);

/* "xz", "zstd", "gzip", or "uncompressed". */
const char *module_compression_name(enum module_compression c);

/*
 * Length of the module file name suffix ending @path (".ko", ".ko.xz",
 * ".ko.zst", ".ko.gz"), or 0 if it names no module file.
 */
size_t module_name_suffix(const char *path);

/*
 * Read @path whole and uncompress it, whatever its format (@c says which;
 * may be NULL).  *@data is malloc()ed with a spare byte after @size.
 * Return: 0, or -errno with @err set naming @path (-ENOEXEC: corrupt or
 * truncated compressed data).
 */
int module_read_image(const char *path, unsigned char **data, size_t *size,
		      enum module_compression *c, struct symtab_error *err);

/*
 * Uncompress the @size bytes at @in, in format @c, from @path (for
 * messages) into a malloc()ed *@out.  Return: 0, or -errno with @err set.
 */
int module_decompress(const char *path, enum module_compression c,
		      const void *in, size_t size, unsigned char **out,
		      size_t *out_size, struct symtab_error *err);

/*
 * Compress @size bytes at @in in format @c (not MODULE_PLAIN) into a
 * malloc()ed *@out.  Return: 0, or -errno with @err set naming @path.
 */
int module_compress(const char *path, enum module_compression c,
		    const void *in, size_t size, unsigned char **out,
		    size_t *out_size, struct symtab_error *err);

#endif /* _SYMTAB_MODULE_COMPRESS_H */
