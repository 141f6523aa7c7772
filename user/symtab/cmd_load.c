// SPDX-License-Identifier: GPL-2.0-only
/* symtab load MODULE.ko: load a module after the modules it needs. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "../modtypes/modtypes.h"
#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab load [OPTION...] MODULE.ko [PARAM=VALUE...]\n"
"\n"
"Load MODULE.ko with the given parameters, after the modules it needs.\n"
"Each import that is not resident (/proc/symtab) is looked for in the\n"
"export tables of the modules (*.ko) under the module directories; that\n"
"module is loaded first, and what it imports before it, recursively.\n"
"Ordinary dependencies too, as modprobe follows them: the modules modinfo\n"
"'depends' names (found by name among those modules, else loaded with\n"
"modprobe when installed for the running kernel), and the modules there\n"
"that export (EXPORT_SYMBOL) a symbol it leaves undefined.  A\n"
"dependency cycle is refused.  If symtab.ko itself is not loaded, the\n"
"symtab.ko found in the directories goes first.  Every import is checked\n"
"like 'symtab check' does; a version mismatch or an unresolved symbol\n"
"stops everything before any insertion.  When the kernel refuses a module\n"
"its error is printed in words, with its log lines about the module.\n"
"\n"
"Options:\n"
"  -n, --dry-run     print the plan ('modprobe NAME' and 'insmod FILE\n"
"                    [PARAMS]' lines) and stop\n"
"  -f, --force       load despite version mismatches: insert a temporary\n"
"                    copy of each such module with all its imports made\n"
"                    versionless, which symtab.ko loads with a warning and\n"
"                    a taint (or refuses, with its parameter strict=1)\n"
"  -d, --dir DIR     look for modules under DIR and its subdirectories\n"
"                    (repeatable; default: the modules beside MODULE.ko,\n"
"                    and under /lib/modules/$(uname -r)/extra)\n"
"  -t, --table FILE  read the resident table from FILE instead of\n"
"                    /proc/symtab (symtab.ko then counts as loaded)\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"Exit status: 0 loaded (or planned), 1 a problem, 2 wrong usage.\n";

static const struct option options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ "force", no_argument, NULL, 'f' },
	{ "dir", required_argument, NULL, 'd' },
	{ "table", required_argument, NULL, 't' },
	COMMON_OPTIONS
};

struct load_options {
	bool dry_run, force;
	const char **dirs;
	size_t nr_dirs;
	const char *table;
	char *params;
	bool own_dir;		/* dirs[0] is MODULE.ko's: not recursive */
};

static void report_import(void *ctx, const struct module_file *mf,
			  const struct import_resolution *res)
{
	const struct loader *l = ctx;
	struct module_file **known;
	char line[1024];
	size_t i;

	if (res->state == IMPORT_OK)
		return;
	import_resolution_format(mf->path, res, line, sizeof(line));
	message("%s", line);
	if (res->state != IMPORT_MISMATCH)
		return;
	/* A resident provider's file may be one of the scanned modules. */
	known = calloc(l->nr_candidates + 1, sizeof(*known));
	for (i = 0; known && i < l->nr_candidates; i++)
		known[i] = l->candidates[i].mf;
	explain_mismatch(mf, res, known, known ? l->nr_candidates : 0);
	free(known);
}

/*
 * Unusable files in the module directories: said only when an import
 * finds no exporter, where one of them might have been it.
 */
struct skipped {
	char **msgs;
	size_t nr;
};

static void note_skipped(void *ctx, const struct symtab_error *err)
{
	struct skipped *sk = ctx;
	char **grown = reallocarray(sk->msgs, sk->nr + 1, sizeof(*grown));

	if (!grown)
		return;
	sk->msgs = grown;
	sk->msgs[sk->nr] = strdup(err->msg);
	if (sk->msgs[sk->nr])
		sk->nr++;
}

static void release_skipped(struct skipped *sk, bool say)
{
	size_t i;

	for (i = 0; i < sk->nr; i++) {
		if (say)
			message("skipped %s", sk->msgs[i]);
		free(sk->msgs[i]);
	}
	free(sk->msgs);
}

static void print_kernel_line(void *ctx, const char *line)
{
	(void)ctx;
	message("kernel: %s", line);
}

/* PARAM=VALUE words as one string; values with blanks get quotes. */
static char *join_params(char *argv[], int n)
{
	size_t len = 1;
	char *s, *eq;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(argv[i]) + 3;
	s = calloc(1, len);
	if (!s)
		return NULL;
	for (i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		eq = strchr(argv[i], '=');
		if (eq && strpbrk(eq, " \t") && !strchr(eq, '"')) {
			strncat(s, argv[i], eq + 1 - argv[i]);
			strcat(s, "\"");
			strcat(s, eq + 1);
			strcat(s, "\"");
		} else {
			strcat(s, argv[i]);
		}
	}
	return s;
}

