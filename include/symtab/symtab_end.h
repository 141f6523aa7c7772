/* SPDX-License-Identifier: GPL-2.0-only */
/* Closes the entries of a struct symbol_table initializer; see symtab.h. */
#ifndef __GENKSYMS__
		{ .kind = SYMTAB_KIND_END },
	},
#endif
#undef X
