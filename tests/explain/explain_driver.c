// SPDX-License-Identifier: GPL-2.0-only
/*
 * explain-driver: the explain library's parts that no command shows on
 * their own, for tests/explain and tests/kabi (explaining two symtypes
 * files is `genksyms --diff`'s job).  Exit 0: done; 2: bad input or usage.
 *
 *   --crc FILE            the CRCs FILE's types give, as genksyms prints them
 *   --subset FILE SYM...  the part of FILE that SYMs reach (what a module
 *                         stores)
 *   --pack FILE OUT       FILE as a .symtab_types section, written to OUT
 *   --unpack SECTION      the symtypes text a section holds
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../user/explain/explain.h"

static int usage(FILE *f, int status)
{
	fputs("usage: explain-driver --crc FILE.symtypes\n"
	      "       explain-driver --subset FILE.symtypes SYMBOL...\n"
	      "       explain-driver --pack FILE.symtypes SECTION.bin\n"
	      "       explain-driver --unpack SECTION.bin\n"
	      "Exit status: 0 done, 2 trouble.\n",
	      f);
	return status;
}

/* The library's sentence on stderr; the status for trouble. */
static int failed(const struct symtab_error *err)
{
	fprintf(stderr, "%s\n", err->msg);
	return EXPLAIN_ERROR;
}

static int print_crcs(const char *path)
{
	struct symtab_error err;
	struct explain_types *t;
	int ret;

	if (explain_types_read(path, &t, &err))
		return failed(&err);
	ret = explain_types_print_crcs(t, stdout, &err);
	explain_types_free(t);
	if (ret)
		return failed(&err);
	return fflush(stdout) ? EXPLAIN_ERROR : 0;
}

static char *slurp(const char *path, size_t *len)
{
	size_t cap = 0, got;
	char *buf = NULL;
	FILE *f = fopen(path, "rb");

	*len = 0;
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf) {
				fputs("out of memory\n", stderr);
				exit(EXPLAIN_ERROR);
			}
		}
		got = fread(buf + *len, 1, cap - *len, f);
		*len += got;
	} while (got);
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int write_out(const void *data, size_t len, FILE *f, const char *what)
{
	if (fwrite(data, 1, len, f) != len || fflush(f)) {
		fprintf(stderr, "%s: write error\n", what);
		return EXPLAIN_ERROR;
	}
	return 0;
}

static int subset(const char *path, char **syms, int nsyms)
{
	struct symtab_error err;
	size_t len, out_len, missing;
	char *text, *out;
	int ret;

	text = slurp(path, &len);
	if (!text)
		return EXPLAIN_ERROR;
	ret = explain_types_subset(text, len, path, (const char *const *)syms,
				   (size_t)nsyms, &out, &out_len, &missing,
				   &err);
	free(text);
	if (ret)
		return failed(&err);
	ret = write_out(out, out_len, stdout, "stdout");
	free(out);
	if (!ret && missing)
		fprintf(stderr, "%s: %zu of the symbols are not declared there\n",
			path, missing);
	return ret;
}

static int pack(const char *path, const char *out_path)
{
	struct symtab_error err;
	size_t len, sec_len;
	char *text;
	void *sec;
	FILE *f;
	int ret;

	text = slurp(path, &len);
	if (!text)
		return EXPLAIN_ERROR;
	ret = explain_section_pack(text, len, &sec, &sec_len, &err);
	free(text);
	if (ret)
		return failed(&err);
	f = fopen(out_path, "wb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", out_path, strerror(errno));
		free(sec);
		return EXPLAIN_ERROR;
	}
	ret = write_out(sec, sec_len, f, out_path);
	if (fclose(f) && !ret) {
		fprintf(stderr, "%s: write error\n", out_path);
		ret = EXPLAIN_ERROR;
	}
	free(sec);
	return ret;
}

static int unpack(const char *path)
{
	struct symtab_error err;
	size_t len, text_len;
	char *sec, *text;
	int ret;

	sec = slurp(path, &len);
	if (!sec)
		return EXPLAIN_ERROR;
	ret = explain_section_unpack(sec, len, path, &text, &text_len, &err);
	free(sec);
	if (ret)
		return failed(&err);
	ret = write_out(text, text_len, stdout, "stdout");
	free(text);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--crc"))
		return print_crcs(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "--subset"))
		return subset(argv[2], argv + 3, argc - 3);
	if (argc == 4 && !strcmp(argv[1], "--pack"))
		return pack(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "--unpack"))
		return unpack(argv[2]);
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return usage(stdout, 0);
	return usage(stderr, EXPLAIN_ERROR);
}
