// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "elf_validate.h"
#include "module_file.h"

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
	if (strcmp(elf_section_name(mf, l, mb->section), SYMTAB_ABI_SECTION))
		return error_set(err, ENOEXEC,
				 "%s: import block %s is in section %s, not %s",
				 mf->path, mb->symbol,
				 elf_section_name(mf, l, mb->section),
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
				 elf_section_name(mf, l, shndx));
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

/* The import blocks seen so far, and the number the first one gave. */
struct import_total {
	size_t found;
	uint32_t total;
	char first[SYMTAB_ERROR_LEN / 4];	/* how messages name it */
};

static int count_import(struct module_file *mf, struct import_total *t,
			const struct block *blk, const char *label,
			struct symtab_error *err)
{
	if (!t->found++) {
		t->total = blk->header_imports;
		snprintf(t->first, sizeof(t->first), "%s", label);
		return 0;
	}
	if (blk->header_imports != t->total)
		return error_set(err, ENOEXEC,
				 "%s: malformed import blocks: %s counts %u import blocks, %s counts %u",
				 mf->path, t->first, t->total, label,
				 blk->header_imports);
	return 0;
}

/*
 * A module stripped of its local symbols (strip --strip-unneeded) has no
 * symbol naming its import blocks: symtab.ko reads them by content, a run
 * of blocks from the start of the versions section, as long as each has
 * the magic and is not an export table.  The same run here, each block
 * checked, for the same count.
 */
static int scan_stripped_imports(struct module_file *mf,
				 const struct elf_layout *l,
				 struct import_total *t,
				 struct symtab_error *err)
{
	const size_t bsize = block_record_offset(1);
	char label[SYMTAB_ERROR_LEN / 4], what[SYMTAB_ERROR_LEN / 2];
	const unsigned char *p;
	struct block blk;
	GElf_Shdr sh;
	size_t i, off;
	uint8_t kind;
	int ret;

	for (i = 1; i < l->shnum; i++) {
		gelf_getshdr(elf_getscn(mf->elf, i), &sh);
		if (sh.sh_type == SHT_PROGBITS &&
		    !strcmp(elf_section_name(mf, l, i), SYMTAB_ABI_SECTION))
			break;
	}
	for (off = 0; i < l->shnum && off + bsize <= sh.sh_size; off += bsize) {
		p = mf->image + sh.sh_offset + off;
		kind = p[block_record_offset(0) + BLOCK_REC_KIND];
		if (get_le32(p) != SYMTAB_ABI_MAGIC || (block_has_magic(p, bsize) &&
		    (kind == SYMTAB_KIND_EXPORT || kind == SYMTAB_KIND_END)))
			break;
		if (!off && kind != SYMTAB_KIND_IMPORT)
			break;
		snprintf(label, sizeof(label), "the block at byte %zu of %s",
			 off, SYMTAB_ABI_SECTION);
		snprintf(what, sizeof(what), "%s: %s", mf->path, label);
		ret = block_parse(&blk, p, bsize, what, err);
		if (ret)
			return ret;
		ret = count_import(mf, t, &blk, label, err);
		if (ret)
			return ret;
	}
	if (t->found && !t->total)
		return error_set(err, ENOEXEC,
				 "%s: malformed import blocks: found by content, they carry no count: run symtab stamp before strip",
				 mf->path);
	return 0;
}

/* Does the module use SYMTAB_IMPORT(), which refers to symtab_abi_format? */
static bool refers_to_imports(struct module_file *mf,
			      const struct elf_layout *l)
{
	const char *name;
	GElf_Sym sym;
	size_t i;

	for (i = 1; i < l->nr_syms; i++) {
		if (!gelf_getsym(l->syms, i, &sym) || sym.st_shndx != SHN_UNDEF)
			continue;
		name = elf_strptr(mf->elf, l->strtab, sym.st_name);
		if (name && !strcmp(name, "symtab_abi_format"))
			return true;
	}
	return false;
}

/*
 * Every import block says how many the module has (symtab stamp writes
 * it, 0 before): they must agree, and a count must be the number found,
 * as symtab.ko requires.  A block damaged where no symbol names it hides
 * itself and those after it from symtab.ko: only the count shows that.
 */
static int check_import_total(struct module_file *mf,
			      const struct elf_layout *l,
			      struct symtab_error *err)
{
	struct import_total t = { 0 };
	size_t i;
	int ret;

