// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "whole_file.h"

int read_whole_file(const char *path, unsigned char **data, size_t *size,
		    struct symtab_error *err)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, errno, "%s: %s", path, strerror(errno));
	for (;;) {
		if (len == cap) {
			unsigned char *grown;

			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap);
			if (!grown) {
				ret = error_set(err, ENOMEM, "%s: out of memory",
						path);
				goto fail;
			}
			buf = grown;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error_set(err, errno, "%s: read: %s", path,
					strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += n;
	}
	close(fd);
	*data = buf;
	*size = len;
	return 0;
fail:
	free(buf);
	close(fd);
	return ret;
}
