// SPDX-License-Identifier: GPL-2.0-only
/*
 * kfuzz-mutate: one mutant of a module, for the in-kernel fuzzer
 * (tests/kfuzz/).  Only what symtab.ko reads from a module is touched:
 * export tables and import blocks (headers, records, names), the
 * relocations that fill them, the symbols that name and size them, the
 * .symtab_versions and .symtab_types sections and their headers.  Code and
 * the rest of the container are left alone: their damage is the kernel
 * loader's business, and a module whose code is broken may crash on its
 * own.
 *
 *   kfuzz-mutate SEED INDEX IN.ko OUT.ko   write mutant INDEX of SEED
 *   kfuzz-mutate --batch SEED FIRST COUNT IN.ko DIR
 *                                          mutants FIRST.. as DIR/INDEX.ko
 *   kfuzz-mutate --list IN.ko              what it would mutate
 *
 * The mutant is a function of (SEED, INDEX, the bytes of IN.ko): libelf
 * only finds where things are, every mutation is a patch of bytes in
 * place, and the file keeps its layout.  One line on stdout describes it
 * (in --batch, after its index):
 *
 *   partner=0|1 class=symtab|elf ops=OP;OP...
 *
 * class=symtab: only bytes of blocks changed, which symtab.ko itself must
 * refuse with a "symtab:" line if it refuses; class=elf: symbols,
 * relocations or sections changed too, which the kernel's loader may
 * refuse first.  partner=1: each symbol of the tables keeps its name,
 * version and address, so a consumer may be loaded against it and call it.
 * Mutants that would make a consumer call one import through another's
 * slot (a lie no loader can see) are not produced: the next candidate is.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <symtab/abi.h>
#include <symtab/types_section.h>

#define HDR_SIZE	sizeof(struct symtab_abi_header)
#define REC_SIZE	sizeof(struct symtab_abi_record)
#define MAX_ITEMS	256
#define DESC_LEN	2048

/* A block: an export table or an import block, where it lies in the file. */
struct block {
	size_t off;		/* file offset of its header */
	size_t size;		/* bytes: its symbol's size, or counted */
	unsigned int nrec;	/* records, END included */
	int import;
	int named;		/* a symbol names it */
	unsigned int sec;	/* section index */
	size_t secoff;		/* offset in that section */
	char orig[MAX_ITEMS][SYMTAB_NAME_LEN];	/* names as built */
};

struct section {
	size_t hdr;		/* file offset of its header */
	GElf_Shdr sh;
	const char *name;
};

struct symbol {
	size_t ent;		/* file offset of its entry */
	GElf_Sym sym;
	const char *name;
	size_t name_off;	/* file offset of its name */
};

struct rela {
	size_t ent;		/* file offset of its entry */
	GElf_Rela r;
	unsigned int target;	/* the section it applies to */
};

static unsigned char *in, *out;
static size_t len;
static struct section *secs;
static size_t nsecs;
static struct symbol *syms;
static size_t nsyms;
static struct block blocks[MAX_ITEMS];
static size_t nblocks;
static struct rela relas[MAX_ITEMS];	/* those that write into blocks */
static size_t nrelas;
static size_t symsel[MAX_ITEMS];	/* symbols of interest, by index */
static size_t nsymsel;
static int sec_versions = -1, sec_types = -1;

static char desc[DESC_LEN];
static int class_elf, partner_unsafe, sym_renamed;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kfuzz-mutate: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void note(const char *fmt, ...)
{
	size_t n = strlen(desc);
	va_list ap;

	if (n && n < DESC_LEN - 1)
		desc[n++] = ';';
	va_start(ap, fmt);
	vsnprintf(desc + n, DESC_LEN - n, fmt, ap);
	va_end(ap);
}

