/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * symtab kabi extract: the kernel's <linux/export.h>, then the one macro
 * every EXPORT_SYMBOL* reaches, __EXPORT_SYMBOL(sym, license, namespace),
 * made to say its license and namespace as well.  Under __GENKSYMS__ the
 * kernel's drops them, so without this a wrapper macro, a tracepoint or
 * DEFAULT_SYMBOL_NAMESPACE would leave Module.symvers to guess.  What
 * genksyms reads is unchanged: the words go on a #pragma line of their
 * own, which it skips and extract-one.sh collects.
 */
#ifndef SYMTAB_KABI_EXPORT_H
#define SYMTAB_KABI_EXPORT_H

#include_next <linux/export.h>

#if defined(__GENKSYMS__) && !defined(__ASSEMBLY__) && \
	!defined(__DISABLE_EXPORTS)
#define __symtab_kabi_str(x...) #x
#define __symtab_kabi_pragma(x...) _Pragma(__symtab_kabi_str(x))
#undef __EXPORT_SYMBOL
#define __EXPORT_SYMBOL(sym, license, ns) \
	__GENKSYMS_EXPORT_SYMBOL(sym) \
	__symtab_kabi_pragma(symtab_kabi_export sym license ns)
#endif

#endif
