// SPDX-License-Identifier: GPL-2.0-only
/*
 * kfuzz-mutate: reading the module (libelf finds the blocks, the
 * relocations that write into them, the symbols that name them and the
 * sections symtab.ko reads), listing it, and writing a mutant.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <symtab/types_section.h>

#include "mutate.h"

unsigned char *in, *out;
size_t len;
struct section *secs;
size_t nsecs;
struct symbol *syms;
size_t nsyms;
struct block blocks[MAX_ITEMS];
size_t nblocks;
struct rela relas[MAX_ITEMS];	/* those that write into blocks */
size_t nrelas;
size_t symsel[MAX_ITEMS];	/* symbols of interest, by index */
size_t nsymsel;
int sec_versions = -1, sec_types = -1;
const struct symbol *abi_sym;

/* ---- finding what symtab.ko reads ---- */

static int is_block_at(const unsigned char *p, size_t room)
{
	return room >= HDR_SIZE + REC_SIZE &&
	       get(p, 0, 4) == SYMTAB_ABI_MAGIC &&
	       get(p, 4, 2) == SYMTAB_ABI_FORMAT &&
	       get(p, 6, 2) == REC_SIZE;
}

static void add_block(unsigned int sec, size_t secoff, size_t size)
{
	const struct section *s = &secs[sec];
	struct block *b;
	size_t i;

	for (i = 0; i < nblocks; i++)
		if (blocks[i].sec == sec && blocks[i].secoff == secoff) {
			if (size)
				blocks[i].size = size;
			return;
		}
	if (nblocks == MAX_ITEMS || s->sh.sh_type == SHT_NOBITS ||
	    secoff >= s->sh.sh_size)
		return;
	b = &blocks[nblocks];
	b->sec = sec;
	b->secoff = secoff;
	b->off = s->sh.sh_offset + secoff;
	if (!is_block_at(in + b->off, s->sh.sh_size - secoff))
		return;
	b->import = in[b->off + HDR_SIZE + 4] == SYMTAB_KIND_IMPORT;
	if (!size) {
		/* No symbol (stripped): count up to the END record. */
		size_t room = s->sh.sh_size - secoff - HDR_SIZE;

		if (b->import)
			size = HDR_SIZE + REC_SIZE;
		else
			for (size = HDR_SIZE; size + REC_SIZE <= room + HDR_SIZE;
			     size += REC_SIZE)
				if (in[b->off + size + 4] == SYMTAB_KIND_END) {
					size += REC_SIZE;
					break;
				}
	}
	b->size = size;
	b->nrec = (size - HDR_SIZE) / REC_SIZE;
	if (b->nrec > MAX_ITEMS)
		b->nrec = MAX_ITEMS;
	for (i = 0; i < b->nrec; i++)
		memcpy(b->orig[i], in + b->off + HDR_SIZE + i * REC_SIZE + 16,
		       SYMTAB_NAME_LEN);
	nblocks++;
}

static void name_block(unsigned int sec, size_t secoff,
		       const struct symbol *sym)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		if (blocks[i].sec == sec && blocks[i].secoff == secoff) {
			blocks[i].named = 1;
			blocks[i].sym = sym;
		}
}

