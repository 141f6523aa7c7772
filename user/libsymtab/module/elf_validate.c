// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "elf_validate.h"

const char *elf_section_name(struct module_file *mf,
			     const struct elf_layout *l, size_t i)
{
	GElf_Shdr sh;
	const char *name;

	if (!gelf_getshdr(elf_getscn(mf->elf, i), &sh))
		return "?";
	name = elf_strptr(mf->elf, l->shstrndx, sh.sh_name);
	return name ? name : "?";
}

int elf_validate_header(struct module_file *mf, struct symtab_error *err)
{
	const char *path = mf->path;
	GElf_Ehdr eh;

	if (mf->size < EI_NIDENT || memcmp(mf->image, ELFMAG, SELFMAG))
		return error_set(err, ENOEXEC, "%s: not an ELF file", path);
	if (mf->image[EI_CLASS] != ELFCLASS64)
		return error_set(err, ENOEXEC,
				 "%s: wrong ELF class %u (%s): only ELFCLASS64 objects are supported",
				 path, mf->image[EI_CLASS],
				 mf->image[EI_CLASS] == ELFCLASS32 ? "32-bit" :
				 "invalid");
	if (mf->image[EI_DATA] != ELFDATA2LSB)
		return error_set(err, ENOEXEC,
				 "%s: not a little-endian ELF file", path);
	if (elf_kind(mf->elf) != ELF_K_ELF)
		return error_set(err, ENOEXEC, "%s: not an ELF file", path);
	if (!gelf_getehdr(mf->elf, &eh))
		return error_set(err, ENOEXEC, "%s: bad ELF header: %s",
				 path, elf_errmsg(-1));
	if (eh.e_machine != EM_X86_64)
		return error_set(err, ENOEXEC,
				 "%s: wrong machine %u: only x86-64 (%u) is supported",
				 path, eh.e_machine, EM_X86_64);
	if (eh.e_type != ET_REL)
		return error_set(err, ENOEXEC,
				 "%s: ELF type %u is not a relocatable object (modules are ET_REL)",
				 path, eh.e_type);
	if (eh.e_shentsize != sizeof(Elf64_Shdr))
		return error_set(err, ENOEXEC,
				 "%s: section header size %u, expected %zu",
				 path, eh.e_shentsize, sizeof(Elf64_Shdr));
	return 0;
}

static int check_string_table(struct module_file *mf, size_t i,
			      const char *what, struct symtab_error *err)
{
	GElf_Shdr sh;

	if (!gelf_getshdr(elf_getscn(mf->elf, i), &sh))
		return error_set(err, ENOEXEC, "%s: %s (section %zu) is missing",
				 mf->path, what, i);
	if (sh.sh_type != SHT_STRTAB || sh.sh_size == 0)
		return error_set(err, ENOEXEC,
				 "%s: %s (section %zu) is not a string table",
				 mf->path, what, i);
	if (mf->image[sh.sh_offset + sh.sh_size - 1] != '\0')
		return error_set(err, ENOEXEC,
				 "%s: %s (section %zu) does not end with a NUL terminator",
				 mf->path, what, i);
	return 0;
}

struct file_range {
	uint64_t start, end;
	size_t section;		/* 0: the ELF header or section headers */
};

