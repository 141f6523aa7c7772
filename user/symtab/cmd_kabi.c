// SPDX-License-Identifier: GPL-2.0-only
/*
 * symtab kabi compare [--rules FILE] [--format F] OLD NEW: which of a
 * kernel's exports changed between two builds, judged by kABI severity
 * rules, and the type changes behind them (kabi_report.c).
 * symtab kabi extract --source SRC --headers HDR -o OUT [-j N]: runs
 * scripts/kabi/extract.sh (a preprocessor and genksyms per exporting
 * object, under make's jobserver: a script's job), found beside the tool
 * in the build tree, or where make install put it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../explain/explain.h"
#include "command.h"
#include "kabi_report.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab kabi compare [OPTION...] OLD NEW\n"
"       symtab kabi extract --source SRC --headers HDR -o OUT [-j N] [DIR...]\n"
"       symtab kabi consolidate DIR [-o FILE]\n"
"\n"
"Compare the exports of two kernel builds.  OLD and NEW are Module.symvers\n"
"files, or directories holding Module.symvers and symtypes (as `symtab kabi\n"
"extract` writes them, or a directory of genksyms -T files named symtypes).\n"
"Every export whose CRC changed, that was added or that was removed is\n"
"named and judged; with symtypes on both sides, the changed CRCs are\n"
"explained, grouped by the type changes behind them (one change reached\n"
"from thousands of exports is one group, with its count and example paths).\n"
"A side whose directory has a 'partial' file (extract writes it) is compared\n"
"by its recorded CRCs; each change whose view is partial there is marked\n"
"'[old view partial: REASON]' and counted, and named but not explained\n"
"(its types are not verified).\n"
"\n"
"An added export is tolerated; a changed CRC or a removed export only where\n"
"a rule says PASS.  Rules (--rules): one 'PATTERN PASS|FAIL' a line, '#'\n"
"comments; the first matching line decides, no match is FAIL.  A pattern\n"
"with a '/' matches the path of the exporting module, 'vmlinux' the\n"
"built-in exports, any other the symbol's name; shell wildcards.\n"
"\n"
"extract: every exported symbol's CRC as a kernel flavor's build computed\n"
"it, from the unpacked source SRC and the flavor's headers tree HDR\n"
"(/usr/src/linux-headers-RELEASE), without compiling: each exporting object\n"
"the flavor's .config builds is preprocessed with Kbuild's own flags and run\n"
"through genksyms.  Writes OUT/Module.symvers and OUT/symtypes; resumable;\n"
"parallel (-j N, or the jobserver of a calling make); CC= replaces the\n"
"preprocessor's compiler.  DIRs limit it to part of the tree.  Every header\n"
"comes from HDR, so an older ABI known only from its headers package is\n"
"extracted with a newer SRC; OUT/partial names each export whose CRC HDR's\n"
"Module.symvers records differently (source-differs), not at all\n"
"(not-exported) or that no source exports (not-found, whole tree only).\n"
"\n"
"consolidate: the *.symtypes files below DIR (one per object, as\n"
"KBUILD_SYMTYPES=1 leaves them) as one consolidated symtypes file, each\n"
"definition once, objects that define a type differently kept apart (see\n"
"symtab(8)).  compare reads either form.\n"
"\n"
"Options of compare:\n"
"  -r, --rules FILE     kABI severity rules\n"
"  -f, --format FORMAT  short (default): a summary line, one line a change\n"
"                       ('changed NAME MODULE 0xOLD -> 0xNEW PASS|FAIL'),\n"
"                       then the grouped type changes;\n"
"                       pretty: the same, and under each group the changed\n"
"                       type's old and new definition, a line a member,\n"
"                       as a diff ('-' old, '+' new, a line of context);\n"
"                       symbols: the names not tolerated (every change\n"
"                       without rules), one a line;\n"
"                       json: all of it, machine-readable\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Exit status: 0 every change tolerated, 1 some change not tolerated,\n"
"2 a problem (unreadable or malformed input) or wrong usage.\n";

static const struct option options[] = {
	{ "rules", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	COMMON_OPTIONS
};

enum { KABI_TROUBLE = 2 };

static const char *const format_names[] = {
	[KABI_FORMAT_SHORT] = "short",
	[KABI_FORMAT_PRETTY] = "pretty",
	[KABI_FORMAT_SYMBOLS] = "symbols",
	[KABI_FORMAT_JSON] = "json",
};

static int kabi_compare(int argc, char *argv[])
{
	struct kabi_rules rules = KABI_RULES_INIT;
	enum kabi_format format = KABI_FORMAT_SHORT;
	const char *rules_path = NULL;
	struct symtab_error err;
	int opt, ret;
	size_t i;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "r:f:",
				  options, NULL)) != -1) {
		if (opt == 'r') {
			rules_path = optarg;
		} else if (opt == 'f') {
			for (i = 0; i < 4; i++)
				if (!strcmp(optarg, format_names[i]))
					break;
			if (i == 4)
				return usage_error("kabi compare",
						   "unknown format '%s' (short, pretty, symbols or json)",
						   optarg);
			format = i;
		} else {
			ret = common_option(opt, "kabi compare", help, argv);
			return ret == EXIT_USAGE ? KABI_TROUBLE : ret;
		}
	}
	if (argc - optind != 2)
		return usage_error("kabi compare",
				   "expected two kernels, OLD and NEW");
	if (rules_path && kabi_rules_load(&rules, rules_path, &err)) {
		report_error(&err);
		kabi_rules_release(&rules);
		return KABI_TROUBLE;
	}
	ret = kabi_report(argv[optind], argv[optind + 1],
			  rules_path ? &rules : NULL, format, stdout, &err);
	kabi_rules_release(&rules);
	if (ret < 0) {
		report_error(&err);
		return KABI_TROUBLE;
	}
	return ret;
}

#ifndef SYMTAB_SHARE_DIR
#define SYMTAB_SHARE_DIR "/usr/local/share/symtab"
#endif

/* @rel beside the running tool, if it is there: a malloc()ed path. */
static char *beside_tool(const char *rel)
{
	char exe[4096], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	if (asprintf(&path, "%s/%s", exe, rel) < 0)
		return NULL;
	if (!access(path, F_OK))
		return path;
	free(path);
	return NULL;
}

