// SPDX-License-Identifier: GPL-2.0-only
/* symtab check MODULE.ko... | -a: would these modules load? */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <time.h>

#include "../modtypes/modtypes.h"
#include "command.h"
#include "libsymtab.h"

static const char help[] =
"Usage: symtab check [OPTION...] MODULE.ko...\n"
"  or:  symtab check -a [-k RELEASE] [OPTION...]\n"
"\n"
"Check each MODULE before insmod, both ways a module is versioned; with\n"
"-a, every module installed for the kernel (/lib/modules/RELEASE).\n"
"A MODULE may be compressed (.ko.xz, .ko.zst, .ko.gz), as kmod reads it.\n"
"\n"
"symtab records: resolve every import the way symtab.ko would when loading\n"
"it, against the resident table (/proc/symtab) and the other MODULEs given\n"
"(an import another of them exports is satisfied):\n"
"\n"
"  MODULE.ko: version mismatch for f: module wants f_R1a2b3c4d, kernel has f_R5e6f7a8b (exporter)\n"
"  MODULE.ko: unresolved symbol f_R1a2b3c4d\n"
"\n"
"An import or export without a version is not a problem (symtab.ko loads\n"
"the module, tainting the kernel, unless strict=1): a note says so.\n"
"\n"
"The kernel's own modversions: every symbol the module uses must be\n"
"exported by the target kernel (/lib/modules/RELEASE/build/Module.symvers),\n"
"an out-of-tree module installed for it (/lib/modules/RELEASE/extra,\n"
"updates) or another MODULE given, with the CRC its __versions holds; for\n"
"the running kernel, a symbol of a loaded module (/proc/kallsyms) resolves\n"
"too, though its CRC cannot be read (-v says so).\n"
"Problems are printed in the kernel's words:\n"
"\n"
"  MODULE.ko: disagrees about version of symbol f (module wants 0x1a2b3c4d, vmlinux has 0x5e6f7a8b)\n"
"  MODULE.ko: no symbol version for f (vmlinux has 0x5e6f7a8b, ...)\n"
"  MODULE.ko: Unknown symbol f (err -2)\n"
"\n"
"A module built for another kernel disagrees about the versions of the\n"
"kernel symbols whose types changed.  When the same module built for the\n"
"target kernel is at hand (-b FILE; else the path of MODULE with its own\n"
"release, from its vermagic, replaced by RELEASE, as `make modules` lays\n"
"builds out; else the one installed for RELEASE), its disagreements are\n"
"explained from the types both builds stored (make modules stores them),\n"
"after its lines and grouped as `symtab explain` groups them: each change\n"
"once, with the imports it is behind (the first 8 with their path):\n"
"\n"
"    because struct bar: member 'long c' removed\n"
"      reached from 2 symbols:\n"
"        g: arg 1 -> struct bar\n"
"        h: arg 2 -> struct baz -> member 'bar' -> struct bar\n"
"    because f: arg 1 -> struct foo: member 'int b' added after 'int a'\n"
"\n"
"Options:\n"
"  -a, --all         check every module of the kernel (its whole\n"
"                    /lib/modules/RELEASE, compressed or not, in parallel):\n"
"                    only problems are printed, then one summary line on\n"
"                    stdout (modules, seconds, problems)\n"
"  -k, --kernel RELEASE  check against kernel RELEASE (default: the\n"
"                    running kernel; without its Module.symvers, the\n"
"                    kernel's modversions are not checked, and a note says so)\n"
"  -s, --symvers FILE  the kernel's Module.symvers is FILE (with -k, or\n"
"                    for the running kernel)\n"
"  -b, --built FILE  FILE is the same module built for the target kernel,\n"
"                    for the explanations (repeatable, matched by name)\n"
"  -t, --table FILE  read the resident table from FILE (a saved copy of\n"
"                    /proc/symtab) instead\n"
"  -v, --verbose     also print how each import resolves, on stdout\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"Exit status: 0 every import resolves with agreeing versions, 1 a problem\n"
"(or an unreadable module, table or Module.symvers), 2 wrong usage.\n";

static const struct option options[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "built", required_argument, NULL, 'b' },
	{ "kernel", required_argument, NULL, 'k' },
	{ "symvers", required_argument, NULL, 's' },
	{ "table", required_argument, NULL, 't' },
	{ "verbose", no_argument, NULL, 'v' },
	COMMON_OPTIONS
};

