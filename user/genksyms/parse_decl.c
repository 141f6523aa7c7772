// SPDX-License-Identifier: GPL-2.0-only
/*
 * Declarations: specifiers, declarators, and the file-scope loop that stores
 * each declared name and acts on export and import markers.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "export.h"
#include "parse_internal.h"
#include "parser.h"

#define MAX_NESTING	200

bool parse_failed;
static unsigned int nesting;
int brace_depth;
int open_braces;
/*
 * Without -w, the syntax errors of a declaration with valid C that the
 * kernel's tool rejects (valid_c_rejected) and of what its
 * recovery makes of the rest, until back at file scope, go unsaid: the
 * kernel's tool says nothing either, and the CRCs are its own.
 */
static bool quiet_cascade;
bool valid_c_rejected;
bool decl_is_extern;
unsigned int shifted_since_error = 3;
struct tvec *raw_log;
bool error_after_tag_keyword;

bool accept(int c)
{
	if (!is_punct(peek(0), c))
		return false;
	next();
	return true;
}

static void describe(const struct token *t, char *buf, size_t size)
{
	if (t->kind == T_EOF)
		snprintf(buf, size, "end of input");
	else
		snprintf(buf, size, "'%.*s'", t->len > 40 ? 40 : (int)t->len,
			 t->text);
}

void syntax_error(const struct token *t, const char *expected)
{
	char found[64];

	if (parse_failed)
		return;
	parse_failed = true;
	if (!diag_flags.warnings &&
	    (valid_c_rejected || (quiet_cascade && open_braces > 0))) {
		valid_c_rejected = false;
		quiet_cascade = true;
		shifted_since_error = 0;
		return;
	}
	valid_c_rejected = false;
	if (shifted_since_error < 3) {
		shifted_since_error = 0;
		return;
	}
	shifted_since_error = 0;
	/* With -w, the kernel's tool's own words; otherwise, more. */
	if (diag_flags.warnings) {
		diag_error_plain(t->file, t->line, "syntax error");
		return;
	}
	describe(t, found, sizeof(found));
	diag_uncounted_error(t->file, t->line,
			     "syntax error: expected %s, found %s",
			     expected, found);
}

void expect(int c, const char *what)
{
	if (parse_failed)
		return;
	if (!accept(c))
		syntax_error(peek(0), what);
}

bool nest_enter(void)
{
	if (parse_failed)
		return false;
	if (nesting >= MAX_NESTING) {
		syntax_error(peek(0), "less deeply nested declarations");
		return false;
	}
	nesting++;
	return true;
}

void nest_leave(void)
{
	nesting--;
}

/* Whether an error may be recovered from here: not too deep, not at EOF. */
static bool nesting_ok(void)
{
	return nesting < MAX_NESTING && peek(0)->kind != T_EOF;
}

void push_token(struct tvec *out, const struct token *t)
{
	tvec_push(out, t->text, t->len);
}

bool is_typedef_name(const struct ident *id)
{
	return id->kw == KW_NONE && id->ord && id->ord->kind == SYM_TYPEDEF &&
	       id->ord->defined;
}

void parse_decl_specs(struct declspec *ds, enum decl_ctx ctx)
{
	(void)ctx;
	while (!parse_failed) {
		const struct token *t = peek(0);

		if (t->kind != T_IDENT)
			return;
		switch (t->id->kw) {
		case KW_EXTERN:
			ds->is_extern = true;
			decl_is_extern = true;
			next();
			break;
		case KW_STATIC: case KW_INLINE: case KW_AUTO:
		case KW_REGISTER: case KW_THREAD: case KW_RESTRICT:
			next();
			break;
		case KW_TYPEDEF:
			ds->is_typedef = true;
			push_token(&ds->toks, t);
			next();
			break;
		case KW_QUALIFIER: case KW_EXTENSION:
			push_token(&ds->toks, t);
			next();
			break;
		case KW_BASETYPE:
			ds->has_type = true;
			push_token(&ds->toks, t);
			next();
			break;
		case KW_STRUCT: case KW_UNION: case KW_ENUM:
			ds->has_type = true;
			parse_tag_type(&ds->toks);
			break;
		case KW_ATTRIBUTE:
			parse_attribute(&ds->toks);
			break;
		case KW_TYPEOF:
			ds->has_type = true;
			parse_typeof(&ds->toks);
			break;
		case KW_NONE:
			/* As in the kernel's tool, `u32 u32` is two types. */
			if (!is_typedef_name(t->id))
				return;
			ds->has_type = true;
			tvec_push_ref(&ds->toks, SYM_TYPEDEF, t->id);
			next();
			break;
		default:
			return;
		}
	}
}

