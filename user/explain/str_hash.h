/* SPDX-License-Identifier: GPL-2.0-only */
/* The one string hash of the explain library's tables (FNV-1a). */
#ifndef _EXPLAIN_STR_HASH_H
#define _EXPLAIN_STR_HASH_H

#include <stddef.h>

static inline size_t str_hash(const char *s, size_t len)
{
	size_t h = 14695981039346656037ULL;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

#endif /* _EXPLAIN_STR_HASH_H */
