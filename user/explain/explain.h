/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Explain symbol version changes down to the struct member, enum constant
 * or parameter that changed, from two views of genksyms "symtypes" (genksyms
 * -T output, or the .symtab_types section `symtab stamp` stores in modules).
 *
 * Nothing here prints except explain_report_print(),
 * explain_types_print_crcs() and explain_symtypes_files(), and only to the
 * stream given.  As in libsymtab (user/common/error.h), a function that can
 * fail returns -errno and describes the failure in *err (which may be
 * NULL) naming the file and line; running out of memory anywhere is
 * -ENOMEM, "out of memory".  After a failure, objects the caller passed in
 * may only be freed.
 */
#ifndef _EXPLAIN_EXPLAIN_H
#define _EXPLAIN_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../common/error.h"

/* Exit statuses of the explaining commands, like diff(1). */
#define EXPLAIN_SAME		0	/* no symbol changed */
#define EXPLAIN_DIFFERENT	1	/* changes found and explained */
#define EXPLAIN_ERROR		2	/* bad input or trouble */

struct explain_types;		/* parsed symtypes */
struct explain_report;		/* explained symbols */

/*
 * Parse symtypes text (src names it in messages) into *t: 0 or -errno.
 * explain_types_read() reads a symtypes file, or every *.symtypes file
 * below a directory, each its own unit (-ENOENT when there is none).
 */
int explain_types_parse(const char *text, size_t len, const char *src,
			struct explain_types **t, struct symtab_error *err);
int explain_types_read(const char *path, struct explain_types **t,
		       struct symtab_error *err);
void explain_types_free(struct explain_types *t);	/* accepts NULL */

/*
 * CRC of name computed from t, as genksyms would: 0, -ENOENT if t does not
 * declare name, or -ENOMEM.
 */
int explain_types_crc(const struct explain_types *t, const char *name,
		      uint32_t *crc, struct symtab_error *err);

/* "#SYMVER <name> 0x<crc>" for every symbol of t, as genksyms prints. */
int explain_types_print_crcs(const struct explain_types *t, FILE *out,
			     struct symtab_error *err);

int explain_report_new(struct explain_report **r, struct symtab_error *err);
void explain_report_free(struct explain_report *r);	/* accepts NULL */

/* Symbols explained (changed, added, removed or unexplainable) so far. */
size_t explain_report_count(const struct explain_report *r);

/*
 * explain_all() - compare every symbol of two views
 *
 * A symbol in both whose expansion differs is walked down to each change;
 * symbols in only one view are reported as added or removed.
 */
int explain_all(struct explain_report *r, const struct explain_types *old,
		const struct explain_types *new, struct symtab_error *err);

/*
 * explain_symbol() - explain one symbol whose CRC changed
 * @old, @new: the stored views; NULL when a module stored none
 * @old_what, @new_what: how to name the views ("a.ko") when types are
 *	missing or do not match the CRCs
 *
 * If a view lacks the symbol or gives a different CRC than recorded, the
 * report says so and keeps only the CRC line.
 */
int explain_symbol(struct explain_report *r, const char *name,
		   uint32_t old_crc, uint32_t new_crc,
		   const struct explain_types *old, const char *old_what,
		   const struct explain_types *new, const char *new_what,
		   struct symtab_error *err);

/*
 * explain_import() - explain_symbol() for a kernel symbol a module imports
 * (a __versions CRC), from its expansion as the module's sources declare
 * it.  The kernel's exporting source may see types those leave opaque, so
 * the views need not give the recorded CRCs: where they still differ from
 * each other, the changes they show are named (the report's note says
 * they are the module's view); where they do not, the CRC line says the
 * change lies in a type the module's sources leave opaque.  In a view with
 * several units, the one giving the recorded CRC is preferred.
 */
int explain_import(struct explain_report *r, const char *name,
		   uint32_t old_crc, uint32_t new_crc,
		   const struct explain_types *old, const char *old_what,
		   const struct explain_types *new, const char *new_what,
		   struct symtab_error *err);


/*
 * explain_symbols() - explain_symbol() for many symbols at once (a whole
 * kernel's changed exports): the same words, but the symbols of one pair of
 * units are compared together, each type walked once per pair.
 */
struct explain_want {
	const char *name;
	uint32_t old_crc, new_crc;
};