static int run_plan(const struct loader *l, const struct load_options *o)
{
	const struct load_step *s;
	struct symtab_error err;
	size_t i;
	int ret;

	/* Installed modules first: they cannot need the given ones. */
	for (i = 0; i < l->nr_probes; i++) {
		if (o->dry_run) {
			printf("modprobe %s\n", l->probes[i]);
			continue;
		}
		if (module_probe(l->probes[i], print_kernel_line, NULL, &err)) {
			report_error(&err);
			return EXIT_PROBLEM;
		}
	}
	for (i = 0; i < l->nr_steps; i++) {
		s = &l->steps[i];
		if (s->versionless)
			message("%s: version mismatch overridden (-f): loading a copy whose imports are versionless; symtab.ko will taint the kernel",
				s->mf->path);
		if (o->dry_run) {
			printf("insmod %s%s%s\n", s->mf->path,
			       s->mf == l->target && *o->params ? " " : "",
			       s->mf == l->target ? o->params : "");
			continue;
		}
		if (s->mf != l->target &&
		    module_loaded_from_path(s->mf->path, NULL) > 0) {
			message("%s: already loaded", s->mf->path);
			continue;
		}
		ret = load_step_insert(s, s->mf == l->target ? o->params : "",
				       print_kernel_line, NULL, &err);
		if (ret) {
			report_error(&err);
			return EXIT_PROBLEM;
		}
	}
	if (fflush(stdout))
		return EXIT_PROBLEM;
	return EXIT_OK;
}

static int plan_and_run(struct load_options *o, const char *module)
{
	struct resident_table table = RESIDENT_TABLE_INIT;
	struct skipped skipped = { NULL, 0 };
	struct symtab_error err;
	struct loader l;
	bool registry_loaded = true;
	size_t i;
	int ret, status = EXIT_PROBLEM;

	ret = resident_table_load(&table, o->table ? o->table :
				  RESIDENT_TABLE_PATH, &err);
	if (ret == -ENOENT && !o->table) {
		registry_loaded = false;
	} else if (ret) {
		report_error(&err);
		return EXIT_PROBLEM;
	}
	loader_init(&l, &table, registry_loaded, note_skipped, &skipped);
	for (i = 0; i < o->nr_dirs; i++) {
		ret = loader_scan(&l, o->dirs[i], !(i == 0 && o->own_dir),
				  &err);
		if (ret)
			goto fail;
	}
	ret = loader_plan(&l, module, o->force, report_import, &l, &err);
	if (ret)
		goto fail;
	status = run_plan(&l, o);
	goto out;
fail:
	report_error(&err);
out:
	release_skipped(&skipped, l.unresolved > 0);
	loader_release(&l);
	resident_table_release(&table);
	return status;
}

static bool same_directory(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

int cmd_load(int argc, char *argv[])
{
	struct load_options o = { 0 };
	struct utsname u;
	char *default_dir = NULL, *module_dir = NULL;
	int opt, status;

	o.dirs = calloc(argc, sizeof(*o.dirs));
	if (!o.dirs) {
		message("out of memory");
		return EXIT_PROBLEM;
	}
	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "nfd:t:",
				  options, NULL)) != -1) {
		switch (opt) {
		case 'n':
			o.dry_run = true;
			break;
		case 'f':
			o.force = true;
			break;
		case 'd':
			o.dirs[o.nr_dirs++] = optarg;
			break;
		case 't':
			o.table = optarg;
			break;
		default:
			free(o.dirs);
			return common_option(opt, "load", help, argv);
		}
	}
	if (optind == argc) {
		free(o.dirs);
		return usage_error("load", "expected a module");
	}
	if (!o.nr_dirs) {
		/* The module's own directory, then the installed modules. */
		module_dir = strdup(argv[optind]);
		if (module_dir) {
			o.dirs[o.nr_dirs++] = dirname(module_dir);
			o.own_dir = true;
		}
		if (!uname(&u) && asprintf(&default_dir, "/lib/modules/%s/extra",
					   u.release) < 0)
			default_dir = NULL;
		if (default_dir && !access(default_dir, F_OK) &&
		    !(module_dir && same_directory(default_dir, o.dirs[0])))
			o.dirs[o.nr_dirs++] = default_dir;
	}
	o.params = join_params(argv + optind + 1, argc - optind - 1);
	if (!o.params) {
		message("out of memory");
		status = EXIT_PROBLEM;
	} else {
		status = plan_and_run(&o, argv[optind]);
	}
	free(o.params);
	free(default_dir);
	free(module_dir);
	free(o.dirs);
	return status;
}
