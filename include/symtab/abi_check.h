/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The rules a block (see abi.h) must obey, written once for symtab.ko and
 * the userspace tools.  The bytes are hostile: every read is bounded by the
 * size of the object that holds the block, fields are read with memcpy (the
 * block may be unaligned in a file), and a block is accepted or refused as
 * a whole.  symtab_abi_check() gives a verdict; symtab_abi_describe() turns
 * a refusal into words, so both sides say the same thing.
 */
#ifndef _SYMTAB_ABI_CHECK_H
#define _SYMTAB_ABI_CHECK_H

#include <symtab/abi.h>

#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#endif

enum symtab_abi_fault {
	SYMTAB_ABI_OK,
	SYMTAB_ABI_TRUNCATED,		/* value: the size */
	SYMTAB_ABI_BAD_MAGIC,		/* value: the magic */
	SYMTAB_ABI_BAD_FORMAT,		/* value: the format */
	SYMTAB_ABI_BAD_RECORD_SIZE,	/* value: the record size */
	SYMTAB_ABI_PARTIAL_RECORD,	/* value: the size */
	SYMTAB_ABI_TABLE_IMPORTS,	/* value: a table's imports field */
	SYMTAB_ABI_COUNT_PAST_END,	/* value: count, value2: room */
	SYMTAB_ABI_IMPORT_COUNT,	/* value: count (an import holds 1) */
	SYMTAB_ABI_UNKNOWN_KIND,	/* record, value: kind */
	SYMTAB_ABI_WRONG_KIND,		/* record, value: kind, value2: wanted */
	SYMTAB_ABI_UNKNOWN_FLAGS,	/* record, value: flags */
	SYMTAB_ABI_RECORD_RESERVED,	/* record, value: the reserved field */
	SYMTAB_ABI_NAME_UNTERMINATED,	/* record */
	SYMTAB_ABI_NAME_INVALID,	/* record: empty or not a C identifier */
	SYMTAB_ABI_NO_END,		/* value: records in the object */
	SYMTAB_ABI_COUNT_MISMATCH,	/* value: count, value2: END's index */
};

struct symtab_abi_verdict {
	enum symtab_abi_fault fault;
	__u32 record;
	__u64 value;
	__u64 value2;
};

#define SYMTAB_ABI_WHY_LEN	96

static inline __u32 symtab_abi_le32(const void *p)
{
	__u32 v;

	memcpy(&v, p, sizeof(v));
	return v;		/* x86-64 only: the file order is ours */
}