	for (i = 0; i < mf->nr_blocks; i++) {
		if (mf->blocks[i].blk.kind != BLOCK_IMPORT)
			continue;
		ret = count_import(mf, &t, &mf->blocks[i].blk,
				   mf->blocks[i].symbol, err);
		if (ret)
			return ret;
	}
	if (!t.found) {
		ret = scan_stripped_imports(mf, l, &t, err);
		if (ret)
			return ret;
	}
	if (!t.found && refers_to_imports(mf, l))
		return error_set(err, ENOEXEC,
				 "%s: refers to symtab imports but no import block can be found",
				 mf->path);
	if (t.total && t.total != t.found)
		return error_set(err, ENOEXEC,
				 "%s: malformed import blocks: %zu found, the blocks count %u",
				 mf->path, t.found, t.total);
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
					 mf->path, elf_section_name(mf, l, i),
					 entsize);
		if (sh.sh_info == 0 || sh.sh_info >= l->shnum)
			return error_set(err, ENOEXEC,
					 "%s: relocation section %s applies to missing section %u",
					 mf->path, elf_section_name(mf, l, i),
					 sh.sh_info);
		data = elf_getdata(scn, NULL);
		if (!data)
			return error_set(err, ENOEXEC, "%s: %s: %s", mf->path,
					 elf_section_name(mf, l, i),
					 elf_errmsg(-1));
		gelf_getshdr(elf_getscn(mf->elf, sh.sh_info), &target);
		for (j = 0; j < sh.sh_size / entsize; j++) {
			if (sh.sh_type == SHT_RELA) {
				if (!gelf_getrela(data, j, &rela))
					return error_set(err, ENOEXEC,
							 "%s: %s: %s", mf->path,
							 elf_section_name(mf, l, i),
							 elf_errmsg(-1));
			} else {
				GElf_Rel r;

				if (!gelf_getrel(data, j, &r))
					return error_set(err, ENOEXEC,
							 "%s: %s: %s", mf->path,
							 elf_section_name(mf, l, i),
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
						 elf_section_name(mf, l, i),
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
	ret = elf_validate_header(mf, err);
	if (!ret)
		ret = elf_validate_sections(mf, &l, err);
	if (!ret)
		ret = elf_find_symbols(mf, &l, err);
	for (i = 1; !ret && i < l.nr_syms; i++)
		ret = examine_symbol(mf, &l, i, &cap, err);
	if (!ret)
		ret = sort_blocks(mf, err);
	if (!ret)
		ret = check_import_total(mf, &l, err);
	if (!ret)
		ret = check_relocations(mf, &l, err);
	if (!ret)
		ret = kernel_versions_read(mf, &l, &mf->kernel, err);
	return ret;
}

/* Parse @image, a malloc()ed buffer of @size + 1 bytes, which @mf owns. */
static int parse_owned(const char *path, unsigned char *image, size_t size,
		       enum module_compression c, struct module_file **out,
		       struct symtab_error *err)
{
	struct module_file *mf;
	int ret;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		free(image);
		return error_set(err, ENOSYS, "libelf: %s", elf_errmsg(-1));
	}
	mf = calloc(1, sizeof(*mf));
	if (!mf) {
		free(image);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	mf->image = image;
	mf->size = size;
	mf->compression = c;
	mf->path = strdup(path);
	if (!mf->path) {
		module_file_free(mf);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	ret = parse(mf, err);
	if (ret) {
		module_file_free(mf);
		return ret;
	}
	*out = mf;
	return 0;
}

int module_file_parse(const char *path, const void *image, size_t size,
		      struct module_file **out, struct symtab_error *err)
{
	/* One spare byte keeps a zero-length image a valid allocation. */
	unsigned char *copy = malloc(size + 1);

	if (!copy)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	memcpy(copy, image, size);
	return parse_owned(path, copy, size, MODULE_PLAIN, out, err);
}

int module_file_open(const char *path, struct module_file **out,
		     struct symtab_error *err)
{
	enum module_compression c;
	unsigned char *data;
	size_t size;
	int ret;

	ret = module_read_image(path, &data, &size, &c, err);
	if (ret)
		return ret;
	return parse_owned(path, data, size, c, out, err);
}

void module_file_free(struct module_file *mf)
{
	if (!mf)
		return;
	kernel_versions_release(&mf->kernel);
	elf_end(mf->elf);
	free(mf->blocks);
	free(mf->image);
	free(mf->path);
	free(mf);
}
