/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kABI severity rules, in the format distributions already keep for
 * suse-kabi-tools: one "PATTERN PASS|FAIL" a line, '#' comments, blank
 * lines ignored.  The first line whose pattern matches a symbol decides;
 * no match is FAIL.  A pattern with a '/' matches the path of the module
 * exporting the symbol, "vmlinux" the built-in exports, any other pattern
 * the symbol's name; shell wildcards (fnmatch(3), '*' crossing '/').
 */
#ifndef _SYMTAB_KABI_RULES_H
#define _SYMTAB_KABI_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "../../common/error.h"

enum kabi_rule_on {
	KABI_RULE_NAME,		/* the symbol's name */
	KABI_RULE_MODULE,	/* the exporting module's path */
	KABI_RULE_VMLINUX,	/* built into the kernel */
};

struct kabi_rule {
	char *pattern;
	enum kabi_rule_on on;
	bool pass;
	unsigned int line;	/* in the rules file, for messages */
};

struct kabi_rules {
	char *file;
	struct kabi_rule *rule;
	size_t nr;
};

#define KABI_RULES_INIT	{ 0 }

/*
 * Read the rules in @path into the empty @rules.
 * Return: 0, -EINVAL for a malformed line ("file:line: expected ..."),
 * -ENOMEM, or the error reading the file.  Release @rules even on error.
 */
int kabi_rules_load(struct kabi_rules *rules, const char *path,
		    struct symtab_error *err);
void kabi_rules_release(struct kabi_rules *rules);

/*
 * The rule deciding about symbol @name exported by @module ("vmlinux" or
 * the module's path), or NULL: no rule matches, so the change FAILs.
 */
const struct kabi_rule *kabi_rules_match(const struct kabi_rules *rules,
					 const char *name, const char *module);

#endif /* _SYMTAB_KABI_RULES_H */
