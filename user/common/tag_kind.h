/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tag kinds of genksyms' symtypes: the letter before '#' in a
 * reference ("s#foo", "u#foo", "e#foo"), which genksyms also uses as its
 * symbol kinds, and the keyword that introduces the tag in C.  Written
 * once here for genksyms and the explain library.
 */
#ifndef _SYMTAB_TAG_KIND_H
#define _SYMTAB_TAG_KIND_H

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

#endif /* _SYMTAB_TAG_KIND_H */
