/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * -r/--reference: an earlier -T dump.  Its definitions are loaded first;
 * an export whose expansion meets a definition that changed since is
 * reported, and with -p an `override` definition keeps the old CRC.
 */
#ifndef GENKSYMS_REFERENCE_H
#define GENKSYMS_REFERENCE_H

#include <stdbool.h>
#include <stdint.h>

struct symbol;

/* Load @path; false (with a message) if it cannot be read. */
bool reference_load(const char *path);
void reference_begin_export(struct symbol *sym);
/* Expansion met @sym: remember it if it differs from the reference. */
void reference_note_change(struct symbol *sym);
/* Report the changes met; returns the CRC to print. */
uint32_t reference_end_export(struct symbol *sym, uint32_t crc,
			      const char *file, uint32_t line);

#endif
