// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the symtab tool's library files, called directly.  Prints
 * "ok - what" / "not ok - what" lines; tests/symtab/run.sh numbers them.
 *
 *   unit WORKDIR [PLAIN_DIR RELEASE]
 *
 * WORKDIR/obj/alpha.o: the compiled alpha fixture; PLAIN_DIR: the plain
 * test modules (tests/modules/plain) built by Kbuild for kernel RELEASE.
 * $T, an extended regular expression, runs only the groups of tests
 * (blocks, versions, module, ...) whose name it matches.
 */
#include <errno.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libsymtab.h"
/* The library's own parts these tests reach into: */
#include "module/atomic_file.h"
#include "module/bytes.h"
#include "module/section_write.h"

static int failures;

static void expect(int cond, const char *fmt, ...)
{
	va_list ap;

	printf(cond ? "ok - " : "not ok - ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	failures += !cond;
}

/* A block in memory: header plus @n records. */
struct test_block {
	unsigned char bytes[BLOCK_HEADER_SIZE + 4 * BLOCK_RECORD_SIZE];
	size_t size;
};

static void header(struct test_block *b, uint32_t count, size_t records)
{
	memset(b, 0, sizeof(*b));
	put_le32(b->bytes, SYMTAB_ABI_MAGIC);
	b->bytes[4] = SYMTAB_ABI_FORMAT;
	b->bytes[6] = BLOCK_RECORD_SIZE;
	put_le32(b->bytes + BLOCK_HDR_COUNT, count);
	b->size = block_record_offset(records);
}

static unsigned char *rec(struct test_block *b, uint32_t i, uint8_t kind,
			  const char *name)
{
	unsigned char *p = b->bytes + block_record_offset(i);

	p[BLOCK_REC_KIND] = kind;
	strcpy((char *)p + BLOCK_REC_NAME, name);
	return p;
}

static int parse(struct test_block *b, struct block *blk,
		 struct symtab_error *err)
{
	err->msg[0] = '\0';
	return block_parse(blk, b->bytes, b->size, "t", err);
}

static void test_blocks(void)
{
	struct symtab_error err;
	struct test_block b;
	struct block blk;
	struct record r;
	unsigned char *p;

	header(&b, 1, 1);
	p = rec(&b, 0, SYMTAB_KIND_IMPORT, "my_func");
	put_le32(p, 0x1a2b3c4d);
	p[BLOCK_REC_FLAGS] = SYMTAB_REC_VERSIONED;
	expect(parse(&b, &blk, &err) == 0 && blk.kind == BLOCK_IMPORT &&
	       blk.nr_records == 1, "block: a valid import block parses");
	block_record(&blk, 0, &r);
	expect(r.crc == 0x1a2b3c4d && record_versioned(&r) &&
	       !strcmp(r.name, "my_func") && r.kind == SYMTAB_KIND_IMPORT,
	       "block: an import record decodes");

	header(&b, 0, 3);
	rec(&b, 0, SYMTAB_KIND_EXPORT, "a");
	p = rec(&b, 1, SYMTAB_KIND_EXPORT, "b_2");
	p[BLOCK_REC_ADDR + 7] = 0xff;
	expect(parse(&b, &blk, &err) == 0 && blk.kind == BLOCK_EXPORT_TABLE &&
	       blk.nr_records == 2 && blk.header_count == 0,
	       "block: an unstamped export table counts up to END");
	block_record(&blk, 1, &r);
	expect(r.addr == 0xff00000000000000ULL && !record_versioned(&r),
	       "block: addr decodes little-endian");
	put_le32(b.bytes + BLOCK_HDR_COUNT, 2);
	expect(parse(&b, &blk, &err) == 0, "block: a stamped count of 2");
	put_le32(b.bytes + BLOCK_HDR_COUNT, 3);
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "count 3"), "block: a wrong count");

	header(&b, 0, 1);
	expect(parse(&b, &blk, &err) == 0 && blk.nr_records == 0,
	       "block: an empty export table (END only)");

	header(&b, 0, 2);
	rec(&b, 0, SYMTAB_KIND_EXPORT, "a");
	rec(&b, 1, SYMTAB_KIND_EXPORT, "b");
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "no END record"), "block: a table without END");

	header(&b, 0, 2);
	p = rec(&b, 0, SYMTAB_KIND_EXPORT, "");
	memset(p + BLOCK_REC_NAME, 'x', SYMTAB_NAME_LEN);
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "not NUL-terminated"),
	       "block: a 64-byte name without NUL");
	memset(p + BLOCK_REC_NAME + SYMTAB_NAME_LEN - 1, 0, 1);
	expect(parse(&b, &blk, &err) == 0,
	       "block: a 63-character name is fine");

	header(&b, 0, 2);
	rec(&b, 0, SYMTAB_KIND_EXPORT, "has space");
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "C identifier"), "block: a name with a space");

	header(&b, 2, 2);
	rec(&b, 0, SYMTAB_KIND_IMPORT, "f");
	rec(&b, 1, SYMTAB_KIND_IMPORT, "g");
	expect(parse(&b, &blk, &err) == -ENOEXEC,
	       "block: an import block of two records");

	header(&b, 1, 1);
	rec(&b, 0, 9, "f");
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "unknown kind 9"), "block: an unknown kind");

	header(&b, 1, 1);
	p = rec(&b, 0, SYMTAB_KIND_IMPORT, "f");
	p[BLOCK_REC_FLAGS] = 0x02;
	expect(parse(&b, &blk, &err) == -ENOEXEC &&
	       strstr(err.msg, "unknown flags"), "block: unknown flags");

	header(&b, 1, 1);
	rec(&b, 0, SYMTAB_KIND_IMPORT, "f");
	b.size -= 1;
	expect(parse(&b, &blk, &err) == -ENOEXEC,
	       "block: a size that is not whole records");
	b.size = BLOCK_HEADER_SIZE;
	expect(parse(&b, &blk, &err) == -ENOEXEC,
	       "block: a header without records");
	b.bytes[6] = 64;
	b.size = block_record_offset(1);
	expect(!block_has_magic(b.bytes, b.size) &&
	       parse(&b, &blk, &err) == -ENOEXEC,
	       "block: another record size is not a block");

	expect(symbol_name_valid("_x9") && !symbol_name_valid("9x") &&
	       !symbol_name_valid("") && !symbol_name_valid("a-b"),
	       "block: identifier rules");
}