static bool starts_nested_declarator(void)
{
	const struct token *t = peek(1);

	if (t->kind == T_PUNCT)
		return t->punct == '*' || t->punct == '(' || t->punct == '^';
	if (t->kind != T_IDENT)
		return false;
	if (t->id->kw == KW_ATTRIBUTE)
		return true;
	return t->id->kw == KW_NONE && !is_typedef_name(t->id);
}

static bool starts_decl_specs(const struct token *t)
{
	if (t->kind != T_IDENT)
		return false;
	switch (t->id->kw) {
	case KW_NONE:
		return is_typedef_name(t->id);
	case KW_ASM: case KW_STATIC_ASSERT: case KW_EXPORT:
	case KW_SYMTAB_X: case KW_SYMTAB_IMPORT:
		return false;
	default:
		return true;
	}
}

/*
 * After a syntax error inside the parentheses of a declarator: as the
 * kernel's parser does, keep the rest as it is, up to the next ')' (an
 * attribute's or a brace group's own brackets aside), and go on.
 */
static void recover_paren(struct tvec *out)
{
	while (peek(0)->kind != T_EOF) {
		const struct token *t = peek(0);
		bool close = is_punct(t, ')');
		int depth = 0;

		if ((t->kind == T_IDENT && t->id->kw == KW_ATTRIBUTE) ||
		    is_punct(t, '{')) {
			/* one token to the kernel's lexer */
			if (!is_punct(t, '{')) {
				push_token(out, t);
				next();
				if (!is_punct(peek(0), '('))
					continue;
			}
			do {
				depth += bracket_step(peek(0));
				push_token(out, peek(0));
				next();
			} while (depth > 0 && peek(0)->kind != T_EOF);
			continue;
		}
		push_token(out, t);
		next();
		if (close) {
			parse_failed = false;
			shifted_since_error = 1;
			return;
		}
	}
}

/* The declaration being read has no specifiers (`g(int x);`). */
static bool decl_without_specs;

static void parse_params(struct tvec *out)
{
	if (is_punct(peek(0), ')'))
		return;
	while (!parse_failed) {
		const struct token *t = peek(0);

		if (is_punct(t, P_ELLIPSIS)) {
			push_token(out, t);
			next();
		} else if (t->kind == T_IDENT && t->id->kw == KW_NONE &&
			   !is_typedef_name(t->id)) {
			/*
			 * A K&R identifier list; in a declaration without
			 * specifiers (`EXPORT_SYMBOL(a);` where that is no
			 * keyword), an error recovered at the ')', as the
			 * kernel's tool has it.
			 */
			if (decl_without_specs) {
				syntax_error(t, "a parameter declaration");
				return;
			}
			push_token(out, t);
			next();
		} else {
			struct declspec ds = { 0 };
			struct ident *name;

			if (!starts_decl_specs(t)) {
				syntax_error(t, "a parameter declaration");
				return;
			}
			parse_decl_specs(&ds, CTX_PARAM);
			tvec_append(out, &ds.toks);
			tvec_free(&ds.toks);
			parse_declarator(out, CTX_PARAM, &name);
			/*
			 * `void *data __attribute__((unused))`: gcc's, not
			 * the kernel's tool's, which keeps the rest of the
			 * parameters as they are.
			 */
			if (!parse_failed && peek(0)->kind == T_IDENT &&
			    peek(0)->id->kw == KW_ATTRIBUTE) {
				valid_c_rejected = true;
				syntax_error(peek(0), "',' or ')'");
			}
		}
		if (!is_punct(peek(0), ','))
			return;
		push_token(out, peek(0));
		next();
	}
}

