/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stamping: write genksyms CRCs into a module's blocks, set
 * SYMTAB_REC_VERSIONED, and the real record count in export-table headers.
 * Only those bytes change; the addr fields (relocation targets) never do.
 */
#ifndef _SYMTAB_STAMP_H
#define _SYMTAB_STAMP_H

#include <stddef.h>
#include <stdint.h>

#include "module_file.h"
#include "../formats/softdep.h"
#include "../formats/version_file.h"

/* Told about every record no version covers (it is left versionless). */
typedef void (*stamp_versionless_fn)(void *ctx, const char *name,
				     uint8_t kind);

struct stamp_result {
	size_t versioned;	/* records given a CRC */
	size_t versionless;	/* records no version file covers */
	int changed;		/* the file had to be rewritten */
};

/*
 * stamp_image() - stamp @image, a copy of @mf's image, in memory
 * Records no version covers are reset to versionless (crc 0, flag clear).
 */
void stamp_image(const struct module_file *mf, const struct version_set *vs,
		 unsigned char *image, stamp_versionless_fn versionless,
		 void *ctx, struct stamp_result *res);

/*
 * stamp_module() - stamp the module file @path in place, atomically, in
 * its own compression (module_compress.h)
 * @types, @types_len: unless NULL, the contents to give the module's
 *	SYMTAB_TYPES_SECTION (added, or replaced)
 * @softdep: unless NULL, name the modules it imports from in its
 *	.modinfo softdep (softdep.h)
 * Return: 0, or -errno with @err set and the file untouched.
 */
int stamp_module(const char *path, const struct version_set *vs,
		 const void *types, size_t types_len,
		 const struct softdep_request *softdep,
		 stamp_versionless_fn versionless, void *ctx,
		 struct stamp_result *res, struct symtab_error *err);

#endif /* _SYMTAB_STAMP_H */
