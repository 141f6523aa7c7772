// SPDX-License-Identifier: GPL-2.0-only
/*
 * The open-addressing index of hash_index.h: linear probing over slots
 * holding index + 1, doubled and rebuilt when half full.
 */
#include <stdlib.h>
#include <string.h>

#include "ex_alloc.h"
#include "hash_index.h"

size_t *hash_index_find(const struct hash_index *h, size_t hash,
			hash_index_eq_fn eq, const void *ctx, const void *key)
{
	size_t mask = h->nslot - 1, i;

	if (!h->nslot)
		return NULL;
	for (i = hash & mask; h->slot[i]; i = (i + 1) & mask)
		if (eq(ctx, h->slot[i] - 1, key))
			break;
	return &h->slot[i];
}

void hash_index_reserve(struct hash_index *h, size_t n, size_t min_slots,
			hash_index_hash_fn hash, const void *ctx)
{
	size_t mask, i, j;

	if (2 * (n + 1) <= h->nslot)
		return;
	free(h->slot);
	h->nslot = h->nslot ? 2 * h->nslot : min_slots;
	while (2 * (n + 1) > h->nslot)
		h->nslot *= 2;
	h->slot = ex_calloc(h->nslot, sizeof(*h->slot));
	mask = h->nslot - 1;
	for (i = 0; i < n; i++) {
		for (j = hash(ctx, i) & mask; h->slot[j]; j = (j + 1) & mask)
			;
		h->slot[j] = i + 1;
	}
}

/* Items named by a string: their key_of and its context. */
struct str_items {
	hash_index_key_fn key_of;
	const void *ctx;
};

static size_t str_item_hash(const void *ctx, size_t i)
{
	const struct str_items *s = ctx;
	const char *key = s->key_of(s->ctx, i);

	return str_hash(key, strlen(key));
}

static bool str_item_is(const void *ctx, size_t i, const void *key)
{
	const struct str_items *s = ctx;

	return !strcmp(s->key_of(s->ctx, i), key);
}

size_t *hash_index_find_str(const struct hash_index *h, const char *key,
			    hash_index_key_fn key_of, const void *ctx)
{
	struct str_items s = { key_of, ctx };

	return hash_index_find(h, str_hash(key, strlen(key)), str_item_is, &s,
			       key);
}

void hash_index_reserve_str(struct hash_index *h, size_t n, size_t min_slots,
			    hash_index_key_fn key_of, const void *ctx)
{
	struct str_items s = { key_of, ctx };

	hash_index_reserve(h, n, min_slots, str_item_hash, &s);
}

void hash_index_free(struct hash_index *h)
{
	free(h->slot);
	h->slot = NULL;
	h->nslot = 0;
}