int explain_symbols(struct explain_report *r, const struct explain_want *want,
		    size_t n, const struct explain_types *old,
		    const char *old_what, const struct explain_types *new,
		    const char *new_what, struct symtab_error *err);

/* explain_report_print() flags; 0 is the grouped text. */
#define EXPLAIN_JSON		1u
#define EXPLAIN_PER_SYMBOL	2u
/* Grouped text, with each changed type's old and new definition, a line a
 * member, as a diff (views compared by explain_symbols() only). */
#define EXPLAIN_TYPE_DIFF	4u

/*
 * explain_report_print() - print what was explained
 *
 * Text, grouped (flags 0): each underlying change (a member of one type, an
 * enum constant, a symbol's own parameter...) once, those reaching the most
 * symbols first.  A change reached from one symbol is one line,
 * "<symbol>: <path> -> ...: <change>"; one reached from several is said once,
 * "<type> -> ...: <change>", followed by "  reached from N symbols:" and the
 * symbols, the first 8 with their shortest path to the type, the rest by
 * name (3 lines at most, then "...").  Changes reached from the same
 * symbols by the same paths share one list.  Then added, removed and unexplained symbols, by name.
 *
 * EXPLAIN_PER_SYMBOL: one line per change and symbol, "<symbol>: <path> ->
 * ...: <change>", symbols in name order (a refused import's "because").
 *
 * EXPLAIN_JSON: {"groups": [{"count", "changes": [{"where": [...], "kind",
 * "change"}], "symbols": [{"name", "path": [...]}]}], "symbols": [{"name",
 * "status", "old_crc", "new_crc", "note", "changes": [{"path": [...],
 * "kind", "change", "group"}]}]}: the groups in text order, then every
 * symbol with each change's full path and the index of its group.
 */
int explain_report_print(const struct explain_report *r, unsigned int flags,
			 FILE *out, struct symtab_error *err);

/*
 * `genksyms --diff OLD NEW`: explain every difference between two symtypes
 * files (or directories, as explain_types_read()) on out.  Return: EXPLAIN_SAME, EXPLAIN_DIFFERENT, or -errno with
 * err set (nothing printed when the input is bad; -EIO when writing out
 * failed).
 */
int explain_symtypes_files(const char *old_path, const char *new_path,
			   unsigned int flags, FILE *out,
			   struct symtab_error *err);

/*
 * explain_consolidate() - one kernel's symtypes in one text
 * @dir: a tree of genksyms -T files (*.symtypes, one per object, as
 *	`KBUILD_SYMTYPES=1` or `symtab kabi extract` leave them)
 *
 * Writes on @out the consolidated form (consolidated.c; man symtab): each
 * definition once, objects defining a type differently kept apart, which
 * explain_types_parse() and _read() read back as one unit per object.
 * Return: 0, or -errno with @err set.
 */
int explain_consolidate(const char *dir, FILE *out, struct symtab_error *err);

/*
 * explain_types_subset() - what a module needs to store for its symbols
 * @text, @len: one object's symtypes (genksyms -T output)
 * @syms: the versioned symbols (exports and imports) of that object
 * @nmissing: set to how many of @syms @text does not declare (may be NULL)
 *
 * Return: 0 with *@out set to malloc()ed symtypes text holding the
 * declarations of @syms and every type they reach, each once, dependencies
 * first (*out_len bytes, NUL-terminated), or -errno with @err set.  Several
 * objects' subsets
 * joined with an empty line ("\n") between them form one valid input for
 * explain_types_parse(): each object stays a separate unit, so objects
 * defining one type differently do not clash.
 */
int explain_types_subset(const char *text, size_t len, const char *src,
			 const char *const *syms, size_t nsyms, char **out,
			 size_t *out_len, size_t *nmissing,
			 struct symtab_error *err);

/*
 * The .symtab_types section (include/symtab/types_section.h): pack
 * symtypes text behind the header, zlib-compressed when that is smaller;
 * unpack checks everything and returns the text (malloc()ed,
 * NUL-terminated).  Return: 0, or -errno with err set.
 */
int explain_section_pack(const char *text, size_t len, void **out,
			 size_t *out_len, struct symtab_error *err);
int explain_section_unpack(const void *sec, size_t len, const char *what,
			   char **text, size_t *text_len,
			   struct symtab_error *err);

#endif /* _EXPLAIN_EXPLAIN_H */