static void test_versioned_names(void)
{
	char name[SYMTAB_NAME_LEN];
	uint32_t crc;
	bool v;

	expect(versioned_name_split("my_func_R1a2b3c4d", 17, name, &crc, &v) &&
	       v && crc == 0x1a2b3c4d && !strcmp(name, "my_func"),
	       "names: split a versioned name");
	expect(versioned_name_split("my_func", 7, name, &crc, &v) && !v &&
	       !strcmp(name, "my_func"), "names: a bare name is versionless");
	expect(versioned_name_split("f_R1234", 7, name, &crc, &v) && !v &&
	       !strcmp(name, "f_R1234"),
	       "names: a short suffix is part of the name");
	expect(versioned_name_split("_R1a2b3c4d", 10, name, &crc, &v) && !v &&
	       !strcmp(name, "_R1a2b3c4d"),
	       "names: a suffix alone is a (versionless) name");
	expect(!versioned_name_split("bad name", 8, name, &crc, &v),
	       "names: not an identifier");
}

static void test_versions(void)
{
	struct version_set vs = VERSION_SET_INIT;
	const struct symbol_version *v;
	struct symtab_error err;
	const char *a = "#SYMVER f 0x0000000a\n\n  #SYMVER\tg 0xB\r\n";
	const char *b = "#SYMVER f 0xa\n#SYMVER h 0xffffffff";

	expect(version_set_parse(&vs, "a", a, strlen(a), &err) == 0 &&
	       version_set_parse(&vs, "b", b, strlen(b), &err) == 0 &&
	       version_set_finish(&vs, &err) == 0,
	       "versions: two files merge");
	v = version_set_find(&vs, "g");
	expect(v && v->crc == 0xb && !strcmp(v->file, "a") && v->line == 3,
	       "versions: blanks, tabs, CRLF, upper-case hex");
	v = version_set_find(&vs, "h");
	expect(v && v->crc == 0xffffffff && !version_set_find(&vs, "i") &&
	       vs.nr == 3, "versions: lookup; duplicates merged");
	version_set_release(&vs);

	expect(version_set_parse(&vs, "a", "#SYMVER f 0x1\n", 14, &err) == 0 &&
	       version_set_parse(&vs, "b", "\n#SYMVER f 0x2\n", 15, &err) == 0 &&
	       version_set_finish(&vs, &err) == -EINVAL &&
	       strstr(err.msg, "0x00000001 in a:1, 0x00000002 in b:2"),
	       "versions: a conflict names both files and lines");
	version_set_release(&vs);

	expect(version_set_parse(&vs, "c", "#SYMVER f\0 0x1\n", 15, &err) ==
	       -EINVAL && strstr(err.msg, "NUL"), "versions: NUL bytes");
	version_set_release(&vs);
	expect(version_set_finish(&vs, &err) == 0 &&
	       !version_set_find(&vs, "f"), "versions: an empty set");
}

