/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's own modversions in a module file: the CRCs modpost wrote in
 * __versions for what the module imports, the CRCs of what it exports with
 * EXPORT_SYMBOL* (a __crc_<sym> symbol: absolute, or in a __kcrctab*
 * section of the relocatable .ko, where the value is read from the section
 * contents), the symbols it leaves undefined and its .modinfo.  Names
 * point into the module's image.
 */
#ifndef _SYMTAB_MODVERSIONS_READ_H
#define _SYMTAB_MODVERSIONS_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"

struct elf_layout;
struct module_file;

/* struct modversion_info: an unsigned long CRC, then the name. */
#define MODVERSION_INFO_SIZE	64
#define MODVERSION_NAME_OFFSET	8

struct kernel_version {
	const char *name;
	uint32_t crc;
	bool versioned;		/* exports: the module carries a CRC */
	bool gpl_only;		/* exports: EXPORT_SYMBOL_GPL */
};

struct kernel_versions {
	bool has_versions;		/* a __versions section exists */
	struct kernel_version *imports;	/* __versions, in file order */
	size_t nr_imports;
	struct kernel_version *exports;	/* in symbol table order */
	size_t nr_exports;
	const char **undefined;		/* non-weak undefined symbols */
	size_t nr_undefined;
	const char *modinfo;		/* "key=value\0" strings, or NULL */
	size_t modinfo_size;
};

/*
 * kernel_versions_read() - fill @kv from @mf, whose container @l
 * module_file_parse() validated
 * Return: 0, or -ENOEXEC (malformed __versions or CRC) / -ENOMEM with
 * @err set.
 */
int kernel_versions_read(struct module_file *mf, const struct elf_layout *l,
			 struct kernel_versions *kv, struct symtab_error *err);

void kernel_versions_release(struct kernel_versions *kv);

/* The export @name, or NULL. */
const struct kernel_version *kernel_export_find(const struct kernel_versions *kv,
						const char *name);

/* The __versions entry for @name, or NULL. */
const struct kernel_version *kernel_import_find(const struct kernel_versions *kv,
						const char *name);

/*
 * modinfo_get() - the value of the @index-th "@key=value" of .modinfo
 * Return: the value (NUL-terminated, in the image), or NULL.
 */
const char *modinfo_get(const struct kernel_versions *kv, const char *key,
			size_t index);

/*
 * What a module without symtab records has instead, as a sentence
 * without a newline: "no symtab records; the kernel's modversions already
 * cover its 7 EXPORT_SYMBOLs and 9 imports".
 */
void kernel_versions_summary(const struct kernel_versions *kv, char *buf,
			     size_t len);

/* Does the module carry anything modpost or the kernel's loader reads? */
static inline bool kernel_versions_any(const struct kernel_versions *kv)
{
	return kv->has_versions || kv->nr_exports || kv->modinfo;
}

#endif /* _SYMTAB_MODVERSIONS_READ_H */
