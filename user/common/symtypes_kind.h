/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kinds of genksyms' symtypes: the letter before '#' in a reference
 * ("s#foo", "t#foo", "E#FOO"), which genksyms also uses as its symbol
 * kinds, and how C and the messages name them.  Written once here for
 * genksyms and the explain library.
 */
#ifndef _SYMTAB_SYMTYPES_KIND_H
#define _SYMTAB_SYMTYPES_KIND_H

#include <stdbool.h>

/* Is c the letter of a type kind: typedef, enum, struct, union, constant? */
static inline bool symtypes_kind_letter(char c)
{
	return c == 't' || c == 'e' || c == 's' || c == 'u' || c == 'E';
}

/* "struct", "union" or "enum" for 's', 'u', 'e'; NULL for other kinds. */
static inline const char *tag_keyword(char kind)
{
	switch (kind) {
	case 's':
		return "struct";
	case 'u':
		return "union";
	case 'e':
		return "enum";
	default:
		return NULL;
	}
}

/*
 * What messages write before a type's name: the tag keywords, "typedef",
 * "enum constant"; NULL for other kinds (exported symbols).
 */
static inline const char *symtypes_kind_label(char kind)
{
	const char *kw = tag_keyword(kind);

	if (kw)
		return kw;
	if (kind == 't')
		return "typedef";
	if (kind == 'E')
		return "enum constant";
	return NULL;
}

#endif /* _SYMTAB_SYMTYPES_KIND_H */