void load(const char *path)
{
	struct stat st;
	Elf_Scn *scn = NULL;
	size_t shstrndx, i;
	Elf *elf;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st))
		die("%s: %s", path, strerror(errno));
	len = st.st_size;
	in = malloc(len);
	out = malloc(len);
	if (!in || !out || read(fd, in, len) != (ssize_t)len)
		die("%s: cannot read", path);
	close(fd);
	memcpy(out, in, len);

	elf_version(EV_CURRENT);
	elf = elf_memory((char *)in, len);
	if (!elf || elf_kind(elf) != ELF_K_ELF || gelf_getclass(elf) != ELFCLASS64)
		die("%s: not an ELF64 object", path);
	if (elf_getshdrnum(elf, &nsecs) || elf_getshdrstrndx(elf, &shstrndx))
		die("%s: no sections", path);
	secs = calloc(nsecs, sizeof(*secs));
	if (!secs)
		die("out of memory");
	while ((scn = elf_nextscn(elf, scn))) {
		size_t idx = elf_ndxscn(scn);
		struct section *s = &secs[idx];
		GElf_Ehdr eh;

		gelf_getehdr(elf, &eh);
		gelf_getshdr(scn, &s->sh);
		s->hdr = eh.e_shoff + idx * eh.e_shentsize;
		s->name = elf_strptr(elf, shstrndx, s->sh.sh_name);
		if (!s->name)
			s->name = "";
		if (!strcmp(s->name, SYMTAB_ABI_SECTION))
			sec_versions = idx;
		if (!strcmp(s->name, SYMTAB_TYPES_SECTION))
			sec_types = idx;
		if (s->sh.sh_offset + s->sh.sh_size > len &&
		    s->sh.sh_type != SHT_NOBITS)
			die("%s: section %zu past the end", path, idx);
	}

	/* Symbols: the blocks they name. */
	scn = NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_SYMTAB)
			continue;
		d = elf_getdata(scn, NULL);
		nsyms = sh.sh_size / sizeof(Elf64_Sym);
		syms = calloc(nsyms, sizeof(*syms));
		if (!syms)
			die("out of memory");
		for (i = 0; i < nsyms; i++) {
			struct symbol *y = &syms[i];

			gelf_getsym(d, i, &y->sym);
			y->ent = sh.sh_offset + i * sizeof(Elf64_Sym);
			y->name = elf_strptr(elf, sh.sh_link, y->sym.st_name);
			if (!y->name)
				y->name = "";
			y->name_off = secs[sh.sh_link].sh.sh_offset +
				      y->sym.st_name;
		}
		break;
	}
	for (i = 0; i < nsyms; i++) {
		const GElf_Sym *s = &syms[i].sym;
		const char *n = syms[i].name;
		int want = 0;

		if (s->st_shndx == SHN_UNDEF) {
			/*
			 * Only the data reference: a function the module
			 * calls, redirected, is the module's own crash.
			 */
			want = !strcmp(n, "symtab_abi_format");
			if (want)
				abi_sym = &syms[i];
		} else if (s->st_shndx < nsecs &&
			 GELF_ST_TYPE(s->st_info) == STT_OBJECT) {
			const struct section *sec = &secs[s->st_shndx];

			if (sec->sh.sh_type != SHT_NOBITS &&
			    s->st_value < sec->sh.sh_size &&
			    is_block_at(in + sec->sh.sh_offset + s->st_value,
					sec->sh.sh_size - s->st_value)) {
				add_block(s->st_shndx, s->st_value, s->st_size);
				name_block(s->st_shndx, s->st_value, &syms[i]);
				want = 1;
			}
		}
		if (want && nsymsel < MAX_ITEMS)
			symsel[nsymsel++] = i;
	}
	/* Blocks without symbols: a stripped module, or a static table. */
	for (i = 1; i < nsecs; i++) {
		const struct section *s = &secs[i];
		size_t o;

		if (!(s->sh.sh_flags & SHF_ALLOC) || s->sh.sh_type != SHT_PROGBITS ||
		    (s->sh.sh_flags & SHF_EXECINSTR))
			continue;
		for (o = 0; o + HDR_SIZE + REC_SIZE <= s->sh.sh_size; o += 8)
			if (is_block_at(in + s->sh.sh_offset + o, s->sh.sh_size - o))
				add_block(i, o, 0);
	}

	/* Relocations that write into a block. */
	scn = NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;
		size_t k;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_RELA)
			continue;
		d = elf_getdata(scn, NULL);
		for (i = 0; i < sh.sh_size / sizeof(Elf64_Rela); i++) {
			GElf_Rela r;

			gelf_getrela(d, i, &r);
			for (k = 0; k < nblocks; k++) {
				const struct block *b = &blocks[k];

				if (b->sec != sh.sh_info || r.r_offset < b->secoff ||
				    r.r_offset >= b->secoff + b->size)
					continue;
				if (nrelas < MAX_ITEMS) {
					relas[nrelas].ent = sh.sh_offset +
						i * sizeof(Elf64_Rela);
					relas[nrelas].r = r;
					relas[nrelas].target = sh.sh_info;
					nrelas++;
				}
			}
		}
	}
	/* elf stays open: names point into @in, which stays too. */
}

/* ---- mutations ---- */

void list(void)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		printf("block %s at %#zx (%s+%#zx) size %zu records %u first %.64s\n",
		       blocks[i].import ? "import" : "table", blocks[i].off,
		       secs[blocks[i].sec].name, blocks[i].secoff, blocks[i].size,
		       blocks[i].nrec, blocks[i].orig[0]);
	for (i = 0; i < nrelas; i++)
		printf("rela at %#zx -> %s+%#llx\n", relas[i].ent,
		       secs[relas[i].target].name,
		       (unsigned long long)relas[i].r.r_offset);
	for (i = 0; i < nsymsel; i++)
		printf("symbol %s\n", syms[symsel[i]].name);
	printf("sections versions=%d types=%d\n", sec_versions, sec_types);
}


void write_mutant(const char *path)
{
	char tmp[4096];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, out, len) != (ssize_t)len || close(fd) ||
	    rename(tmp, path))
		die("%s: cannot write: %s", path, strerror(errno));
}
