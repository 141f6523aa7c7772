// SPDX-License-Identifier: GPL-2.0-only
/*
 * kfuzz-mutate: mutations of the blocks' own bytes (headers, records,
 * names, whole blocks), which symtab.ko must refuse itself.
 */
#include <stdio.h>
#include <string.h>

#include "mutate.h"

struct block *any_block(void)
{
	return nblocks ? &blocks[below(nblocks)] : NULL;
}

size_t rec_off(const struct block *b, unsigned int i)
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

void op_header(void)
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

void op_record(void)
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
void op_block_copy(void)
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
void op_random_block(void)
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

