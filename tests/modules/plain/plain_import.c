// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: an ordinary module that uses plain_export's symbols, so
 * modinfo says "depends: plain_export" and __versions holds their CRCs.
 */
#include <linux/module.h>
#include <plain.h>

MODULE_IMPORT_NS(PLAIN_NS);

static int __init plain_import_init(void)
{
	pr_info("plain_import: add %d, count %ld, value %d, ns %d\n",
		plain_add(2, 3), plain_count(&plain_counter, 2), plain_value,
		plain_ns_value());
	return 0;
}

static void __exit plain_import_exit(void)
{
}

module_init(plain_import_init);
module_exit(plain_import_exit);
MODULE_DESCRIPTION("symtab test: imports from plain_export");
MODULE_LICENSE("GPL");
