/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The symbol table: every typedef, struct/union/enum tag, enum constant and
 * global declaration seen, each with its definition as a token list in which
 * other types appear as references (expanded later, by expand.c).
 */
#ifndef GENKSYMS_SYMBOLS_H
#define GENKSYMS_SYMBOLS_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/symtypes_kind.h"
#include "defn.h"
#include "ident.h"
#include "util.h"

/* Kinds are the letters of the -T dump: "s#name", "t#name", ... */
enum sym_kind {
	SYM_NORMAL = 'n',	/* object or function */
	SYM_TYPEDEF = 't',
	SYM_ENUM_CONST = 'E',
	SYM_STRUCT = 's',
	SYM_UNION = 'u',
	SYM_ENUM = 'e',
};

/* How a definition compares with the one in the -r reference file. */
enum sym_status {
	STATUS_UNCHANGED,
	STATUS_DEFINED,		/* was UNKNOWN in the reference */
	STATUS_MODIFIED,
};

struct symbol {
	struct ident *id;
	struct defn defn;
	const char *file;	/* where it was defined, for messages */
	uint32_t line;
	uint32_t expand_gen;	/* last export whose expansion spliced it */
	enum sym_kind kind;
	enum sym_status status;
	bool defined;		/* false: only referenced (or from -r) */
	bool is_extern;
	bool dumped;		/* its -T line is written */
	bool from_reference;	/* read from -r, not yet seen in the input */
	bool is_override;	/* marked `override` in the reference */
	bool ref_unknown;	/* the reference has it as `{ UNKNOWN }` */
};

static inline bool sym_is_tag(enum sym_kind kind)
{
	return kind == SYM_STRUCT || kind == SYM_UNION || kind == SYM_ENUM;
}

/* The keyword that introduces a tag kind ("struct", "union", "enum"), or "". */
static inline const char *sym_tag_keyword(enum sym_kind kind)
{
	const char *kw = tag_keyword((char)kind);

	return kw ? kw : "";
}

/*
 * A tag symbol for a reference, created as `struct X { UNKNOWN }` when the
 * tag has no definition yet.
 */
struct symbol *sym_reference(enum sym_kind kind, struct ident *id);
/*
 * Record a definition.  An identical redefinition is ignored; a different
 * one keeps the first and warns (as the kernel's tool does), except over a
 * symbol read from the reference file, which it replaces.
 */
struct symbol *sym_define(enum sym_kind kind, struct ident *id,
			  const struct tvec *defn, bool is_extern,
			  const char *file, uint32_t line);
/* A symbol from the -r reference file. */
/*
 * A tag expanded before any definition: like the kernel's tool, give it
 * the body `{ UNKNOWN }` for good (a later body is a redefinition), and a
 * different body from the reference is a change.
 */
void sym_define_unknown(struct symbol *sym);
struct symbol *sym_define_reference(enum sym_kind kind, struct ident *id,
				    const struct tvec *defn, bool is_extern,
				    bool is_override);

#endif
