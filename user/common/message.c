// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>

#include "message.h"

void message(const char *fmt, ...)
{
	va_list ap;

	fputs("symtab: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void report_error(const struct symtab_error *err)
{
	message("%s", err->msg);
}
