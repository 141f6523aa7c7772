/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `symtab kabi compare`: two kernels' exports compared and judged
 * (libsymtab's kabi/kabi_compare.h), explained from their symtypes when both
 * have them (the explain library), and printed in one of four formats.
 */
#ifndef _SYMTAB_KABI_REPORT_H
#define _SYMTAB_KABI_REPORT_H

#include <stdio.h>

#include "../common/error.h"
#include "libsymtab.h"

enum kabi_format {
	KABI_FORMAT_SHORT,	/* summary, one line a change, the groups */
	KABI_FORMAT_PRETTY,	/* short, and each changed type's diff */
	KABI_FORMAT_SYMBOLS,	/* the names not tolerated, one a line */
	KABI_FORMAT_JSON,
};

/*
 * kabi_report() - compare @old_path with @new_path and print on @out
 * @rules: NULL for none (every change but an addition FAILs); with
 *	KABI_FORMAT_SYMBOLS and no rules, every change is named
 *
 * Return: 0 every change tolerated, 1 some not, or -errno with @err set
 * (nothing printed).
 */
int kabi_report(const char *old_path, const char *new_path,
		const struct kabi_rules *rules, enum kabi_format format,
		FILE *out, struct symtab_error *err);

#endif /* _SYMTAB_KABI_REPORT_H */
