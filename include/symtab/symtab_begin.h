/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Opens the entries of a struct symbol_table initializer; see symtab.h.
 * Included inside the initializer, so it holds macros only and may be
 * included once per table.
 */
#ifndef _SYMTAB_SYMTAB_H
#error "include <symtab/symtab.h> before the table"
#endif

#undef X
#ifdef __GENKSYMS__
/* genksyms versions each X() entry as EXPORT_SYMBOL(sym) at this point. */
#define X(sym)	__SYMTAB_X(sym)
#else
#define X(sym) {							\
	.kind = SYMTAB_KIND_EXPORT + SYMTAB_NAME_CHECK(sym),		\
	.addr = (unsigned long)&(sym),					\
	.name = #sym,							\
}
	.hdr = SYMTAB_ABI_HEADER_INIT(0),
	.rec = {
#endif