static void test_resident_table(void)
{
	struct resident_table t = RESIDENT_TABLE_INIT;
	const struct resident_symbol *s;
	struct symtab_error err;
	const char *text =
		"ffffffffc0001000 zeta_R0000abcd\t[mz]\n"
		"0000000000000000 alpha\t[ma]\n\n";

	expect(resident_table_parse(&t, "p", text, strlen(text), &err) == 0 &&
	       t.nr == 2, "resident: parse two lines");
	s = resident_table_find(&t, "zeta");
	expect(s && s->versioned && s->crc == 0xabcd &&
	       s->addr == 0xffffffffc0001000ULL && !strcmp(s->module, "mz"),
	       "resident: a versioned symbol");
	s = resident_table_find(&t, "alpha");
	expect(s && !s->versioned && !strcmp(s->module, "ma") &&
	       !resident_table_find(&t, "zeta_R0000abcd"),
	       "resident: a versionless symbol; lookup by bare name");
	resident_table_release(&t);
	expect(resident_table_parse(&t, "p", "0 x\t[m]\n", 8, &err) == -EINVAL &&
	       strstr(err.msg, "p:1: expected"), "resident: a short address");
	expect(resident_table_parse(&t, "p", "0000000000000000 x\tm\n", 21,
				    &err) == -EINVAL,
	       "resident: a module without brackets");
}

static void test_kernel_symvers(void)
{
	struct kernel_symvers ks = KERNEL_SYMVERS_INIT;
	const struct symvers_entry *e;
	struct symtab_error err;
	const char *text =
		"0x0000abcd\tzeta\tvmlinux\tEXPORT_SYMBOL\t\n"
		"\n"
		"0x12345678\talpha\tfs/fat/fat\tEXPORT_SYMBOL_GPL\tFAT_NS\n";
	const char *bad;

	expect(kernel_symvers_parse(&ks, "S", text, strlen(text), &err) == 0 &&
	       ks.nr == 2, "symvers: two lines and an empty one");
	e = kernel_symvers_find(&ks, "alpha");
	expect(e && e->crc == 0x12345678 && e->gpl_only &&
	       !strcmp(e->module, "fs/fat/fat") && !strcmp(e->ns, "FAT_NS"),
	       "symvers: a GPL export of a module, in a namespace");
	e = kernel_symvers_find(&ks, "zeta");
	expect(e && e->crc == 0xabcd && !e->gpl_only &&
	       !strcmp(e->module, "vmlinux") && !*e->ns &&
	       !kernel_symvers_find(&ks, "beta"),
	       "symvers: a plain export of vmlinux; an unknown name");
	kernel_symvers_release(&ks);
	bad = "0x1\tf\tvmlinux\tEXPORT_SYMBOL\n0x2 g vmlinux\n";
	expect(kernel_symvers_parse(&ks, "S", bad, strlen(bad), &err) ==
	       -ENOEXEC &&
	       strstr(err.msg, "S:2: expected"),
	       "symvers: a line without tabs, file:line");
	kernel_symvers_release(&ks);
	bad = "0x1g\tf\tvmlinux\tEXPORT_SYMBOL\n";
	expect(kernel_symvers_parse(&ks, "S", bad, strlen(bad), &err) ==
	       -ENOEXEC &&
	       strstr(err.msg, "S:1: bad CRC for f"), "symvers: a bad CRC");
	kernel_symvers_release(&ks);
	expect(kernel_symvers_parse(&ks, "S", "0x1\0", 4, &err) == -ENOEXEC,
	       "symvers: a NUL byte");
	kernel_symvers_release(&ks);
	expect(kernel_symvers_load(&ks, "/nonexistent/Module.symvers",
				   &err) == -ENOENT,
	       "symvers: a missing file is -ENOENT");
	kernel_symvers_release(&ks);
}

