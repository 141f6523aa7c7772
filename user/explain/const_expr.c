// SPDX-License-Identifier: GPL-2.0-only
/*
 * Integer constant expressions as genksyms leaves them in enum values and
 * E# entries (tokens: numbers, character constants, names, C's unary and
 * binary operators, parentheses), evaluated by precedence climbing in
 * long long, wrapping as the compiler's unsigned arithmetic would.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "const_expr.h"

struct evaluator {
	const char **v;
	size_t n, i;
	const_expr_lookup_fn lookup;
	void *arg;
	bool ok;
};

static long long eval_binary(struct evaluator *ev, int min_prec);

static bool eval_number(const char *s, long long *out)
{
	char *end;

	if (*s == '\'') {
		if (s[1] && s[1] != '\\' && s[2] == '\'' && !s[3]) {
			*out = (unsigned char)s[1];
			return true;
		}
		return false;
	}
	*out = (long long)strtoull(s, &end, 0);
	if (end == s)
		return false;
	while (*end && strchr("uUlL", *end))
		end++;
	return !*end;
}

static long long eval_unary(struct evaluator *ev)
{
	const char *t;
	long long v;

	if (ev->i >= ev->n) {
		ev->ok = false;
		return 0;
	}
	t = ev->v[ev->i++];
	if (!strcmp(t, "-"))
		return -eval_unary(ev);
	if (!strcmp(t, "+"))
		return eval_unary(ev);
	if (!strcmp(t, "~"))
		return ~eval_unary(ev);
	if (!strcmp(t, "!"))
		return !eval_unary(ev);
	if (!strcmp(t, "(")) {
		v = eval_binary(ev, 0);
		if (ev->i >= ev->n || strcmp(ev->v[ev->i], ")"))
			ev->ok = false;
		ev->i++;
		return v;
	}
	if (eval_number(t, &v))
		return v;
	if (ev->lookup && (*t == '_' || isalpha((unsigned char)*t)) && ev->lookup(t, &v, ev->arg))
		return v;
	ev->ok = false;
	return 0;
}

static const struct {
	const char *op;
	int prec;
} binops[] = {
	{ "||", 1 }, { "&&", 2 }, { "|", 3 }, { "^", 4 }, { "&", 5 },
	{ "==", 6 }, { "!=", 6 }, { "<", 7 }, { ">", 7 }, { "<=", 7 },
	{ ">=", 7 }, { "<<", 8 }, { ">>", 8 }, { "+", 9 }, { "-", 9 },
	{ "*", 10 }, { "/", 10 }, { "%", 10 },
};

static int binop_prec(const char *t)
{
	size_t i;

	for (i = 0; i < sizeof(binops) / sizeof(binops[0]); i++)
		if (!strcmp(t, binops[i].op))
			return binops[i].prec;
	return -1;
}

static long long apply(struct evaluator *ev, const char *op, long long a,
		       long long b)
{
	unsigned long long ua = (unsigned long long)a;

	switch (op[0]) {
	case '|': return op[1] ? (a || b) : (long long)(ua | (unsigned long long)b);
	case '&': return op[1] ? (a && b) : (long long)(ua & (unsigned long long)b);
	case '^': return (long long)(ua ^ (unsigned long long)b);
	case '=': return a == b;
	case '!': return a != b;
	case '+': return (long long)(ua + (unsigned long long)b);
	case '-': return (long long)(ua - (unsigned long long)b);
	case '*': return (long long)(ua * (unsigned long long)b);
	case '<':
		if (op[1] == '<')
			return (b < 0 || b > 63) ? (ev->ok = false, 0) :
			       (long long)(ua << b);
		return op[1] ? a <= b : a < b;
	case '>':
		if (op[1] == '>')
			return (b < 0 || b > 63) ? (ev->ok = false, 0) : a >> b;
		return op[1] ? a >= b : a > b;
	case '/':
	case '%':
		if (b == 0 || (a == -__LONG_LONG_MAX__ - 1 && b == -1)) {
			ev->ok = false;
			return 0;
		}
		return op[0] == '/' ? a / b : a % b;
	}
	ev->ok = false;
	return 0;
}

static long long eval_binary(struct evaluator *ev, int min_prec)
{
	long long lhs = eval_unary(ev);

	while (ev->ok && ev->i < ev->n) {
		const char *op = ev->v[ev->i];
		/* genksyms writes != as two tokens, `! =` */
		bool split_ne = !strcmp(op, "!") && ev->i + 1 < ev->n &&
				!strcmp(ev->v[ev->i + 1], "=");
		int prec = split_ne ? binop_prec("!=") : binop_prec(op);

		if (prec < min_prec)
			break;
		ev->i += split_ne ? 2 : 1;
		lhs = apply(ev, op, lhs, eval_binary(ev, prec + 1));
	}
	return lhs;
}

bool const_expr_eval(const char **v, size_t n, const_expr_lookup_fn lookup,
		     void *arg, long long *value)
{
	struct evaluator ev = { v, n, 0, lookup, arg, true };

	*value = eval_binary(&ev, 0);
	return ev.ok && ev.i == n;
}
