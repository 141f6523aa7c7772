/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's messages about one module, from /dev/kmsg: open it before
 * an insertion, read what was logged since when it fails.
 */
#ifndef _SYMTAB_KMSG_H
#define _SYMTAB_KMSG_H

/* Return: a descriptor positioned at the end of the log, or -errno. */
int kernel_log_open(void);

/*
 * Call @fn for every message logged since kernel_log_open() that begins
 * "symtab: <module>" or "<module>:", then close @fd (if >= 0).
 */
void kernel_log_drain(int fd, const char *module,
		      void (*fn)(void *ctx, const char *line), void *ctx);

#endif /* _SYMTAB_KMSG_H */
