/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * In-memory form of genksyms "symtypes" text (genksyms -T): one entry per
 * line, `[override ]<kind>#<name> tok tok ...` for types and
 * `<name> [extern ]tok ...` for exported symbols.
 *
 * A text may hold several independent units separated by an empty line
 * (the .symtab_types section stores one unit per object file, because two
 * objects may define the same type differently).  A plain genksyms file is
 * one unit.
 */
#ifndef _EXPLAIN_SYMTYPES_H
#define _EXPLAIN_SYMTYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/error.h"
#include "../common/symtypes_kind.h"
#include "hash_index.h"

struct st_entry {
	const char *key;	/* "s#foo", or "foo" for an exported symbol */
	const char *name;	/* key without its kind prefix */
	char kind;		/* 't', 'e', 's', 'u', 'E', or 0: symbol */
	bool override;
	bool is_extern;		/* symbol written with `extern` */
	const char **tok;	/* the definition, `extern` dropped */
	size_t ntok;
	unsigned int line;
};

struct st_forms;		/* crc_forms.c: definitions compiled for st_crc() */

struct st_unit {
	struct st_entry *ent;
	size_t n, cap;
	struct hash_index index;	/* by key */
	struct st_forms *forms;		/* its set's, or NULL */
};

struct st_set {
	const char *src;	/* file name, for messages */
	char *buf;		/* the text, split in place */
	const char **toks;	/* token pointers of every entry */
	struct st_unit *unit;
	size_t nunit;
	struct st_forms *forms;	/* shared by its units */
};

/*
 * Parse text into set: 0, or -errno with err set ("src:line: what was
 * expected" for bad input, -EINVAL); set is then empty.  Allocations go
 * through ex_alloc.h: call it under ex_catch_oom().
 */
int st_parse(struct st_set *set, const char *text, size_t len,
	     const char *src, struct symtab_error *err);
int st_parse_file(struct st_set *set, const char *path,
		  struct symtab_error *err);
void st_free(struct st_set *set);

const struct st_entry *st_lookup(const struct st_unit *u, const char *key);
size_t st_index(const struct st_unit *u, const struct st_entry *e);

/* The unit and entry exporting symbol name, or NULL. */
const struct st_entry *st_find_symbol(const struct st_set *set,
				      const char *name,
				      const struct st_unit **unit);

/* Is tok a reference to another entry ("s#foo")? */
bool st_is_ref(const char *tok);

/*
 * The CRC genksyms gives @sym: of its expansion, where the first reference
 * to a type splices in its definition and later ones only name it.
 * @missing counts references with no entry in the unit.
 */
uint32_t st_crc(const struct st_unit *u, const struct st_entry *sym,
		size_t *missing);

/*
 * The same from the definitions compiled once (crc_forms.c): false when it
 * cannot (a unit outside a set), and st_crc() expands token by token.
 */
struct st_forms *st_forms_new(const char **toks, size_t ntoks);
void st_forms_free(struct st_forms *f);
bool st_crc_fast(const struct st_unit *u, const struct st_entry *sym,
		 uint32_t *crc, size_t *missing);

/*
 * The consolidated form (consolidated.c): a whole kernel's types in one
 * text, each definition once; its first line starts with ST_CONSOLIDATED.
 * st_parse() hands such a text to st_parse_consolidated(), which gives
 * each file record (F#) its own unit, as if its genksyms -T file had been
 * read.  st_unit_add(), st_new_unit() and st_parse_line() are the pieces
 * both parsers share.
 */
#define ST_CONSOLIDATED "#symtab-symtypes "
int st_parse_consolidated(struct st_set *set, const char *text, size_t len,
			  const char *src, struct symtab_error *err);
int st_unit_add(struct st_unit *u, const struct st_entry *e, const char *src,
		struct symtab_error *err);
struct st_unit *st_new_unit(struct st_set *set);
int st_parse_line(char *line, unsigned int lineno, const char **toks,
		  struct st_entry *e, const char *src,
		  struct symtab_error *err);

#endif /* _EXPLAIN_SYMTYPES_H */
