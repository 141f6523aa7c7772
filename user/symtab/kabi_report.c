// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../explain/explain.h"
#include "libsymtab.h"
#include "kabi_report.h"

/*
 * One side: its exports and, when it has them, its types; and where the
 * types are not verified (an extraction's `partial` file), the flavor's
 * recorded CRCs, which its exports then carry.
 */
struct kabi_side {
	const char *path;
	struct kernel_symvers ks;
	char *types_path;
	struct explain_types *types;
	struct kabi_partial partial;
	bool has_partial;
};

static int side_open(struct kabi_side *s, const char *path,
		     struct symtab_error *err)
{
	char *partial;
	int ret;

	memset(s, 0, sizeof(*s));
	s->path = path;
	ret = kabi_tree_open(path, &s->ks, &s->types_path, err);
	if (ret || !s->types_path)
		return ret;
	if (asprintf(&partial, "%s/partial", path) < 0)
		return error_set(err, ENOMEM, "out of memory");
	ret = kabi_partial_load(&s->partial, partial, err);
	free(partial);
	if (ret == -ENOENT)
		return 0;
	if (!ret)
		ret = kabi_partial_apply(&s->ks, &s->partial, err);
	s->has_partial = !ret && s->partial.nr;
	return ret;
}

static void side_close(struct kabi_side *s)
{
	kernel_symvers_release(&s->ks);
	kabi_partial_release(&s->partial);
	explain_types_free(s->types);
	free(s->types_path);
}

/* The changed CRCs explained from both sides' types. */
static int explain_changes(const struct kabi_diff *d, struct kabi_side *old,
			   struct kabi_side *new, struct explain_report **r,
			   struct symtab_error *err)
{
	struct explain_want *want;
	size_t i, n = 0;
	int ret;

	ret = explain_types_read(old->types_path, &old->types, err);
	if (!ret)
		ret = explain_types_read(new->types_path, &new->types, err);
	if (!ret)
		ret = explain_report_new(r, err);
	if (ret)
		return ret;
	want = calloc(d->changed + 1, sizeof(*want));
	if (!want)
		return error_set(err, ENOMEM, "out of memory");
	for (i = 0; i < d->nr; i++)
		if (d->ch[i].kind == KABI_CHANGED)
			want[n++] = (struct explain_want){ d->ch[i].name,
				d->ch[i].old->crc, d->ch[i].new->crc };
	ret = explain_symbols(*r, want, n, old->types, old->types_path,
			      new->types, new->types_path, err);
	free(want);
	return ret;
}

static const char *verdict(const struct kabi_change *c)
{
	return c->tolerated ? "PASS" : "FAIL";
}

/* Why export @e's view on side @s is partial, or NULL when it is not. */
static const struct kabi_partial_entry *
partial_of(const struct kabi_side *s, const struct symvers_entry *e)
{
	return e && s->has_partial ? kabi_partial_find(&s->partial, e->name) :
	       NULL;
}

static bool change_partial(const struct kabi_change *c,
			   const struct kabi_side *old,
			   const struct kabi_side *new)
{
	return partial_of(old, c->old) || partial_of(new, c->new);
}

static void print_change(const struct kabi_change *c,
			 const struct kabi_side *old,
			 const struct kabi_side *new,
			 const struct kabi_rules *rules, FILE *out)
{
	const struct symvers_entry *e = c->old ? c->old : c->new;
	const struct kabi_partial_entry *po = partial_of(old, c->old);
	const struct kabi_partial_entry *pn = partial_of(new, c->new);

	fprintf(out, "%-8s %s %s ", kabi_change_names[c->kind], c->name,
		e->module);
	if (c->kind == KABI_CHANGED)
		fprintf(out, "0x%08x -> 0x%08x", c->old->crc, c->new->crc);
	else
		fprintf(out, "0x%08x", e->crc);
	fprintf(out, " %s", verdict(c));
	if (c->rule)
		fprintf(out, " (%s:%u: %s)", rules->file, c->rule->line,
			c->rule->pattern);
	if (po)
		fprintf(out, " [old view partial: %s]",
			kabi_partial_reasons[po->reason]);
	if (pn)
		fprintf(out, " [new view partial: %s]",
			kabi_partial_reasons[pn->reason]);
	fputc('\n', out);
}

static void print_summary(const struct kabi_diff *d,
			  const struct kabi_side *old,
			  const struct kabi_side *new, FILE *out)
{
	size_t i, partial = 0;

	fprintf(out, "%s (%zu exports) -> %s (%zu exports): %zu changed, %zu added, %zu removed; %zu not tolerated",
		old->path, old->ks.nr, new->path, new->ks.nr, d->changed,
		d->added, d->removed, d->failed);
	for (i = 0; i < d->nr; i++)
		partial += change_partial(&d->ch[i], old, new);
	if (partial)
		fprintf(out, "; %zu with a partial view", partial);
	fputc('\n', out);
	if (old->has_partial || new->has_partial)
		fprintf(out, "(partial view: %s; the types of an export marked partial are not verified, so its change is named, not explained)\n",
			old->has_partial && new->has_partial ?
			"both sides' types reproduce only part of their recorded CRCs" :
			old->has_partial ?
			"the old side's types reproduce only part of its recorded CRCs" :
			"the new side's types reproduce only part of its recorded CRCs");
}

