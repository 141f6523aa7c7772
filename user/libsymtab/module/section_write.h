/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Giving a module file a (non-allocated) section of our own, such as
 * .symtab_types, without moving anything already there: the contents, a
 * longer copy of the section name table when the section is new, and a
 * new section header table are appended; the ELF header then points at
 * them.  What they replace stays behind as unreferenced bytes.
 */
#ifndef _SYMTAB_SECTION_WRITE_H
#define _SYMTAB_SECTION_WRITE_H

#include <stddef.h>

#include "module_file.h"
#include "section_read.h"	/* what a writer finds first */

/*
 * section_set() - @image (a same-layout copy of @mf's) with section @name
 * holding @len bytes of @data (SHT_PROGBITS, not SHF_ALLOC), added or
 * replaced.  The result goes to a new buffer in @out, @out_len.
 *
 * Return: 0, -ENOMEM, or -EINVAL with @err set.
 */
int section_set(const struct module_file *mf, const unsigned char *image,
		const char *name, const void *data, size_t len,
		unsigned char **out, size_t *out_len, struct symtab_error *err);

/*
 * section_replace() - the same for the existing section @name, allocated
 * or not (.modinfo), which must be plain data (SHT_PROGBITS, aligned to
 * at most 8) that no relocation section applies to and no section links
 * to.  Its type, flags and alignment stay; only where its bytes lie and
 * how many changes.  In a relocatable module the kernel's loader and kmod
 * find every section through its header, so contents at the end of the
 * file serve as well as the old place.
 *
 * Return: 0, -ENOMEM, or -EINVAL with @err set.
 */
int section_replace(const struct module_file *mf, const unsigned char *image,
		    const char *name, const void *data, size_t len,
		    unsigned char **out, size_t *out_len,
		    struct symtab_error *err);

#endif /* _SYMTAB_SECTION_WRITE_H */
