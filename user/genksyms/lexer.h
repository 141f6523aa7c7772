/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lexer: C tokens of preprocessed source, read from one memory-mapped
 * buffer.  `# N "file"` markers set the position reported in messages and
 * tell which definitions come from the main .c file.
 */
#ifndef GENKSYMS_LEXER_H
#define GENKSYMS_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ident.h"

enum tok_kind {
	T_EOF,
	T_IDENT,
	T_NUMBER,
	T_STRING,
	T_CHAR,
	T_PUNCT,
};

/* Punctuators longer than one character that the parser cares about. */
#define P_ELLIPSIS	0x100
#define P_OTHER		0x101

struct token {
	enum tok_kind kind;
	int punct;		/* the character, or P_*, for T_PUNCT */
	const char *text;	/* points into the input buffer */
	uint32_t len;
	struct ident *id;	/* for T_IDENT */
	const char *file;	/* from the last line marker */
	uint32_t line;
	bool in_main_file;	/* the file of the first line marker */
};

/* Open @path ("-" or NULL for stdin); returns false with errno set. */
bool lexer_open(const char *path);
/* Lex @len bytes at @data, which the caller keeps alive. */
void lexer_open_buffer(const char *data, size_t len);
void lexer_close(void);
/* The token @n places ahead (0 is the next one); does not consume. */
const struct token *lex_peek(unsigned int n);
/* Consume and return the next token; valid until the next lex_* call. */
struct token lex_next(void);
/*
 * Consume a balanced {...} group, the next token being its '{', without
 * lexing its contents into tokens; false if the input ends first.
 */
bool lex_skip_braces(void);

#endif
