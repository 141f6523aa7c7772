// SPDX-License-Identifier: GPL-2.0-only
/* The symbol table. */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "symbols.h"

const char *sym_tag_keyword(enum sym_kind kind)
{
	switch (kind) {
	case SYM_STRUCT:
		return "struct";
	case SYM_UNION:
		return "union";
	case SYM_ENUM:
		return "enum";
	default:
		return "";
	}
}

static struct symbol **slot(enum sym_kind kind, struct ident *id)
{
	return sym_is_tag(kind) ? &id->tag : &id->ord;
}

struct symbol *sym_lookup(enum sym_kind kind, struct ident *id)
{
	return *slot(kind, id);
}

static void set_unknown(struct symbol *sym)
{
	struct tvec tv = { 0 };

	tvec_push_str(&tv, sym_tag_keyword(sym->kind));
	tvec_push(&tv, sym->id->name, sym->id->len);
	tvec_push_str(&tv, "{");
	tvec_push_str(&tv, "UNKNOWN");
	tvec_push_str(&tv, "}");
	sym->defn = tvec_freeze(&tv);
	sym->ndefn = tv.n;
	tvec_free(&tv);
}

static struct symbol *sym_new(enum sym_kind kind, struct ident *id)
{
	struct symbol *sym = arena_alloc(sizeof(*sym));

	memset(sym, 0, sizeof(*sym));
	sym->id = id;
	sym->kind = kind;
	*slot(kind, id) = sym;
	return sym;
}

struct symbol *sym_reference(enum sym_kind kind, struct ident *id)
{
	struct symbol *sym = *slot(kind, id);

	if (!sym) {
		sym = sym_new(kind, id);
		set_unknown(sym);
	}
	return sym;
}

static bool defn_equal(const struct symbol *sym, const struct tvec *defn)
{
	size_t i;

	if (sym->ndefn != defn->n)
		return false;
	for (i = 0; i < defn->n; i++) {
		const struct dtok *a = &sym->defn[i], *b = &defn->v[i];

		if (a->ref != b->ref || a->len != b->len ||
		    memcmp(a->text, b->text, a->len))
			return false;
	}
	return true;
}

static bool is_unknown(const struct symbol *sym)
{
	return sym_is_tag(sym->kind) && sym->ndefn == 5 &&
	       sym->defn[3].len == 7 && !memcmp(sym->defn[3].text, "UNKNOWN", 7);
}

struct symbol *sym_define(enum sym_kind kind, struct ident *id,
			  const struct tvec *defn, bool is_extern,
			  const char *file, uint32_t line)
{
	struct symbol *sym = *slot(kind, id);

	if (sym && (sym->defined || sym->from_reference)) {
		if (sym->kind == kind && defn_equal(sym, defn)) {
			if (sym->from_reference) {
				sym->from_reference = false;
				sym->defined = true;
				sym->is_extern = is_extern;
				sym->file = file;
				sym->line = line;
			}
			return sym;
		}
		if (!sym->from_reference) {
			diag_warning(file, line, "redefinition of %s", id->name);
			return sym;
		}
		if (sym->is_override && diag_flags.preserve) {
			fprintf(stderr, "%s:%u: ignoring %s%s%s modversion "
				"change\n", file, line, sym_tag_keyword(kind),
				sym_is_tag(kind) ? " " : "", id->name);
			sym->from_reference = false;
			sym->defined = true;
			return sym;
		}
		sym->status = is_unknown(sym) ? STATUS_DEFINED : STATUS_MODIFIED;
		sym->from_reference = false;
	}
	if (!sym)
		sym = sym_new(kind, id);
	sym->kind = kind;
	sym->defn = tvec_freeze(defn);
	sym->ndefn = defn->n;
	sym->defined = true;
	sym->is_extern = is_extern;
	sym->file = file;
	sym->line = line;
	return sym;
}

struct symbol *sym_define_reference(enum sym_kind kind, struct ident *id,
				    const struct tvec *defn, bool is_extern,
				    bool is_override)
{
	struct symbol *sym = *slot(kind, id);

	if (!sym)
		sym = sym_new(kind, id);
	sym->kind = kind;
	sym->defn = tvec_freeze(defn);
	sym->ndefn = defn->n;
	sym->defined = false;
	sym->from_reference = true;
	sym->is_extern = is_extern;
	sym->is_override = is_override;
	return sym;
}
