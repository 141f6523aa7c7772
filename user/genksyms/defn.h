/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A definition as the symbol table keeps it: the text of its tokens, each
 * followed by a space (as they are hashed and dumped), with references to
 * other symbols at offsets of that text.  A third of the memory of an
 * array of tokens, and expansion hashes whole runs of text at once.
 */
#ifndef GENKSYMS_DEFN_H
#define GENKSYMS_DEFN_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

struct dref {
	uint32_t at;		/* offset in the text where it goes */
	uint8_t kind;		/* SYM_* */
	struct ident *id;
};

struct defn {
	const char *text;
	struct dref *refs;
	uint32_t len;		/* of text */
	uint32_t nrefs;
	uint32_t ntoks;		/* references included */
};

/* Store @tv's tokens (in the arena). */
void defn_freeze(struct defn *d, const struct tvec *tv);

/* Whether @tv has the same tokens as @d. */
bool defn_equal(const struct defn *d, const struct tvec *tv);

#endif
