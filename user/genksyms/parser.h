/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The parser: reads declarations from the lexer, stores every type and
 * global declaration in the symbol table, and hands each export marker to
 * export.c at the point where it appears.
 */
#ifndef GENKSYMS_PARSER_H
#define GENKSYMS_PARSER_H

/* Parse the whole input; errors are reported and skipped past. */
void parse_translation_unit(void);

#endif