struct check_options {
	const char *release;	/* NULL: the running kernel */
	const char *symvers;	/* NULL: the release's headers' */
	const char *table;
	bool verbose;
	bool all;		/* -a: every module of the kernel */
	char **built;		/* -b: builds for the target */
	size_t nr_built;
};

/*
 * What report_kernel_import() needs to explain a module's disagreements,
 * each change once after all its lines (explain_disagreements()).
 */
struct kernel_report {
	bool verbose;
	const char *release;
	const struct check_options *o;
	const struct kernel_target *target;
	size_t disagreements;		/* of the module being reported */
	char *rebuilt;			/* NULL: none at hand */
	struct mismatch_batch batch;
};

/* What report_import() needs. */
struct record_report {
	bool verbose;
	size_t problems;
	size_t modules;				/* with problems */
	const struct module_file *last;		/* the last one counted */
	struct mismatch_batch batch;		/* the last one's mismatches */
};

static void report_import(void *ctx, const struct module_file *mf,
			  const struct import_resolution *res)
{
	struct record_report *rr = ctx;
	char line[1024];

	/* The previous module's explanations, once its lines are out. */
	if (rr->last != mf)
		mismatch_batch_print(&rr->batch);
	import_resolution_format(mf->path, res, line, sizeof(line));
	if (res->state == IMPORT_OK) {
		if (rr->verbose)
			printf("%s\n", line);
	} else {
		message("%s", line);
		rr->modules += rr->last != mf;
	}
	rr->last = mf;
	if (res->state == IMPORT_MISMATCH)
		mismatch_batch_add(&rr->batch, mf, res, NULL, 0);
}

static void report_kernel_import(void *ctx, const struct module_file *mf,
				 const struct kernel_import *res)
{
	struct kernel_report *kr = ctx;
	char line[1024];

	kernel_import_format(mf->path, res, line, sizeof(line));
	if (kernel_import_is_problem(res) || res->state == KIMPORT_UNVERSIONED)
		message("%s", line);
	else if (kr->verbose)
		printf("%s\n", line);
	if (res->state != KIMPORT_MISMATCH)
		return;
	if (!kr->disagreements++) {
		free(kr->rebuilt);
		kr->rebuilt = target_build(mf, kr->release, kr->o->built,
					   kr->o->nr_built, kr->target);
	}
	if (kr->rebuilt)
		mismatch_batch_add_kernel(&kr->batch, mf, res, kr->rebuilt);
}

/*
 * After @mf's lines: the changes behind its disagreements, grouped as
 * `symtab explain` groups them, so that one type change behind many
 * imports is said once.
 */
static void explain_disagreements(struct kernel_report *kr,
				  const struct module_file *mf)
{
	if (!kr->disagreements)
		return;
	kr->disagreements = 0;
	if (!kr->rebuilt) {
		message("%s: no build of it for %s at hand (-b FILE): the changes behind its disagreements are not explained",
			mf->path, kr->release);
		return;
	}
	message("%s: explaining from %s, the same module built for %s",
		mf->path, kr->rebuilt, kr->release);
	mismatch_batch_print(&kr->batch);
}

/*
 * The registry's side: symtab records against /proc/symtab.
 * @problems, @modules: unless NULL, how many imports are problems, and in
 * how many modules, are added there.
 */
static int check_records(struct module_file **mods, size_t nr,
			 const struct check_options *o, size_t *problems,
			 size_t *modules)
{
	struct resident_table table = RESIDENT_TABLE_INIT;
	struct record_report rr = { .verbose = o->verbose };
	struct symtab_error err;
	size_t i, with_records = 0;
	int ret;

	for (i = 0; i < nr; i++)
		with_records += module_has_records(mods[i]);
	if (!with_records)
		return EXIT_OK;
	ret = resident_table_load(&table, o->table ? o->table :
				  RESIDENT_TABLE_PATH, &err);
	if (ret == -ENOENT && !o->table) {
		message("%s does not exist: symtab.ko is not loaded, nothing is resident",
			RESIDENT_TABLE_PATH);
	} else if (ret) {
		report_error(&err);
		return EXIT_PROBLEM;
	}
	rr.problems = check_modules(mods, nr, &table, report_import, &rr);
	mismatch_batch_print(&rr.batch);
	resident_table_release(&table);
	if (problems)
		*problems += rr.problems;
	if (modules)
		*modules += rr.modules;
	return rr.problems ? EXIT_PROBLEM : EXIT_OK;
}