struct kernel_seen {
	size_t calls;
	const struct kernel_import *printk;
	struct kernel_import printk_copy;
};

static void kernel_seen(void *ctx, const struct module_file *mf,
			const struct kernel_import *res)
{
	struct kernel_seen *seen = ctx;

	(void)mf;
	seen->calls++;
	if (!strcmp(res->name, "_printk")) {
		seen->printk_copy = *res;
		seen->printk = &seen->printk_copy;
	}
}

static int never_loaded(const char *name)
{
	(void)name;
	return 0;
}

static int loaded_plain_export(const char *name)
{
	return !strcmp(name, "plain_export");
}

static char *installed_plain_export(const char *name)
{
	return strcmp(name, "plain_export") ? NULL : strdup("/lib/x.ko");
}

/* An installed dependency goes to modprobe; a loaded one is left alone. */
static void test_loader_installed(const char *importer)
{
	struct resident_table empty = RESIDENT_TABLE_INIT;
	struct symtab_error err;
	struct loader l;
	int ret;

	loader_init(&l, &empty, true, NULL, NULL);
	l.loaded = never_loaded;
	l.installed = installed_plain_export;
	ret = loader_plan(&l, importer, false, NULL, NULL, &err);
	expect(ret == 0 && l.nr_probes == 1 &&
	       !strcmp(l.probes[0], "plain_export") && l.nr_steps == 1,
	       "loader: an installed dependency is planned for modprobe");
	loader_release(&l);

	loader_init(&l, &empty, true, NULL, NULL);
	l.loaded = loaded_plain_export;
	l.installed = NULL;
	ret = loader_plan(&l, importer, false, NULL, NULL, &err);
	expect(ret == 0 && !l.nr_probes && l.nr_steps == 1,
	       "loader: a loaded dependency is left alone");
	loader_release(&l);

	loader_init(&l, &empty, true, NULL, NULL);
	l.loaded = never_loaded;
	l.installed = NULL;
	ret = loader_plan(&l, importer, false, NULL, NULL, &err);
	expect(ret == -ENOENT && strstr(err.msg, "depends on plain_export"),
	       "loader: a dependency found nowhere: %s", err.msg);
	loader_release(&l);
}