static inline __u16 symtab_abi_le16(const void *p)
{
	__u16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline const char *symtab_abi_kind_name(unsigned int kind)
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

/* Is the NUL-terminated @s a C identifier, as every record name must be? */
static inline bool symtab_abi_name_valid(const char *s)
{
	const char *p;

	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (p = s; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

static inline int symtab_abi_fail(struct symtab_abi_verdict *v,
				  enum symtab_abi_fault fault, __u32 record,
				  __u64 value, __u64 value2)
{
	v->fault = fault;
	v->record = record;
	v->value = value;
	v->value2 = value2;
	return -1;
}

/* Record @i at @rec, of the kind @kind. */
static inline int symtab_abi_check_record(const unsigned char *rec, __u32 i,
					  unsigned int kind,
					  struct symtab_abi_verdict *v)
{
	const char *name = (const char *)rec +
			   offsetof(struct symtab_abi_record, name);
	unsigned int k = rec[offsetof(struct symtab_abi_record, kind)];
	unsigned int flags = rec[offsetof(struct symtab_abi_record, flags)];
	__u16 reserved = symtab_abi_le16(rec +
				offsetof(struct symtab_abi_record, reserved));

	if (k > SYMTAB_KIND_IMPORT)
		return symtab_abi_fail(v, SYMTAB_ABI_UNKNOWN_KIND, i, k, 0);
	if (k != kind)
		return symtab_abi_fail(v, SYMTAB_ABI_WRONG_KIND, i, k, kind);
	if (flags & ~SYMTAB_REC_VERSIONED)
		return symtab_abi_fail(v, SYMTAB_ABI_UNKNOWN_FLAGS, i, flags, 0);
	if (reserved)
		return symtab_abi_fail(v, SYMTAB_ABI_RECORD_RESERVED, i,
				       reserved, 0);
	if (!memchr(name, '\0', SYMTAB_NAME_LEN))
		return symtab_abi_fail(v, SYMTAB_ABI_NAME_UNTERMINATED, i, 0, 0);
	if (!symtab_abi_name_valid(name))
		return symtab_abi_fail(v, SYMTAB_ABI_NAME_INVALID, i, 0, 0);
	return 0;
}

/**
 * symtab_abi_check() - validate a block held by an object of @size bytes
 * @bytes: the object; the block starts there
 * @size: the object's size, from its symbol
 * @kind: SYMTAB_KIND_EXPORT for a table, SYMTAB_KIND_IMPORT for an import
 * @nr: set to the number of records to use (END excluded)
 * @v: set to the first rule broken
 *
 * An import block is exactly one header and one record; its imports
 * field is checked against the module's other blocks by the caller.  An
 * export table holds records up to an END record; a stamped count must
 * agree, and its imports field is zero.
 *
 * Return: 0, or -1 with @v filled in.
 */
static inline int symtab_abi_check(const void *bytes, size_t size,
				   unsigned int kind, __u32 *nr,
				   struct symtab_abi_verdict *v)
{
	const size_t hsize = sizeof(struct symtab_abi_header);
	const size_t rsize = sizeof(struct symtab_abi_record);
	const unsigned char *b = bytes;
	const unsigned char *rec = b + hsize;
	__u32 magic, count, imports, i;
	__u16 format, record_size;
	size_t room;

	v->fault = SYMTAB_ABI_OK;
	if (size < hsize)
		return symtab_abi_fail(v, SYMTAB_ABI_TRUNCATED, 0, size, 0);
	magic = symtab_abi_le32(b + offsetof(struct symtab_abi_header, magic));
	format = symtab_abi_le16(b + offsetof(struct symtab_abi_header, format));
	record_size = symtab_abi_le16(b + offsetof(struct symtab_abi_header,
						   record_size));
	count = symtab_abi_le32(b + offsetof(struct symtab_abi_header, count));
	imports = symtab_abi_le32(b + offsetof(struct symtab_abi_header,
					       imports));
	if (magic != SYMTAB_ABI_MAGIC)
		return symtab_abi_fail(v, SYMTAB_ABI_BAD_MAGIC, 0, magic, 0);
	if (format != SYMTAB_ABI_FORMAT)
		return symtab_abi_fail(v, SYMTAB_ABI_BAD_FORMAT, 0, format, 0);
	if (record_size != rsize)
		return symtab_abi_fail(v, SYMTAB_ABI_BAD_RECORD_SIZE, 0,
				       record_size, 0);
	if ((size - hsize) % rsize)
		return symtab_abi_fail(v, SYMTAB_ABI_PARTIAL_RECORD, 0, size, 0);
	/* The module's import blocks are counted in import blocks only. */
	if (imports && kind != SYMTAB_KIND_IMPORT)
		return symtab_abi_fail(v, SYMTAB_ABI_TABLE_IMPORTS, 0, imports,
				       0);
	room = (size - hsize) / rsize;
	if (count > room)
		return symtab_abi_fail(v, SYMTAB_ABI_COUNT_PAST_END, 0, count,
				       room);

	if (kind == SYMTAB_KIND_IMPORT) {
		if (count != 1 || room != 1)
			return symtab_abi_fail(v, SYMTAB_ABI_IMPORT_COUNT, 0,
					       count, room);
		*nr = 1;
		return symtab_abi_check_record(rec, 0, kind, v);
	}

	for (i = 0; i < room && rec[i * rsize + offsetof(struct symtab_abi_record,
						       kind)] != SYMTAB_KIND_END; i++)
		if (symtab_abi_check_record(rec + i * rsize, i, kind, v))
			return -1;
	if (i == room)
		return symtab_abi_fail(v, SYMTAB_ABI_NO_END, 0, room, 0);
	if (count && count != i)
		return symtab_abi_fail(v, SYMTAB_ABI_COUNT_MISMATCH, 0, count, i);
	*nr = i;
	return 0;
}

/* The refusal @v in words, at most @len bytes with the NUL. */
static inline void symtab_abi_describe(const struct symtab_abi_verdict *v,
				       char *buf, size_t len)
{
	unsigned long long a = v->value, b = v->value2;
	unsigned int r = v->record;

	switch (v->fault) {
	case SYMTAB_ABI_OK:
		snprintf(buf, len, "valid");
		break;
	case SYMTAB_ABI_TRUNCATED:
		snprintf(buf, len, "truncated: %llu bytes, a header needs %zu",
			 a, sizeof(struct symtab_abi_header));
		break;
	case SYMTAB_ABI_BAD_MAGIC:
		snprintf(buf, len, "bad magic 0x%08llx, expected 0x%08x",
			 a, SYMTAB_ABI_MAGIC);
		break;
	case SYMTAB_ABI_BAD_FORMAT:
		snprintf(buf, len, "format %llu, expected %u",
			 a, SYMTAB_ABI_FORMAT);
		break;
	case SYMTAB_ABI_BAD_RECORD_SIZE:
		snprintf(buf, len, "record size %llu, expected %zu",
			 a, sizeof(struct symtab_abi_record));
		break;
	case SYMTAB_ABI_PARTIAL_RECORD:
		snprintf(buf, len,
			 "truncated: %llu bytes is not a header and whole records",
			 a);
		break;
	case SYMTAB_ABI_TABLE_IMPORTS:
		snprintf(buf, len,
			 "imports field of an export table is 0x%llx, not zero",
			 a);
		break;
	case SYMTAB_ABI_COUNT_PAST_END:
		snprintf(buf, len,
			 "count %llu past the end of the object (room for %llu)",
			 a, b);
		break;
	case SYMTAB_ABI_IMPORT_COUNT:
		snprintf(buf, len,
			 "count %llu in room for %llu, an import block holds 1 record",
			 a, b);
		break;
	case SYMTAB_ABI_UNKNOWN_KIND:
		snprintf(buf, len, "record %u: unknown kind %llu", r, a);
		break;
	case SYMTAB_ABI_WRONG_KIND:
		snprintf(buf, len, "record %u: %s record, expected %s", r,
			 symtab_abi_kind_name(a), symtab_abi_kind_name(b));
		break;
	case SYMTAB_ABI_UNKNOWN_FLAGS:
		snprintf(buf, len, "record %u: unknown flags 0x%02llx", r, a);
		break;
	case SYMTAB_ABI_RECORD_RESERVED:
		snprintf(buf, len, "record %u: reserved field is 0x%llx, not zero",
			 r, a);
		break;
	case SYMTAB_ABI_NAME_UNTERMINATED:
		snprintf(buf, len,
			 "record %u: name not NUL-terminated within %d bytes",
			 r, SYMTAB_NAME_LEN);
		break;
	case SYMTAB_ABI_NAME_INVALID:
		snprintf(buf, len, "record %u: name is not a C identifier", r);
		break;
	case SYMTAB_ABI_NO_END:
		snprintf(buf, len, "no END record within the object (%llu records)",
			 a);
		break;
	case SYMTAB_ABI_COUNT_MISMATCH:
		snprintf(buf, len, "count %llu, but the END record is record %llu",
			 a, b);
		break;
	}
}

#endif /* _SYMTAB_ABI_CHECK_H */
