/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interned identifiers: every spelling is stored once, so the parser compares
 * pointers and finds a name's symbols and keyword meaning without hashing.
 */
#ifndef GENKSYMS_IDENT_H
#define GENKSYMS_IDENT_H

#include <stddef.h>
#include <stdint.h>

enum keyword {
	KW_NONE,
	KW_EXTERN,		/* storage classes: dropped from definitions */
	KW_STATIC,
	KW_INLINE,
	KW_AUTO,
	KW_REGISTER,
	KW_THREAD,
	KW_RESTRICT,		/* dropped wherever it appears */
	KW_TYPEDEF,
	KW_QUALIFIER,		/* const, volatile and their spellings */
	KW_EXTENSION,
	KW_BASETYPE,		/* int, long, unsigned, _Bool, ... */
	KW_STRUCT,
	KW_UNION,
	KW_ENUM,
	KW_ATTRIBUTE,
	KW_TYPEOF,
	KW_ASM,
	KW_STATIC_ASSERT,
	KW_EXPORT,		/* __GENKSYMS_EXPORT_SYMBOL */
	KW_SYMTAB_X,		/* __SYMTAB_X: an X() entry of a symbol table */
	KW_SYMTAB_IMPORT,	/* __SYMTAB_IMPORT: a declared import */
};

struct symbol;

struct ident {
	struct symbol *ord;	/* typedef, enum constant or object/function */
	struct symbol *tag;	/* struct, union or enum tag */
	uint32_t len;
	uint32_t hash;
	enum keyword kw;
	char name[];		/* NUL-terminated, stored with it */
};

/* (Re)start with an empty table holding the keywords. */
void ident_init(void);
struct ident *ident_intern(const char *s, size_t len);
/* The same, faster, when 16 bytes past @s + @len can be read. */
struct ident *ident_intern_padded(const char *s, size_t len);
/* Room for @n names without growing the table. */
void ident_reserve(size_t n);

#endif