/* The plain modules against their own Module.symvers and the kernel's. */
static void test_kernel_versions(const char *dir, const char *release)
{
	struct kernel_symvers own = KERNEL_SYMVERS_INIT,
			      kernel = KERNEL_SYMVERS_INIT,
			      fake = KERNEL_SYMVERS_INIT;
	struct module_file *exp = NULL, *imp = NULL;
	struct kernel_target t = { 0 };
	struct kernel_seen seen = { 0 };
	const struct kernel_version *v;
	struct kernel_import res;
	struct symtab_error err;
	char *path, line[512];
	size_t i, same = 0, plain_used = 0;
	const char *fake_text = "0x00000001\t_printk\tvmlinux\tEXPORT_SYMBOL\t\n";
	const char *kallsyms =
		"ffffffff81000000 T _stext\n"
		"ffffffffc0001000 T plain_add\t[plain_export]\n"
		"ffffffffc0002000 d plain_value\t[plain_export]\n"
		"0000000000000000 D plain_counter\t[plain_export]\n";
	struct loaded_symbols loaded = { 0 };

	if (asprintf(&path, "%s/plain_export.ko", dir) < 0)
		return;
	expect(module_file_open(path, &exp, &err) == 0 && !exp->nr_blocks &&
	       exp->kernel.has_versions, "kernel: plain_export.ko opens");
	free(path);
	if (asprintf(&path, "%s/plain_import.ko", dir) < 0)
		return;
	expect(module_file_open(path, &imp, &err) == 0,
	       "kernel: plain_import.ko opens");
	free(path);
	if (asprintf(&path, "%s/Module.symvers", dir) < 0)
		return;
	expect(kernel_symvers_load(&own, path, &err) == 0 && own.nr > 0,
	       "kernel: its Module.symvers reads");
	free(path);
	path = kernel_symvers_path(release);
	expect(path && kernel_symvers_load(&kernel, path, &err) == 0,
	       "kernel: %s's Module.symvers reads", release);
	free(path);
	if (!exp || !imp || !own.nr || !kernel.nr)
		goto out;

	for (i = 0; i < own.nr; i++) {
		v = kernel_export_find(&exp->kernel, own.entries[i].name);
		same += v && v->versioned && v->crc == own.entries[i].crc &&
			v->gpl_only == own.entries[i].gpl_only;
	}
	expect(same == own.nr && exp->kernel.nr_exports == own.nr,
	       "kernel: each export's CRC and licence are Kbuild's (%zu of %zu)",
	       same, own.nr);
	v = kernel_import_find(&imp->kernel, "plain_add");
	expect(v && kernel_export_find(&exp->kernel, "plain_add") &&
	       v->crc == kernel_export_find(&exp->kernel, "plain_add")->crc,
	       "kernel: the importer's __versions holds the exporter's CRC");
	expect(modinfo_get(&imp->kernel, "depends", 0) &&
	       !strcmp(modinfo_get(&imp->kernel, "depends", 0), "plain_export") &&
	       !strcmp(modinfo_get(&imp->kernel, "name", 0), "plain_import") &&
	       !modinfo_get(&imp->kernel, "depends", 1) &&
	       !modinfo_get(&imp->kernel, "no_such_key", 0),
	       "kernel: modinfo depends and name");

	t.symvers = &kernel;
	t.given = &exp;
	t.nr_given = 1;
	expect(kernel_check_module(&t, imp, kernel_seen, &seen) == 0 &&
	       seen.calls == imp->kernel.nr_undefined + 1,
	       "kernel: the importer resolves (%zu symbols and module_layout)",
	       imp->kernel.nr_undefined);
	for (i = 0; i < imp->kernel.nr_undefined; i++)
		plain_used += !strncmp(imp->kernel.undefined[i], "plain_", 6);
	t.nr_given = 0;
	expect(plain_used > 0 &&
	       kernel_check_module(&t, imp, NULL, NULL) == plain_used,
	       "kernel: without the exporter, %zu unknown symbols", plain_used);
	t.nr_given = 1;
	kernel_import_resolve(&t, imp, "plain_file_pos", &res);
	kernel_import_format("m.ko", &res, line, sizeof(line));
	expect(res.state == KIMPORT_NO_VERSION &&
	       strstr(line, "m.ko: no symbol version for plain_file_pos"),
	       "kernel: a symbol its __versions lacks: %s", line);

	expect(kernel_symvers_parse(&fake, "F", fake_text, strlen(fake_text),
				    &err) == 0, "kernel: a fake Module.symvers");
	t.symvers = &fake;
	memset(&seen, 0, sizeof(seen));
	kernel_check_module(&t, imp, kernel_seen, &seen);
	v = kernel_import_find(&imp->kernel, "_printk");
	if (seen.printk)
		kernel_import_format("m.ko", seen.printk, line, sizeof(line));
	expect(seen.printk && v && seen.printk->state == KIMPORT_MISMATCH &&
	       seen.printk->want == v->crc && seen.printk->have == 1 &&
	       strstr(line, "m.ko: disagrees about version of symbol _printk"),
	       "kernel: a changed CRC disagrees: %s",
	       seen.printk ? line : "(not seen)");
	expect(loaded_symbols_parse(&loaded, "kallsyms", kallsyms, strlen(kallsyms),
				    &err) == 0 && loaded.nr == 2,
	       "kallsyms: the global symbols of loaded modules only");
	t.loaded = &loaded;
	t.nr_given = 0;
	kernel_import_resolve(&t, imp, "plain_add", &res);
	expect(res.state == KIMPORT_LOADED && !kernel_import_is_problem(&res) &&
	       !strcmp(res.provider, "plain_export"),
	       "kernel: a symbol of a loaded module resolves, CRC unread");
	kernel_import_resolve(&t, imp, "plain_value", &res);
	expect(res.state == KIMPORT_UNKNOWN,
	       "kernel: a module's local symbol does not resolve");
	t.loaded = NULL;
	kernel_import_resolve(&t, imp, "__fentry__", &res);
	kernel_import_format("m.ko", &res, line, sizeof(line));
	expect(res.state == KIMPORT_UNKNOWN &&
	       !strcmp(line, "m.ko: Unknown symbol __fentry__ (err -2)"),
	       "kernel: %s", line);
out:
	loaded_symbols_release(&loaded);
	kernel_symvers_release(&fake);
	kernel_symvers_release(&kernel);
	kernel_symvers_release(&own);
	module_file_free(exp);
	module_file_free(imp);
}