static void json_str(const char *s, FILE *out)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void print_json_change(const struct kabi_change *c,
			      const struct kabi_side *old,
			      const struct kabi_side *new,
			      const struct kabi_rules *rules, FILE *out)
{
	const struct symvers_entry *e = c->old ? c->old : c->new;
	const struct kabi_partial_entry *po = partial_of(old, c->old);
	const struct kabi_partial_entry *pn = partial_of(new, c->new);

	fputs("{\"name\": ", out);
	json_str(c->name, out);
	fprintf(out, ", \"status\": \"%s\", \"module\": ",
		kabi_change_names[c->kind]);
	json_str(e->module, out);
	if (c->old)
		fprintf(out, ", \"old_crc\": \"0x%08x\"", c->old->crc);
	if (c->new)
		fprintf(out, ", \"new_crc\": \"0x%08x\"", c->new->crc);
	fprintf(out, ", \"tolerated\": %s", c->tolerated ? "true" : "false");
	if (c->rule) {
		fputs(", \"rule\": ", out);
		json_str(c->rule->pattern, out);
		fprintf(out, ", \"rule_line\": %u", c->rule->line);
	}
	if (po)
		fprintf(out, ", \"old_partial\": \"%s\"",
			kabi_partial_reasons[po->reason]);
	if (pn)
		fprintf(out, ", \"new_partial\": \"%s\"",
			kabi_partial_reasons[pn->reason]);
	(void)rules;
	fputc('}', out);
}

static int print_json(const struct kabi_diff *d, const struct kabi_side *old,
		      const struct kabi_side *new,
		      const struct kabi_rules *rules,
		      const struct explain_report *r, FILE *out,
		      struct symtab_error *err)
{
	size_t i, partial = 0;

	for (i = 0; i < d->nr; i++)
		partial += change_partial(&d->ch[i], old, new);
	fputs("{\"old\": ", out);
	json_str(old->path, out);
	fputs(", \"new\": ", out);
	json_str(new->path, out);
	fprintf(out, ",\n \"old_exports\": %zu, \"new_exports\": %zu, \"changed\": %zu, \"added\": %zu, \"removed\": %zu, \"not_tolerated\": %zu, \"partial\": %zu,\n \"changes\": [",
		old->ks.nr, new->ks.nr, d->changed, d->added, d->removed,
		d->failed, partial);
	for (i = 0; i < d->nr; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		print_json_change(&d->ch[i], old, new, rules, out);
	}
	fputs(d->nr ? "\n ],\n \"explanation\": " : "],\n \"explanation\": ",
	      out);
	if (!r) {
		fputs("null}\n", out);
		return 0;
	}
	i = explain_report_print(r, EXPLAIN_JSON, out, err);
	fputs("}\n", out);
	return (int)i;
}

static int print_report(const struct kabi_diff *d, const struct kabi_side *old,
			const struct kabi_side *new,
			const struct kabi_rules *rules,
			const struct explain_report *r, enum kabi_format format,
			FILE *out, struct symtab_error *err)
{
	size_t i, partial = 0;
	int ret = 0;

	switch (format) {
	case KABI_FORMAT_JSON:
		return print_json(d, old, new, rules, r, out, err);
	case KABI_FORMAT_SYMBOLS:
		for (i = 0; i < d->nr; i++)
			if (!d->ch[i].tolerated ||
			    (!rules && d->ch[i].kind == KABI_ADDED))
				fprintf(out, "%s\n", d->ch[i].name);
		return 0;
	case KABI_FORMAT_SHORT:
	case KABI_FORMAT_PRETTY:
		break;
	}
	print_summary(d, old, new, out);
	for (i = 0; i < d->nr; i++)
		print_change(&d->ch[i], old, new, rules, out);
	if (!d->changed)
		return 0;
	if (!r) {
		fprintf(out, "(no explanation: %s has no symtypes beside its Module.symvers)\n",
			old->types_path ? new->path : old->path);
		return 0;
	}
	fputs("\nThe type changes behind the changed CRCs:\n", out);
	for (i = 0; i < d->nr; i++)
		partial += d->ch[i].kind == KABI_CHANGED &&
			   change_partial(&d->ch[i], old, new);
	if (partial)
		fprintf(out, "(from verified types only: the %zu changed with a partial view are listed as unexplained)\n",
			partial);
	ret = explain_report_print(r, format == KABI_FORMAT_PRETTY ?
				   EXPLAIN_TYPE_DIFF : 0, out, err);
	return ret;
}

int kabi_report(const char *old_path, const char *new_path,
		const struct kabi_rules *rules, enum kabi_format format,
		FILE *out, struct symtab_error *err)
{
	struct kabi_side old, new;
	struct kabi_diff d = KABI_DIFF_INIT;
	struct explain_report *r = NULL;
	int ret;

	ret = side_open(&old, old_path, err);
	if (!ret)
		ret = side_open(&new, new_path, err);
	else
		memset(&new, 0, sizeof(new));
	if (!ret)
		ret = kabi_compare_symvers(&d, &old.ks, &new.ks, rules, err);
	if (!ret && d.changed && old.types_path && new.types_path &&
	    format != KABI_FORMAT_SYMBOLS)
		ret = explain_changes(&d, &old, &new, &r, err);
	if (!ret)
		ret = print_report(&d, &old, &new, rules, r, format, out, err);
	if (!ret && (fflush(out) || ferror(out)))
		ret = error_set(err, EIO, "error writing the comparison");
	if (!ret)
		ret = d.failed ? 1 : 0;
	explain_report_free(r);
	kabi_diff_release(&d);
	side_close(&old);
	side_close(&new);
	return ret;
}
