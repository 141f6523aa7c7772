// SPDX-License-Identifier: GPL-2.0-only
/*
 * elf_edit: damage one field of an ELF64 object in place, for the
 * malformed-input tests.  libelf finds where things are; the bytes are
 * then written directly, so the damage is exactly what was asked.
 *
 *   elf_edit FILE ehdr FIELD VALUE          class data machine type
 *                                           shentsize shoff shnum shstrndx
 *   elf_edit FILE shdr SECTION FIELD VALUE  type size offset link info
 *                                           entsize (VALUE @NAME: the index
 *                                           of section NAME, +NAME: its
 *                                           file offset)
 *   elf_edit FILE sym SYMBOL FIELD VALUE    size value shndx
 *   elf_edit FILE symbyte SYMBOL OFF VALUE  a byte of a symbol's object
 *   elf_edit FILE symfill SYMBOL OFF LEN VALUE  LEN such bytes
 *   elf_edit FILE secbyte SECTION OFF VALUE a byte of a section (OFF < 0:
 *                                           from the end)
 *   elf_edit FILE rela SECTION INDEX VALUE  a relocation's r_offset
 *   elf_edit FILE truncate LENGTH
 *   elf_edit FILE offsetof SYMBOL           print the symbol's file offset
 */
#include <fcntl.h>
#include <gelf.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static Elf *elf;
static int fd;

static void die(const char *what)
{
	fprintf(stderr, "elf_edit: %s\n", what);
	exit(2);
}

static void put(off_t off, unsigned long long v, size_t n)
{
	unsigned char b[8];
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = v >> (8 * i);
	if (pwrite(fd, b, n, off) != (ssize_t)n)
		die("write failed");
}

static Elf_Scn *section(const char *name, size_t *index)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	size_t strndx;
	const char *n;

	if (elf_getshdrstrndx(elf, &strndx))
		die("no section names");
	while ((scn = elf_nextscn(elf, scn))) {
		gelf_getshdr(scn, &sh);
		n = elf_strptr(elf, strndx, sh.sh_name);
		if (n && !strcmp(n, name)) {
			*index = elf_ndxscn(scn);
			return scn;
		}
	}
	die("no such section");
	return NULL;
}

/* The symbol's index, file offset of its entry, and the entry. */
static off_t symbol(const char *name, GElf_Sym *sym)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	Elf_Data *d;
	size_t i;

	while ((scn = elf_nextscn(elf, scn))) {
		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_SYMTAB)
			continue;
		d = elf_getdata(scn, NULL);
		for (i = 0; i < sh.sh_size / sizeof(Elf64_Sym); i++) {
			gelf_getsym(d, i, sym);
			if (!strcmp(elf_strptr(elf, sh.sh_link, sym->st_name),
				    name))
				return sh.sh_offset + i * sizeof(Elf64_Sym);
		}
	}
	die("no such symbol");
	return 0;
}

static off_t symbol_data(const char *name)
{
	GElf_Sym sym;
	GElf_Shdr sh;

	symbol(name, &sym);
	gelf_getshdr(elf_getscn(elf, sym.st_shndx), &sh);
	return sh.sh_offset + sym.st_value;
}

/* A number, @SECTION for that section's index, +SECTION for its offset. */
static unsigned long long value(const char *s)
{
	GElf_Shdr sh;
	size_t index;

	if (s[0] == '+') {
		gelf_getshdr(section(s + 1, &index), &sh);
		return sh.sh_offset;
	}
	if (s[0] == '@') {
		section(s + 1, &index);
		return index;
	}
	return strtoull(s, NULL, 0);
}

static void edit_ehdr(const char *field, unsigned long long v)
{
	static const struct { const char *name; size_t off, n; } f[] = {
		{ "class", EI_CLASS, 1 }, { "data", EI_DATA, 1 },
		{ "type", offsetof(Elf64_Ehdr, e_type), 2 },
		{ "machine", offsetof(Elf64_Ehdr, e_machine), 2 },
		{ "shoff", offsetof(Elf64_Ehdr, e_shoff), 8 },
		{ "shentsize", offsetof(Elf64_Ehdr, e_shentsize), 2 },
		{ "shnum", offsetof(Elf64_Ehdr, e_shnum), 2 },
		{ "shstrndx", offsetof(Elf64_Ehdr, e_shstrndx), 2 },
	};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(f[i].name, field))
			return put(f[i].off, v, f[i].n);
	die("unknown ELF header field");
}