static void print_use(void *ctx, const char *user, const char *symbols)
{
	char *out = ctx;

	sprintf(out + strlen(out), "%s:%s;", user, symbols);
}

static void test_users(void)
{
	struct symbol_users u = SYMBOL_USERS_INIT;
	struct symtab_error err;
	char out[256] = "";
	const char *text = "a\tx\tf\nb\tx\tg\na\tx\th\na\tx\tf\nc\ty\tf\n";

	expect(symbol_users_parse(&u, "u", text, strlen(text), &err) == 0 &&
	       u.nr == 5, "users: parse");
	expect(symbol_users_of(&u, "x", print_use, out) == 2 &&
	       !strcmp(out, "a:f, h;b:g;"), "users: grouped by user, deduplicated");
	symbol_users_release(&u);
	expect(symbol_users_parse(&u, "u", "a\tb\n", 4, &err) == -EINVAL &&
	       strstr(err.msg, "u:1:"), "users: a short line");
}

/* Every prefix and many single-byte changes of a real object. */
static void test_module_damage(const unsigned char *img, size_t size)
{
	unsigned char *copy = malloc(size);
	struct symtab_error err;
	struct module_file *mf;
	size_t i, bad = 0, parsed = 0;
	const unsigned char flips[] = { 0x00, 0xff, 0x80 };

	for (i = 0; i < size; i++) {
		if (module_file_parse("p", img, i, &mf, &err) == 0) {
			module_file_free(mf);
			bad++;
		}
	}
	expect(bad == 0, "module: every truncation of alpha.o is refused");
	for (i = 0; i < size * 3; i++) {
		memcpy(copy, img, size);
		copy[i / 3] ^= flips[i % 3] ? flips[i % 3] : copy[i / 3];
		if (module_file_parse("p", copy, size, &mf, &err) == 0) {
			parsed++;
			module_file_free(mf);
		} else if (strncmp(err.msg, "p: ", 3)) {
			bad++;
		}
	}
	expect(bad == 0,
	       "module: %zu damaged copies parse or fail naming the file (%zu parsed)",
	       size * 3, parsed);
	free(copy);
}

static int refuse(const char *tmp, void *ctx, struct symtab_error *err)
{
	(void)ctx;
	return error_set(err, EIO, "%s: refused", tmp);
}