static int by_start(const void *a, const void *b)
{
	const struct file_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * No two sections share bytes, nor with the headers: stamping writes into
 * one section and must not change another.
 */
static int check_overlaps(struct module_file *mf, const struct elf_layout *l,
			  uint64_t shoff, struct symtab_error *err)
{
	struct file_range *r;
	GElf_Shdr sh;
	size_t i, n = 0;
	int ret = 0;

	r = calloc(l->shnum + 2, sizeof(*r));
	if (!r)
		return error_set(err, ENOMEM, "%s: out of memory", mf->path);
	r[n++] = (struct file_range){ 0, sizeof(Elf64_Ehdr), 0 };
	r[n++] = (struct file_range){ shoff,
				      shoff + l->shnum * sizeof(Elf64_Shdr),
				      0 };
	for (i = 1; i < l->shnum; i++) {
		gelf_getshdr(elf_getscn(mf->elf, i), &sh);
		if (sh.sh_type == SHT_NOBITS || sh.sh_size == 0)
			continue;
		r[n++] = (struct file_range){ sh.sh_offset,
					      sh.sh_offset + sh.sh_size, i };
	}
	qsort(r, n, sizeof(*r), by_start);
	for (i = 1; i < n && !ret; i++) {
		if (r[i].start >= r[i - 1].end)
			continue;
		if (r[i].section && r[i - 1].section)
			ret = error_set(err, ENOEXEC,
					"%s: sections %zu and %zu overlap in the file",
					mf->path, r[i - 1].section,
					r[i].section);
		else if (r[i].section || r[i - 1].section)
			ret = error_set(err, ENOEXEC,
					"%s: section %zu overlaps the ELF or section headers",
					mf->path, r[i].section + r[i - 1].section);
		else
			ret = error_set(err, ENOEXEC,
					"%s: the section headers overlap the ELF header",
					mf->path);
	}
	free(r);
	return ret;
}

/* Every section's bytes lie in the file; the name table is terminated. */
int elf_validate_sections(struct module_file *mf, struct elf_layout *l,
			  struct symtab_error *err)
{
	GElf_Ehdr eh;
	GElf_Shdr sh;
	size_t i;
	int ret;

	if (elf_getshdrnum(mf->elf, &l->shnum) ||
	    elf_getshdrstrndx(mf->elf, &l->shstrndx))
		return error_set(err, ENOEXEC, "%s: bad section headers: %s",
				 mf->path, elf_errmsg(-1));
	gelf_getehdr(mf->elf, &eh);
	if (l->shnum == 0)
		return error_set(err, ENOEXEC, "%s: no sections", mf->path);
	if (l->shnum > SIZE_MAX / sizeof(Elf64_Shdr) ||
	    !range_ok(eh.e_shoff, l->shnum * sizeof(Elf64_Shdr), mf->size))
		return error_set(err, ENOEXEC,
				 "%s: section headers extend past the end of the file (truncated?)",
				 mf->path);
	for (i = 1; i < l->shnum; i++) {
		if (!gelf_getshdr(elf_getscn(mf->elf, i), &sh))
			return error_set(err, ENOEXEC,
					 "%s: section %zu: %s", mf->path, i,
					 elf_errmsg(-1));
		if (sh.sh_type == SHT_NOBITS)
			continue;
		if (!range_ok(sh.sh_offset, sh.sh_size, mf->size))
			return error_set(err, ENOEXEC,
					 "%s: section %zu (%llu bytes at offset %llu) extends past the end of the file (%zu bytes; truncated?)",
					 mf->path, i,
					 (unsigned long long)sh.sh_size,
					 (unsigned long long)sh.sh_offset,
					 mf->size);
	}
	ret = check_overlaps(mf, l, eh.e_shoff, err);
	if (ret)
		return ret;
	if (l->shstrndx == 0 || l->shstrndx >= l->shnum)
		return error_set(err, ENOEXEC,
				 "%s: section name table (section %zu) is missing",
				 mf->path, l->shstrndx);
	ret = check_string_table(mf, l->shstrndx, "section name table", err);
	if (ret)
		return ret;
	for (i = 1; i < l->shnum; i++) {
		gelf_getshdr(elf_getscn(mf->elf, i), &sh);
		if (!elf_strptr(mf->elf, l->shstrndx, sh.sh_name))
			return error_set(err, ENOEXEC,
					 "%s: section %zu: name offset %u outside the name table",
					 mf->path, i, sh.sh_name);
	}
	return 0;
}

int elf_find_symbols(struct module_file *mf, struct elf_layout *l,
		     struct symtab_error *err)
{
	Elf_Scn *scn;
	GElf_Shdr sh;
	size_t i;
	int ret;

	l->symtab = 0;
	l->xindex = NULL;
	for (i = 1; i < l->shnum; i++) {
		scn = elf_getscn(mf->elf, i);
		gelf_getshdr(scn, &sh);
		if (sh.sh_type == SHT_SYMTAB) {
			if (l->symtab)
				return error_set(err, ENOEXEC,
						 "%s: more than one symbol table",
						 mf->path);
			l->symtab = i;
		}
	}
	if (!l->symtab)
		return error_set(err, ENOEXEC,
				 "%s: no symbol table (stripped?)", mf->path);
	scn = elf_getscn(mf->elf, l->symtab);
	gelf_getshdr(scn, &sh);
	if (sh.sh_entsize != sizeof(Elf64_Sym) ||
	    sh.sh_size % sizeof(Elf64_Sym))
		return error_set(err, ENOEXEC,
				 "%s: symbol table entries are not %zu bytes",
				 mf->path, sizeof(Elf64_Sym));
	l->strtab = sh.sh_link;
	if (l->strtab == 0 || l->strtab >= l->shnum)
		return error_set(err, ENOEXEC,
				 "%s: the symbol string table (section %zu) is missing",
				 mf->path, l->strtab);
	ret = check_string_table(mf, l->strtab, "symbol string table", err);
	if (ret)
		return ret;
	l->syms = elf_getdata(scn, NULL);
	if (!l->syms)
		return error_set(err, ENOEXEC, "%s: symbol table: %s",
				 mf->path, elf_errmsg(-1));
	l->nr_syms = sh.sh_size / sizeof(Elf64_Sym);

	for (i = 1; i < l->shnum; i++) {
		scn = elf_getscn(mf->elf, i);
		gelf_getshdr(scn, &sh);
		if (sh.sh_type == SHT_SYMTAB_SHNDX && sh.sh_link == l->symtab) {
			if (sh.sh_size / 4 < l->nr_syms)
				return error_set(err, ENOEXEC,
						 "%s: extended section index table is too short",
						 mf->path);
			l->xindex = elf_getdata(scn, NULL);
		}
	}
	return 0;
}
