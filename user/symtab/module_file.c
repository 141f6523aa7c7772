// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytes.h"
#include "module_file.h"

/* What parsing needs beyond the result. */
struct elf_layout {
	size_t shnum;
	size_t shstrndx;
	size_t symtab;			/* section index of SHT_SYMTAB */
	Elf_Data *syms;
	Elf_Data *xindex;		/* SHT_SYMTAB_SHNDX, if any */
	size_t nr_syms;
	size_t strtab;			/* the symbols' string table */
};

int read_whole_file(const char *path, unsigned char **data, size_t *size,
		    struct symtab_error *err)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	for (;;) {
		if (len == cap) {
			unsigned char *grown;

			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap);
			if (!grown) {
				ret = error_set(err, ENOMEM, "%s: out of memory",
						path);
				goto fail;
			}
			buf = grown;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error_set(err, errno, "%s: read: %s", path,
					strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += n;
	}
	close(fd);
	*data = buf;
	*size = len;
	return 0;
fail:
	free(buf);
	close(fd);
	return ret;
}

static const char *section_name(struct module_file *mf,
				const struct elf_layout *l, size_t i)
{
	GElf_Shdr sh;
	const char *name;

	if (!gelf_getshdr(elf_getscn(mf->elf, i), &sh))
		return "?";
	name = elf_strptr(mf->elf, l->shstrndx, sh.sh_name);
	return name ? name : "?";
}

