/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `symtab load -f`: a temporary copy of a module whose imports are all
 * versionless, so that symtab.ko treats a version mismatch as a missing
 * version (by default: warn, taint, load; refused with strict=1).
 */
#ifndef _SYMTAB_FORCE_COPY_H
#define _SYMTAB_FORCE_COPY_H

#include "module_file.h"

/* Clear SYMTAB_REC_VERSIONED in every import record of @image. */
void make_imports_versionless(const struct module_file *mf,
			      unsigned char *image);

/*
 * Write the versionless copy as <new temporary directory>/<basename of
 * @mf->path>; remove it with force_copy_remove().  Return: 0 or -errno.
 */
int force_copy_create(const struct module_file *mf, char **copy_path,
		      struct symtab_error *err);
void force_copy_remove(char *copy_path);

#endif /* _SYMTAB_FORCE_COPY_H */
