/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Symbol versions from genksyms output: lines "#SYMVER <name> 0x<crc>".
 * Several files merge into one set; a name given two different CRCs is an
 * error naming both places.
 */
#ifndef _SYMTAB_VERSION_FILE_H
#define _SYMTAB_VERSION_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "../../common/error.h"

struct symbol_version {
	char *name;
	uint32_t crc;
	const char *file;	/* owned by the set */
	unsigned int line;
	size_t seq;		/* order of appearance */
};

struct version_set {
	struct symbol_version *versions;	/* sorted by version_set_finish() */
	size_t nr, cap;
	char **files;
	size_t nr_files;
};

#define VERSION_SET_INIT	{ 0 }

/* Parse @len bytes of genksyms output read from @file; add them to @vs. */
int version_set_parse(struct version_set *vs, const char *file,
		      const char *text, size_t len, struct symtab_error *err);

/* Read and parse @path. */
int version_set_load(struct version_set *vs, const char *path,
		     struct symtab_error *err);

/*
 * Sort and merge; call once after the last file.
 * Return: 0, or -EINVAL when a name has two different CRCs.
 */
int version_set_finish(struct version_set *vs, struct symtab_error *err);

/* After version_set_finish(): the version of @name, or NULL. */
const struct symbol_version *version_set_find(const struct version_set *vs,
					      const char *name);

void version_set_release(struct version_set *vs);

#endif /* _SYMTAB_VERSION_FILE_H */
