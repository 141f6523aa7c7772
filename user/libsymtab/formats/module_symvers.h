/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A kernel's Module.symvers, as Kbuild writes it: one exported symbol a
 * line,
 *
 *	0x<crc>\t<name>\t<module, or vmlinux>\t<EXPORT_SYMBOL[_GPL]>\t[<namespace>]
 *
 * looked up by name.
 */
#ifndef _SYMTAB_MODULE_SYMVERS_H
#define _SYMTAB_MODULE_SYMVERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"

struct symvers_entry {
	const char *name;
	uint32_t crc;
	const char *module;	/* "vmlinux" or the module's path in the tree */
	bool gpl_only;
	const char *ns;		/* "" without a namespace */
};

struct kernel_symvers {
	char *text;			/* the file, split in place */
	struct symvers_entry *entries;	/* sorted by name */
	size_t nr;
};

#define KERNEL_SYMVERS_INIT	{ 0 }

/* The Module.symvers of kernel @release (to free). */
char *kernel_symvers_path(const char *release);

/*
 * Read @path into the empty @ks.  Return: 0, -ENOENT if it does not exist,
 * -ENOEXEC for a malformed line (file:line in @err), -errno.  Release @ks
 * even on error.
 */
int kernel_symvers_load(struct kernel_symvers *ks, const char *path,
			struct symtab_error *err);

/* Parse @len bytes (copied) read from @file.  Release @ks even on error. */
int kernel_symvers_parse(struct kernel_symvers *ks, const char *file,
			 const char *text, size_t len,
			 struct symtab_error *err);

const struct symvers_entry *kernel_symvers_find(const struct kernel_symvers *ks,
						const char *name);

void kernel_symvers_release(struct kernel_symvers *ks);

#endif /* _SYMTAB_MODULE_SYMVERS_H */
