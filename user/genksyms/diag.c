// SPDX-License-Identifier: GPL-2.0-only
/* Messages and the error count behind the exit status. */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

struct diag_flags diag_flags;
unsigned int diag_errors;

static void vreport(const char *file, uint32_t line, const char *kind,
		    const char *fmt, va_list ap)
{
	if (file)
		fprintf(stderr, "%s:%u: %s", file, line, kind);
	else
		fprintf(stderr, "genksyms: %s", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void diag_warning(const char *file, uint32_t line, const char *fmt, ...)
{
	va_list ap;

	if (!diag_flags.warnings)
		return;
	diag_errors++;
	va_start(ap, fmt);
	/* No "warning: ": the kernel's tool words them so. */
	vreport(file, line, "", fmt, ap);
	va_end(ap);
}

/* An error, counted with -w or -p, shown unless -q, after @kind. */
static void verror(const char *file, uint32_t line, const char *kind,
		   const char *fmt, va_list ap)
{
	if (diag_flags.warnings || diag_flags.preserve)
		diag_errors++;
	if (!diag_flags.quiet)
		vreport(file, line, kind, fmt, ap);
}

void diag_error_plain(const char *file, uint32_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(file, line, "", fmt, ap);
	va_end(ap);
}

void diag_error(const char *file, uint32_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(file, line, "error: ", fmt, ap);
	va_end(ap);
}

void diag_uncounted_error(const char *file, uint32_t line, const char *fmt,
			  ...)
{
	va_list ap;

	if (diag_flags.quiet)
		return;
	va_start(ap, fmt);
	vreport(file, line, "error: ", fmt, ap);
	va_end(ap);
}
