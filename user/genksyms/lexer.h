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
/* The lookahead window, inline below since the parser peeks at every step. */
#define LEX_RING	16	/* a power of two */
extern struct token lex_ring[LEX_RING];
extern unsigned int lex_ring_head, lex_ring_count;

const struct token *lex_fill(unsigned int n);

/* The token @n places ahead (0 is the next one); does not consume. */
static inline const struct token *lex_peek(unsigned int n)
{
	if (n < lex_ring_count)
		return &lex_ring[(lex_ring_head + n) & (LEX_RING - 1)];
	return lex_fill(n);
}

/* Consume the next token, which must have been peeked at. */
static inline void lex_advance(void)
{
	lex_ring_head = (lex_ring_head + 1) & (LEX_RING - 1);
	lex_ring_count--;
}

/*
 * Consume a balanced {...} group, the next token being its '{', without
 * lexing its contents into tokens; false if the input ends first.
 */
bool lex_skip_braces(void);
/* Where the '}' that lex_skip_braces() stopped at is. */
extern const char *lex_brace_file;
extern uint32_t lex_brace_line;

#endif
