// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "array_grow.h"
#include "whole_file.h"

int read_whole_fd(int fd, const char *what, unsigned char **data,
		  size_t *size, struct symtab_error *err)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int ret;

	for (;;) {
		/* Reads of at least 64 KiB, and a spare byte at the end. */
		if (len == cap && array_grow(&buf, &cap, len ? len + 1 : 65536,
					     1)) {
			ret = error_set(err, ENOMEM, "%s: out of memory", what);
			goto fail;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error_set(err, errno, "%s: read: %s", what,
					strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += n;
	}
	*data = buf;
	*size = len;
	return 0;
fail:
	free(buf);
	errno = -ret;
	return ret;
}

int read_whole_file(const char *path, unsigned char **data, size_t *size,
		    struct symtab_error *err)
{
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	ret = read_whole_fd(fd, path, data, size, err);
	close(fd);
	if (ret)
		errno = -ret;
	return ret;
}
