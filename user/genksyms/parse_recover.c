// SPDX-License-Identifier: GPL-2.0-only
/*
 * Recovery from a broken struct member, as the kernel's tool recovers: the
 * member's tokens go into the body as they are (no t# or E#), up to the
 * next ';', and the body goes on.  Its lexer makes a single token of a
 * {...} group unless the '{' comes first or second after struct, union or
 * enum (an __attribute__((...)) counting as one token), so such a group is
 * stepped over whole, ';'s and all.
 */
#include "parse_internal.h"

static void count_token(struct phrase_state *ps)
{
	if (ps->since_keyword < FAR_FROM_KEYWORD)
		ps->since_keyword++;
}

static bool is_char(const char *text, uint32_t len, char c)
{
	return len == 1 && *text == c;
}

void phrase_feed(struct phrase_state *ps, const struct ident *id,
		 const char *text, uint32_t len)
{
	if (ps->in_attr) {
		if (is_char(text, len, '(')) {
			ps->attr_depth++;
			return;
		}
		if (ps->attr_depth && is_char(text, len, ')')) {
			if (--ps->attr_depth == 0) {
				ps->in_attr = false;
				count_token(ps);
			}
			return;
		}
		if (ps->attr_depth)
			return;
		/* __attribute__ without its parentheses */
		ps->in_attr = false;
		count_token(ps);
	}
	if (id && id->kw == KW_ATTRIBUTE) {
		ps->in_attr = true;
		ps->attr_depth = 0;
	} else if (id && (id->kw == KW_STRUCT || id->kw == KW_UNION ||
			  id->kw == KW_ENUM)) {
		ps->since_keyword = 0;
	} else {
		count_token(ps);
	}
}

/* A {...} group the kernel's lexer hands over as one token. */
void skip_brace_phrase(struct tvec *def)
{
	int depth = 0;

	do {
		const struct token *t = peek(0);

		if (t->kind == T_EOF)
			return;
		depth += is_punct(t, '{') - is_punct(t, '}');
		if (def)
			push_token(def, t);
		next();
	} while (depth > 0);
}

void recover_member(struct tvec *def, size_t raw_mark, bool first)
{
	struct phrase_state ps = { .since_keyword = FAR_FROM_KEYWORD };
	size_t i;

	/* dealt with here, not by the file-scope recovery */
	error_after_tag_keyword = false;
	for (i = raw_mark; i < raw_log->n; i++) {
		const struct dtok *d = &raw_log->v[i];

		tvec_push(def, d->text, d->len);
		phrase_feed(&ps, d->id, d->text, d->len);
	}
	while (peek(0)->kind != T_EOF) {
		const struct token *t = peek(0);
		bool end = is_punct(t, ';');

		if (phrase_brace(&ps, t)) {
			skip_brace_phrase(def);
			count_token(&ps);
			continue;
		}
		if (first && is_punct(t, '}') && !ps.in_attr)
			break;
		phrase_feed(&ps, t->kind == T_IDENT ? t->id : NULL, t->text, t->len);
		push_token(def, t);
		next();
		if (end)
			break;
	}
	shifted_since_error = 1;
}
