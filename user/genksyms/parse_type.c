// SPDX-License-Identifier: GPL-2.0-only
/*
 * Types: struct/union/enum specifiers with their bodies, attributes, typeof,
 * and the expressions found in array bounds, bit-fields and enum values.
 */
#include <stdio.h>
#include <string.h>

#include "parse_internal.h"

void push_expr_token(struct tvec *out, const struct token *t)
{
	if (t->kind == T_IDENT && t->id->kw == KW_NONE && t->id->ord &&
	    t->id->ord->kind == SYM_ENUM_CONST)
		tvec_push_ref(out, SYM_ENUM_CONST, t->id);
	else
		push_token(out, t);
}

void parse_expression(struct tvec *out)
{
	int depth = 0;

	while (!parse_failed) {
		const struct token *t = peek(0);

		if (t->kind == T_EOF) {
			syntax_error(t, "the end of the expression");
			return;
		}
		if (depth == 0 && (is_punct(t, ',') || is_punct(t, ';') ||
				   is_punct(t, '}')))
			return;
		depth += bracket_step(t);
		if (depth < 0)
			return;
		push_expr_token(out, t);
		next();
	}
}

void parse_paren_group(struct tvec *out)
{
	push_token(out, peek(0));
	next();
	parse_expression(out);
	if (!parse_failed)
		push_token(out, peek(0));
	expect(')', "')'");
}

void parse_attribute(struct tvec *out)
{
	push_token(out, peek(0));
	next();
	if (!is_punct(peek(0), '(')) {
		syntax_error(peek(0), "'(' after __attribute__");
		return;
	}
	parse_paren_group(out);
}

/* The first token in typeof's parentheses: does a type start there? */
static bool typeof_holds_type(const struct token *t)
{
	if (t->kind != T_IDENT)
		return false;
	switch (t->id->kw) {
	case KW_STRUCT: case KW_UNION: case KW_ENUM:
	case KW_BASETYPE: case KW_QUALIFIER:
		return true;
	case KW_NONE:
		return is_typedef_name(t->id);
	default:
		return false;
	}
}

/*
 * typeof of an expression is text to the kernel's tool: struct tags and
 * typedef names stay as written (enum constants still become references),
 * and its opening parenthesis is kept only when a name follows it:
 * typeof(*(struct s *)0) is `typeof * ( struct s * ) 0 )`.
 */
static void parse_typeof_phrase(struct tvec *out)
{
	int depth = 1;

	if (peek(1)->kind == T_IDENT)
		push_token(out, peek(0));
	next();
	while (depth > 0 && !parse_failed) {
		const struct token *t = peek(0);

		if (t->kind == T_EOF) {
			syntax_error(t, "')' closing typeof");
			return;
		}
		depth += bracket_step(t);
		push_expr_token(out, t);
		next();
	}
}

/* typeof(...) holds a type or an expression: types become references. */
void parse_typeof(struct tvec *out)
{
	int depth = 0;

	push_token(out, peek(0));
	next();
	if (!is_punct(peek(0), '(')) {
		syntax_error(peek(0), "'(' after typeof");
		return;
	}
	if (!nest_enter())
		return;
	if (!typeof_holds_type(peek(1))) {
		parse_typeof_phrase(out);
		nest_leave();
		return;
	}
	do {
		const struct token *t = peek(0);

		if (t->kind == T_EOF) {
			syntax_error(t, "')' closing typeof");
			break;
		}
		/*
		 * A type is a parameter declaration to the kernel's tool: a
		 * name after it, such as `__seg_gs` in
		 * typeof(const struct pcpu_hot __seg_gs), is dropped.
		 */
		if (depth == 1 && t->kind == T_IDENT &&
		    t->id->kw == KW_NONE && !is_typedef_name(t->id) &&
		    is_punct(peek(1), ')')) {
			next();
			continue;
		}
		if (t->kind == T_IDENT && (t->id->kw == KW_STRUCT ||
					   t->id->kw == KW_UNION ||
					   t->id->kw == KW_ENUM)) {
			parse_tag_type(out);
			continue;
		}
		if (t->kind == T_IDENT && is_typedef_name(t->id)) {
			tvec_push_ref(out, SYM_TYPEDEF, t->id);
			next();
			continue;
		}
		if (t->kind == T_IDENT && t->id->kw == KW_RESTRICT) {
			next();
			continue;
		}
		depth += bracket_step(t);
		push_expr_token(out, t);
		next();
	} while (depth > 0 && !parse_failed);
	nest_leave();
}

static void parse_member_declarators(struct tvec *def)
{
	while (!parse_failed) {
		struct ident *name;

		if (!is_punct(peek(0), ':'))
			parse_declarator(def, CTX_MEMBER, &name);
		if (is_punct(peek(0), ':') && !parse_failed) {
			push_token(def, peek(0));
			next();
			parse_expression(def);
		}
		while (!parse_failed && peek(0)->kind == T_IDENT &&
		       peek(0)->id->kw == KW_ATTRIBUTE)
			parse_attribute(def);
		if (parse_failed || !is_punct(peek(0), ','))
			return;
		push_token(def, peek(0));
		next();
	}
}

/* The '}' that ended the last body: definitions are dated by it. */
static const char *body_end_file;
static uint32_t body_end_line;

static void set_body_end(void)
{
	body_end_file = peek(0)->file;
	body_end_line = peek(0)->line;
}

