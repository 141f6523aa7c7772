/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exporters' records: which module exports which symtab symbol, so that
 * a consumer can name the modules it imports from (its softdep).  One
 * record per line, as Module.symvers has them:
 *
 *	0x<crc> <symbol> <module> [anything else]
 *
 * separated by tabs or spaces; empty lines and lines starting with '#'
 * are skipped.  <module> is the module's name as modprobe knows it.
 * build-module.sh writes them (Module.symtab beside the modules it built).
 * Several files add up, in the order loaded: the first record wins.
 */
#ifndef _SYMTAB_EXPORT_RECORDS_H
#define _SYMTAB_EXPORT_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"

/* The kernel's MODULE_NAME_LEN on 64-bit, with its NUL. */
#define MODULE_NAME_MAX		56

struct export_record {
	char *symbol;
	char *module;
	uint32_t crc;
};

struct export_records {
	struct export_record *recs;	/* in the order read */
	size_t nr, cap;
};

#define EXPORT_RECORDS_INIT	{ 0 }

/* Read and parse @path; add its records to @er. */
int export_records_load(struct export_records *er, const char *path,
			struct symtab_error *err);

/*
 * export_records_find() - the exporter of @symbol: the first record of
 * that name and CRC @crc, else (another version) the first of that name
 * Return: the record, or NULL if no record names @symbol.
 */
const struct export_record *export_records_find(const struct export_records *er,
						const char *symbol,
						uint32_t crc);

void export_records_release(struct export_records *er);

#endif /* _SYMTAB_EXPORT_RECORDS_H */
