// SPDX-License-Identifier: GPL-2.0-only
/* The symbol table. */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "symbols.h"

static struct symbol **slot(enum sym_kind kind, struct ident *id)
{
	return sym_is_tag(kind) ? &id->tag : &id->ord;
}

static void set_unknown(struct symbol *sym)
{
	struct tvec tv = { 0 };

	tvec_push_str(&tv, sym_tag_keyword(sym->kind));
	tvec_push(&tv, sym->id->name, sym->id->len);
	tvec_push_str(&tv, "{");
	tvec_push_str(&tv, "UNKNOWN");
	tvec_push_str(&tv, "}");
	defn_freeze(&sym->defn, &tv);
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

/* Checked when the definition is read, since only the tokens tell. */
static bool is_unknown(enum sym_kind kind, const struct tvec *defn)
{
	return sym_is_tag(kind) && defn->n == 5 && defn->v[3].len == 7 &&
	       !memcmp(defn->v[3].text, "UNKNOWN", 7);
}

struct symbol *sym_define(enum sym_kind kind, struct ident *id,
			  const struct tvec *defn, bool is_extern,
			  const char *file, uint32_t line)
{
	struct symbol *sym = *slot(kind, id);

	if (sym && (sym->defined || sym->from_reference)) {
		if (sym->kind == kind && defn_equal(&sym->defn, defn)) {
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
		sym->status = sym->ref_unknown ? STATUS_DEFINED : STATUS_MODIFIED;
		sym->from_reference = false;
	}
	if (!sym)
		sym = sym_new(kind, id);
	sym->kind = kind;
	defn_freeze(&sym->defn, defn);
	sym->defined = true;
	sym->is_extern = is_extern;
	sym->file = file;
	sym->line = line;
	return sym;
}

void sym_define_unknown(struct symbol *sym)
{
	if (sym->from_reference) {
		if (!sym->ref_unknown)
			sym->status = STATUS_MODIFIED;
		set_unknown(sym);
		sym->from_reference = false;
	}
	sym->defined = true;
}

struct symbol *sym_define_reference(enum sym_kind kind, struct ident *id,
				    const struct tvec *defn, bool is_extern,
				    bool is_override)
{
	struct symbol *sym = *slot(kind, id);

	if (!sym)
		sym = sym_new(kind, id);
	sym->kind = kind;
	defn_freeze(&sym->defn, defn);
	sym->defined = false;
	sym->from_reference = true;
	sym->is_extern = is_extern;
	sym->is_override = is_override;
	sym->ref_unknown = is_unknown(kind, defn);
	return sym;
}
