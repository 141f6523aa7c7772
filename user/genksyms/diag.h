/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Messages and the exit status.  As in the kernel's genksyms, problems make
 * the exit status non-zero only with -w or -p, and a syntax error only with
 * -w; unlike it, a syntax error is reported without -w too (unless -q),
 * since it silently changes CRCs, unless the input is valid GNU C that the
 * kernel's tool rejects.
 */
#ifndef GENKSYMS_DIAG_H
#define GENKSYMS_DIAG_H

#include <stdbool.h>
#include <stdint.h>

struct diag_flags {
	bool warnings;		/* -w */
	bool quiet;		/* -q */
	bool preserve;		/* -p */
	bool debug;		/* -D */
};

extern struct diag_flags diag_flags;
extern unsigned int diag_errors;	/* counted ones only */

/* Shown with -w; counted. */
void diag_warning(const char *file, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Always shown unless -q; counted with -w or -p. */
void diag_error(const char *file, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like diag_error, in the kernel's tool's words: "FILE:LINE: MESSAGE". */
void diag_error_plain(const char *file, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Like diag_error, never counted: a syntax error without -w, which the
 * kernel's tool counts (and shows) only with -w, with -p or not.
 */
void diag_uncounted_error(const char *file, uint32_t line, const char *fmt,
			  ...)
	__attribute__((format(printf, 3, 4)));

#endif
