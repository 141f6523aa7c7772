// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab test: a module that exports only with EXPORT_SYMBOL and friends,
 * versioned by the kernel's own modversions, with no symtab records.
 */
#include <linux/module.h>
#include <plain.h>

int plain_value = 42;
EXPORT_SYMBOL(plain_value);

struct plain_counter plain_counter;
EXPORT_SYMBOL_GPL(plain_counter);

int plain_add(int a, int b)
{
	return a + b;
}
EXPORT_SYMBOL(plain_add);

long plain_count(struct plain_counter *c, int by)
{
	c->last = by;
	return c->hits += by;
}
EXPORT_SYMBOL_GPL(plain_count);

loff_t plain_file_pos(const struct file *file)
{
	return file->f_pos;
}
EXPORT_SYMBOL(plain_file_pos);

unsigned int plain_skb_len(const struct sk_buff *skb)
{
	return skb->len;
}
EXPORT_SYMBOL_GPL(plain_skb_len);

int plain_ns_value(void)
{
	return plain_value + 1;
}
EXPORT_SYMBOL_NS_GPL(plain_ns_value, PLAIN_NS);

static int __init plain_export_init(void)
{
	pr_info("plain_export: loaded\n");
	return 0;
}

static void __exit plain_export_exit(void)
{
}

module_init(plain_export_init);
module_exit(plain_export_exit);
MODULE_DESCRIPTION("symtab test: exports with EXPORT_SYMBOL only");
MODULE_LICENSE("GPL");
