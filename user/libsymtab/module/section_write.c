// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "section_write.h"

#define SHDR(i)		((size_t)(i) * sizeof(Elf64_Shdr))
#define SHDR_FIELD(i, f) (SHDR(i) + offsetof(Elf64_Shdr, f))

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Index of the section named @name, or 0. */
static size_t find_index(const struct module_file *mf, const char *name,
			 size_t strndx)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	const char *n;

	while ((scn = elf_nextscn(mf->elf, scn))) {
		gelf_getshdr(scn, &sh);
		n = elf_strptr(mf->elf, strndx, sh.sh_name);
		if (n && !strcmp(n, name))
			return elf_ndxscn(scn);
	}
	return 0;
}

/*
 * Only a plain data section that nothing else refers to (no relocations
 * apply to it, no section links to it), unallocated unless @alloc_ok; its
 * alignment must be one the end of the file can give (8).
 */
static bool replaceable(const struct module_file *mf, size_t index,
			size_t shnum, size_t strndx, bool alloc_ok)
{
	GElf_Shdr sh;
	size_t i;

	gelf_getshdr(elf_getscn(mf->elf, index), &sh);
	if (sh.sh_type != SHT_PROGBITS || index == strndx ||
	    ((sh.sh_flags & SHF_ALLOC) && !alloc_ok) || sh.sh_addralign > 8)
		return false;
	for (i = 1; i < shnum; i++) {
		gelf_getshdr(elf_getscn(mf->elf, i), &sh);
		if (sh.sh_link == index ||
		    ((sh.sh_type == SHT_REL || sh.sh_type == SHT_RELA) &&
		     sh.sh_info == index))
			return false;
	}
	return true;
}

static int place_section(const struct module_file *mf,
			 const unsigned char *image, const char *name,
			 const void *data, size_t len, bool alloc_ok,
			 unsigned char **out, size_t *out_len,
			 struct symtab_error *err)
{
	size_t shnum, strndx, index, str_size, data_at, str_at, sh_at, size;
	size_t name_len = strlen(name) + 1;
	GElf_Shdr str_sh;
	GElf_Ehdr eh;
	unsigned char *o, *sh;
	bool adding;

	if (elf_getshdrnum(mf->elf, &shnum) ||
	    elf_getshdrstrndx(mf->elf, &strndx) || !gelf_getehdr(mf->elf, &eh) ||
	    !gelf_getshdr(elf_getscn(mf->elf, strndx), &str_sh))
		return error_set(err, EINVAL, "%s: %s", mf->path,
				 elf_errmsg(-1));
	index = find_index(mf, name, strndx);
	adding = index == 0;
	if (adding && alloc_ok)
		return error_set(err, EINVAL, "%s: no section %s", mf->path,
				 name);
	if (!adding && alloc_ok &&
	    !replaceable(mf, index, shnum, strndx, alloc_ok))
		return error_set(err, EINVAL,
				 "%s: its section %s is not plain data that only the loader reads (a different type or alignment, or used by another section): not replacing it",
				 mf->path, name);
	if (!adding && !replaceable(mf, index, shnum, strndx, alloc_ok))
		return error_set(err, EINVAL,
				 "%s: it has a section %s that is not one symtab stored (a different type, allocated, or used by another section): not replacing it",
				 mf->path, name);
	if (adding && shnum + 1 >= SHN_LORESERVE)
		return error_set(err, EINVAL,
				 "%s: too many sections to add %s", mf->path,
				 name);
	str_size = adding ? str_sh.sh_size + name_len : 0;
	data_at = align8(mf->size);
	str_at = data_at + len;
	sh_at = align8(str_at + str_size);
	size = sh_at + SHDR(shnum + adding);
	if (len > SIZE_MAX / 2 || size < mf->size)
		return error_set(err, EINVAL, "%s: section too large",
				 mf->path);
	o = calloc(1, size);
	if (!o)
		return error_set(err, ENOMEM, "%s: out of memory", mf->path);

	memcpy(o, image, mf->size);
	memcpy(o + data_at, data, len);
	sh = o + sh_at;
	memcpy(sh, image + eh.e_shoff, SHDR(shnum));
	if (adding) {
		memcpy(o + str_at, image + str_sh.sh_offset, str_sh.sh_size);
		memcpy(o + str_at + str_sh.sh_size, name, name_len);
		put_le64(sh + SHDR_FIELD(strndx, sh_offset), str_at);
		put_le64(sh + SHDR_FIELD(strndx, sh_size), str_size);
		index = shnum;
		memset(sh + SHDR(index), 0, sizeof(Elf64_Shdr));
		put_le32(sh + SHDR_FIELD(index, sh_name), str_sh.sh_size);
		put_le32(sh + SHDR_FIELD(index, sh_type), SHT_PROGBITS);
		put_le64(sh + SHDR_FIELD(index, sh_addralign), 1);
		/* Extended numbering keeps the count in section 0. */
		if (eh.e_shnum)
			put_le16(o + offsetof(Elf64_Ehdr, e_shnum), shnum + 1);
		else
			put_le64(sh + SHDR_FIELD(0, sh_size), shnum + 1);
	}
	put_le64(sh + SHDR_FIELD(index, sh_offset), data_at);
	put_le64(sh + SHDR_FIELD(index, sh_size), len);
	put_le64(o + offsetof(Elf64_Ehdr, e_shoff), sh_at);
	*out = o;
	*out_len = size;
	return 0;
}

int section_set(const struct module_file *mf, const unsigned char *image,
		const char *name, const void *data, size_t len,
		unsigned char **out, size_t *out_len, struct symtab_error *err)
{
	return place_section(mf, image, name, data, len, false, out, out_len,
			     err);
}

int section_replace(const struct module_file *mf, const unsigned char *image,
		    const char *name, const void *data, size_t len,
		    unsigned char **out, size_t *out_len,
		    struct symtab_error *err)
{
	return place_section(mf, image, name, data, len, true, out, out_len,
			     err);
}
