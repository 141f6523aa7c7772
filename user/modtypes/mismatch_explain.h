/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why an import's version disagrees with its provider's: the changes
 * behind the two CRCs, from the types both modules stored, printed under
 * the refusal line.
 */
#ifndef _SYMTAB_MISMATCH_EXPLAIN_H
#define _SYMTAB_MISMATCH_EXPLAIN_H

#include "libsymtab.h"

/*
 * explain_mismatch() - print, on stderr, what changed behind @res
 * @known, @nr: module files to look in for a resident provider's file
 *	when modules.dep does not know it
 *
 * Without the provider's file or stored types, the line says so and only
 * the CRCs are compared.
 */
void explain_mismatch(const struct module_file *importer,
		      const struct import_resolution *res,
		      struct module_file *const *known, size_t nr);


/*
 * explain_kernel_mismatch() - print, on stderr, what changed behind the
 * __versions CRC of @res->name that @mf holds and the target kernel's
 * @rebuilt: the same module built for the target kernel, whose stored
 *	types give the target's side (NULL: none at hand, said once by the
 *	caller)
 */
void explain_kernel_mismatch(const struct module_file *mf,
			     const struct kernel_import *res,
			     const char *rebuilt);

#endif /* _SYMTAB_MISMATCH_EXPLAIN_H */
