// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checks on blocks found in module memory, with the rules the tools use
 * (include/symtab/abi_check.h), and the parsing of versioned names.
 */
#include "internal.h"

#include <linux/kernel.h>
#include <linux/string.h>

/**
 * symtab_block_check() - validate a block held by an object of @size bytes
 * @bytes: the object; the block starts there
 * @size: the object's size, from its symbol
 * @kind: SYMTAB_KIND_EXPORT for a table, SYMTAB_KIND_IMPORT for an import
 * @nr: set to the number of records to use (END excluded)
 * @why: set to the reason on failure
 *
 * Return: 0 or -ENOEXEC.
 */
int symtab_block_check(const void *bytes, size_t size,
		       enum symtab_abi_kind kind, unsigned int *nr,
		       char why[SYMTAB_ABI_WHY_LEN])
{
	struct symtab_abi_verdict v;
	__u32 n;

	if (symtab_abi_check(bytes, size, kind, &n, &v)) {
		symtab_abi_describe(&v, why, SYMTAB_ABI_WHY_LEN);
		return -ENOEXEC;
	}
	*nr = n;
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