/* splitmix64: small, good enough, and the same everywhere. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static uint64_t pick(const uint64_t *v, size_t n)
{
	return v[below(n)];
}

#define PICK(...) ({ const uint64_t _v[] = { __VA_ARGS__ };		\
	pick(_v, sizeof(_v) / sizeof(_v[0])); })

static uint64_t get(const unsigned char *b, size_t off, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && off + i < len; i++)
		v |= (uint64_t)b[off + i] << (8 * i);
	return v;
}

static void put(size_t off, uint64_t v, size_t n)
{
	size_t i;

	for (i = 0; i < n && off + i < len; i++)
		out[off + i] = v >> (8 * i);
}

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

static void name_block(unsigned int sec, size_t secoff)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		if (blocks[i].sec == sec && blocks[i].secoff == secoff)
			blocks[i].named = 1;
}

static void load(const char *path)
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

		if (s->st_shndx == SHN_UNDEF)
			/*
			 * Only the data reference: a function the module
			 * calls, redirected, is the module's own crash.
			 */
			want = !strcmp(n, "symtab_abi_format");
		else if (s->st_shndx < nsecs &&
			 GELF_ST_TYPE(s->st_info) == STT_OBJECT) {
			const struct section *sec = &secs[s->st_shndx];

			if (sec->sh.sh_type != SHT_NOBITS &&
			    s->st_value < sec->sh.sh_size &&
			    is_block_at(in + sec->sh.sh_offset + s->st_value,
					sec->sh.sh_size - s->st_value)) {
				add_block(s->st_shndx, s->st_value, s->st_size);
				name_block(s->st_shndx, s->st_value);
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

static struct block *any_block(void)
{
	return nblocks ? &blocks[below(nblocks)] : NULL;
}

static size_t rec_off(const struct block *b, unsigned int i)
{
	return b->off + HDR_SIZE + (size_t)i * REC_SIZE;
}

/* Is a file byte written by a relocation?  Then the loader checks it. */
static int relocated(size_t off)
{
	size_t i;

	for (i = 0; i < nrelas; i++) {
		size_t at = secs[relas[i].target].sh.sh_offset + relas[i].r.r_offset;

		if (off >= at && off < at + 8)
			return 1;
	}
	return 0;
}

static void mark_bytes(size_t off, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (relocated(off + i)) {
			class_elf = 1;
			partner_unsafe = 1;
		}
}

static void op_header(void)
{
	struct block *b = any_block();
	uint64_t v;

	if (!b)
		return;
	switch (below(5)) {
	case 0:
		v = below(2) ? get(out, b->off, 4) ^ (1u << below(32)) : rnd();
		put(b->off, v, 4);
		note("blk@%zx magic=%#llx", b->off, (unsigned long long)(v & 0xffffffff));
		break;
	case 1:
		v = PICK(0, 2, 0xffff, 0x100) ^ (below(4) ? 0 : rnd() & 0xffff);
		put(b->off + 4, v, 2);
		note("blk@%zx format=%#llx", b->off, (unsigned long long)(v & 0xffff));
		break;
	case 2:
		v = PICK(0, 1, 8, REC_SIZE - 1, REC_SIZE + 1, REC_SIZE - 8,
			 REC_SIZE + 8, 2 * REC_SIZE, 0xffff);
		put(b->off + 6, v, 2);
		note("blk@%zx record_size=%llu", b->off, (unsigned long long)v);
		break;
	case 3: {
		uint64_t n = b->nrec;

		v = PICK(0, 1, 2, n - 2, n - 1, n, n + 1, 2 * n, 0x7fffffff,
			 0x80000000, 0xffffffff, 0x02000000, 0x00ffffff) & 0xffffffff;
		put(b->off + 8, v, 4);
		note("blk@%zx count=%llu", b->off, (unsigned long long)v);
		break;
	}
	default:
		v = below(2) ? 1u << below(32) : rnd() & 0xffffffff;
		put(b->off + 12, v, 4);
		note("blk@%zx reserved=%#llx", b->off, (unsigned long long)v);
	}
}

static void name_set(size_t at, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < SYMTAB_NAME_LEN; i++)
		out[at + i] = i < n ? s[i] : 0;
}

static void op_record(void)
{
	struct block *b = any_block();
	unsigned int i;
	size_t r;
	uint64_t v;

	if (!b || !b->nrec)
		return;
	i = below(b->nrec);
	r = rec_off(b, i);
	switch (below(7)) {
	case 0:
		v = PICK(SYMTAB_KIND_END, SYMTAB_KIND_EXPORT, SYMTAB_KIND_IMPORT,
			 3, 0x80, 0xff);
		out[r + 4] = v;
		note("rec@%zx kind=%llu", r, (unsigned long long)v);
		break;
	case 1:
		v = PICK(0, SYMTAB_REC_VERSIONED, 2, 0x80, 0xff, 0x03);
		out[r + 5] = v ^ (below(2) ? in[r + 5] : 0);
		note("rec@%zx flags=%#x", r, out[r + 5]);
		break;
	case 2:
		v = below(2) ? 1u << below(16) : rnd() & 0xffff;
		put(r + 6, v, 2);
		note("rec@%zx reserved=%#llx", r, (unsigned long long)v);
		break;
	case 3:
		/* A CRC flip: a consumer must see the mismatch. */
		v = get(out, r, 4) ^ (below(2) ? 1u << below(32) : rnd());
		put(r, v, 4);
		note("rec@%zx crc=%#llx", r, (unsigned long long)(v & 0xffffffff));
		break;
	case 4:
		v = below(3) ? rnd() : PICK(1, 0xffffffffffffffffULL,
					    0xffffffff81000000ULL);
		mark_bytes(r + 8, 8);
		put(r + 8, v, 8);
		note("rec@%zx addr=%#llx", r, (unsigned long long)v);
		break;
	case 5: {
		/* Names: unterminated, empty, odd bytes, versioned-looking. */
		size_t at = r + 16, n = strnlen((char *)out + at, SYMTAB_NAME_LEN);
		char buf[SYMTAB_NAME_LEN + 16];

		switch (below(7)) {
		case 0:
			memset(out + at, below(2) ? 'a' : 0xff, SYMTAB_NAME_LEN);
			note("rec@%zx name=unterminated", r);
			break;
		case 1:
			memset(out + at, 0, SYMTAB_NAME_LEN);
			note("rec@%zx name=empty", r);
			break;
		case 2:
			if (n)
				out[at + below(n)] = PICK(' ', '-', '.', 0x01, 0x80,
							  0xff, '0', '%', '/');
			note("rec@%zx name=badchar", r);
			break;
		case 3:
			snprintf(buf, sizeof(buf), "%.*s_R%08llx", (int)n,
				 (char *)out + at, (unsigned long long)(rnd() & 0xffffffff));
			name_set(at, buf, strnlen(buf, SYMTAB_NAME_LEN));
			note("rec@%zx name+=_Rcrc", r);
			break;
		case 4:
			if (n)
				out[at + n - 1] ^= 1 << below(7);
			note("rec@%zx name-lastchar", r);
			break;
		case 5:
			/* Longest names: 63 and 64 characters. */
			memset(buf, 'x', sizeof(buf));
			memcpy(buf, out + at, n);
			name_set(at, buf, SYMTAB_NAME_LEN - below(2));
			note("rec@%zx name=long%d", r,
			     out[at + SYMTAB_NAME_LEN - 1] ? 64 : 63);
			break;
		default:
			if (n > 1)
				out[at + below(n - 1) + 1] = 0;
			note("rec@%zx name=truncated", r);
		}
		break;
	}
	default: {
		/* Duplicate: another record's bytes, this record's address. */
		struct block *o = any_block();
		unsigned int j = below(o->nrec);

		memcpy(out + r, in + rec_off(o, j), 8);
		memcpy(out + r + 16, in + rec_off(o, j) + 16, SYMTAB_NAME_LEN);
		note("rec@%zx=copy of rec@%zx", r, rec_off(o, j));
	}
	}
}

/* A whole import block over another: two blocks for one symbol. */
static void op_block_copy(void)
{
	struct block *a = any_block(), *b = any_block();
	size_t n;

	if (!a || a == b)
		return;
	n = a->size < b->size ? a->size : b->size;
	memcpy(out + b->off, in + a->off, n);
	mark_bytes(b->off, n);
	note("blk@%zx=copy of blk@%zx (%zu bytes)", b->off, a->off, n);
}

/* Random damage over a block: bit flips, byte runs. */
static void op_random_block(void)
{
	struct block *b = any_block();
	size_t at, n, i;

	if (!b)
		return;
	if (below(2)) {
		n = 1 + below(8);
		for (i = 0; i < n; i++) {
			at = b->off + below(b->size);
			out[at] ^= 1 << below(8);
			mark_bytes(at, 1);
		}
		note("blk@%zx %zu bitflips", b->off, n);
	} else {
		n = 1 + below(16);
		at = b->off + below(b->size);
		if (at + n > b->off + b->size)
			n = b->off + b->size - at;
		memset(out + at, PICK(0, 0xff, 0x41, 0x80), n);
		if (below(3) == 0)
			for (i = 0; i < n; i++)
				out[at + i] = rnd();
		mark_bytes(at, n);
		note("blk@%zx run %zu@%zx", b->off, n, at);
	}
}

/* Relocations that fill a table's addresses: retargeted, retyped, moved. */
static void op_rela(void)
{
	struct rela *l;
	size_t e;
	uint64_t v;

	if (!nrelas)
		return op_record();
	l = &relas[below(nrelas)];
	e = l->ent;
	class_elf = 1;
	partner_unsafe = 1;
	switch (below(5)) {
	case 0: {
		/* Another symbol: init code, a section, the table itself. */
		size_t s = 1 + below(nsyms - 1);

		v = (get(out, e + 8, 8) & 0xffffffff) | ((uint64_t)s << 32);
		put(e + 8, v, 8);
		note("rela@%zx sym=%zu(%s)", e, s, syms[s].name);
		break;
	}
	case 1:
		v = PICK(R_X86_64_NONE, R_X86_64_64, R_X86_64_32, R_X86_64_32S,
			 R_X86_64_PC32, R_X86_64_PC64);
		put(e + 8, v, 4);
		note("rela@%zx type=%llu", e, (unsigned long long)v);
		break;
	case 2:
		v = get(out, e + 16, 8) +
		    PICK(1, -1ULL, 8, -8ULL, 4096, -4096ULL, 1ULL << 40,
			 -(1ULL << 40), 0x100000, 0x8000000000000000ULL);
		put(e + 16, v, 8);
		note("rela@%zx addend=%#llx", e, (unsigned long long)v);
		break;
	case 3: {
		/* Elsewhere in the same section, as long as it fits. */
		const struct section *t = &secs[l->target];
		uint64_t o = get(out, e, 8);

		switch (below(3)) {
		case 0:
			o += below(2) ? 8 : -8ULL;
			break;
		case 1: {
			/* Onto another field of a block. */
			const struct block *b = any_block();

			if (b->sec == l->target)
				o = b->secoff + below(b->size / 8) * 8;
			break;
		}
		default:
			o += PICK(1, -1ULL, 4, -4ULL);
		}
		if (o + 8 > t->sh.sh_size)
			o = t->sh.sh_size - 8;
		put(e, o, 8);
		note("rela@%zx offset=%#llx", e, (unsigned long long)o);
		break;
	}
	default: {
		const struct rela *o = &relas[below(nrelas)];

		memcpy(out + e, in + o->ent, sizeof(Elf64_Rela));
		note("rela@%zx=copy of rela@%zx", e, o->ent);
	}
	}
}

static int section_named(const char *prefix)
{
	size_t i;

	for (i = 1; i < nsecs; i++)
		if (!strncmp(secs[i].name, prefix, strlen(prefix)))
			return i;
	return -1;
}

/* A section index to move things to: init data is the interesting one. */
static uint64_t other_section(void)
{
	int s;

	switch (below(4)) {
	case 0:
		s = section_named(".init.data");
		if (s < 0)
			s = section_named(".init.text");
		break;
	case 1:
		s = section_named(".rodata");
		break;
	case 2:
		s = PICK(SHN_ABS, SHN_UNDEF, SHN_COMMON);
		break;
	default:
		s = 1 + below(nsecs - 1);
	}
	return s < 0 ? 1 : (uint64_t)s;
}

/* The symbols naming blocks, and the undefined ones symtab looks for. */
static void op_symbol(void)
{
	const struct symbol *y;
	size_t e;
	uint64_t v;

	if (!nsymsel)
		return op_record();
	y = &syms[symsel[below(nsymsel)]];
	e = y->ent;
	class_elf = 1;
	partner_unsafe = 1;
	switch (below(6)) {
	case 0:
		v = y->sym.st_size;
		v = PICK(0, 1, 8, 16, HDR_SIZE + REC_SIZE - 1, HDR_SIZE + REC_SIZE,
			 HDR_SIZE + REC_SIZE + 1, v - 1, v + 1, v - REC_SIZE,
			 v + REC_SIZE, 2 * v, 4096, 1ULL << 32, -1ULL, 1ULL << 63);
		put(e + 16, v, 8);
		note("sym %s size=%#llx", y->name, (unsigned long long)v);
		break;
	case 1:
		v = y->sym.st_value + PICK(1, -1ULL, 8, -8ULL, REC_SIZE,
					   HDR_SIZE + REC_SIZE, 4096, 1ULL << 40);
		if (below(4) == 0)
			v = 0;
		put(e + 8, v, 8);
		note("sym %s value=%#llx", y->name, (unsigned long long)v);
		break;
	case 2:
		v = (y->sym.st_info & 0xf0) |
		    PICK(STT_NOTYPE, STT_FUNC, STT_SECTION, STT_TLS, STT_COMMON);
		if (below(3) == 0)
			v = (v & 0xf) | (PICK(STB_GLOBAL, STB_WEAK) << 4);
		out[e + 4] = v;
		note("sym %s info=%#llx", y->name, (unsigned long long)v);
		break;
	case 3:
		v = other_section();
		put(e + 6, v, 2);
		note("sym %s shndx=%llu(%s)", y->name, (unsigned long long)v,
		     v < nsecs ? secs[v].name : "special");
		break;
	case 4: {
		/* Its name: one byte changed, or another symbol's name. */
		size_t n = strlen(y->name);

		sym_renamed = 1;
		if (below(2) && n) {
			size_t at = y->name_off + below(n);

			out[at] = PICK('_', 'x', 0, 0x80, '.');
			note("sym %s name byte %zu=%#x", y->name,
			     at - y->name_off, out[at]);
		} else {
			const struct symbol *o = &syms[symsel[below(nsymsel)]];

			put(e, o->sym.st_name, 4);
			note("sym %s name=%s", y->name, o->name);
		}
		break;
	}
	default:
		v = below(2) ? STV_HIDDEN : STV_PROTECTED;
		out[e + 5] = v;
		note("sym %s other=%llu", y->name, (unsigned long long)v);
	}
}

/*
 * Is @name the name of a loaded section other than @s?  The loader keeps
 * the symbol and string tables too (for kallsyms).
 */
static int name_taken(const char *name, const struct section *s)
{
	size_t i;

	for (i = 1; i < nsecs; i++)
		if (&secs[i] != s && !strcmp(secs[i].name, name) &&
		    (((secs[i].sh.sh_flags & SHF_ALLOC) && secs[i].sh.sh_size) ||
		     secs[i].sh.sh_type == SHT_SYMTAB ||
		     secs[i].sh.sh_type == SHT_STRTAB))
			return 1;
	return 0;
}

/*
 * Another name: ".init" or ".exit" over its first characters moves a
 * section to init or exit memory; or the name of a section that is not
 * loaded, or a tail of one.  Never the name of another loaded section:
 * two sections of one name are the loader's business (sysfs complains).
 */
static void rename_section(size_t hdr, const struct section *s)
{
	size_t n = strlen(s->name);
	const char *name;
	int tries;

	if (below(2) && n >= 5 && s->name >= (const char *)in &&
	    s->name + n < (const char *)in + len) {
		/* The name's own bytes, where the string table has them. */
		size_t at = s->name - (const char *)in;

		memcpy(out + at, below(3) ? ".init" : ".exit", 5);
		note("shdr %s name=%.5s%s", s->name, (char *)out + at,
		     s->name + 5);
		return;
	}
	for (tries = 0; tries < 16; tries++) {
		const struct section *o = &secs[1 + below(nsecs - 1)];
		size_t skip = below(strlen(o->name) + 1);

		name = o->name + skip;
		if (*name == '.' && !name_taken(name, s)) {
			put(hdr, o->sh.sh_name + skip, 4);
			note("shdr %s name=%s", s->name, name);
			return;
		}
	}
	/* The name without its first character, still a valid string. */
	put(hdr, s->sh.sh_name + 1, 4);
	note("shdr %s name=%s", s->name, s->name + 1);
}

/* Do relocations apply to section @sec? */
static int has_relocs(size_t sec)
{
	size_t i;

	for (i = 1; i < nsecs; i++)
		if ((secs[i].sh.sh_type == SHT_RELA ||
		     secs[i].sh.sh_type == SHT_REL) && secs[i].sh.sh_info == sec &&
		    secs[i].sh.sh_size)
			return 1;
	return 0;
}

/* Headers of the versions and types sections, and of a table's section. */
static void op_section(void)
{
	const struct section *s;
	int cand[3], n = 0, relocated_into;
	size_t h;
	uint64_t v;

	if (sec_versions > 0)
		cand[n++] = sec_versions;
	if (sec_types > 0)
		cand[n++] = sec_types;
	if (nblocks)
		cand[n++] = blocks[below(nblocks)].sec;
	if (!n)
		return op_record();
	s = &secs[cand[below(n)]];
	h = s->hdr;
	relocated_into = has_relocs(s - secs);
	class_elf = 1;
	partner_unsafe = 1;
	switch (below(6)) {
	case 0:
		v = s->sh.sh_flags ^ PICK(SHF_ALLOC, SHF_WRITE, SHF_EXECINSTR,
					  SHF_WRITE | SHF_ALLOC);
		/* A table's own section stays writable: the module writes it. */
		if ((int)(s - secs) != sec_versions &&
		    (int)(s - secs) != sec_types)
			v = (v | SHF_WRITE) & ~(uint64_t)SHF_EXECINSTR;
		put(h + 8, v, 8);
		note("shdr %s flags=%#llx", s->name, (unsigned long long)v);
		break;
	case 1:
		v = PICK(SHT_NOBITS, SHT_PROGBITS, SHT_NOTE, SHT_NULL, 0x70000001);
		if (relocated_into)
			v = SHT_NOBITS;
		put(h + 4, v, 4);
		note("shdr %s type=%#llx", s->name, (unsigned long long)v);
		break;
	case 2:
		/*
		 * The loader writes relocations at their offset without
		 * looking at the section's size: a section they apply to
		 * keeps its size (else the loader corrupts its own memory).
		 */
		if (relocated_into)
			return rename_section(h, s);
		v = s->sh.sh_size + PICK(-8ULL, -1ULL, 1, 8, -REC_SIZE, REC_SIZE);
		if (below(4) == 0)
			v = PICK(0, 1ULL << 40);
		put(h + 32, v, 8);
		note("shdr %s size=%#llx", s->name, (unsigned long long)v);
		break;
	case 3:
		rename_section(h, s);
		break;
	case 4:
		v = PICK(0, 1, 3, 4096, 1ULL << 20);
		put(h + 48, v, 8);
		note("shdr %s addralign=%llu", s->name, (unsigned long long)v);
		break;
	default:
		if (relocated_into)
			return rename_section(h, s);
		v = s->sh.sh_offset + PICK(8, -8ULL, 1, REC_SIZE);
		put(h + 24, v, 8);
		note("shdr %s offset=%#llx", s->name, (unsigned long long)v);
	}
}

/* The types section's contents, which the kernel never reads. */
static void op_types(void)
{
	const struct section *s;
	size_t at, n;

	if (sec_types < 0 || !secs[sec_types].sh.sh_size)
		return op_record();
	s = &secs[sec_types];
	n = 1 + below(16);
	at = s->sh.sh_offset + below(below(2) ? 16 : s->sh.sh_size);
	if (at + n > s->sh.sh_offset + s->sh.sh_size)
		n = s->sh.sh_offset + s->sh.sh_size - at;
	memset(out + at, PICK(0, 0xff), n);
	note("types run %zu@%zx", n, at);
}

static void mutate_once(void)
{
	/* Weights: blocks first, then their relocations and symbols. */
	unsigned int r = below(100);

	if (r < 20)
		op_header();
	else if (r < 45)
		op_record();
	else if (r < 50)
		op_block_copy();
	else if (r < 68)
		op_random_block();
	else if (r < 80)
		op_rela();
	else if (r < 90)
		op_symbol();
	else if (r < 96)
		op_section();
	else
		op_types();
}

/*
 * Would a consumer call one import through another's slot?  Unless a
 * symbol still names the block (then symtab.ko must see that the block
 * declares another name), the module lies in a way no loader can see, and
 * what follows is its own crash.  A table giving a known name another's
 * address is refused (a duplicate) or loads without its consumer.
 */
/* Is @name the original name of a record other than record @i of @k? */
static int known_elsewhere(const char *name, size_t k, size_t i)
{
	size_t m, j;

	for (m = 0; m < nblocks; m++)
		for (j = 0; j < blocks[m].nrec; j++)
			if ((m != k || j != i) && blocks[m].orig[j][0] &&
			    !strncmp(name, blocks[m].orig[j], SYMTAB_NAME_LEN))
				return 1;
	return 0;
}

static int names_swapped(void)
{
	size_t k, i;

	for (k = 0; k < nblocks; k++) {
		const struct block *b = &blocks[k];

		for (i = 0; i < b->nrec; i++) {
			const char *now = (char *)out + rec_off(b, i) + 16;

			if (!memcmp(now, b->orig[i], SYMTAB_NAME_LEN) ||
			    !known_elsewhere(now, k, i))
				continue;
			if (b->import && (!b->named || sym_renamed))
				return 1;
			partner_unsafe = 1;
		}
	}
	return 0;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

static void list(void)
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

/* Mutant INDEX of SEED into @out; its description into @desc. */
static void make_mutant(unsigned long long seed, unsigned long long index,
			const char *base)
{
	int attempt, ops;

	rng_state = hash_str(0xcbf29ce484222325ULL ^ seed * 0x9e3779b97f4a7c15ULL,
			     base) ^ index * 0xd1342543de82ef95ULL;
	rnd();
	for (attempt = 0; attempt < 64; attempt++) {
		memcpy(out, in, len);
		desc[0] = 0;
		class_elf = partner_unsafe = sym_renamed = 0;
		/* 1 operation half the time, 2 a quarter, ... up to 4. */
		for (ops = 1; ops < 4 && below(2); ops++)
			;
		while (ops--)
			mutate_once();
		if (memcmp(out, in, len) && !names_swapped())
			return;
	}
	die("%s: no mutant for index %llu", base, index);
}

static void write_mutant(const char *path)
{
	char tmp[4096];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, out, len) != (ssize_t)len || close(fd) ||
	    rename(tmp, path))
		die("%s: cannot write: %s", path, strerror(errno));
}