static void edit_shdr(const char *name, const char *field,
		      unsigned long long v)
{
	static const struct { const char *name; size_t off, n; } f[] = {
		{ "type", offsetof(Elf64_Shdr, sh_type), 4 },
		{ "offset", offsetof(Elf64_Shdr, sh_offset), 8 },
		{ "size", offsetof(Elf64_Shdr, sh_size), 8 },
		{ "link", offsetof(Elf64_Shdr, sh_link), 4 },
		{ "info", offsetof(Elf64_Shdr, sh_info), 4 },
		{ "entsize", offsetof(Elf64_Shdr, sh_entsize), 8 },
	};
	GElf_Ehdr eh;
	size_t i, index;

	section(name, &index);
	gelf_getehdr(elf, &eh);
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(f[i].name, field))
			return put(eh.e_shoff + index * sizeof(Elf64_Shdr) +
				   f[i].off, v, f[i].n);
	die("unknown section header field");
}

static void edit_sym(const char *name, const char *field,
		     unsigned long long v)
{
	GElf_Sym sym;
	off_t at = symbol(name, &sym);

	if (!strcmp(field, "size"))
		put(at + offsetof(Elf64_Sym, st_size), v, 8);
	else if (!strcmp(field, "value"))
		put(at + offsetof(Elf64_Sym, st_value), v, 8);
	else if (!strcmp(field, "shndx"))
		put(at + offsetof(Elf64_Sym, st_shndx), v, 2);
	else
		die("unknown symbol field");
}

static void edit_secbyte(const char *name, long long off,
			 unsigned long long v)
{
	GElf_Shdr sh;
	size_t index;

	gelf_getshdr(section(name, &index), &sh);
	put(sh.sh_offset + (off < 0 ? (long long)sh.sh_size + off : off),
	    v, 1);
}

static void edit_rela(const char *name, size_t i, unsigned long long v)
{
	GElf_Shdr sh;
	size_t index;

	gelf_getshdr(section(name, &index), &sh);
	put(sh.sh_offset + i * sizeof(Elf64_Rela) +
	    offsetof(Elf64_Rela, r_offset), v, 8);
}

int main(int argc, char *argv[])
{
	if (argc < 3)
		die("usage: elf_edit FILE OP ARGS...");
	fd = open(argv[1], O_RDWR);
	if (fd < 0)
		die("cannot open the file");
	if (!strcmp(argv[2], "truncate") && argc == 4)
		return ftruncate(fd, strtoll(argv[3], NULL, 0)) ? 1 : 0;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF)
		die("not ELF");
	if (!strcmp(argv[2], "ehdr") && argc == 5)
		edit_ehdr(argv[3], strtoull(argv[4], NULL, 0));
	else if (!strcmp(argv[2], "shdr") && argc == 6)
		edit_shdr(argv[3], argv[4], value(argv[5]));
	else if (!strcmp(argv[2], "sym") && argc == 6)
		edit_sym(argv[3], argv[4], strtoull(argv[5], NULL, 0));
	else if (!strcmp(argv[2], "symbyte") && argc == 6)
		put(symbol_data(argv[3]) + strtoll(argv[4], NULL, 0),
		    strtoull(argv[5], NULL, 0), 1);
	else if (!strcmp(argv[2], "symfill") && argc == 7)
		for (long long i = 0; i < strtoll(argv[5], NULL, 0); i++)
			put(symbol_data(argv[3]) + strtoll(argv[4], NULL, 0) +
			    i, strtoull(argv[6], NULL, 0), 1);
	else if (!strcmp(argv[2], "secbyte") && argc == 6)
		edit_secbyte(argv[3], strtoll(argv[4], NULL, 0),
			     strtoull(argv[5], NULL, 0));
	else if (!strcmp(argv[2], "rela") && argc == 6)
		edit_rela(argv[3], strtoull(argv[4], NULL, 0),
			  strtoull(argv[5], NULL, 0));
	else if (!strcmp(argv[2], "offsetof") && argc == 4)
		printf("%lld\n", (long long)symbol_data(argv[3]));
	else
		die("unknown operation");
	elf_end(elf);
	return close(fd) ? 1 : 0;
}
