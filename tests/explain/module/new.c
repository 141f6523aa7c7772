// SPDX-License-Identifier: GPL-2.0-only
/* A module built twice: this is the second build (see old.c). */
#include <symtab/symtab.h>

#line 1 "widget.h"
struct widget {
	int id;
	unsigned int flags;
	void *owner;
};
int widget_poke(struct widget *w, int how);
int widget_count(void);
long long gadget_peek(const struct widget *w);
#line 13 "new.c"

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
