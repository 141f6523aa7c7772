/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Validation of the ELF container of a module file, once, up front: the
 * header (ELFCLASS64, little-endian, x86-64, ET_REL), every section inside
 * the file and apart from the others, terminated string tables, one
 * symbol table.  What it finds is kept in a struct elf_layout for the
 * block search (module_file.c); every check names the file.
 */
#ifndef _SYMTAB_ELF_VALIDATE_H
#define _SYMTAB_ELF_VALIDATE_H

#include "module_file.h"

/* What the block search needs to know about the container. */
struct elf_layout {
	size_t shnum;
	size_t shstrndx;
	size_t symtab;			/* section index of SHT_SYMTAB */
	Elf_Data *syms;
	Elf_Data *xindex;		/* SHT_SYMTAB_SHNDX, if any */
	size_t nr_syms;
	size_t strtab;			/* the symbols' string table */
};

int elf_validate_header(struct module_file *mf, struct symtab_error *err);
int elf_validate_sections(struct module_file *mf, struct elf_layout *l,
			  struct symtab_error *err);
int elf_find_symbols(struct module_file *mf, struct elf_layout *l,
		     struct symtab_error *err);

/* The name of section @i, or "?". */
const char *elf_section_name(struct module_file *mf,
			     const struct elf_layout *l, size_t i);

#endif /* _SYMTAB_ELF_VALIDATE_H */
