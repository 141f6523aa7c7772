// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checks on blocks found in module memory.  The bytes are hostile: every
 * read is bounded by the size of the object that holds the block, and a
 * block is accepted or refused as a whole.
 */
#include "internal.h"

#include <linux/kernel.h>
#include <linux/string.h>

static const char *kind_name(unsigned int kind)
{
	switch (kind) {
	case SYMTAB_KIND_END:
		return "END";
	case SYMTAB_KIND_EXPORT:
		return "EXPORT";
	case SYMTAB_KIND_IMPORT:
		return "IMPORT";
	}
	return "unknown";
}

static int check_record(const struct symtab_abi_record *rec, unsigned int i,
			enum symtab_abi_kind kind, char *why)
{
	const char *nul = memchr(rec->name, '\0', sizeof(rec->name));

	if (rec->kind > SYMTAB_KIND_IMPORT) {
		snprintf(why, SYMTAB_WHY_LEN, "record %u: unknown kind %u",
			 i, rec->kind);
		return -ENOEXEC;
	}
	if (rec->kind != kind) {
		snprintf(why, SYMTAB_WHY_LEN, "record %u: %s record, expected %s",
			 i, kind_name(rec->kind), kind_name(kind));
		return -ENOEXEC;
	}
	if (rec->flags & ~SYMTAB_REC_VERSIONED) {
		snprintf(why, SYMTAB_WHY_LEN, "record %u: unknown flags 0x%02x",
			 i, rec->flags);
		return -ENOEXEC;
	}
	if (!nul) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "record %u: name not NUL-terminated within %d bytes",
			 i, SYMTAB_NAME_LEN);
		return -ENOEXEC;
	}
	if (nul == rec->name) {
		snprintf(why, SYMTAB_WHY_LEN, "record %u: empty name", i);
		return -ENOEXEC;
	}
	return 0;
}

/**
 * symtab_block_check() - validate a block held by an object of @size bytes
 * @hdr: the block, at the start of the object
 * @size: the object's size, from its symbol
 * @kind: SYMTAB_KIND_EXPORT for a table, SYMTAB_KIND_IMPORT for an import
 * @nr: set to the number of records to use (END excluded)
 * @why: set to the reason on failure
 *
 * Return: 0 or -ENOEXEC.
 */
int symtab_block_check(const struct symtab_abi_header *hdr, size_t size,
		       enum symtab_abi_kind kind, unsigned int *nr,
		       char why[SYMTAB_WHY_LEN])
{
	const struct symtab_abi_record *rec = (const void *)(hdr + 1);
	size_t room;
	unsigned int i;
	int err;

	if (size < sizeof(*hdr)) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "truncated: %zu bytes, a header needs %zu",
			 size, sizeof(*hdr));
		return -ENOEXEC;
	}
	if (hdr->magic != SYMTAB_ABI_MAGIC) {
		snprintf(why, SYMTAB_WHY_LEN, "bad magic 0x%08x, expected 0x%08x",
			 hdr->magic, SYMTAB_ABI_MAGIC);
		return -ENOEXEC;
	}
	if (hdr->format != SYMTAB_ABI_FORMAT) {
		snprintf(why, SYMTAB_WHY_LEN, "format %u, expected %u",
			 hdr->format, SYMTAB_ABI_FORMAT);
		return -ENOEXEC;
	}
	if (hdr->record_size != sizeof(*rec)) {
		snprintf(why, SYMTAB_WHY_LEN, "record size %u, expected %zu",
			 hdr->record_size, sizeof(*rec));
		return -ENOEXEC;
	}
	if ((size - sizeof(*hdr)) % sizeof(*rec)) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "truncated: %zu bytes is not a header and whole records",
			 size);
		return -ENOEXEC;
	}
	room = (size - sizeof(*hdr)) / sizeof(*rec);
	if (hdr->count > room) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "count %u past the end of the object (%zu bytes: room for %zu)",
			 hdr->count, size, room);
		return -ENOEXEC;
	}

	if (kind == SYMTAB_KIND_IMPORT) {
		if (hdr->count != 1) {
			snprintf(why, SYMTAB_WHY_LEN,
				 "count %u, an import block holds 1 record",
				 hdr->count);
			return -ENOEXEC;
		}
		*nr = 1;
		return check_record(rec, 0, kind, why);
	}

	/* An export table: records up to END; a stamped count must agree. */
	for (i = 0; i < room && rec[i].kind != SYMTAB_KIND_END; i++) {
		err = check_record(&rec[i], i, kind, why);
		if (err)
			return err;
	}
	if (i == room) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "no END record within the object (%zu records)", room);
		return -ENOEXEC;
	}
	if (hdr->count && hdr->count != i) {
		snprintf(why, SYMTAB_WHY_LEN,
			 "count %u, but the END record is record %u",
			 hdr->count, i);
		return -ENOEXEC;
	}
	*nr = i;
	return 0;
}

/**
 * symtab_parse_name() - split "sym" or "sym_R1a2b3c4d"
 * @name: the name
 * @len: set to the length of the bare symbol name
 * @crc: set to the version when the name carries one
 *
 * Return: true if @name carries a version.
 */
bool symtab_parse_name(const char *name, size_t *len, u32 *crc)
{
	size_t n = strnlen(name, SYMTAB_NAME_LEN + SYMTAB_VERSION_SUFFIX_LEN);
	const char *suffix = name + n - SYMTAB_VERSION_SUFFIX_LEN;
	char hex[9];

	*len = n;
	if (n <= SYMTAB_VERSION_SUFFIX_LEN || suffix[0] != '_' ||
	    suffix[1] != 'R')
		return false;
	memcpy(hex, suffix + 2, 8);
	hex[8] = '\0';
	if (strspn(hex, "0123456789abcdefABCDEF") != 8 || kstrtou32(hex, 16, crc))
		return false;
	*len = n - SYMTAB_VERSION_SUFFIX_LEN;
	return true;
}
