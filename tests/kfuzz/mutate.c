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
 * Nor are those that crash on their own, symtab.ko loaded or not: no
 * longer depending on symtab.ko, with no import block it can see
 * (own_crash()).
 *
 * This file draws the operations and makes a mutant; module_file.c reads
 * the module and writes the mutant, mutate_blocks.c and mutate_elf.c hold
 * the operations.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutate.h"

char desc[DESC_LEN];
int class_elf, partner_unsafe, sym_renamed;

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kfuzz-mutate: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void note(const char *fmt, ...)
{
	size_t n = strlen(desc);
	va_list ap;

	if (n && n < DESC_LEN - 1)
		desc[n++] = ';';
	va_start(ap, fmt);
	vsnprintf(desc + n, DESC_LEN - n, fmt, ap);
	va_end(ap);
}

/* splitmix64 (mutate.h): its state. */
uint64_t rng_state;

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

/* Are the symbol table entry and the name of @y as built? */
static int symbol_intact(const struct symbol *y)
{
	size_t n = strlen(y->name) + 1;

	return !memcmp(out + y->ent, in + y->ent, sizeof(Elf64_Sym)) &&
	       (y->name_off + n > len ||
		!memcmp(out + y->name_off, in + y->name_off, n));
}

/*
 * Would the mutant crash on its own, with symtab.ko loaded or not?  Its
 * reference to symtab_abi_format made a definition of its own (a section
 * index), it no longer depends on symtab.ko: it loads without it, and its
 * code calls through its import slots all the same.  symtab.ko refuses it
 * while it can see one of its import blocks: by a symbol naming it, or by
 * content, where a section's first block still looks like one.  With none
 * visible, nothing tells the mutant from a module calling a null pointer
 * in its own data, which no loader can prevent (found as symtest_stripped
 * seed 4242 index 5: the same oops without symtab.ko).  Not produced.
 */
static int own_crash(void)
{
	const unsigned char *p;
	int imports = 0;
	size_t k;

	if (!abi_sym || get(out, abi_sym->ent + 6, 2) == SHN_UNDEF)
		return 0;
	for (k = 0; k < nblocks; k++) {
		const struct block *b = &blocks[k];

		if (!b->import)
			continue;
		imports = 1;
		if (b->named && symbol_intact(b->sym))
			return 0;
		p = out + b->off;
		if (!b->secoff && !memcmp(p, in + b->off, 8) &&
		    p[HDR_SIZE + 4] == SYMTAB_KIND_IMPORT &&
		    !memcmp(out + secs[b->sec].hdr, in + secs[b->sec].hdr,
			    sizeof(Elf64_Shdr)))
			return 0;
	}
	return imports;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
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
		if (memcmp(out, in, len) && !names_swapped() && !own_crash())
			return;
	}
	die("%s: no mutant for index %llu", base, index);
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
