// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: register_symtab() with a malformed table, chosen by the
 * "variant" parameter.  symtab.ko must refuse each with -ENOEXEC (-EEXIST
 * for a name twice in one table), register nothing and say why.  Never
 * stamped (NOSTAMP): the tables are hand-built.
 */
#include <linux/jiffies.h>
#include <linux/module.h>
#include <symtest_bad.h>

static char *variant = "magic";
module_param(variant, charp, 0444);
MODULE_PARM_DESC(variant, "magic, noend, count, inner, outside or twice");

static int symtest_bad_value = 1;

#define EXPORT_REC(sym) {						\
	.kind = SYMTAB_KIND_EXPORT,					\
	.addr = (unsigned long)&(sym),					\
	.name = #sym,							\
}

static struct symbol_table magic_table = {
	.hdr = { SYMTEST_HEADER(0), .magic = 0x21444142 },
	.rec = { EXPORT_REC(symtest_bad_value), { .kind = SYMTAB_KIND_END } },
};

/* Two records and no END record inside the object. */
static struct symbol_table noend_table = {
	.hdr = { SYMTEST_HEADER(0) },
	.rec = { EXPORT_REC(symtest_bad_value), EXPORT_REC(symtest_bad_value) },
};

/* A stamped count that disagrees with the records before END. */
static struct symbol_table count_table = {
	.hdr = { SYMTEST_HEADER(2) },
	.rec = { EXPORT_REC(symtest_bad_value), { .kind = SYMTAB_KIND_END } },
};

/* Exports a kernel variable: the address is outside this module. */
static struct symbol_table outside_table = {
	.hdr = { SYMTEST_HEADER(0) },
	.rec = { EXPORT_REC(jiffies), { .kind = SYMTAB_KIND_END } },
};

/* The same name twice in one table. */
static struct symbol_table twice_table = {
	.hdr = { SYMTEST_HEADER(0) },
	.rec = {
		EXPORT_REC(symtest_bad_value),
		EXPORT_REC(symtest_bad_value),
		{ .kind = SYMTAB_KIND_END },
	},
};

static int __init symtest_bad_table_init(void)
{
	struct symbol_table *tab;

	if (!strcmp(variant, "magic"))
		tab = &magic_table;
	else if (!strcmp(variant, "noend"))
		tab = &noend_table;
	else if (!strcmp(variant, "count"))
		tab = &count_table;
	else if (!strcmp(variant, "outside"))
		tab = &outside_table;
	else if (!strcmp(variant, "twice"))
		tab = &twice_table;
	else if (!strcmp(variant, "inner"))	/* not the start of an object */
		tab = (struct symbol_table *)&count_table.rec[0];
	else
		return -EINVAL;
	return register_symtab(tab);
}

static void __exit symtest_bad_table_exit(void)
{
}

module_init(symtest_bad_table_init);
module_exit(symtest_bad_table_exit);
MODULE_DESCRIPTION("symtab test: register_symtab() with malformed tables");
MODULE_LICENSE("GPL");
