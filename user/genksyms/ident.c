// SPDX-License-Identifier: GPL-2.0-only
/* Interned identifiers and the keyword table. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "util.h"

/*
 * Open addressing with linear probing over a power-of-two table at most 3/4
 * full.  A slot keeps the hash and length beside the pointer, so probing
 * past other names reads only the table: an identifier's own memory is
 * touched once, on a match.  Most of a run is spent here and in the lexer,
 * and every missed cache line is a good part of a lookup.
 */
struct slot {
	uint32_t hash;
	uint32_t len;
	struct ident *id;	/* NULL: free */
};

static struct slot *table;
static size_t table_size;	/* a power of two */
static size_t table_used;

static uint64_t load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}

static uint64_t load32(const char *s)
{
	uint32_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}

/* Inline, a word at a time: names are short and memcmp() is a call. */
static bool same_name(const char *a, const char *b, size_t len)
{
	for (; len >= 8; a += 8, b += 8, len -= 8)
		if (load64(a) != load64(b))
			return false;
	for (; len; a++, b++, len--)
		if (*a != *b)
			return false;
	return true;
}

/*
 * Names are hashed eight bytes at a time, the last (partial) word read as
 * overlapping loads that stay inside the name: every token of the input
 * is hashed, so a byte-at-a-time hash was a good part of the run time.
 */
static uint32_t hash_name(const char *s, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15ull;
	uint64_t h = len * k, w;

	for (; len > 8; s += 8, len -= 8) {
		h = (h ^ load64(s)) * k;
		h ^= h >> 29;
	}
	if (len >= 4)
		w = load32(s) | load32(s + len - 4) << 32;
	else if (len)
		w = (unsigned char)s[0] | (unsigned char)s[len / 2] << 8 |
		    (unsigned char)s[len - 1] << 16;
	else
		w = 0;
	h = (h ^ w) * k;
	return h ^ h >> 32;
}

static void table_resize(size_t new_size)
{
	struct slot *t = xmalloc(new_size * sizeof(*t));
	size_t i, j, mask = new_size - 1;

	memset(t, 0, new_size * sizeof(*t));
	for (i = 0; i < table_size; i++) {
		if (!table[i].id)
			continue;
		for (j = table[i].hash & mask; t[j].id; j = (j + 1) & mask)
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

struct ident *ident_intern(const char *s, size_t len)
{
	uint32_t h = hash_name(s, len);
	size_t i, mask;
	struct ident *id;

	if (table_used >= table_size / 4 * 3)
		table_resize(table_size ? table_size * 2 : 4096);
	mask = table_size - 1;
	for (i = h & mask; table[i].id; i = (i + 1) & mask)
		if (table[i].hash == h && table[i].len == len &&
		    same_name(table[i].id->name, s, len))
			return table[i].id;
	id = arena_alloc(sizeof(*id) + len + 1);
	memset(id, 0, sizeof(*id));
	memcpy(id->name, s, len);
	id->name[len] = '\0';
	id->len = len;
	id->hash = h;
	table[i] = (struct slot){ .hash = h, .len = len, .id = id };
	table_used++;
	return id;
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
