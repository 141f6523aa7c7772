// SPDX-License-Identifier: GPL-2.0-only
/*
 * genksyms: symbol versions (CRC-32 of declarations expanded down to basic
 * types) for the exports and imports of one preprocessed C file, with the
 * kernel tool's options and output formats.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "diff_mode.h"
#include "export.h"
#include "ident.h"
#include "lexer.h"
#include "parser.h"
#include "reference.h"

/* SYMTAB_VERSION: the tree's VERSION file, passed by the Makefile. */
#define GENKSYMS_VERSION	"symtab genksyms " SYMTAB_VERSION \
			" (kernel genksyms 2.5.60 compatible)"

static void usage(FILE *f)
{
	fputs("Usage:\n"
	      "genksyms [-dDTrpwqhV] [--format=symver|ver] [FILE] > file.ver\n"
	      "\n"
	      "  Reads the output of `cc -E -D__GENKSYMS__` (FILE or stdin).\n"
	      "  -d, --debug           Increment the debug level (repeatable)\n"
	      "  -D, --dump            Dump expanded symbol defs (for debugging only)\n"
	      "  -r, --reference file  Read reference symbols from a file\n"
	      "  -T, --dump-types file Dump expanded types into file\n"
	      "  -p, --preserve        Preserve reference modversions or fail\n"
	      "  -w, --warnings        Enable warnings\n"
	      "  -q, --quiet           Disable warnings (default)\n"
	      "  -h, --help            Print this message\n"
	      "  -V, --version         Print the release version\n"
	      "      --format=FMT      symver: #SYMVER lines (default);\n"
	      "                        ver: a version header of\n"
	      "                        `#define sym sym_R<crc>` lines\n"
	      "\n"
	      "genksyms --diff OLD.symtypes NEW.symtypes [--json]\n"
	      "  Explains each symbol whose CRC differs between two -T files,\n"
	      "  down to the member, constant or parameter that changed.\n", f);
}

static char *dump_path, *dump_tmp;

/* -T is written to a temporary file, renamed over FILE only on success. */
static FILE *open_dump(const char *path)
{
	struct stat st;
	FILE *f;
	int fd;

	/* A device or pipe (-T /dev/stdout) is written to directly. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return fopen(path, "w");
	dump_path = strdup(path);
	if (asprintf(&dump_tmp, "%s.tmpXXXXXX", path) < 0)
		return NULL;
	fd = mkstemp(dump_tmp);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, "w");
	if (!f)
		close(fd);
	return f;
}

static int finish_dump(bool ok)
{
	FILE *f = export_options.dump_types;

	if (!f)
		return 0;
	if (fclose(f) != 0)
		ok = false;
	if (!dump_tmp)
		return ok ? 0 : -1;
	if (ok && rename(dump_tmp, dump_path) == 0)
		return 0;
	unlink(dump_tmp);
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "debug", no_argument, NULL, 'd' },
		{ "dump", no_argument, NULL, 'D' },
		{ "reference", required_argument, NULL, 'r' },
		{ "dump-types", required_argument, NULL, 'T' },
		{ "preserve", no_argument, NULL, 'p' },
		{ "warnings", no_argument, NULL, 'w' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reference = NULL, *input = NULL;
	int opt, status;

	if (argc >= 2 && !strcmp(argv[1], "--diff"))
		return genksyms_diff_main(argc - 2, argv + 2);
	while ((opt = getopt_long(argc, argv, "dDr:T:pwqhV", long_opts,
				  NULL)) != -1) {
		switch (opt) {
		case 'd':
			break;	/* parser tracing: nothing to trace */
		case 'D':
			diag_flags.debug = true;
			break;
		case 'r':
			reference = optarg;
			break;
		case 'T':
			export_options.dump_types = open_dump(optarg);
			if (!export_options.dump_types) {
				fprintf(stderr, "genksyms: %s: %m\n", optarg);
				return 1;
			}
			break;
		case 'p':
			diag_flags.preserve = true;
			break;
		case 'w':
			diag_flags.warnings = true;
			diag_flags.quiet = false;
			break;
		case 'q':
			diag_flags.quiet = true;
			diag_flags.warnings = false;
			break;
		case 'h':
			usage(stderr);
			return 0;
		case 'V':
			fprintf(stderr, "genksyms version %s\n",
				GENKSYMS_VERSION);
			return 0;
		case 'F':
			if (!strcmp(optarg, "symver")) {
				export_options.format = FORMAT_SYMVER;
			} else if (!strcmp(optarg, "ver")) {
				export_options.format = FORMAT_VER;
			} else {
				fprintf(stderr, "genksyms: unknown format '%s'"
					" (symver or ver)\n", optarg);
				return 1;
			}
			break;
		default:
			usage(stderr);
			finish_dump(false);
			return 1;
		}
	}
	if (optind < argc)
		input = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, "genksyms: one input file at most\n");
		finish_dump(false);
		return 1;
	}
	ident_init();
	if (!lexer_open(input)) {
		fprintf(stderr, "genksyms: %s: %m\n", input ? input : "stdin");
		finish_dump(false);
		return 1;
	}
	if (reference && !reference_load(reference)) {
		finish_dump(false);
		return 1;
	}
	if (export_options.format == FORMAT_VER)
		printf("/* symbol versions, generated by genksyms */\n");
	parse_translation_unit();
	lexer_close();
	status = diag_errors ? 1 : 0;
	if (fflush(stdout) != 0) {
		fprintf(stderr, "genksyms: writing the output: %m\n");
		status = 1;
	}
	if (finish_dump(status == 0) < 0 && status == 0) {
		fprintf(stderr, "genksyms: writing %s failed\n", dump_path);
		status = 1;
	}
	if (diag_errors && !diag_flags.quiet && !diag_flags.warnings &&
	    !diag_flags.preserve)
		fprintf(stderr, "genksyms: %u errors\n", diag_errors);
	return status;
}
