// SPDX-License-Identifier: GPL-2.0-only
/*
 * Expansion: a declaration's tokens are hashed with each referenced type
 * spliced in (its definition the first time it is met in this expansion,
 * its name after that), depth first with an explicit stack so that long
 * chains of types cannot overflow the C stack.
 */
#include <string.h>

#include "../common/crc32.h"
#include "diag.h"
#include "export.h"
#include "reference.h"
#include "symbols.h"
#include "util.h"

struct export_options export_options;

struct frame {
	struct symbol *sym;
	uint32_t off;		/* of the text not yet hashed */
	uint32_t ref;		/* index of the next reference */
};

static struct frame *stack;
static size_t stack_cap;
static uint32_t generation;

struct expansion {
	uint32_t crc;
	const char *file;	/* of the export, for messages */
	uint32_t line;
};

/* Hash text that already has a space after each token. */
static void emit_run(struct expansion *ex, const char *text, uint32_t len)
{
	ex->crc = crc32_update(ex->crc, text, len);
	if (diag_flags.debug)
		fwrite(text, 1, len, stderr);
}

static void emit(struct expansion *ex, const char *text, uint32_t len)
{
	emit_run(ex, text, len);
	emit_run(ex, " ", 1);
}

static void dump_ref(FILE *f, int kind, const struct ident *id)
{
	putc(kind, f);
	putc('#', f);
	fwrite(id->name, 1, id->len, f);
	putc(' ', f);
}

static void dump_line(const struct symbol *sym)
{
	const struct defn *d = &sym->defn;
	FILE *f = export_options.dump_types;
	uint32_t i, off = 0;

	if (sym->kind == SYM_NORMAL) {
		fwrite(sym->id->name, 1, sym->id->len, f);
		fputs(sym->is_extern ? " extern " : " ", f);
	} else {
		dump_ref(f, sym->kind, sym->id);
		if (sym->is_extern)
			fputs("extern ", f);
	}
	for (i = 0; i < d->nrefs; i++) {
		fwrite(d->text + off, 1, d->refs[i].at - off, f);
		off = d->refs[i].at;
		dump_ref(f, d->refs[i].kind, d->refs[i].id);
	}
	fwrite(d->text + off, 1, d->len - off, f);
	putc('\n', f);
}

static void push(struct symbol *sym, size_t *depth)
{
	xarray_grow(&stack, &stack_cap, *depth + 1, sizeof(*stack));
	sym->expand_gen = generation;
	stack[(*depth)++] = (struct frame){ .sym = sym };
}

/* A reference met during expansion: splice the definition or name it. */
static void expand_reference(struct expansion *ex, const struct dref *r,
			     size_t *depth)
{
	enum sym_kind kind = r->kind;
	struct symbol *sym = sym_is_tag(kind) ? r->id->tag : r->id->ord;

	if (sym && sym->expand_gen != generation) {
		if (sym_is_tag(kind) && !sym->defined) {
			diag_warning(ex->file, ex->line,
				     "expand undefined %s %s",
				     sym_tag_keyword(kind), r->id->name);
			sym_define_unknown(sym);
		}
		reference_note_change(sym);
		push(sym, depth);
		return;
	}
	if (sym_is_tag(kind)) {
		const char *kw = sym_tag_keyword(kind);

		emit(ex, kw, strlen(kw));
	}
	emit(ex, r->id->name, r->id->len);
}

static uint32_t expand(struct symbol *root, const char *file, uint32_t line)
{
	struct expansion ex = { .crc = CRC32_INIT, .file = file,
				.line = line };
	size_t depth = 0;

	generation++;
	push(root, &depth);
	while (depth) {
		struct frame *f = &stack[depth - 1];
		const struct defn *d = &f->sym->defn;
		const struct dref *r;

		if (f->ref == d->nrefs) {
			emit_run(&ex, d->text + f->off, d->len - f->off);
			if (export_options.dump_types && !f->sym->dumped) {
				f->sym->dumped = true;
				dump_line(f->sym);
			}
			depth--;
			continue;
		}
		r = &d->refs[f->ref++];
		emit_run(&ex, d->text + f->off, r->at - f->off);
		f->off = r->at;
		expand_reference(&ex, r, &depth);
	}
	return ex.crc ^ CRC32_INIT;
}

void export_symbol(struct ident *id, enum export_kind kind,
		   const char *file, uint32_t line)
{
	struct symbol *sym = id->ord;
	uint32_t crc;
	FILE *out;

	if (!sym || (!sym->defined && !sym->from_reference)) {
		diag_warning(file, line, "%s undefined symbol %s",
			     kind == EXPORT_IMPORT ? "import" : "export",
			     id->name);
		return;
	}
	if (diag_flags.debug)
		fprintf(stderr, "Export %s == <", id->name);
	reference_begin_export(sym);
	crc = expand(sym, file, line);
	/* The kernel's tool reports a change inside the -D line. */
	crc = reference_end_export(sym, crc, file, line);
	if (diag_flags.debug)
		fprintf(stderr, ">\n");
	out = export_options.out ? export_options.out : stdout;
	if (export_options.format == FORMAT_VER)
		fprintf(out, "#define %s %s_R%08x\t/* %s */\n", id->name,
			id->name, crc,
			kind == EXPORT_IMPORT ? "import" : "export");
	else
		fprintf(out, "#SYMVER %s 0x%08x\n", id->name, crc);
}
