// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../common/array_grow.h"
#include "module_compress.h"
#include "module_dir.h"

/* nftw() has no context argument. */
static struct {
	char **paths;
	size_t nr, cap;
	int error;
	bool recursive;
} scan;

static int collect(const char *path, const struct stat *st, int type,
		   struct FTW *ftw)
{
	(void)st;
	if (type == FTW_D && ftw->level > 0 && !scan.recursive)
		return FTW_SKIP_SUBTREE;
	if (type != FTW_F || !module_name_suffix(path))
		return FTW_CONTINUE;
	if (array_grow(&scan.paths, &scan.cap, scan.nr + 1,
		       sizeof(*scan.paths))) {
		scan.error = ENOMEM;
		return FTW_STOP;
	}
	scan.paths[scan.nr] = strdup(path);
	if (!scan.paths[scan.nr]) {
		scan.error = ENOMEM;
		return FTW_STOP;
	}
	scan.nr++;
	return FTW_CONTINUE;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int module_dir_list(const char *dir, bool recursive, struct module_paths *out,
		    struct symtab_error *err)
{
	struct stat st;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (stat(dir, &st))
		return error_set(err, errno, "%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return error_set(err, ENOTDIR, "%s: not a directory", dir);
	memset(&scan, 0, sizeof(scan));
	scan.recursive = recursive;
	if (nftw(dir, collect, 16, FTW_PHYS | FTW_ACTIONRETVAL) && !scan.error)
		scan.error = errno ? errno : EIO;
	if (scan.error)
		ret = error_set(err, scan.error, "%s: %s", dir,
				strerror(scan.error));
	if (scan.nr)
		qsort(scan.paths, scan.nr, sizeof(*scan.paths), by_path);
	out->paths = scan.paths;
	out->nr = scan.nr;
	memset(&scan, 0, sizeof(scan));
	if (ret)
		module_paths_release(out);
	return ret;
}

void module_paths_release(struct module_paths *mp)
{
	size_t i;

	for (i = 0; i < mp->nr; i++)
		free(mp->paths[i]);
	free(mp->paths);
	memset(mp, 0, sizeof(*mp));
}
