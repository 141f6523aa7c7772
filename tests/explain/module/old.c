// SPDX-License-Identifier: GPL-2.0-only
/* A module built twice: this is the first build (see new.c). */
#include <symtab/symtab.h>

#line 1 "widget.h"
struct widget {
	int id;
	unsigned long flags;
};
int widget_poke(struct widget *w, int how);
int widget_count(void);
long gadget_peek(const struct widget *w);
#line 12 "old.c"

SYMTAB_IMPORT(gadget_peek);

int widget_poke(struct widget *w, int how)
{
	return w->id + how + (int)symtab_ref(gadget_peek)(w);
}

int widget_count(void)
{
	return 1;
}

struct symbol_table widget_symtab = {
#include <symtab/symtab_begin.h>
	X(widget_poke),
	X(widget_count),
#include <symtab/symtab_end.h>
};
