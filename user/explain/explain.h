/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Explain symbol version changes down to the struct member, enum constant
 * or parameter that changed, from two views of genksyms "symtypes" (genksyms
 * -T output, or the .symtab_types section `symtab stamp` stores in modules).
 *
 * Nothing here prints except explain_report_print() and
 * explain_symtypes_files(); failures are described in an err buffer of
 * EXPLAIN_ERR_LEN bytes naming the file and line.
 */
#ifndef _EXPLAIN_EXPLAIN_H
#define _EXPLAIN_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EXPLAIN_ERR_LEN		512

/* Exit statuses of the explaining commands, like diff(1). */
#define EXPLAIN_SAME		0	/* no symbol changed */
#define EXPLAIN_DIFFERENT	1	/* changes found and explained */
#define EXPLAIN_ERROR		2	/* bad input; nothing was printed */

struct explain_types;		/* parsed symtypes */
struct explain_report;		/* explained symbols */

/* Parse symtypes text (src names it in messages).  NULL on bad input. */
struct explain_types *explain_types_parse(const char *text, size_t len,
					  const char *src, char *err);
struct explain_types *explain_types_read(const char *path, char *err);
void explain_types_free(struct explain_types *t);	/* accepts NULL */

/* CRC of name computed from t, as genksyms would; false if not there. */
bool explain_types_crc(const struct explain_types *t, const char *name,
		       uint32_t *crc);

/* "#SYMVER <name> 0x<crc>" for every symbol of t, as genksyms prints. */
void explain_types_print_crcs(const struct explain_types *t, FILE *out);

struct explain_report *explain_report_new(void);
void explain_report_free(struct explain_report *r);	/* accepts NULL */

/* Symbols explained (changed, added, removed or unexplainable) so far. */
size_t explain_report_count(const struct explain_report *r);

/*
 * explain_all() - compare every symbol of two views
 *
 * A symbol in both whose expansion differs is walked down to each change;
 * symbols in only one view are reported as added or removed.
 */
void explain_all(struct explain_report *r, const struct explain_types *old,
		 const struct explain_types *new);

/*
 * explain_symbol() - explain one symbol whose CRC changed
 * @old, @new: the stored views; NULL when a module stored none
 * @old_what, @new_what: how to name the views ("a.ko") when types are
 *	missing or do not match the CRCs
 *
 * If a view lacks the symbol or gives a different CRC than recorded, the
 * report says so and keeps only the CRC line.
 */
void explain_symbol(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc,
		    const struct explain_types *old, const char *old_what,
		    const struct explain_types *new, const char *new_what);

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
void explain_import(struct explain_report *r, const char *name,
		    uint32_t old_crc, uint32_t new_crc,
		    const struct explain_types *old, const char *old_what,
		    const struct explain_types *new, const char *new_what);

/*
 * Text: one line per change, "<symbol>: <path> -> ...: <change>", symbols
 * in name order.  JSON: {"symbols": [{"name", "status", "old_crc",
 * "new_crc", "note", "changes": [{"path": [...], "kind", "change"}]}]}.
 */
void explain_report_print(const struct explain_report *r, bool json,
			  FILE *out);

/*
 * `genksyms --diff OLD NEW`: explain every difference between two symtypes
 * files on out.  Return: EXPLAIN_SAME, EXPLAIN_DIFFERENT, or EXPLAIN_ERROR
 * after a message on stderr.
 */
int explain_symtypes_files(const char *old_path, const char *new_path,
			   int json, FILE *out);

/*
 * explain_types_subset() - what a module needs to store for its symbols
 * @text, @len: one object's symtypes (genksyms -T output)
 * @syms: the versioned symbols (exports and imports) of that object
 * @nmissing: set to how many of @syms @text does not declare (may be NULL)
 *
 * Return: malloc()ed symtypes text holding the declarations of @syms and
 * every type they reach, each once, dependencies first (*out_len bytes,
 * NUL-terminated), or NULL with @err set.  Several objects' subsets
 * joined with an empty line ("\n") between them form one valid input for
 * explain_types_parse(): each object stays a separate unit, so objects
 * defining one type differently do not clash.
 */
char *explain_types_subset(const char *text, size_t len, const char *src,
			   const char *const *syms, size_t nsyms,
			   size_t *out_len, size_t *nmissing, char *err);

/*
 * The .symtab_types section (include/symtab/types_section.h): pack
 * symtypes text behind the header, zlib-compressed when that is smaller;
 * unpack checks everything and returns the text (malloc()ed,
 * NUL-terminated).  Return: 0, or -1 with err set.
 */
int explain_section_pack(const char *text, size_t len, void **out,
			 size_t *out_len, char *err);
int explain_section_unpack(const void *sec, size_t len, const char *what,
			   char **text, size_t *text_len, char *err);

#endif /* _EXPLAIN_EXPLAIN_H */