static void parse_pointers(struct tvec *out)
{
	while (!parse_failed && is_punct(peek(0), '*')) {
		push_token(out, peek(0));
		next();
		for (;;) {
			const struct token *t = peek(0);

			if (t->kind != T_IDENT || parse_failed)
				break;
			if (t->id->kw == KW_QUALIFIER) {
				push_token(out, t);
				next();
			} else if (t->id->kw == KW_RESTRICT) {
				next();
			} else if (t->id->kw == KW_ATTRIBUTE) {
				parse_attribute(out);
			} else {
				break;
			}
		}
	}
}

void parse_declarator(struct tvec *out, enum decl_ctx ctx,
		      struct ident **name)
{
	const struct token *t;

	*name = NULL;
	if (!nest_enter())
		return;
	parse_pointers(out);
	t = peek(0);
	if (t->kind == T_IDENT && (t->id->kw == KW_NONE)) {
		*name = t->id;
		/* As in the kernel's tool, a member named like an enum
		 * constant refers to it. */
		if (ctx == CTX_MEMBER)
			push_expr_token(out, t);
		else if (ctx != CTX_PARAM)
			push_token(out, t);
		next();
	} else if (is_punct(t, '(') && starts_nested_declarator()) {
		push_token(out, t);
		next();
		/* `(__attribute__((x)) *p)`: gcc's, not the kernel's tool's */
		if (peek(0)->kind == T_IDENT && peek(0)->id->kw == KW_ATTRIBUTE)
			syntax_error(peek(0), "a declarator");
		else
			parse_declarator(out, ctx, name);
		if (!parse_failed && is_punct(peek(0), ')'))
			push_token(out, peek(0));
		expect(')', "')' closing a declarator");
		if (parse_failed && nesting_ok())
			recover_paren(out);
	}
	while (!parse_failed) {
		t = peek(0);
		if (is_punct(t, '[')) {
			push_token(out, t);
			next();
			parse_expression(out);
			if (!parse_failed)
				push_token(out, peek(0));
			expect(']', "']'");
		} else if (is_punct(t, '(')) {
			push_token(out, t);
			next();
			parse_params(out);
			if (!parse_failed && is_punct(peek(0), ')'))
				push_token(out, peek(0));
			expect(')', "')' closing the parameters");
			if (parse_failed && nesting_ok())
				recover_paren(out);
		} else {
			break;
		}
	}
	nest_leave();
}

/* Skip a balanced group from an opening bracket. */
static void skip_balanced(int open, int close)
{
	int depth = 0;

	do {
		const struct token *t = peek(0);

		if (t->kind == T_EOF) {
			syntax_error(t, "a closing bracket");
			return;
		}
		if (is_punct(t, open))
			depth++;
		else if (is_punct(t, close))
			depth--;
		next();
	} while (depth > 0);
}

/* An initializer: skipped, except for the X() entries of a table. */
static void skip_initializer(void)
{
	int depth = 0;

	for (;;) {
		const struct token *t = peek(0);

		if (t->kind == T_EOF) {
			syntax_error(t, "';' after the initializer");
			return;
		}
		if (depth == 0 && (is_punct(t, ',') || is_punct(t, ';')))
			return;
		if (t->kind == T_IDENT && t->id->kw == KW_SYMTAB_X &&
		    is_punct(peek(1), '(') && peek(2)->kind == T_IDENT &&
		    is_punct(peek(3), ')')) {
			export_symbol(peek(2)->id, EXPORT_TABLE_ENTRY,
				      t->file, t->line);
			next();
			next();
			next();
			next();
			continue;
		}
		depth += bracket_step(t);
		if (depth < 0) {
			syntax_error(t, "a balanced initializer");
			return;
		}
		next();
	}
}

static void skip_function_body(void)
{
	if (!lex_skip_braces())
		syntax_error(peek(0), "a closing bracket");
}

/* An asm label after a declarator is kept: it names the linker symbol. */
static void parse_asm_label(struct tvec *out)
{
	push_token(out, peek(0));
	next();
	if (!is_punct(peek(0), '(')) {
		syntax_error(peek(0), "'(' after asm");
		return;
	}
	parse_paren_group(out);
}

/* Where the last recover() stopped. */
static const char *recovered_file;
static uint32_t recovered_line;

