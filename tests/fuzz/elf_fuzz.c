// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the symtab tool's module reader: any bytes are
 * parsed as a module file (uncompressed first when they start with an xz,
 * zstd or gzip magic, as module_file_open() does); whatever parses is
 * dumped, stamped, made versionless, given a section and resolved, and
 * each result must parse again.
 *
 * Built by tests/fuzz/elf_fuzz.sh (clang -fsanitize=fuzzer).  With
 * -DELF_FUZZ_MAIN it is an ordinary program that runs the inputs named on
 * its command line once each, which is how tests/symtab replays the corpus
 * and the crash regressions under gcc's sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libsymtab.h"
/* The library's own parts these tests reach into: */
#include "module/section_write.h"

static const char versions_text[] =
	"#SYMVER alpha_func 0x1a2b3c4d\n#SYMVER beta_func 0x5e6f7a8b\n"
	"#SYMVER gamma_value 0x0badcafe\n#SYMVER tiny_func 0x00000001\n";
static const char table_text[] =
	"0000000000000000 beta_func_R5e6f7a8c\t[beta]\n"
	"0000000000000000 gamma_value\t[gamma]\n";

static struct version_set versions = VERSION_SET_INIT;
static struct resident_table table = RESIDENT_TABLE_INIT;

static void setup(void)
{
	struct symtab_error err;

	if (versions.nr)
		return;
	if (version_set_parse(&versions, "fuzz.symvers", versions_text,
			      strlen(versions_text), &err) ||
	    version_set_finish(&versions, &err) ||
	    resident_table_parse(&table, "fuzz.table", table_text,
				 strlen(table_text), &err)) {
		fprintf(stderr, "elf_fuzz: setup: %s\n", err.msg);
		abort();
	}
}

/* Read every record and resolve every import, as dump and check do. */
static void walk(struct module_file *mf)
{
	struct import_resolution res;
	struct record rec;
	char line[1024];
	size_t b;
	uint32_t r;

	for (b = 0; b < mf->nr_blocks; b++) {
		for (r = 0; r < mf->blocks[b].blk.nr_records; r++) {
			block_record(&mf->blocks[b].blk, r, &rec);
			if (strnlen(rec.name, sizeof(rec.name)) >= sizeof(rec.name))
				abort();
			if (mf->blocks[b].blk.kind != BLOCK_IMPORT)
				continue;
			resolve_import(&rec, &table, &mf, 1, NULL, &res);
			import_resolution_format(mf->path, &res, line,
						 sizeof(line));
		}
	}
}

/* A stamped image must still parse, with the same blocks. */
static void reparse(const unsigned char *image, size_t size, size_t blocks,
		    const char *what)
{
	struct symtab_error err;
	struct module_file *mf;

	if (module_file_parse("fuzz.ko", image, size, &mf, &err)) {
		fprintf(stderr, "elf_fuzz: %s image no longer parses: %s\n",
			what, err.msg);
		abort();
	}
	if (mf->nr_blocks != blocks)
		abort();
	walk(mf);
	module_file_free(mf);
}

static int test_image(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum module_compression c = module_compression_of(data, size);
	struct symtab_error err;
	unsigned char *plain;
	size_t plain_size;

	setup();
	if (c == MODULE_PLAIN)
		return test_image(data, size);
	if (module_decompress("fuzz.ko", c, data, size, &plain, &plain_size,
			      &err)) {
		if (strncmp(err.msg, "fuzz.ko: ", 9))
			abort();	/* every error names the file */
		return 0;
	}
	test_image(plain, plain_size);
	free(plain);
	return 0;
}

static int test_image(const uint8_t *data, size_t size)
{
	struct stamp_result res;
	struct symtab_error err;
	struct module_file *mf;
	unsigned char *image, *grown;
	size_t grown_len;

	if (module_file_parse("fuzz.ko", data, size, &mf, &err)) {
		if (strncmp(err.msg, "fuzz.ko: ", 9))
			abort();	/* every error names the file */
		return 0;
	}
	walk(mf);
	image = malloc(mf->size + 1);
	if (!image)
		abort();
	memcpy(image, mf->image, mf->size);
	stamp_image(mf, &versions, image, NULL, NULL, &res);
	reparse(image, mf->size, mf->nr_blocks, "stamped");
	make_imports_versionless(mf, image);
	reparse(image, mf->size, mf->nr_blocks, "versionless");
	if (section_set(mf, image, ".symtab_types", "types", 5, &grown,
			&grown_len, &err) == 0) {
		reparse(grown, grown_len, mf->nr_blocks, "sectioned");
		free(grown);
	}
	free(image);
	module_file_free(mf);
	return 0;
}

#ifdef ELF_FUZZ_MAIN
int main(int argc, char *argv[])
{
	struct symtab_error err;
	unsigned char *data;
	size_t size;
	int i;

	for (i = 1; i < argc; i++) {
		if (read_whole_file(argv[i], &data, &size, &err)) {
			fprintf(stderr, "elf_fuzz: %s\n", err.msg);
			return 1;
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	version_set_release(&versions);
	resident_table_release(&table);
	return 0;
}
#endif
