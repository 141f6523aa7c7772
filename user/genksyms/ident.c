// SPDX-License-Identifier: GPL-2.0-only
/* Interned identifiers and the keyword table. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "util.h"

/*
 * Open addressing with linear probing over a power-of-two table at most 3/4
 * full.  A slot is one word: the identifier's address with the top 16 bits
 * of its hash in the (unused) top 16 bits, 0 when free.  Probing past other
 * names reads only the table, and an identifier's own memory is touched on
 * a likely match only.  A lookup is mostly waiting for memory (the table
 * of a large file does not fit in the cache): the smaller the table, the
 * fewer misses.
 */
#define SLOT_TAG_SHIFT	48

static uint64_t *table;
static size_t table_size;	/* a power of two */
static size_t table_used;

static uint64_t load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}

/*
 * Names are hashed sixteen bytes at a time, the last block padded with
 * zeroes.  ident_intern_padded() reads each block whole and masks off what
 * lies past the name, so a name of up to 16 bytes (nearly all of them) is
 * hashed and compared without a loop or a branch on its length: every
 * identifier of the input is looked up, and a byte loop's exit was
 * mispredicted for most of them.
 */
static const uint64_t hash_k = 0x9e3779b97f4a7c15ull;

static uint64_t hash_block(uint64_t h, uint64_t w0, uint64_t w1)
{
	h = (h ^ w0) * hash_k;
	h ^= h >> 29;
	h = (h ^ w1) * hash_k;
	return h ^ h >> 29;
}

static uint32_t hash_finish(uint64_t h)
{
	return h ^ h >> 32;
}

static uint32_t hash_name(const char *s, size_t len)
{
	uint64_t h = len * hash_k;
	size_t off = 0;

	do {
		char blk[16] = { 0 };
		size_t n = len - off < 16 ? len - off : 16;

		memcpy(blk, s + off, n);
		h = hash_block(h, load64(blk), load64(blk + 8));
		off += 16;
	} while (off < len);
	return hash_finish(h);
}

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>

/* The 16 bytes at @s with those from @len on cleared. */
static __m128i load_masked(const char *s, size_t len)
{
	static const unsigned char ones[32] = {
		255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255,
	};
	__m128i m = _mm_loadu_si128((const __m128i *)(ones + 16 - len));

	return _mm_and_si128(_mm_loadu_si128((const __m128i *)s), m);
}

/* hash_name(), @s having 16 readable bytes past its end. */
static uint32_t hash_name_padded(const char *s, size_t len)
{
	uint64_t h = len * hash_k;
	size_t off = 0;

	for (; len - off > 16; off += 16)
		h = hash_block(h, load64(s + off), load64(s + off + 8));
	{
		__m128i v = load_masked(s + off, len - off);

		h = hash_block(h, _mm_cvtsi128_si64(v),
			       _mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)));
	}
	return hash_finish(h);
}

/* Equal names of @len bytes, both with 16 readable bytes. */
static bool same_name_padded(const char *a, const char *b, size_t len)
{
	if (len > 16)
		return !memcmp(a, b, len);
	return _mm_movemask_epi8(_mm_cmpeq_epi8(load_masked(a, len),
						load_masked(b, len))) == 0xffff;
}
#else
#define hash_name_padded hash_name
#define same_name_padded(a, b, len) (!memcmp(a, b, len))
#endif

static struct ident *slot_ident(uint64_t slot)
{
	return (struct ident *)(uintptr_t)(slot &
					   ((1ull << SLOT_TAG_SHIFT) - 1));
}

static void table_resize(size_t new_size)
{
	uint64_t *t = xmalloc(new_size * sizeof(*t));
	size_t i, j, mask = new_size - 1;

	memset(t, 0, new_size * sizeof(*t));
	for (i = 0; i < table_size; i++) {
		if (!table[i])
			continue;
		for (j = slot_ident(table[i])->hash & mask; t[j];
		     j = (j + 1) & mask)
			;
		t[j] = table[i];
	}
	free(table);
	table = t;
	table_size = new_size;
}

void ident_reserve(size_t n)
{
	size_t size = table_size ? table_size : 1024;

	while (size / 4 * 3 < n)
		size *= 2;
	if (size > table_size)
		table_resize(size);
}

