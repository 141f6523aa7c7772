// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab stress test: kernel threads that call symtab_get()/symtab_put()
 * on the stress exporters' symbols in tight loops, by name and through
 * function pointers, until the module is removed, then says how many of
 * the lookups found a symbol.
 */
#include <linux/atomic.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <symtab/symtab.h>

static unsigned int threads = 4;
module_param(threads, uint, 0444);
MODULE_PARM_DESC(threads, "number of threads (at most 8)");

static atomic_long_t found = ATOMIC_LONG_INIT(0);

static struct task_struct *tasks[8];

static void *(*const get_fn)(const char *name) = symtab_get;
static void (*const put_fn)(const char *name) = symtab_put;

static int hammer(void *data)
{
	unsigned long id = (unsigned long)data;
	char name[32];
	unsigned int i = 0;
	void *p;

	while (!kthread_should_stop()) {
		snprintf(name, sizeof(name), "symtest_%s_%u",
			 i & 1 ? "sval" : "sfn", (i / 2 + (unsigned int)id) % 8);
		p = id & 1 ? get_fn(name) : symtab_get(name);
		if (p) {
			atomic_long_inc(&found);
			if (id & 1)
				put_fn(name);
			else
				symtab_put(name);
		}
		i++;
		cond_resched();
	}
	return 0;
}

static int __init symtest_hammer_init(void)
{
	unsigned long i;

	threads = min_t(unsigned int, threads, ARRAY_SIZE(tasks));
	for (i = 0; i < threads; i++) {
		tasks[i] = kthread_run(hammer, (void *)i, "symtest_hammer/%lu", i);
		if (IS_ERR(tasks[i])) {
			int err = PTR_ERR(tasks[i]);

			while (i--)
				kthread_stop(tasks[i]);
			return err;
		}
	}
	return 0;
}

static void __exit symtest_hammer_exit(void)
{
	unsigned int i;

	for (i = 0; i < threads; i++)
		kthread_stop(tasks[i]);
	pr_info("symtest_hammer: %ld symtab_get() calls found a symbol\n",
		atomic_long_read(&found));
}

module_init(symtest_hammer_init);
module_exit(symtest_hammer_exit);
MODULE_DESCRIPTION("symtab stress test: symtab_get()/symtab_put() in loops");
MODULE_LICENSE("GPL");
