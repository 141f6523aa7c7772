// SPDX-License-Identifier: GPL-2.0-only
/*
 * kfuzz-mutate: mutations around the blocks (the relocations that fill
 * them, the symbols that name them, the headers of their sections, the
 * types section), which the kernel's loader may refuse first.
 */
#include <stdio.h>
#include <string.h>

#include "mutate.h"

void op_rela(void)
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
void op_symbol(void)
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
void op_section(void)
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
void op_types(void)
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
