/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The interface plain_export offers with EXPORT_SYMBOL* only, no symtab
 * records.  Kernel types in the signatures make the CRCs differ between
 * kernels, as real modules' do.
 */
#ifndef _PLAIN_H
#define _PLAIN_H

#include <linux/fs.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct plain_counter {
	long hits;
	int last;
};

extern int plain_value;
extern struct plain_counter plain_counter;
int plain_add(int a, int b);
long plain_count(struct plain_counter *c, int by);
loff_t plain_file_pos(const struct file *file);
unsigned int plain_skb_len(const struct sk_buff *skb);
int plain_ns_value(void);

#endif /* _PLAIN_H */