/* Skip to the end of the broken declaration: a ';' or '}' at file scope. */
static void recover(void)
{
	struct phrase_state ps = { .since_keyword = FAR_FROM_KEYWORD };
	bool after_paren = false;	/* a declarator's ')', not an attribute's */
	int pdepth = 0, attr_depth = 0;
	bool in_attr = false;

	if (error_after_tag_keyword)
		ps.since_keyword = 0;
	error_after_tag_keyword = false;
	while (peek(0)->kind != T_EOF) {
		const struct token *t = peek(0);
		bool end = is_punct(t, ';') || is_punct(t, '}');

		bool own_brace = false;

		/*
		 * After `struct __attribute__((...))`: a '{' right there is a
		 * token of its own, whose ';'s end the recovery; one after a
		 * tag, a single token with its whole group.
		 */
		if (ps.since_keyword < FAR_FROM_KEYWORD) {
			if (phrase_brace(&ps, t)) {
				skip_brace_phrase(NULL);
				ps.since_keyword = FAR_FROM_KEYWORD;
				continue;
			}
			own_brace = is_punct(t, '{');
			phrase_feed(&ps, t->kind == T_IDENT ? t->id : NULL,
				    t->text, t->len);
			if (own_brace)
				ps.since_keyword = FAR_FROM_KEYWORD;
		}
		/*
		 * A function body after a broken declarator is one token to
		 * the kernel's lexer: its '}' does not end the recovery, the
		 * next ';' does (the export marker after the body with it).
		 */
		if (after_paren && is_punct(t, '{') &&
		    ps.since_keyword >= FAR_FROM_KEYWORD) {
			int depth = 0;

			do {
				depth += is_punct(peek(0), '{') -
					 is_punct(peek(0), '}');
				recovered_file = peek(0)->file;
				recovered_line = peek(0)->line;
				next();
			} while (depth > 0 && peek(0)->kind != T_EOF);
			after_paren = false;
			continue;
		}
		if (t->kind == T_IDENT && t->id->kw == KW_ATTRIBUTE &&
		    !in_attr) {
			in_attr = true;
			attr_depth = pdepth;
		}
		pdepth += is_punct(t, '(') - is_punct(t, ')');
		after_paren = is_punct(t, ')') &&
			      !(in_attr && pdepth <= attr_depth);
		if (in_attr && is_punct(t, ')') && pdepth <= attr_depth)
			in_attr = false;
		recovered_file = t->file;
		recovered_line = t->line;
		next();
		if (own_brace)
			brace_depth--;
		if (brace_depth <= 0 && end) {
			brace_depth = 0;
			shifted_since_error = 1;
			return;
		}
	}
}

/* Declarators read, defined once their whole declaration has parsed. */
struct pending {
	struct ident *name;
	struct tvec decl;
	const char *file;	/* where its messages say it ends, or NULL */
	uint32_t line;
};

/*
 * As in the kernel's tool, names are defined when the declaration ends,
 * and messages about them carry the line of its last token (the ';', or a
 * function body's '}').
 */
static void define_pending(struct declspec *ds, struct pending *p, size_t n,
			   const char *file, uint32_t line)
{
	enum sym_kind kind = ds->is_typedef ? SYM_TYPEDEF : SYM_NORMAL;
	size_t i;

	for (i = 0; i < n; i++)
		sym_define(kind, p[i].name, &p[i].decl, ds->is_extern,
			   p[i].file ? p[i].file : file,
			   p[i].file ? p[i].line : line);
}

static void free_pending(struct pending *p, size_t n)
{
	while (n--)
		tvec_free(&p[n].decl);
	free(p);
}

