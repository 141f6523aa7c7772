/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kfuzz-mutate (tests/kfuzz/mutate.c): what its parts share.  The module
 * and its mutant are globals: one module per process, patched in place.
 * The random numbers are a function of the seed and the index only, and
 * every part draws them in the one order that makes a mutant, so they are
 * inline here and the draws keep the order they had in one file.
 */
#ifndef _KFUZZ_MUTATE_H
#define _KFUZZ_MUTATE_H

#include <gelf.h>
#include <stddef.h>
#include <stdint.h>
#include <symtab/abi.h>

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
	const struct symbol *sym;	/* that symbol, if named */
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

/* module_file.c: the module as read, and the mutant being made. */
extern unsigned char *in, *out;
extern size_t len;
extern struct section *secs;
extern size_t nsecs;
extern struct symbol *syms;
extern size_t nsyms;
extern struct block blocks[MAX_ITEMS];
extern size_t nblocks;
extern struct rela relas[MAX_ITEMS];	/* those that write into blocks */
extern size_t nrelas;
extern size_t symsel[MAX_ITEMS];	/* symbols of interest, by index */
extern size_t nsymsel;
extern int sec_versions, sec_types;
extern const struct symbol *abi_sym;	/* undefined symtab_abi_format */

void load(const char *path);
void list(void);
void write_mutant(const char *path);

/* mutate.c: the mutant's description and what it may break. */
extern char desc[DESC_LEN];
extern int class_elf, partner_unsafe, sym_renamed;

void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* splitmix64: small, good enough, and the same everywhere. */
extern uint64_t rng_state;

static inline uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static inline uint64_t pick(const uint64_t *v, size_t n)
{
	return v[below(n)];
}

#define PICK(...) ({ const uint64_t _v[] = { __VA_ARGS__ };		\
	pick(_v, sizeof(_v) / sizeof(_v[0])); })

static inline uint64_t get(const unsigned char *b, size_t off, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && off + i < len; i++)
		v |= (uint64_t)b[off + i] << (8 * i);
	return v;
}

static inline void put(size_t off, uint64_t v, size_t n)
{
	size_t i;

	for (i = 0; i < n && off + i < len; i++)
		out[off + i] = v >> (8 * i);
}

/* mutate_blocks.c: the blocks' own bytes. */
struct block *any_block(void);
size_t rec_off(const struct block *b, unsigned int i);
void op_header(void);
void op_record(void);
void op_block_copy(void);
void op_random_block(void);

/* mutate_elf.c: relocations, symbols and sections around the blocks. */
void op_rela(void);
void op_symbol(void);
void op_section(void);
void op_types(void);

#endif /* _KFUZZ_MUTATE_H */
