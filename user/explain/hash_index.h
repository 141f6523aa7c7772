/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The explain library's one hash table: an index over an array the caller
 * keeps (symtypes entries, symbols, consolidated definitions, report
 * keys).  Open addressing with linear probing, at most half full; a slot
 * holds an item's index + 1, 0 is empty.  The caller says how an item
 * hashes and whether it is the one sought.
 */
#ifndef _EXPLAIN_HASH_INDEX_H
#define _EXPLAIN_HASH_INDEX_H

#include <stdbool.h>
#include <stddef.h>

struct hash_index {
	size_t *slot;
	size_t nslot;		/* 0, or a power of 2 */
};

/* The hash of item index of ctx's array. */
typedef size_t (*hash_index_hash_fn)(const void *ctx, size_t index);
/* Is item index of ctx's array the one key names? */
typedef bool (*hash_index_eq_fn)(const void *ctx, size_t index,
				 const void *key);

/* The string hash of every table (FNV-1a). */
static inline size_t str_hash(const char *s, size_t len)
{
	size_t h = 14695981039346656037ULL;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/*
 * The slot holding the item key names (hash is its hash), or the empty
 * slot where it would go; NULL when the index has no slots yet.
 */
size_t *hash_index_find(const struct hash_index *h, size_t hash,
			hash_index_eq_fn eq, const void *ctx, const void *key);

/*
 * Make room for one more item, items 0..n-1 being indexed: a larger table
 * (first min_slots, a power of 2) gets them all again, hashed by hash.
 */
void hash_index_reserve(struct hash_index *h, size_t n, size_t min_slots,
			hash_index_hash_fn hash, const void *ctx);

/*
 * The same for items named by a string, key_of giving item index's: hashed
 * by str_hash(), equal by strcmp().
 */
typedef const char *(*hash_index_key_fn)(const void *ctx, size_t index);
size_t *hash_index_find_str(const struct hash_index *h, const char *key,
			    hash_index_key_fn key_of, const void *ctx);
void hash_index_reserve_str(struct hash_index *h, size_t n, size_t min_slots,
			    hash_index_key_fn key_of, const void *ctx);

void hash_index_free(struct hash_index *h);

#endif /* _EXPLAIN_HASH_INDEX_H */