static void parse_init_declarators(struct declspec *ds)
{
	struct pending *p = NULL;
	size_t n = 0, cap = 0;
	const struct token *t;
	bool first = true;

	while (!parse_failed) {
		struct tvec decl = { 0 }, attrs = { 0 };
		struct ident *name;

		tvec_append(&decl, &ds->toks);
		parse_declarator(&decl, CTX_TOP, &name);
		if (!parse_failed && !name)
			syntax_error(peek(0), "a declarator");
		if (!parse_failed && peek(0)->kind == T_IDENT &&
		    peek(0)->id->kw == KW_ASM)
			parse_asm_label(&decl);
		while (!parse_failed && peek(0)->kind == T_IDENT &&
		       peek(0)->id->kw == KW_ATTRIBUTE)
			parse_attribute(&attrs);
		/* Trailing attributes count only before an initializer. */
		if (!parse_failed && is_punct(peek(0), '='))
			tvec_append(&decl, &attrs);
		tvec_free(&attrs);
		if (parse_failed) {
			tvec_free(&decl);
			break;
		}
		xarray_grow(&p, &cap, n + 1, sizeof(*p));
		p[n++] = (struct pending){ .name = name, .decl = decl };
		if (accept('=')) {
			skip_initializer();
			/* The kernel's tool dates a declarator with an
			 * initializer by the ',' after it. */
			if (!parse_failed && is_punct(peek(0), ',')) {
				p[n - 1].file = peek(0)->file;
				p[n - 1].line = peek(0)->line;
			}
		} else if (first && starts_decl_specs(peek(0))) {
			/* Old-style parameter declarations: the kernel's
			 * tool stops there. */
			syntax_error(peek(0), "a function body");
			break;
		}
		if (first && is_punct(peek(0), '{') && !parse_failed) {
			skip_function_body();
			define_pending(ds, p, n, lex_brace_file,
				       lex_brace_line);
			break;
		}
		first = false;
		t = peek(0);
		if (is_punct(t, ';')) {
			define_pending(ds, p, n, t->file, t->line);
			next();
			break;
		}
		if (!accept(',')) {
			syntax_error(peek(0), "',' or ';'");
			break;
		}
	}
	/*
	 * After an error the kernel's tool still declares the declarators
	 * already complete, once it has skipped to the end.
	 */
	if (parse_failed && n) {
		recover();
		parse_failed = false;
		define_pending(ds, p, n, recovered_file, recovered_line);
	}
	free_pending(p, n);
}

static void parse_marker(enum export_kind kind)
{
	struct token kw = *peek(0);
	const struct token *t;

	next();
	expect('(', "'('");
	t = peek(0);
	if (!parse_failed && (t->kind != T_IDENT || t->id->kw != KW_NONE ||
			      is_typedef_name(t->id))) {
		syntax_error(t, "a symbol name");
		return;
	}
	if (parse_failed)
		return;
	export_symbol(t->id, kind, kw.file, kw.line);
	next();
	expect(')', "')'");
	accept(';');
}

/* A declarator's first token: a plain name, '*' or '('. */
static bool starts_declarator(const struct token *t)
{
	if (t->kind == T_IDENT)
		return t->id->kw == KW_NONE && !is_typedef_name(t->id);
	return is_punct(t, '*') || is_punct(t, '(');
}

static void parse_external_declaration(void)
{
	const struct token *t = peek(0);
	struct declspec ds = { 0 };
	const char *start;

	decl_is_extern = false;
	if (accept(';'))
		return;
	if (t->kind == T_IDENT) {
		switch (t->id->kw) {
		case KW_EXPORT:
			parse_marker(EXPORT_SYMBOL);
			return;
		case KW_SYMTAB_IMPORT:
			parse_marker(EXPORT_IMPORT);
			return;
		case KW_ASM:
		case KW_STATIC_ASSERT:
			next();
			if (!is_punct(peek(0), '(')) {
				syntax_error(peek(0), "'('");
				return;
			}
			skip_balanced('(', ')');
			expect(';', "';'");
			return;
		default:
			break;
		}
	}
	start = t->text;
	parse_decl_specs(&ds, CTX_TOP);
	/*
	 * The kernel's grammar lets a declaration start at its declarator
	 * (`g(int x);`, or `while (0) (int *p) {...}` left by a macro that
	 * expands to a statement): what follows it decides, as there.
	 */
	decl_without_specs = !parse_failed && peek(0)->text == start;
	if (decl_without_specs && !starts_declarator(peek(0)))
		syntax_error(peek(0), "a declaration");
	if (!parse_failed && !accept(';'))
		parse_init_declarators(&ds);
	decl_without_specs = false;
	tvec_free(&ds.toks);
}

void parse_translation_unit(void)
{
	while (peek(0)->kind != T_EOF) {
		parse_failed = false;
		error_after_tag_keyword = false;
		if (open_braces <= 0)
			quiet_cascade = false;
		nesting = 0;
		brace_depth = 0;
		parse_external_declaration();
		if (parse_failed)
			recover();
	}
}