static int check_header(struct module_file *mf, struct symtab_error *err)
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
static int check_sections(struct module_file *mf, struct elf_layout *l,
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

static int find_symbols(struct module_file *mf, struct elf_layout *l,
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

static int add_block(struct module_file *mf, const struct module_block *mb,
		     size_t *cap, struct symtab_error *err)
{
	if (mf->nr_blocks == *cap) {
		struct module_block *grown;

		*cap = *cap ? *cap * 2 : 16;
		grown = reallocarray(mf->blocks, *cap, sizeof(*grown));
		if (!grown)
			return error_set(err, ENOMEM, "%s: out of memory",
					 mf->path);
		mf->blocks = grown;
	}
	mf->blocks[mf->nr_blocks++] = *mb;
	return 0;
}

/* Import blocks live where the registry looks, under the macro's name. */
static int check_import_placement(struct module_file *mf,
				  const struct elf_layout *l,
				  const struct module_block *mb,
				  struct symtab_error *err)
{
	const char *prefix = SYMTAB_ABI_IMPORT_PREFIX;
	struct record rec;

	block_record(&mb->blk, 0, &rec);
	if (strcmp(section_name(mf, l, mb->section), SYMTAB_ABI_SECTION))
		return error_set(err, ENOEXEC,
				 "%s: import block %s is in section %s, not %s",
				 mf->path, mb->symbol,
				 section_name(mf, l, mb->section),
				 SYMTAB_ABI_SECTION);
	if (strncmp(mb->symbol, prefix, strlen(prefix)) ||
	    strcmp(mb->symbol + strlen(prefix), rec.name))
		return error_set(err, ENOEXEC,
				 "%s: import block %s declares %s (expected the symbol %s%s)",
				 mf->path, mb->symbol, rec.name, prefix,
				 rec.name);
	return 0;
}

/* Examine one symbol; add the block it names, if it names one. */
static int examine_symbol(struct module_file *mf, const struct elf_layout *l,
			  size_t i, size_t *cap, struct symtab_error *err)
{
	struct module_block mb;
	GElf_Shdr sh;
	GElf_Sym sym;
	Elf32_Word xndx = 0;
	const char *name;
	char what[SYMTAB_ERROR_LEN / 2];
	size_t shndx;
	int ret;

	if (!gelf_getsymshndx(l->syms, l->xindex, i, &sym, &xndx))
		return error_set(err, ENOEXEC, "%s: symbol %zu: %s",
				 mf->path, i, elf_errmsg(-1));
	if (GELF_ST_TYPE(sym.st_info) != STT_OBJECT)
		return 0;
	shndx = sym.st_shndx == SHN_XINDEX ? xndx : sym.st_shndx;
	if (shndx == SHN_UNDEF || (sym.st_shndx >= SHN_LORESERVE &&
				   sym.st_shndx != SHN_XINDEX))
		return 0;
	name = elf_strptr(mf->elf, l->strtab, sym.st_name);
	if (!name)
		return error_set(err, ENOEXEC,
				 "%s: symbol %zu: name offset %u outside the string table",
				 mf->path, i, sym.st_name);
	if (shndx >= l->shnum)
		return error_set(err, ENOEXEC,
				 "%s: symbol %s: section %zu does not exist",
				 mf->path, name, shndx);
	gelf_getshdr(elf_getscn(mf->elf, shndx), &sh);
	if (sh.sh_type != SHT_PROGBITS)
		return 0;
	if (!range_ok(sym.st_value, sym.st_size, sh.sh_size))
		return error_set(err, ENOEXEC,
				 "%s: symbol %s (%llu bytes at %llu) lies outside its section %s",
				 mf->path, name,
				 (unsigned long long)sym.st_size,
				 (unsigned long long)sym.st_value,
				 section_name(mf, l, shndx));
	mb.file_offset = sh.sh_offset + sym.st_value;
	if (!block_has_magic(mf->image + mb.file_offset, sym.st_size))
		return 0;

	snprintf(what, sizeof(what), "%s: %s", mf->path, name);
	ret = block_parse(&mb.blk, mf->image + mb.file_offset, sym.st_size,
			  what, err);
	if (ret)
		return ret;
	mb.symbol = name;
	mb.section = shndx;
	if (mb.blk.kind == BLOCK_IMPORT) {
		ret = check_import_placement(mf, l, &mb, err);
		if (ret)
			return ret;
	}
	return add_block(mf, &mb, cap, err);
}

static int by_offset(const void *a, const void *b)
{
	const struct module_block *x = a, *y = b;

	if (x->file_offset != y->file_offset)
		return x->file_offset < y->file_offset ? -1 : 1;
	return x->blk.size < y->blk.size ? -1 : x->blk.size > y->blk.size;
}

/* Aliases name one block once; blocks must not overlap. */
static int sort_blocks(struct module_file *mf, struct symtab_error *err)
{
	struct module_block *prev;
	size_t i, n = 0;

	if (!mf->nr_blocks)
		return 0;
	qsort(mf->blocks, mf->nr_blocks, sizeof(*mf->blocks), by_offset);
	for (i = 1; i < mf->nr_blocks; i++) {
		prev = &mf->blocks[n];
		if (mf->blocks[i].file_offset == prev->file_offset &&
		    mf->blocks[i].blk.size == prev->blk.size)
			continue;
		if (mf->blocks[i].file_offset < prev->file_offset +
						 prev->blk.size)
			return error_set(err, ENOEXEC,
					 "%s: blocks %s and %s overlap",
					 mf->path, prev->symbol,
					 mf->blocks[i].symbol);
		mf->blocks[++n] = mf->blocks[i];
	}
	mf->nr_blocks = n + 1;
	return 0;
}

static const struct module_block *block_at(const struct module_file *mf,
					   size_t section, uint64_t off)
{
	size_t i;
	uint64_t start;

	for (i = 0; i < mf->nr_blocks; i++) {
		const struct module_block *mb = &mf->blocks[i];
		GElf_Shdr sh;

		if (mb->section != section)
			continue;
		gelf_getshdr(elf_getscn(mf->elf, section), &sh);
		start = mb->file_offset - sh.sh_offset;
		if (off >= start && off - start < mb->blk.size)
			return mb;
	}
	return NULL;
}

/*
 * Relocations may only touch the addr fields of export records: stamp
 * writes crc, flags and count, and must never write under a relocation.
 */
static int check_relocations(struct module_file *mf,
			     const struct elf_layout *l,
			     struct symtab_error *err)
{
	const struct module_block *mb;
	Elf_Scn *scn;
	Elf_Data *data;
	GElf_Shdr sh, target;
	GElf_Rela rela;
	uint64_t start, rel, field;
	size_t i, j, entsize;

	for (i = 1; i < l->shnum && mf->nr_blocks; i++) {
		scn = elf_getscn(mf->elf, i);
		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL)
			continue;
		entsize = sh.sh_type == SHT_RELA ? sizeof(Elf64_Rela) :
						   sizeof(Elf64_Rel);
		if (sh.sh_entsize != entsize || sh.sh_size % entsize)
			return error_set(err, ENOEXEC,
					 "%s: relocation section %s: entries are not %zu bytes",
					 mf->path, section_name(mf, l, i),
					 entsize);
		if (sh.sh_info == 0 || sh.sh_info >= l->shnum)
			return error_set(err, ENOEXEC,
					 "%s: relocation section %s applies to missing section %u",
					 mf->path, section_name(mf, l, i),
					 sh.sh_info);
		data = elf_getdata(scn, NULL);
		if (!data)
			return error_set(err, ENOEXEC, "%s: %s: %s", mf->path,
					 section_name(mf, l, i),
					 elf_errmsg(-1));
		gelf_getshdr(elf_getscn(mf->elf, sh.sh_info), &target);
		for (j = 0; j < sh.sh_size / entsize; j++) {
			if (sh.sh_type == SHT_RELA) {
				if (!gelf_getrela(data, j, &rela))
					return error_set(err, ENOEXEC,
							 "%s: %s: %s", mf->path,
							 section_name(mf, l, i),
							 elf_errmsg(-1));
			} else {
				GElf_Rel r;

				if (!gelf_getrel(data, j, &r))
					return error_set(err, ENOEXEC,
							 "%s: %s: %s", mf->path,
							 section_name(mf, l, i),
							 elf_errmsg(-1));
				rela.r_offset = r.r_offset;
			}
			mb = block_at(mf, sh.sh_info, rela.r_offset);
			if (!mb)
				continue;
			start = mb->file_offset - target.sh_offset;
			rel = rela.r_offset - start;
			field = rel >= BLOCK_HEADER_SIZE ?
				(rel - BLOCK_HEADER_SIZE) % BLOCK_RECORD_SIZE :
				0;
			if (mb->blk.kind != BLOCK_EXPORT_TABLE ||
			    rel < BLOCK_HEADER_SIZE ||
			    field != BLOCK_REC_ADDR ||
			    (rel - BLOCK_HEADER_SIZE) / BLOCK_RECORD_SIZE >=
			    mb->blk.nr_records)
				return error_set(err, ENOEXEC,
						 "%s: %s: relocation at byte %llu of block %s is not on an export record's addr field",
						 mf->path,
						 section_name(mf, l, i),
						 (unsigned long long)rel,
						 mb->symbol);
		}
	}
	return 0;
}

static int parse(struct module_file *mf, struct symtab_error *err)
{
	struct elf_layout l;
	size_t i, cap = 0;
	int ret;

	mf->elf = elf_memory((char *)mf->image, mf->size);
	if (!mf->elf)
		return error_set(err, ENOEXEC, "%s: not an ELF file (%s)",
				 mf->path, elf_errmsg(-1));
	ret = check_header(mf, err);
	if (!ret)
		ret = check_sections(mf, &l, err);
	if (!ret)
		ret = find_symbols(mf, &l, err);
	for (i = 1; !ret && i < l.nr_syms; i++)
		ret = examine_symbol(mf, &l, i, &cap, err);
	if (!ret)
		ret = sort_blocks(mf, err);
	if (!ret)
		ret = check_relocations(mf, &l, err);
	return ret;
}

int module_file_parse(const char *path, const void *image, size_t size,
		      struct module_file **out, struct symtab_error *err)
{
	struct module_file *mf;
	int ret;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return error_set(err, ENOSYS, "libelf: %s", elf_errmsg(-1));
	mf = calloc(1, sizeof(*mf));
	if (!mf)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	mf->path = strdup(path);
	/* One spare byte keeps a zero-length image a valid allocation. */
	mf->image = malloc(size + 1);
	if (!mf->path || !mf->image) {
		module_file_free(mf);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	memcpy(mf->image, image, size);
	mf->size = size;
	ret = parse(mf, err);
	if (ret) {
		module_file_free(mf);
		return ret;
	}
	*out = mf;
	return 0;
}

int module_file_open(const char *path, struct module_file **out,
		     struct symtab_error *err)
{
	unsigned char *data;
	size_t size;
	int ret;

	ret = read_whole_file(path, &data, &size, err);
	if (ret)
		return ret;
	ret = module_file_parse(path, data, size, out, err);
	free(data);
	return ret;
}

void module_file_free(struct module_file *mf)
{
	if (!mf)
		return;
	elf_end(mf->elf);
	free(mf->blocks);
	free(mf->image);
	free(mf->path);
	free(mf);
}