static int kabi_extract(char *argv[])
{
	char *script = beside_tool("../../scripts/kabi/extract.sh");
	char *gk = beside_tool("genksyms");
	char *self = beside_tool("symtab");

	if (!script && asprintf(&script, "%s/kabi/extract.sh",
				SYMTAB_SHARE_DIR) < 0)
		return KABI_TROUBLE;
	if (gk && !getenv("GENKSYMS"))
		setenv("GENKSYMS", gk, 1);
	if (self && !getenv("SYMTAB"))
		setenv("SYMTAB", self, 1);
	argv[0] = script;
	execv(script, argv);
	message("kabi extract: %s: %s", script, strerror(errno));
	free(script);
	free(gk);
	free(self);
	return KABI_TROUBLE;
}

/* symtab kabi consolidate DIR [-o FILE] */
static int kabi_consolidate(int argc, char *argv[])
{
	const char *dir = NULL, *to = NULL;
	struct symtab_error err;
	char *tmp = NULL;
	FILE *out = stdout;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			to = argv[++i];
		else if (argv[i][0] != '-' && !dir)
			dir = argv[i];
		else
			return usage_error("kabi consolidate",
					   "expected DIR [-o FILE]");
	}
	if (!dir)
		return usage_error("kabi consolidate", "expected DIR [-o FILE]");
	/* A file half-written is never left under its name. */
	if (to) {
		if (asprintf(&tmp, "%s.tmp", to) < 0)
			return KABI_TROUBLE;
		out = fopen(tmp, "w");
		if (!out) {
			message("kabi consolidate: %s: %s", tmp, strerror(errno));
			free(tmp);
			return KABI_TROUBLE;
		}
	}
	ret = explain_consolidate(dir, out, &err);
	if (to) {
		if (fclose(out) && !ret)
			ret = error_set(&err, EIO, "%s: write error", tmp);
		if (!ret && rename(tmp, to))
			ret = error_set(&err, errno, "%s: %s", to,
					strerror(errno));
		if (ret)
			unlink(tmp);
		free(tmp);
	}
	if (ret) {
		report_error(&err);
		return KABI_TROUBLE;
	}
	return EXIT_OK;
}

int cmd_kabi(int argc, char *argv[])
{
	if (argc >= 2 && !strcmp(argv[1], "consolidate"))
		return kabi_consolidate(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "extract"))
		return kabi_extract(argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "compare"))
		return kabi_compare(argc - 1, argv + 1);
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(help, stdout);
		return fflush(stdout) ? EXIT_PROBLEM : EXIT_OK;
	}
	if (argc >= 2 && (!strcmp(argv[1], "--version") ||
			  !strcmp(argv[1], "-V")))
		return print_version();
	if (argc >= 2 && argv[1][0] == '-')
		return usage_error("kabi", "unknown option '%s'", argv[1]);
	return usage_error("kabi", "expected a subcommand: compare, extract or consolidate");
}