/* "no symtab records; ..." where symtab itself has nothing to check. */
static void note_no_records(struct module_file **mods, size_t nr)
{
	char summary[256];
	size_t i;

	for (i = 0; i < nr; i++) {
		if (module_has_records(mods[i]))
			continue;
		module_versions_summary(mods[i], summary, sizeof(summary));
		message("%s: %s", mods[i]->path, summary);
	}
}

/* The kernel's side: what each module uses against RELEASE. */
static int check_kernel(struct module_file **mods, size_t nr,
			const struct check_options *o)
{
	struct kernel_release kr;
	struct symtab_error err;
	struct utsname u;
	const char *release = o->release;
	struct kernel_report rep = { .verbose = o->verbose, .o = o };
	size_t i, applies = 0, problems = 0, used;
	int ret;

	for (i = 0; i < nr; i++)
		applies += kernel_check_applies(mods[i]);
	if (!applies)
		return EXIT_OK;
	if (!release) {
		if (uname(&u)) {
			message("uname: cannot tell the running kernel");
			return EXIT_PROBLEM;
		}
		release = u.release;
	}
	ret = kernel_release_open(&kr, release, o->symvers, &err);
	if (ret) {
		report_error(&err);
		kernel_release_close(&kr);
		return EXIT_PROBLEM;
	}
	if (!kr.target.symvers) {
		message("%s: no such file%s: the kernel's symbol versions are not checked%s",
			kr.symvers_path,
			o->symvers ? "" : " (the kernel's headers are not installed)",
			o->release || o->symvers ? "" :
			" (-k RELEASE picks another kernel)");
		kernel_release_close(&kr);
		return o->release || o->symvers ? EXIT_PROBLEM : EXIT_OK;
	}
	kr.target.given = mods;
	kr.target.nr_given = nr;
	rep.release = release;
	rep.target = &kr.target;
	for (i = 0; i < nr; i++) {
		if (!kernel_check_applies(mods[i]))
			continue;
		used = kernel_check_module(&kr.target, mods[i],
					   report_kernel_import, &rep);
		explain_disagreements(&rep, mods[i]);
		problems += used;
		if (!module_has_modversions(mods[i]))
			message("%s: no __versions: built without modversions, the kernel loads it only forced (modprobe --force), tainted",
				mods[i]->path);
		else if (!used && !module_has_records(mods[i]))
			message("%s: every symbol it uses resolves against %s with the version its __versions holds",
				mods[i]->path, release);
	}
	free(rep.rebuilt);
	mismatch_batch_release(&rep.batch);
	kernel_release_close(&kr);
	return problems ? EXIT_PROBLEM : EXIT_OK;
}

/* Report what the parallel pass found in @r, a module of @kr's kernel. */
static size_t report_kept(const struct kernel_check_result *r,
			  struct kernel_release *kr,
			  struct kernel_report *rep)
{
	if (r->open_error) {
		report_error(&r->err);
		return 1;
	}
	if (!r->mf || !kernel_check_applies(r->mf))
		return 0;
	if (r->problems || rep->verbose) {
		kernel_check_module(&kr->target, r->mf, report_kernel_import,
				    rep);
		explain_disagreements(rep, r->mf);
	}
	if (!module_has_modversions(r->mf))
		message("%s: no __versions: built without modversions, the kernel loads it only forced (modprobe --force), tainted",
			r->mf->path);
	return r->problems;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) +
	       (now.tv_nsec - start->tv_nsec) / 1e9;
}

/*
 * -a: every module under /lib/modules/RELEASE against RELEASE, and the
 * symtab records among them against the resident table, with one summary.
 */