static struct ident *intern(const char *s, size_t len, uint32_t h,
			    bool padded)
{
	uint64_t tag = (uint64_t)(h >> 16) << SLOT_TAG_SHIFT;
	size_t i, mask;
	struct ident *id;

	if (table_used >= table_size / 4 * 3)
		table_resize(table_size ? table_size * 2 : 4096);
	mask = table_size - 1;
	for (i = h & mask; table[i]; i = (i + 1) & mask) {
		if ((table[i] & ~((1ull << SLOT_TAG_SHIFT) - 1)) != tag)
			continue;
		id = slot_ident(table[i]);
		if (id->len != len)
			continue;
		if (padded ? same_name_padded(id->name, s, len) :
			     !memcmp(id->name, s, len))
			return id;
	}
	/* The name is padded to 16 bytes for same_name_padded(). */
	id = arena_alloc(sizeof(*id) + (len < 16 ? 16 : len + 1));
	if ((uint64_t)(uintptr_t)id >> SLOT_TAG_SHIFT)
		abort();	/* not an x86-64 or AArch64 user address */
	memset(id, 0, sizeof(*id));
	memcpy(id->name, s, len);
	id->name[len] = '\0';
	id->len = len;
	id->hash = h;
	table[i] = tag | (uintptr_t)id;
	table_used++;
	return id;
}

struct ident *ident_intern(const char *s, size_t len)
{
	return intern(s, len, hash_name(s, len), false);
}

struct ident *ident_intern_padded(const char *s, size_t len)
{
	return intern(s, len, hash_name_padded(s, len), true);
}

static const struct {
	const char *name;
	enum keyword kw;
} keywords[] = {
	{ "extern", KW_EXTERN },
	{ "static", KW_STATIC },
	{ "inline", KW_INLINE }, { "__inline", KW_INLINE },
	{ "__inline__", KW_INLINE },
	{ "auto", KW_AUTO },
	{ "register", KW_REGISTER },
	{ "__thread", KW_THREAD }, { "_Thread_local", KW_THREAD },
	{ "_Noreturn", KW_INLINE },
	{ "restrict", KW_RESTRICT }, { "__restrict", KW_RESTRICT },
	{ "__restrict__", KW_RESTRICT },
	{ "typedef", KW_TYPEDEF },
	{ "const", KW_QUALIFIER }, { "__const", KW_QUALIFIER },
	{ "__const__", KW_QUALIFIER },
	{ "volatile", KW_QUALIFIER }, { "__volatile", KW_QUALIFIER },
	{ "__volatile__", KW_QUALIFIER },
	{ "_Atomic", KW_QUALIFIER },
	{ "__extension__", KW_EXTENSION },
	{ "void", KW_BASETYPE }, { "char", KW_BASETYPE },
	{ "short", KW_BASETYPE }, { "int", KW_BASETYPE },
	{ "long", KW_BASETYPE }, { "float", KW_BASETYPE },
	{ "double", KW_BASETYPE }, { "signed", KW_BASETYPE },
	{ "__signed", KW_BASETYPE }, { "__signed__", KW_BASETYPE },
	{ "unsigned", KW_BASETYPE }, { "_Bool", KW_BASETYPE },
	{ "_Complex", KW_BASETYPE }, { "__int128", KW_BASETYPE },
	{ "__int128_t", KW_BASETYPE }, { "__uint128_t", KW_BASETYPE },
	{ "__builtin_va_list", KW_BASETYPE },
	{ "struct", KW_STRUCT },
	{ "union", KW_UNION },
	{ "enum", KW_ENUM },
	{ "__attribute__", KW_ATTRIBUTE }, { "__attribute", KW_ATTRIBUTE },
	{ "typeof", KW_TYPEOF }, { "__typeof__", KW_TYPEOF },
	{ "__typeof", KW_TYPEOF },
	{ "asm", KW_ASM }, { "__asm__", KW_ASM }, { "__asm", KW_ASM },
	{ "_Static_assert", KW_STATIC_ASSERT },
	{ "__GENKSYMS_EXPORT_SYMBOL", KW_EXPORT },
	{ "__SYMTAB_X", KW_SYMTAB_X },
	{ "__SYMTAB_IMPORT", KW_SYMTAB_IMPORT },
};

void ident_init(void)
{
	size_t i;

	free(table);
	table = NULL;
	table_size = table_used = 0;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		const char *s = keywords[i].name;

		ident_intern(s, strlen(s))->kw = keywords[i].kw;
	}
}
