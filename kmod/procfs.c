// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/symtab lists the resident symbols like the old /proc/ksyms;
 * /proc/symtab_users lists who holds each exporter: one line per declared
 * import and per symtab_get() pin not yet put.
 */
#include "internal.h"

#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

/*
 * /proc/symtab is walked by position while symtab_mutex is held from
 * ->start to ->stop; the cursor lives in the seq_file's private data.
 */
struct symtab_cursor {
	bool show_addr;		/* as /proc/kallsyms would for the opener */
	struct symtab_table *table;
	unsigned int idx;
};

/* /proc/symtab: entries table by table, in registration order. */

static bool table_next(struct symtab_cursor *cur)
{
	if (++cur->idx < cur->table->nr)
		return true;
	cur->idx = 0;
	list_for_each_entry_continue(cur->table, &symtab_tables, node)
		if (cur->table->nr)
			return true;
	return false;
}

static void *symtab_seq_start(struct seq_file *m, loff_t *pos)
{
	struct symtab_cursor *cur = m->private;
	loff_t n = *pos;

	mutex_lock(&symtab_mutex);
	cur->idx = 0;
	list_for_each_entry(cur->table, &symtab_tables, node) {
		if (n < cur->table->nr) {
			cur->idx = n;
			return cur;
		}
		n -= cur->table->nr;
	}
	return NULL;
}

static void *symtab_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return table_next(v) ? v : NULL;
}

static void symtab_seq_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&symtab_mutex);
}

static int symtab_seq_show(struct seq_file *m, void *v)
{
	struct symtab_cursor *cur = v;
	struct symtab_entry *e = &cur->table->entries[cur->idx];
	unsigned long addr = cur->show_addr ? (unsigned long)e->addr : 0;

	seq_printf(m, "%016lx %s", addr, e->name);
	if (e->versioned)
		seq_printf(m, "_R%08x", e->crc);
	seq_printf(m, "\t[%s]\n", cur->table->owner->name);
	return 0;
}

static const struct seq_operations symtab_seq_ops = {
	.start = symtab_seq_start,
	.next = symtab_seq_next,
	.stop = symtab_seq_stop,
	.show = symtab_seq_show,
};

/*
 * The rules of /proc/kallsyms, applied by the kernel itself: its
 * kallsyms_show_value(cred) is not exported, nor are kptr_restrict and
 * perf_event_paranoid, but every file of /sys/module/<name>/sections/
 * prints its address through that function with the credentials of the
 * file it is given.  Reading one of symtab.ko's own section attributes
 * with the opener's file asks the kernel, for exactly that opener, what
 * /proc/kallsyms would show, from the kernel's own settings: no path is
 * looked up, so no mount namespace can change the answer.
 *
 * struct module_sect_attrs is private to the kernel; it starts with its
 * struct attribute_group (6.1 to 6.12), whose bin_attrs are the section
 * files.  Without them (no CONFIG_KALLSYMS or CONFIG_SYSFS), addresses
 * stay hidden.
 */