static void test_module(const char *dir)
{
	struct version_set vs = VERSION_SET_INIT;
	struct module_file *mf, *again;
	struct stamp_result res;
	struct symtab_error err;
	struct record r;
	unsigned char *img, *out;
	char *path, *copy;
	size_t size;
	const char *vers = "#SYMVER alpha_func 0x11\n#SYMVER beta_func 0x22\n";

	if (asprintf(&path, "%s/obj/alpha.o", dir) < 0)
		return;
	expect(module_file_open(path, &mf, &err) == 0 && mf->nr_blocks == 2,
	       "module: alpha.o has a table and an import block");
	if (!mf || mf->nr_blocks != 2)
		return;
	expect(mf->blocks[0].blk.kind == BLOCK_EXPORT_TABLE &&
	       !strcmp(mf->blocks[0].symbol, "alpha_symtab") &&
	       mf->blocks[1].blk.kind == BLOCK_IMPORT,
	       "module: blocks in file order, named by their symbols");
	expect(module_exports(mf, "alpha_counter", &r) &&
	       !module_exports(mf, "beta_func", &r),
	       "check: module_exports sees exports, not imports");

	version_set_parse(&vs, "v", vers, strlen(vers), &err);
	version_set_finish(&vs, &err);
	out = malloc(mf->size);
	memcpy(out, mf->image, mf->size);
	stamp_image(mf, &vs, out, NULL, NULL, &res);
	expect(res.versioned == 2 && res.versionless == 1,
	       "stamp: two records versioned, one versionless");
	expect(module_file_parse("s", out, mf->size, &again, &err) == 0,
	       "stamp: the stamped image parses");
	block_record(&again->blocks[1].blk, 0, &r);
	expect(r.crc == 0x22 && record_versioned(&r), "stamp: the import's CRC");
	expect(again->blocks[0].blk.header_count == 2, "stamp: the table count");

	make_imports_versionless(again, out);
	module_file_free(again);
	module_file_parse("f", out, mf->size, &again, &err);
	block_record(&again->blocks[1].blk, 0, &r);
	expect(!record_versioned(&r) && r.crc == 0x22,
	       "force: imports lose the flag, keep the CRC");
	block_record(&again->blocks[0].blk, 0, &r);
	expect(record_versioned(&r), "force: exports keep their version");
	module_file_free(again);

	expect(force_copy_create(mf, &copy, &err) == 0 &&
	       strstr(copy, "/alpha.o") && access(copy, R_OK) == 0,
	       "force: a temporary copy under the same file name");
	force_copy_remove(copy);

	if (asprintf(&copy, "%s/atomic.o", dir) >= 0) {
		FILE *f = fopen(copy, "w");

		fputs("original", f);
		fclose(f);
		expect(atomic_replace(copy, "new", 3, refuse, NULL, &err) ==
		       -EIO && read_whole_file(copy, &img, &size, &err) == 0 &&
		       size == 8 && !memcmp(img, "original", 8),
		       "atomic: a refused check leaves the original");
		free(img);
		expect(atomic_replace(copy, "new", 3, NULL, NULL, &err) == 0 &&
		       read_whole_file(copy, &img, &size, &err) == 0 &&
		       size == 3 && !memcmp(img, "new", 3),
		       "atomic: replaced");
		free(img);
		free(copy);
	}

	{
		unsigned char *grown, *again_img;
		size_t grown_len, again_len, sec_len;
		const unsigned char *sec;
		struct module_file *g;

		expect(section_set(mf, mf->image, ".test_sec", "hello", 5,
				   &grown, &grown_len, &err) == 0 &&
		       module_file_parse("g", grown, grown_len, &g, &err) == 0,
		       "section: adding a section keeps a valid module");
		sec = section_find(g, ".test_sec", &sec_len);
		expect(sec && sec_len == 5 && !memcmp(sec, "hello", 5) &&
		       g->nr_blocks == 2 &&
		       g->blocks[0].file_offset == mf->blocks[0].file_offset &&
		       !memcmp(grown + 64, mf->image + 64, mf->size - 64),
		       "section: the new section reads back; nothing moved");
		expect(section_set(g, g->image, ".test_sec", "bye", 3,
				   &again_img, &again_len, &err) == 0,
		       "section: replacing it");
		module_file_free(g);
		expect(module_file_parse("h", again_img, again_len, &g,
					 &err) == 0 &&
		       (sec = section_find(g, ".test_sec", &sec_len)) &&
		       sec_len == 3 && !memcmp(sec, "bye", 3),
		       "section: the replacement reads back");
		module_file_free(g);
		free(grown);
		free(again_img);
	}
	test_module_damage(mf->image, mf->size);
	free(out);
	version_set_release(&vs);
	module_file_free(mf);
	free(path);
}

/*
 * One format: the round trip gives the bytes back; every shorter prefix of
 * the compressed data, and each corrupt byte, is an error naming the file,
 * never a crash nor a silent short image.
 */