int main(int argc, char **argv)
{
	unsigned long long seed, index, count;
	const char *base;
	char path[4096];

	if (argc == 3 && !strcmp(argv[1], "--list")) {
		load(argv[2]);
		list();
		return nblocks ? 0 : 1;
	}
	/* Many mutants per process: under TCG a process start costs. */
	if (argc == 7 && !strcmp(argv[1], "--batch")) {
		seed = strtoull(argv[2], NULL, 0);
		index = strtoull(argv[3], NULL, 0);
		count = strtoull(argv[4], NULL, 0);
		load(argv[5]);
		if (!nblocks)
			die("%s: no table or import block to mutate", argv[5]);
		base = strrchr(argv[5], '/');
		base = base ? base + 1 : argv[5];
		for (; count--; index++) {
			make_mutant(seed, index, base);
			snprintf(path, sizeof(path), "%s/%llu.ko", argv[6], index);
			write_mutant(path);
			printf("%llu partner=%d class=%s ops=%s\n", index,
			       !partner_unsafe, class_elf ? "elf" : "symtab", desc);
		}
		return 0;
	}
	if (argc != 5)
		die("usage: kfuzz-mutate SEED INDEX IN.ko OUT.ko | --batch SEED FIRST COUNT IN.ko DIR | --list IN.ko");
	seed = strtoull(argv[1], NULL, 0);
	index = strtoull(argv[2], NULL, 0);
	load(argv[3]);
	if (!nblocks)
		die("%s: no table or import block to mutate", argv[3]);
	base = strrchr(argv[3], '/');
	base = base ? base + 1 : argv[3];
	make_mutant(seed, index, base);
	write_mutant(argv[4]);
	printf("partner=%d class=%s ops=%s\n", !partner_unsafe,
	       class_elf ? "elf" : "symtab", desc);
	return 0;
}
