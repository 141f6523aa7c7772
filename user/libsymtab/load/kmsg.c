// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kmsg.h"

int kernel_log_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (lseek(fd, 0, SEEK_END) < 0) {
		int ret = -errno;

		close(fd);
		return ret;
	}
	return fd;
}

static bool about(const char *text, const char *module)
{
	size_t n = strlen(module);

	if (!strncmp(text, "symtab: ", 8))
		text += 8;
	return !strncmp(text, module, n) && text[n] == ':';
}

void kernel_log_drain(int fd, const char *module,
		      void (*fn)(void *ctx, const char *line), void *ctx)
{
	char record[8192], *text, *eol;
	ssize_t n;

	if (fd < 0)
		return;
	for (;;) {
		/* One record per read: "prio,seq,usec,flags;text\n..." */
		n = read(fd, record, sizeof(record) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* overwritten records: go on */
		if (n <= 0)
			break;
		record[n] = '\0';
		text = strchr(record, ';');
		if (!text)
			continue;
		text++;
		eol = strchr(text, '\n');
		if (eol)
			*eol = '\0';
		if (about(text, module))
			fn(ctx, text);
	}
	close(fd);
}
