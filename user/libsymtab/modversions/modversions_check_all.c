// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modversions_check_all.h"

/* More threads than this gain nothing on the disks modules live on. */
#define MAX_THREADS	8

struct work {
	const struct kernel_target *t;
	char *const *paths;
	size_t nr;
	bool keep_all;
	struct kernel_check_result *res;
	atomic_size_t next;		/* the next path to take */
};

static void check_one(struct work *w, size_t i)
{
	struct kernel_check_result *r = &w->res[i];
	struct module_file *mf;

	r->open_error = module_file_open(w->paths[i], &mf, &r->err);
	if (r->open_error)
		return;
	if (kernel_check_applies(mf))
		r->problems = kernel_check_module(w->t, mf, NULL, NULL);
	if (w->keep_all || r->problems || mf->nr_blocks ||
	    (kernel_check_applies(mf) && !mf->kernel.has_versions))
		r->mf = mf;
	else
		module_file_free(mf);
}

static void *worker(void *arg)
{
	struct work *w = arg;
	size_t i;

	while ((i = atomic_fetch_add(&w->next, 1)) < w->nr)
		check_one(w, i);
	return NULL;
}

static size_t nr_threads(size_t nr)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 0 ? (size_t)cpus : 1;

	if (n > MAX_THREADS)
		n = MAX_THREADS;
	return n < nr ? n : (nr ? nr : 1);
}

int kernel_check_files(const struct kernel_target *t, char *const *paths,
		       size_t nr, bool keep_all,
		       struct kernel_check_result *res,
		       struct symtab_error *err)
{
	struct work w = { t, paths, nr, keep_all, res, 0 };
	size_t n = nr_threads(nr), started = 0, i;
	pthread_t *threads;

	memset(res, 0, nr * sizeof(*res));
	/* libelf's one-time setup, before any thread parses. */
	if (elf_version(EV_CURRENT) == EV_NONE)
		return error_set(err, EINVAL, "libelf: %s", elf_errmsg(-1));
	threads = calloc(n, sizeof(*threads));
	if (!threads)
		return error_set(err, ENOMEM, "out of memory");
	/* The caller works too: a thread that fails to start is not needed. */
	for (i = 1; i < n; i++)
		if (!pthread_create(&threads[started], NULL, worker, &w))
			started++;
	worker(&w);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return 0;
}

void kernel_check_results_release(struct kernel_check_result *res, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		module_file_free(res[i].mf);
}
