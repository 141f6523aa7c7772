// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: an import block placed in init data (by hand: the
 * SYMTAB_IMPORT() macro never does), which is freed after init while the
 * registry would keep pointing at it.  Refused with -ENOEXEC.
 */
#include <linux/module.h>
#include <symtab/symtab.h>
#include <symtest.h>

static struct symtab_import_block __symtab_import_symtest_add
__used __aligned(8) __initdata = {
	.hdr = SYMTAB_ABI_HEADER_INIT(1),
	.rec = { .kind = SYMTAB_KIND_IMPORT, .name = "symtest_add" },
};
static const int *const symtest_needs_abi __used = &symtab_abi_format;

static int __init symtest_bad_initimport_init(void)
{
	pr_err("symtest_bad_initimport: loaded despite its init-data import\n");
	return 0;
}

static void __exit symtest_bad_initimport_exit(void)
{
}

module_init(symtest_bad_initimport_init);
module_exit(symtest_bad_initimport_exit);
MODULE_DESCRIPTION("symtab test: import block in init data");
MODULE_LICENSE("GPL");
