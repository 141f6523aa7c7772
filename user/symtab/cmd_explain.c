// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab explain OLD.ko NEW.ko: say why symbol versions differ between two
 * builds of a module, from the type information each build stored in its
 * .symtab_types section (see <symtab/types_section.h>).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "../explain/explain.h"
#include "command.h"
#include "module_file.h"

static const char help[] =
"Usage: symtab explain [OPTION...] OLD.ko NEW.ko\n"
"\n"
"For every symbol that both modules record (export or import) with\n"
"different versions, explain the change down to the struct member, enum\n"
"constant, typedef or parameter responsible, one line per change:\n"
"\n"
"  my_func: arg 1 -> struct foo: member 'int b' added after 'int a'\n"
"\n"
"The explanation comes from the genksyms types `symtab stamp` stores in\n"
"each module's " SYMTAB_TYPES_SECTION " section.  Where a module stored\n"
"none for a symbol, or they do not give its recorded CRC, only the CRC\n"
"change is printed, with the reason:\n"
"\n"
"  my_func: CRC changed 0x1234abcd -> 0x5678ef01 (no type information ...)\n"
"\n"
"Options:\n"
"  -j, --json      machine-readable output (see symtypes-diff(1))\n"
"  -h, --help      show this help and exit\n"
"  -V, --version   show the version and exit\n"
"\n"
"Exit status: 0 no version differs, 1 differences explained, 2 a problem\n"
"(unreadable or malformed module, damaged type section) or wrong usage.\n";

static const struct option options[] = {
	{ "json", no_argument, NULL, 'j' },
	COMMON_OPTIONS
};

enum { EXPLAIN_TROUBLE = 2 };

struct view {
	struct module_file *mf;
	struct record *rec;		/* versioned records */
	size_t nr_rec;
	struct explain_types *types;	/* NULL: the module stored none */
	char *what;			/* names the view in notes */
};

static void view_free(struct view *v)
{
	module_file_free(v->mf);
	free(v->rec);
	explain_types_free(v->types);
	free(v->what);
}

/* The .symtab_types section's bytes, bounded by the file; NULL if none. */
static const unsigned char *types_section(const struct module_file *mf,
					  size_t *size)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(mf->elf, &shstrndx))
		return NULL;
	while ((scn = elf_nextscn(mf->elf, scn))) {
		const char *name;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(mf->elf, shstrndx, sh.sh_name);
		if (!name || strcmp(name, SYMTAB_TYPES_SECTION) ||
		    sh.sh_type == SHT_NOBITS || sh.sh_offset > mf->size ||
		    sh.sh_size > mf->size - sh.sh_offset)
			continue;
		*size = sh.sh_size;
		return mf->image + sh.sh_offset;
	}
	return NULL;
}

static int view_open(struct view *v, const char *path)
{
	char err[EXPLAIN_ERR_LEN], *text;
	const unsigned char *sec;
	struct symtab_error serr;
	size_t i, size, len;
	uint32_t r;

	memset(v, 0, sizeof(*v));
	if (module_file_open(path, &v->mf, &serr)) {
		report_error(&serr);
		return -1;
	}
	for (i = 0; i < v->mf->nr_blocks; i++) {
		const struct block *blk = &v->mf->blocks[i].blk;

		for (r = 0; r < blk->nr_records; r++) {
			struct record rec;

			block_record(blk, r, &rec);
			if (!record_versioned(&rec))
				continue;
			v->rec = realloc(v->rec, (v->nr_rec + 1) *
					 sizeof(*v->rec));
			if (!v->rec) {
				message("explain: out of memory");
				return -1;
			}
			v->rec[v->nr_rec++] = rec;
		}
	}
	sec = types_section(v->mf, &size);
	if (!sec) {
		if (asprintf(&v->what, "%s, which has no %s section", path,
			     SYMTAB_TYPES_SECTION) < 0)
			v->what = NULL;
		return v->what ? 0 : -1;
	}
	v->what = strdup(path);
	if (!v->what)
		return -1;
	if (explain_section_unpack(sec, size, path, &text, &len, err)) {
		message("%s", err);
		return -1;
	}
	v->types = explain_types_parse(text, len, path, err);
	free(text);
	if (!v->types) {
		message("%s (in its %s section)", err, SYMTAB_TYPES_SECTION);
		return -1;
	}
	return 0;
}

static const struct record *find_record(const struct view *v,
					const struct record *like)
{
	size_t i;

	for (i = 0; i < v->nr_rec; i++)
		if (v->rec[i].kind == like->kind &&
		    !strcmp(v->rec[i].name, like->name))
			return &v->rec[i];
	return NULL;
}

int cmd_explain(int argc, char *argv[])
{
	struct explain_report *report;
	struct view old, new;
	bool json = false;
	int opt, status;
	size_t i;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "j",
				  options, NULL)) != -1) {
		if (opt == 'j')
			json = true;
		else
			return common_option(opt, "explain", help, argv);
	}
	if (argc - optind != 2)
		return usage_error("explain", "expected two modules");

	if (view_open(&old, argv[optind])) {
		view_free(&old);
		return EXPLAIN_TROUBLE;
	}
	if (view_open(&new, argv[optind + 1])) {
		view_free(&old);
		view_free(&new);
		return EXPLAIN_TROUBLE;
	}
	report = explain_report_new();
	for (i = 0; i < old.nr_rec; i++) {
		const struct record *o = &old.rec[i];
		const struct record *n = find_record(&new, o);

		/* Each (kind, name) once, even if several tables list it. */
		if (!n || n->crc == o->crc || find_record(&old, o) != o)
			continue;
		explain_symbol(report, o->name, o->crc, n->crc,
			       old.types, old.what, new.types, new.what);
	}
	explain_report_print(report, json, stdout);
	status = explain_report_count(report) ? 1 : 0;
	explain_report_free(report);
	view_free(&old);
	view_free(&new);
	if (fflush(stdout)) {
		message("explain: writing the output failed");
		return EXPLAIN_TROUBLE;
	}
	return status;
}
