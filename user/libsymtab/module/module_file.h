/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A module file (.ko, or any x86-64 relocatable object): read into memory,
 * validated once with libelf plus our own range checks, and its blocks
 * found through the ELF symbols that name them, and the kernel's own
 * modversions read (modversions_read.h).  Later code trusts what
 * module_file_parse() accepted.
 */
#ifndef _SYMTAB_MODULE_FILE_H
#define _SYMTAB_MODULE_FILE_H

#include <gelf.h>
#include <stddef.h>
#include <stdint.h>

#include "block.h"
#include "../../common/error.h"
#include "../modversions/modversions_read.h"
#include "module_compress.h"
#include "../../common/whole_file.h"

struct module_block {
	struct block blk;		/* bytes point into the image */
	const char *symbol;		/* the ELF symbol naming the block */
	size_t section;			/* index of the section holding it */
	uint64_t file_offset;		/* of its header, in the image */
};

struct module_file {
	char *path;			/* as given: names the file in messages */
	unsigned char *image;		/* the whole file, uncompressed */
	size_t size;
	enum module_compression compression;	/* of the file on disk */
	Elf *elf;
	struct module_block *blocks;	/* by file offset */
	size_t nr_blocks;
	struct kernel_versions kernel;	/* the kernel's own modversions */
};

/*
 * Read @path, uncompressing it (module_compress.h), and parse it.
 * Return: 0, -errno with @err set.
 */
int module_file_open(const char *path, struct module_file **out,
		     struct symtab_error *err);

/*
 * Parse @size bytes (copied) as the module file @path.
 * Return: 0, -ENOEXEC (malformed) or -ENOMEM with @err set.
 */
int module_file_parse(const char *path, const void *image, size_t size,
		      struct module_file **out, struct symtab_error *err);

/* Accepts NULL. */
void module_file_free(struct module_file *mf);

#endif /* _SYMTAB_MODULE_FILE_H */
