/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exports and imports: expanding a symbol's declaration down to basic types,
 * its CRC, the -T dump of every type met, and the output lines.
 */
#ifndef GENKSYMS_EXPORT_H
#define GENKSYMS_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "ident.h"

enum export_kind {
	EXPORT_SYMBOL,		/* __GENKSYMS_EXPORT_SYMBOL(sym) */
	EXPORT_TABLE_ENTRY,	/* __SYMTAB_X(sym) in a table initializer */
	EXPORT_IMPORT,		/* __SYMTAB_IMPORT(sym) */
};

enum output_format {
	FORMAT_SYMVER,		/* #SYMVER sym 0xcrc */
	FORMAT_VER,		/* #define sym sym_Rcrc, a 1994 version header */
};

struct export_options {
	FILE *out;		/* the version lines; stdout if NULL */
	FILE *dump_types;	/* -T, or NULL */
	enum output_format format;
};

extern struct export_options export_options;

/* Version @id as it is declared at this point of the input. */
void export_symbol(struct ident *id, enum export_kind kind,
		   const char *file, uint32_t line);

#endif
