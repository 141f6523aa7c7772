/* SPDX-License-Identifier: GPL-2.0-only */
/* What the parser's two halves (declarations, types) share. */
#ifndef GENKSYMS_PARSE_INTERNAL_H
#define GENKSYMS_PARSE_INTERNAL_H

#include <stdbool.h>

#include "lexer.h"
#include "symbols.h"
#include "util.h"

/* Where a declaration appears: it decides what is kept of it. */
enum decl_ctx {
	CTX_TOP,	/* file scope: the symbol's own declaration */
	CTX_MEMBER,	/* struct/union member: names kept */
	CTX_PARAM,	/* function parameter: names dropped */
};

struct declspec {
	struct tvec toks;
	bool is_typedef;
	bool is_extern;
	bool has_type;
};

/* Set by the first syntax error of a declaration; parsing then unwinds. */
extern bool parse_failed;

/*
 * The file-scope declaration being read said `extern`: as in the kernel's
 * tool, a struct it defines is then dumped as `extern struct ...`.
 */
extern bool decl_is_extern;

/* Braces consumed and not yet closed, for error recovery. */
extern int brace_depth;
/* The same over the whole input: how deep in C's braces the parser is. */
extern int open_braces;

/*
 * Tokens consumed since the last syntax error: as with the kernel's (yacc)
 * parser, an error is reported only after three good tokens.
 */
extern unsigned int shifted_since_error;

/* While a struct body is parsed, every consumed token, for error recovery. */
extern struct tvec *raw_log;

void push_token(struct tvec *out, const struct token *t);

static inline const struct token *peek(unsigned int n)
{
	return lex_peek(n);
}

static inline bool is_punct(const struct token *t, int c)
{
	return t->kind == T_PUNCT && t->punct == c;
}

/* How @t changes bracket nesting: +1 for ( [ {, -1 for ) ] }, else 0. */
static inline int bracket_step(const struct token *t)
{
	if (t->kind != T_PUNCT)
		return 0;
	switch (t->punct) {
	case '(': case '[': case '{':
		return 1;
	case ')': case ']': case '}':
		return -1;
	}
	return 0;
}

/* Consume the next token. */
static inline void next(void)
{
	const struct token *t = lex_peek(0);

	if (t->kind == T_PUNCT && t->punct == '{') {
		brace_depth++;
		open_braces++;
	} else if (t->kind == T_PUNCT && t->punct == '}') {
		brace_depth--;
		open_braces--;
	}
	if (raw_log) {
		push_token(raw_log, t);
		raw_log->v[raw_log->n - 1].id = t->id;
	}
	shifted_since_error++;
	lex_advance();
}

bool accept(int c);
void expect(int c, const char *what);
void syntax_error(const struct token *t, const char *expected);
/*
 * After a syntax error in a struct member begun at raw_log[@raw_mark]: put
 * its tokens into @def as they are, up to a ';', as the kernel's tool does;
 * in the @first member, up to a ';' or before a '}', which ends the body.
 */
void recover_member(struct tvec *def, size_t raw_mark, bool first);

/*
 * Which '{' the kernel's lexer hands over as a single token with its whole
 * {...} group: one not first or second after struct, union or enum.
 */
#define FAR_FROM_KEYWORD 100
struct phrase_state {
	unsigned int since_keyword;	/* tokens since struct/union/enum */
	unsigned int attr_depth;	/* parentheses open in an attribute */
	bool in_attr;
};
void phrase_feed(struct phrase_state *ps, const struct ident *id,
		 const char *text, uint32_t len);
static inline bool phrase_brace(const struct phrase_state *ps,
				const struct token *t)
{
	return is_punct(t, '{') && ps->since_keyword > 1 && !ps->in_attr;
}
/* Consume that group, into @def unless NULL. */
void skip_brace_phrase(struct tvec *def);

/*
 * The declaration's syntax error is an attribute right after struct, union
 * or enum: top-level recovery then sees its {...} as the kernel's lexer does.
 */
extern bool error_after_tag_keyword;

/*
 * Set just before syntax_error() when the input is valid GNU C that the
 * kernel's tool rejects: without -w, that error and its aftermath in the
 * same declaration are not shown, as the kernel's tool shows nothing.
 */
extern bool valid_c_rejected;
/* Guards recursion; false (with an error) when nesting is absurd. */
bool nest_enter(void);
void nest_leave(void);
/* Push @t, an enum constant as a reference to it (E#name). */
void push_expr_token(struct tvec *out, const struct token *t);
bool is_typedef_name(const struct ident *id);

void parse_decl_specs(struct declspec *ds, enum decl_ctx ctx);
void parse_declarator(struct tvec *out, enum decl_ctx ctx,
		      struct ident **name);
void parse_tag_type(struct tvec *out);
void parse_attribute(struct tvec *out);
void parse_typeof(struct tvec *out);
/*
 * Copy an expression up to (not including) a ',' ';' or '}' at depth 0 or an
 * unmatched closing bracket; enum constants become references.
 */
void parse_expression(struct tvec *out);
/* Copy a balanced (...) group verbatim, enum constants as references. */
void parse_paren_group(struct tvec *out);

#endif
