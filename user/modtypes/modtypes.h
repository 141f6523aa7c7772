/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The glue between libsymtab (module files) and libexplain (genksyms
 * types): what the `symtab` commands call to explain a version mismatch
 * and to store a module's types.
 *
 *   module_types.h       a module's versioned names and stored types
 *   module_types_pack.h  the .symtab_types section from genksyms output
 *   mismatch_explain.h   why imports' CRCs disagree: a module's batch of
 *                        them, grouped as `symtab explain` groups
 *   target_build.h       the same module built for another kernel
 */
#ifndef _SYMTAB_MODTYPES_H
#define _SYMTAB_MODTYPES_H

#include "mismatch_explain.h"
#include "module_types.h"
#include "module_types_pack.h"
#include "target_build.h"

#endif /* _SYMTAB_MODTYPES_H */