#if defined(CONFIG_KALLSYMS) && defined(CONFIG_SYSFS)
static bool show_addresses(struct file *file)
{
	const struct attribute_group *grp;
	struct bin_attribute *battr;
	char buf[3 + 2 * sizeof(void *) + 1] = "";
	unsigned long addr;
	ssize_t n;

	if (!THIS_MODULE->sect_attrs)
		return false;
	grp = (const struct attribute_group *)THIS_MODULE->sect_attrs;
	battr = grp->bin_attrs ? grp->bin_attrs[0] : NULL;
	if (!battr || !battr->read)
		return false;
	n = battr->read(file, &THIS_MODULE->mkobj.kobj, battr, buf, 0,
			sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return !kstrtoul(strim(buf), 16, &addr) && addr;
}
#else
static bool show_addresses(struct file *file)
{
	return false;
}
#endif

static int symtab_open(struct inode *inode, struct file *file)
{
	struct symtab_cursor *cur;

	cur = __seq_open_private(file, &symtab_seq_ops, sizeof(*cur));
	if (!cur)
		return -ENOMEM;
	/* Decided once, at open, with the opener's credentials. */
	cur->show_addr = show_addresses(file);
	return 0;
}

static const struct proc_ops symtab_proc_ops = {
	.proc_open = symtab_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release_private,
};

/*
 * /proc/symtab_users: the imports of every client, then the pins.  Each
 * open copies the lines once (a snapshot, as /proc/modules is read once
 * per chunk): the pins' lock disables interrupts, so it is held for one
 * pass over them, never once per read chunk.  Like /proc/modules' "used
 * by", it names modules and symbols, no address: readable by all.
 */
struct symtab_user_line {
	char user[MODULE_NAME_LEN];
	char exporter[MODULE_NAME_LEN];
	bool gone;		/* the exporter went away (rmmod -f) */
	char name[SYMTAB_NAME_LEN];
};

struct symtab_users_snap {
	size_t nr;
	struct symtab_user_line lines[];
};

static void set_line(struct symtab_user_line *l, const char *user,
		     const char *exporter, bool gone, const char *name)
{
	strscpy(l->user, user, sizeof(l->user));
	strscpy(l->exporter, exporter, sizeof(l->exporter));
	l->gone = gone;
	strscpy(l->name, name, sizeof(l->name));
}

/*
 * Count the lines, or copy up to @room of them into @snap.
 * Context: symtab_mutex held.  Return: the number of lines there are.
 */
static size_t fill_users(struct symtab_users_snap *snap, size_t room)
{
	struct symtab_client *c;
	struct symtab_use *u;
	unsigned long flags;
	unsigned int i;
	size_t n = 0;

	lockdep_assert_held(&symtab_mutex);
	list_for_each_entry(c, &symtab_clients, node) {
		for (i = 0; i < c->nr_imports; i++, n++) {
			struct symtab_import *imp = &c->imports[i];

			if (n < room)
				set_line(&snap->lines[n], c->mod->name,
					 imp->exporter_name, !imp->exporter,
					 imp->blk->rec.name);
		}
	}
	spin_lock_irqsave(&symtab_uses_lock, flags);
	list_for_each_entry(u, &symtab_use_list, node) {
		if (n < room)
			set_line(&snap->lines[n], u->user_name,
				 u->exporter_name, !u->exporter, u->name);
		n++;
	}
	spin_unlock_irqrestore(&symtab_uses_lock, flags);
	return n;
}

/* A snapshot of every line; pins taken meanwhile make it try again. */
static struct symtab_users_snap *snap_users(void)
{
	struct symtab_users_snap *snap = NULL;
	size_t room = 0, nr;

	for (;;) {
		mutex_lock(&symtab_mutex);
		nr = fill_users(snap, room);
		mutex_unlock(&symtab_mutex);
		if (snap && nr <= room) {
			snap->nr = nr;
			return snap;
		}
		kvfree(snap);
		room = nr + 16;
		snap = kvmalloc(struct_size(snap, lines, room), GFP_KERNEL);
		if (!snap)
			return NULL;
	}
}

static void *users_seq_start(struct seq_file *m, loff_t *pos)
{
	struct symtab_users_snap *snap = m->private;

	return *pos < snap->nr ? &snap->lines[*pos] : NULL;
}

static void *users_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return users_seq_start(m, pos);
}

static void users_seq_stop(struct seq_file *m, void *v)
{
}

/* An exporter that went away (rmmod -f) is named with ":gone". */
static int users_seq_show(struct seq_file *m, void *v)
{
	struct symtab_user_line *l = v;

	seq_printf(m, "%s\t%s%s\t%s\n", l->user, l->exporter,
		   l->gone ? ":gone" : "", l->name);
	return 0;
}

static const struct seq_operations users_seq_ops = {
	.start = users_seq_start,
	.next = users_seq_next,
	.stop = users_seq_stop,
	.show = users_seq_show,
};

static int users_open(struct inode *inode, struct file *file)
{
	struct symtab_users_snap *snap = snap_users();
	int err;

	if (!snap)
		return -ENOMEM;
	err = seq_open(file, &users_seq_ops);
	if (err) {
		kvfree(snap);
		return err;
	}
	((struct seq_file *)file->private_data)->private = snap;
	return 0;
}

static int users_release(struct inode *inode, struct file *file)
{
	kvfree(((struct seq_file *)file->private_data)->private);
	return seq_release(inode, file);
}

static const struct proc_ops users_proc_ops = {
	.proc_open = users_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = users_release,
};

int symtab_procfs_init(void)
{
	if (!proc_create("symtab", 0444, NULL, &symtab_proc_ops))
		return -ENOMEM;
	if (!proc_create("symtab_users", 0444, NULL, &users_proc_ops)) {
		remove_proc_entry("symtab", NULL);
		return -ENOMEM;
	}
	return 0;
}

void symtab_procfs_exit(void)
{
	remove_proc_entry("symtab_users", NULL);
	remove_proc_entry("symtab", NULL);
}
