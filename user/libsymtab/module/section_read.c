// SPDX-License-Identifier: GPL-2.0-only
#include <gelf.h>
#include <string.h>

#include "section_read.h"

const unsigned char *section_find(const struct module_file *mf,
				  const char *name, size_t *len)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	const char *n;
	size_t strndx;

	if (elf_getshdrstrndx(mf->elf, &strndx))
		return NULL;
	while ((scn = elf_nextscn(mf->elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			return NULL;
		n = elf_strptr(mf->elf, strndx, sh.sh_name);
		if (!n || strcmp(n, name) || sh.sh_type == SHT_NOBITS)
			continue;
		/* module_file_parse() checked every section's range. */
		*len = sh.sh_size;
		return mf->image + sh.sh_offset;
	}
	return NULL;
}
