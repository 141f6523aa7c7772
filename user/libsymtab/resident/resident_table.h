/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The resident table: the symbols symtab.ko holds, as /proc/symtab lists
 * them, one per line:
 *
 *	<16 hex address> <name>[_R<8 hex crc>]\t[<module>]
 *
 * (the address reads as zeros without CAP_SYSLOG).  A saved copy parses
 * the same way.
 */
#ifndef _SYMTAB_RESIDENT_TABLE_H
#define _SYMTAB_RESIDENT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"

#define RESIDENT_TABLE_PATH	"/proc/symtab"

struct resident_symbol {
	char *name;		/* without the _R suffix */
	uint32_t crc;
	bool versioned;
	uint64_t addr;
	char *module;		/* the exporter */
};

struct resident_table {
	struct resident_symbol *symbols;	/* sorted by name */
	size_t nr;
	size_t cap;				/* allocated */
};

#define RESIDENT_TABLE_INIT	{ 0 }

/* Parse @len bytes read from @file into the empty table @t. */
int resident_table_parse(struct resident_table *t, const char *file,
			 const char *text, size_t len,
			 struct symtab_error *err);

/* Read @path.  Return: 0, -ENOENT if it does not exist, -errno. */
int resident_table_load(struct resident_table *t, const char *path,
			struct symtab_error *err);

const struct resident_symbol *resident_table_find(const struct resident_table *t,
						  const char *name);

void resident_table_release(struct resident_table *t);

/*
 * Split "name_R1a2b3c4d" into name and CRC.  Names without a well-formed
 * suffix are versionless.  @name must hold SYMTAB_NAME_LEN bytes.
 * Return: false if @s is not a valid (possibly versioned) symbol name.
 */
bool versioned_name_split(const char *s, size_t len, char *name,
			  uint32_t *crc, bool *versioned);

#endif /* _SYMTAB_RESIDENT_TABLE_H */
