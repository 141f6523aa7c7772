/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libsymtab's public interface: what the `symtab` commands and the glue
 * library (user/modtypes) use.  Functions never print; they describe a
 * failure in a struct symtab_error and return -errno (../common/error.h).
 *
 * The headers behind it, one folder a concern:
 *   module/       a module file: parsed blocks, sections, modversions,
 *                 stamping, the -f copy, the module files of a directory
 *   formats/      text formats: genksyms #SYMVER lines, exporters'
 *                 records, Module.symvers
 *   resident/     resolution against symtab.ko's registry
 *   modversions/  checking modules against a kernel's own modversions
 *   load/         load planning and its steps, inserting and removing
 *                 modules
 *   kabi/         two kernels' exports compared under severity rules
 *
 * What is not here (ELF validation, byte access, section writing, the
 * atomic file, line walking, /dev/kmsg) is the library's own.
 */
#ifndef _SYMTAB_LIBSYMTAB_H
#define _SYMTAB_LIBSYMTAB_H

#include <stdbool.h>
#include <stddef.h>

#include "module/module_file.h"
#include "module/module_dir.h"
#include "module/section_read.h"
#include "module/stamp.h"
#include "module/force_copy.h"
#include "formats/version_file.h"
#include "formats/export_records.h"
#include "formats/module_symvers.h"
#include "resident/resident_table.h"
#include "resident/import_check.h"
#include "resident/symbol_users.h"
#include "modversions/modversions_check.h"
#include "modversions/modversions_check_all.h"
#include "modversions/release_symbols.h"
#include "load/load_plan.h"
#include "load/load_step.h"
#include "load/module_insert.h"
#include "kabi/kabi_rules.h"
#include "kabi/kabi_compare.h"
#include "kabi/kabi_partial.h"

/* What a command asks of a parsed module file. */

/* Does @mf carry symtab records (export tables, import blocks)? */
static inline bool module_has_records(const struct module_file *mf)
{
	return mf->nr_blocks > 0;
}

/* Was @mf built with the kernel's modversions (a __versions section)? */
static inline bool module_has_modversions(const struct module_file *mf)
{
	return mf->kernel.has_versions;
}

/* "no symtab records; the kernel's modversions ..." for @mf, no newline. */
static inline void module_versions_summary(const struct module_file *mf,
					   char *buf, size_t len)
{
	kernel_versions_summary(&mf->kernel, buf, len);
}

#endif /* _SYMTAB_LIBSYMTAB_H */
