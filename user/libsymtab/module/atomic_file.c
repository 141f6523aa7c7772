// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

static int write_all(int fd, const unsigned char *p, size_t size)
{
	ssize_t n;

	while (size) {
		n = write(fd, p, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		size -= n;
	}
	return 0;
}

/* The rename itself must reach the disk too. */
static void sync_directory(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int atomic_replace(const char *path, const void *data, size_t size,
		   atomic_check_fn check, void *ctx, struct symtab_error *err)
{
	char *target, *dir_copy = NULL, *tmp = NULL;
	const char *dir;
	struct stat st;
	int fd = -1, ret;

	/* Through symlinks: replace the file, not the link. */
	target = realpath(path, NULL);
	if (!target)
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	if (stat(target, &st)) {
		ret = error_set(err, errno, "%s: %s", path, strerror(errno));
		goto out;
	}
	dir_copy = strdup(target);
	if (!dir_copy || asprintf(&tmp, "%s/.symtab-stamp.XXXXXX",
				  dir = dirname(dir_copy)) < 0) {
		tmp = NULL;
		ret = error_set(err, ENOMEM, "%s: out of memory", path);
		goto out;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		ret = error_set(err, errno, "%s: cannot create a temporary file in %s: %s",
				path, dir, strerror(errno));
		goto out;
	}
	ret = fchmod(fd, st.st_mode & 07777) ? -errno : 0;
	if (!ret)
		ret = write_all(fd, data, size);
	if (!ret && fsync(fd))
		ret = -errno;
	if (close(fd) && !ret)
		ret = -errno;
	fd = -1;
	if (ret) {
		ret = error_set(err, -ret, "%s: writing %s: %s", path, tmp,
				strerror(-ret));
		goto unlink;
	}
	if (check) {
		ret = check(tmp, ctx, err);
		if (ret)
			goto unlink;
	}
	if (rename(tmp, target)) {
		ret = error_set(err, errno, "%s: rename from %s: %s", path,
				tmp, strerror(errno));
		goto unlink;
	}
	sync_directory(dir);
	goto out;
unlink:
	unlink(tmp);
out:
	free(tmp);
	free(dir_copy);
	free(target);
	return ret;
}