static int check_all(const struct check_options *o)
{
	struct kernel_report rep = { .verbose = o->verbose, .o = o };
	struct kernel_check_result *res = NULL;
	struct module_file **records = NULL;
	struct module_paths paths = { 0 };
	struct kernel_release kr;
	struct symtab_error err;
	struct timespec start;
	struct utsname u;
	const char *release = o->release;
	size_t i, n, problems = 0, refused = 0, nr_records = 0;
	char *dir = NULL;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (!release) {
		if (uname(&u)) {
			message("uname: cannot tell the running kernel");
			return EXIT_PROBLEM;
		}
		release = u.release;
	}
	if (asprintf(&dir, "%s/%s", KERNEL_MODULES_ROOT, release) < 0) {
		message("out of memory");
		return EXIT_PROBLEM;
	}
	/* First: no such kernel says so before its missing headers do. */
	ret = module_dir_list(dir, true, &paths, &err);
	if (ret) {
		report_error(&err);
		free(dir);
		return EXIT_PROBLEM;
	}
	ret = kernel_release_open(&kr, release, o->symvers, &err);
	if (ret) {
		report_error(&err);
		goto out;
	}
	if (!kr.target.symvers) {
		message("%s: no such file%s: the modules of %s cannot be checked",
			kr.symvers_path,
			o->symvers ? "" : " (the kernel's headers are not installed)",
			release);
		ret = -ENOENT;
		goto out;
	}
	res = calloc(paths.nr + 1, sizeof(*res));
	records = calloc(paths.nr + 1, sizeof(*records));
	if (!res || !records)
		ret = error_set(&err, ENOMEM, "out of memory");
	else
		ret = kernel_check_files(&kr.target, paths.paths, paths.nr,
					 o->verbose, res, &err);
	if (ret) {
		report_error(&err);
		goto out;
	}
	rep.release = release;
	rep.target = &kr.target;
	for (i = 0; i < paths.nr; i++) {
		n = report_kept(&res[i], &kr, &rep);
		problems += n;
		refused += n > 0;
		if (res[i].mf && module_has_records(res[i].mf))
			records[nr_records++] = res[i].mf;
	}
	/* A module counted above may be counted again here: rare enough. */
	check_records(records, nr_records, o, &problems, &refused);
	printf("%s: %zu modules checked in %.1f s: %zu problem%s",
	       release, paths.nr, seconds_since(&start), problems,
	       problems == 1 ? "" : "s");
	if (problems)
		printf(", %zu module%s would not load", refused,
		       refused == 1 ? "" : "s");
	printf("\n");
out:
	free(rep.rebuilt);
	mismatch_batch_release(&rep.batch);
	if (res)
		kernel_check_results_release(res, paths.nr);
	free(res);
	free(records);
	module_paths_release(&paths);
	free(dir);
	kernel_release_close(&kr);
	if (fflush(stdout))
		return EXIT_PROBLEM;
	return ret || problems ? EXIT_PROBLEM : EXIT_OK;
}

int cmd_check(int argc, char *argv[])
{
	struct check_options o = { 0 };
	struct module_file **mods;
	struct symtab_error err;
	size_t nr = 0;
	int opt, i, status = EXIT_OK;

	o.built = calloc(argc, sizeof(*o.built));
	if (!o.built) {
		message("out of memory");
		return EXIT_PROBLEM;
	}
	opterr = 0;
	while ((opt = getopt_long(argc, argv, COMMON_SHORT_OPTIONS "ab:k:s:t:v",
				  options, NULL)) != -1) {
		if (opt == 'a')
			o.all = true;
		else if (opt == 'b')
			o.built[o.nr_built++] = optarg;
		else if (opt == 'k')
			o.release = optarg;
		else if (opt == 's')
			o.symvers = optarg;
		else if (opt == 't')
			o.table = optarg;
		else if (opt == 'v')
			o.verbose = true;
		else {
			free(o.built);
			return common_option(opt, "check", help, argv);
		}
	}
	if (o.all && optind < argc) {
		free(o.built);
		return usage_error("check",
				   "-a checks every module of the kernel: no MODULE arguments");
	}
	if (o.all) {
		status = check_all(&o);
		free(o.built);
		return status;
	}
	if (optind == argc) {
		free(o.built);
		return usage_error("check", "expected at least one module");
	}

	mods = calloc(argc - optind, sizeof(*mods));
	if (!mods) {
		free(o.built);
		message("out of memory");
		return EXIT_PROBLEM;
	}
	for (i = optind; i < argc; i++) {
		if (module_file_open(argv[i], &mods[nr], &err)) {
			report_error(&err);
			status = EXIT_PROBLEM;
			continue;
		}
		nr++;
	}
	note_no_records(mods, nr);
	if (check_records(mods, nr, &o, NULL, NULL))
		status = EXIT_PROBLEM;
	if (check_kernel(mods, nr, &o))
		status = EXIT_PROBLEM;
	while (nr)
		module_file_free(mods[--nr]);
	free(mods);
	free(o.built);
	if (fflush(stdout))
		status = EXIT_PROBLEM;
	return status;
}