static void parse_members(struct tvec *def)
{
	size_t mark, raw_mark;
	bool first = true;

	push_token(def, peek(0));
	next();
	while (!parse_failed && !is_punct(peek(0), '}')) {
		const struct token *t = peek(0);
		struct declspec ds = { 0 };

		if (t->kind == T_EOF) {
			syntax_error(t, "'}' closing the struct");
			return;
		}
		if (t->kind == T_IDENT && t->id->kw == KW_STATIC_ASSERT) {
			next();
			if (!is_punct(peek(0), '(')) {
				syntax_error(peek(0), "'('");
				return;
			}
			parse_paren_group(&ds.toks);
			tvec_free(&ds.toks);
			expect(';', "';'");
			continue;
		}
		mark = def->n;
		raw_mark = raw_log->n;
		if (!is_punct(t, ';')) {
			parse_decl_specs(&ds, CTX_MEMBER);
			tvec_append(def, &ds.toks);
			tvec_free(&ds.toks);
			if (!is_punct(peek(0), ';'))
				parse_member_declarators(def);
		}
		if (!parse_failed)
			push_token(def, peek(0));
		expect(';', "';' after a member");
		if (parse_failed && peek(0)->kind != T_EOF) {
			def->n = mark;
			recover_member(def, raw_mark, first);
			parse_failed = false;
		}
		first = false;
	}
	if (!parse_failed)
		push_token(def, peek(0));
	set_body_end();
	expect('}', "'}'");
}

static void parse_struct_body(struct tvec *def)
{
	struct tvec log = { 0 };

	if (raw_log) {
		parse_members(def);
		return;
	}
	raw_log = &log;
	parse_members(def);
	raw_log = NULL;
	tvec_free(&log);
}

static const char *enum_value_number(unsigned long n)
{
	char buf[24];
	int len = snprintf(buf, sizeof(buf), "%lu", n);

	return arena_strndup(buf, len);
}

/*
 * Enumerators: each constant is stored with its value, `N` or
 * `( last explicit value ) + N`, so that a change of value shows in CRCs.
 */
static void parse_enum_body(struct tvec *def)
{
	struct tvec last = { 0 };
	unsigned long count = 0;
	bool have_last = false;

	push_token(def, peek(0));
	next();
	while (!parse_failed && !is_punct(peek(0), '}')) {
		const struct token *t = peek(0);
		struct tvec value = { 0 };
		struct ident *name;

		if (t->kind != T_IDENT || t->id->kw != KW_NONE) {
			syntax_error(t, "an enumerator");
			break;
		}
		name = t->id;
		push_token(def, t);
		next();
		while (!parse_failed && peek(0)->kind == T_IDENT &&
		       peek(0)->id->kw == KW_ATTRIBUTE)
			parse_attribute(def);
		if (is_punct(peek(0), '=') && !parse_failed) {
			push_token(def, peek(0));
			next();
			parse_expression(&value);
			tvec_append(def, &value);
			tvec_free(&last);
			tvec_append(&last, &value);
			have_last = true;
			count = 0;
		} else if (have_last) {
			count++;
			tvec_push_str(&value, "(");
			tvec_append(&value, &last);
			tvec_push_str(&value, ")");
			tvec_push_str(&value, "+");
			tvec_push_str(&value, enum_value_number(count));
		} else {
			tvec_push_str(&value, enum_value_number(count++));
		}
		if (!parse_failed)
			sym_define(SYM_ENUM_CONST, name, &value, false,
				   t->file, t->line);
		tvec_free(&value);
		if (parse_failed || !is_punct(peek(0), ','))
			break;
		push_token(def, peek(0));
		next();
	}
	tvec_free(&last);
	if (!parse_failed)
		push_token(def, peek(0));
	set_body_end();
	expect('}', "'}' closing the enum");
}

void parse_tag_type(struct tvec *out)
{
	struct token kw = *peek(0);
	enum sym_kind kind = kw.id->kw == KW_STRUCT ? SYM_STRUCT :
			     kw.id->kw == KW_UNION ? SYM_UNION : SYM_ENUM;
	struct tvec def = { 0 };
	struct ident *tag = NULL;
	const struct token *t;

	next();
	/*
	 * gcc allows attributes before the tag, the kernel's tool does not:
	 * what it makes of the error is what the CRCs are made of.
	 */
	if (peek(0)->kind == T_IDENT && peek(0)->id->kw == KW_ATTRIBUTE) {
		error_after_tag_keyword = !parse_failed;
		valid_c_rejected = !parse_failed;
		syntax_error(peek(0), "a tag or '{'");
		return;
	}
	t = peek(0);
	if (t->kind == T_IDENT && t->id->kw == KW_NONE) {
		tag = t->id;
		next();
	}
	if (!is_punct(peek(0), '{')) {
		if (!tag)
			syntax_error(peek(0), "a tag or '{'");
		else
			tvec_push_ref(out, kind, sym_reference(kind, tag)->id);
		return;
	}
	if (!nest_enter())
		return;
	push_token(&def, &kw);
	if (tag)
		tvec_push(&def, tag->name, tag->len);
	if (kind == SYM_ENUM)
		parse_enum_body(&def);
	else
		parse_struct_body(&def);
	nest_leave();
	if (parse_failed) {
		tvec_free(&def);
		return;
	}
	if (!tag) {
		tvec_append(out, &def);
	} else {
		/* A type of the main .c file is private: it stays opaque. */
		if (!kw.in_main_file)
			sym_define(kind, tag, &def, decl_is_extern,
				   body_end_file, body_end_line);
		sym_reference(kind, tag);
		tvec_push_ref(out, kind, tag);
	}
	tvec_free(&def);
}
