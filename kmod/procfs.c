// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/symtab lists the resident symbols like the old /proc/ksyms;
 * /proc/symtab_users lists who holds each exporter: one line per declared
 * import and per symtab_get() pin not yet put.
 */
#include "internal.h"

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

/*
 * Both files are walked by position while the locks are held from
 * ->start to ->stop; the cursor lives in the seq_file's private data.
 */
struct symtab_cursor {
	bool show_addr;		/* as /proc/kallsyms would for the opener */
	unsigned long irqflags;	/* symtab_users: symtab_uses_lock */
	bool in_uses;		/* symtab_users: past the imports */
	struct symtab_table *table;
	struct symtab_client *client;
	struct symtab_use *use;
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

/* A sysctl's integer value, read as the opener; false if unreadable. */
static bool read_sysctl(const char *path, int *val)
{
	char buf[24] = "";
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return false;
	n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
	filp_close(f, NULL);
	return n > 0 && !kstrtoint(strim(buf), 10, val);
}

/*
 * The rules of /proc/kallsyms (kallsyms_show_value(), not exported): with
 * kptr_restrict 0, addresses are shown when perf_event_paranoid allows
 * kernel profiling, else only to CAP_SYSLOG; with 1, only to CAP_SYSLOG;
 * with 2, never.  The capability is checked without an audit record.  If
 * a setting cannot be read, addresses are hidden.
 */
static bool show_addresses(void)
{
	int restrict_level, paranoid;

	if (!read_sysctl("/proc/sys/kernel/kptr_restrict", &restrict_level))
		return false;
	switch (restrict_level) {
	case 0:
		if (IS_ENABLED(CONFIG_PERF_EVENTS) &&
		    read_sysctl("/proc/sys/kernel/perf_event_paranoid",
				&paranoid) && paranoid <= 1)
			return true;
		fallthrough;
	case 1:
		return has_capability_noaudit(current, CAP_SYSLOG);
	default:
		return false;
	}
}

static int symtab_open(struct inode *inode, struct file *file)
{
	struct symtab_cursor *cur;

	cur = __seq_open_private(file, &symtab_seq_ops, sizeof(*cur));
	if (!cur)
		return -ENOMEM;
	/* Decided once, at open, with the opener's credentials. */
	cur->show_addr = show_addresses();
	return 0;
}

static const struct proc_ops symtab_proc_ops = {
	.proc_open = symtab_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release_private,
};

/* /proc/symtab_users: the imports of every client, then the pins. */

static bool import_next(struct symtab_cursor *cur)
{
	if (cur->client && ++cur->idx < cur->client->nr_imports)
		return true;
	cur->idx = 0;
	cur->client = list_prepare_entry(cur->client, &symtab_clients, node);
	list_for_each_entry_continue(cur->client, &symtab_clients, node)
		if (cur->client->nr_imports)
			return true;
	cur->client = NULL;
	return false;
}

static bool users_next(struct symtab_cursor *cur)
{
	if (!cur->in_uses) {
		if (import_next(cur))
			return true;
		cur->in_uses = true;
		cur->use = NULL;
	}
	cur->use = list_prepare_entry(cur->use, &symtab_use_list, node);
	list_for_each_entry_continue(cur->use, &symtab_use_list, node)
		return true;
	return false;
}

static void *users_seq_start(struct seq_file *m, loff_t *pos)
{
	struct symtab_cursor *cur = m->private;
	loff_t n;

	mutex_lock(&symtab_mutex);
	spin_lock_irqsave(&symtab_uses_lock, cur->irqflags);
	cur->in_uses = false;
	cur->client = NULL;
	cur->use = NULL;
	cur->idx = 0;
	for (n = 0; n <= *pos; n++)
		if (!users_next(cur))
			return NULL;
	return cur;
}

static void *users_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return users_next(v) ? v : NULL;
}

static void users_seq_stop(struct seq_file *m, void *v)
{
	struct symtab_cursor *cur = m->private;

	spin_unlock_irqrestore(&symtab_uses_lock, cur->irqflags);
	mutex_unlock(&symtab_mutex);
}

/* An exporter that went away (rmmod -f) is named with ":gone". */
static void show_user(struct seq_file *m, const char *user,
		      const char *exporter, bool gone, const char *name)
{
	seq_printf(m, "%s\t%s%s\t%s\n", user, exporter, gone ? ":gone" : "",
		   name);
}

static int users_seq_show(struct seq_file *m, void *v)
{
	struct symtab_cursor *cur = v;
	struct symtab_import *imp;
	struct symtab_use *u;

	if (!cur->in_uses) {
		imp = &cur->client->imports[cur->idx];
		show_user(m, cur->client->mod->name, imp->exporter_name,
			  !imp->exporter, imp->blk->rec.name);
	} else {
		u = cur->use;
		show_user(m, u->user_name, u->exporter_name, !u->exporter,
			  u->name);
	}
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
	if (!__seq_open_private(file, &users_seq_ops,
				sizeof(struct symtab_cursor)))
		return -ENOMEM;
	return 0;
}

static const struct proc_ops users_proc_ops = {
	.proc_open = users_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release_private,
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