static void test_compress_format(enum module_compression c,
				 const unsigned char *plain, size_t size)
{
	const char *name = module_compression_name(c);
	unsigned char *packed, *back;
	size_t packed_size, back_size, cut, bad = 0, silent = 0;
	struct symtab_error err;
	int ret;

	ret = module_compress("m.ko", c, plain, size, &packed, &packed_size,
			      &err);
	expect(!ret, "compress: %s writes", name);
	if (ret)
		return;
	expect(module_compression_of(packed, packed_size) == c,
	       "compress: %s output has its magic", name);
	ret = module_decompress("m.ko", c, packed, packed_size, &back,
				&back_size, &err);
	expect(!ret && back_size == size && !memcmp(back, plain, size),
	       "compress: %s round trip gives the same bytes", name);
	if (!ret)
		free(back);
	for (cut = 0; cut < packed_size; cut++) {
		ret = module_decompress("m.ko", c, packed, cut, &back,
					&back_size, &err);
		if (!ret) {
			free(back);
			silent++;
		} else if (strncmp(err.msg, "m.ko: ", 6) || !strstr(err.msg, name)) {
			bad++;
		}
	}
	expect(!silent && !bad,
	       "compress: %s: each of %zu truncations is an error naming the file and format (%zu accepted, %zu badly worded)",
	       name, packed_size, silent, bad);
	/* A flipped byte past the header: the format's check catches it. */
	packed[packed_size / 2] ^= 0x55;
	ret = module_decompress("m.ko", c, packed, packed_size, &back,
				&back_size, &err);
	if (!ret)
		free(back);
	expect(ret == -ENOEXEC && !strncmp(err.msg, "m.ko: ", 6),
	       "compress: %s: corrupt data is an error (%s)", name,
	       ret ? err.msg : "accepted");
	free(packed);
}

static void test_compress(void)
{
	static const enum module_compression formats[] = {
		MODULE_XZ, MODULE_ZSTD, MODULE_GZIP,
	};
	unsigned char plain[3000];
	size_t i;

	/* Something compressible and not trivially so. */
	for (i = 0; i < sizeof(plain); i++)
		plain[i] = "symtab_versions"[(i * i / 7 + i / 64) % 15];
	memcpy(plain, "\x7f\x45\x4c\x46", 4);
	expect(module_compression_of(plain, sizeof(plain)) == MODULE_PLAIN,
	       "compress: an ELF image is plain");
	expect(module_compression_of("\xfd\x37\x7a\x58", 4) == MODULE_PLAIN,
	       "compress: half an xz magic is plain");
	for (i = 0; i < sizeof(formats) / sizeof(*formats); i++)
		test_compress_format(formats[i], plain, sizeof(plain));
	expect(module_name_suffix("a/b.ko") == 3 &&
	       module_name_suffix("b.ko.xz") == 6 &&
	       module_name_suffix("b.ko.zst") == 7 &&
	       module_name_suffix("b.ko.gz") == 6 &&
	       !module_name_suffix("b.xz") && !module_name_suffix(".xz") &&
	       !module_name_suffix("b.ko.bz2") && !module_name_suffix("b.o") &&
	       !module_name_suffix(""),
	       "compress: module file names, compressed or not");
}

/* Is the group of tests named name to run (tests/run.sh symtab FILTER)? */
static int picked(const char *name)
{
	const char *filter = getenv("T");
	regex_t re;
	int match;

	if (!filter || !*filter)
		return 1;
	if (regcomp(&re, filter, REG_EXTENDED | REG_NOSUB)) {
		fprintf(stderr, "unit: T=%s: not an extended regular expression\n",
			filter);
		exit(2);
	}
	match = !regexec(&re, name, 0, NULL, 0);
	regfree(&re);
	return match;
}

/* The groups that need no input, in the order they run. */
static const struct {
	const char *name;
	void (*run)(void);
} groups[] = {
	{ "blocks", test_blocks },
	{ "versioned_names", test_versioned_names },
	{ "versions", test_versions },
	{ "resident_table", test_resident_table },
	{ "users", test_users },
	{ "kernel_symvers", test_kernel_symvers },
	{ "compress", test_compress },
};

int main(int argc, char *argv[])
{
	struct symtab_error err;
	char *importer;
	struct module_file *mf;
	size_t i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (picked(groups[i].name))
			groups[i].run();
	if (picked("module")) {
		expect(module_file_parse("e", "", 0, &mf, &err) == -ENOEXEC &&
		       !strncmp(err.msg, "e: ", 3), "module: an empty image");
		if (argc > 1)
			test_module(argv[1]);
	}
	if (argc > 3 && picked("kernel_versions"))
		test_kernel_versions(argv[2], argv[3]);
	if (argc > 3 && picked("loader_installed") &&
	    asprintf(&importer, "%s/plain_import.ko", argv[2]) > 0) {
		test_loader_installed(importer);
		free(importer);
	}
	return failures ? 1 : 0;
}
