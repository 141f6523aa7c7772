// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "kabi_rules.h"
#include "../formats/text_lines.h"
#include "../../common/whole_file.h"

static int parse_rule(void *arg, char *line, const char *file,
		      unsigned int lineno, struct symtab_error *err)
{
	struct kabi_rules *rules = arg;
	char *hash = strchr(line, '#'), *pattern, *verdict, *rest;
	struct kabi_rule *grown, *r;

	if (hash)
		*hash = '\0';
	pattern = strtok_r(line, " \t\r", &rest);
	if (!pattern)
		return 0;
	verdict = strtok_r(NULL, " \t\r", &rest);
	if (!verdict || strtok_r(NULL, " \t\r", &rest) ||
	    (strcmp(verdict, "PASS") && strcmp(verdict, "FAIL")))
		return error_set(err, EINVAL,
				 "%s:%u: expected 'PATTERN PASS' or 'PATTERN FAIL'",
				 file, lineno);
	grown = realloc(rules->rule, (rules->nr + 1) * sizeof(*rules->rule));
	if (!grown)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	rules->rule = grown;
	r = &rules->rule[rules->nr];
	r->pattern = strdup(pattern);
	if (!r->pattern)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	rules->nr++;
	r->pass = !strcmp(verdict, "PASS");
	r->line = lineno;
	if (strchr(pattern, '/'))
		r->on = KABI_RULE_MODULE;
	else if (!strcmp(pattern, "vmlinux"))
		r->on = KABI_RULE_VMLINUX;
	else
		r->on = KABI_RULE_NAME;
	return 0;
}

/* Parse @len bytes of rules read from @file into the empty @rules. */
static int kabi_rules_parse(struct kabi_rules *rules, const char *file,
			    const char *text, size_t len,
			    struct symtab_error *err)
{
	rules->file = strdup(file);
	if (!rules->file)
		return error_set(err, ENOMEM, "%s: out of memory", file);
	return text_for_each_line(file, text, len, parse_rule, rules, err);
}

DEFINE_TEXT_LOADER(kabi_rules_load, struct kabi_rules, kabi_rules_parse)

void kabi_rules_release(struct kabi_rules *rules)
{
	size_t i;

	for (i = 0; i < rules->nr; i++)
		free(rules->rule[i].pattern);
	free(rules->rule);
	free(rules->file);
	memset(rules, 0, sizeof(*rules));
}

const struct kabi_rule *kabi_rules_match(const struct kabi_rules *rules,
					 const char *name, const char *module)
{
	size_t i;

	for (i = 0; rules && i < rules->nr; i++) {
		const struct kabi_rule *r = &rules->rule[i];

		switch (r->on) {
		case KABI_RULE_VMLINUX:
			if (!strcmp(module, "vmlinux"))
				return r;
			break;
		case KABI_RULE_MODULE:
			if (!fnmatch(r->pattern, module, 0))
				return r;
			break;
		case KABI_RULE_NAME:
			if (!fnmatch(r->pattern, name, 0))
				return r;
			break;
		}
	}
	return NULL;
}
