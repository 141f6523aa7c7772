// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../module/bytes.h"
#include "../module/elf_validate.h"
#include "modversions_read.h"
#include "../module/module_file.h"
#include "../module/section_read.h"

#define KSYMTAB_PREFIX	"__ksymtab_"
#define KCRC_PREFIX	"__crc_"

/* Symbol @i, its section index and name; false if unreadable. */
static bool symbol_at(struct module_file *mf, const struct elf_layout *l,
		      size_t i, GElf_Sym *sym, size_t *shndx,
		      const char **name)
{
	Elf32_Word xndx = 0;

	if (!gelf_getsymshndx(l->syms, l->xindex, i, sym, &xndx))
		return false;
	*shndx = sym->st_shndx == SHN_XINDEX ? xndx : sym->st_shndx;
	*name = elf_strptr(mf->elf, l->strtab, sym->st_name);
	return *name != NULL;
}

static int grow(void **array, size_t nr, size_t size, const char *path,
		struct symtab_error *err)
{
	void *grown;

	/* Powers of two: grow when @nr reaches one. */
	if (nr & (nr - 1))
		return 0;
	grown = reallocarray(*array, nr ? nr * 2 : 1, size);
	if (!grown)
		return error_set(err, ENOMEM, "%s: out of memory", path);
	*array = grown;
	return 0;
}

static int read_imports(struct module_file *mf, struct kernel_versions *kv,
			struct symtab_error *err)
{
	const unsigned char *sec, *entry, *name;
	size_t len, i;
	int ret;

	sec = section_find(mf, "__versions", &len);
	if (!sec)
		return 0;
	kv->has_versions = true;
	if (len % MODVERSION_INFO_SIZE)
		return error_set(err, ENOEXEC,
				 "%s: __versions is %zu bytes, not a multiple of %d (struct modversion_info)",
				 mf->path, len, MODVERSION_INFO_SIZE);
	for (i = 0; i < len / MODVERSION_INFO_SIZE; i++) {
		entry = sec + i * MODVERSION_INFO_SIZE;
		name = entry + MODVERSION_NAME_OFFSET;
		if (!memchr(name, '\0', MODVERSION_INFO_SIZE -
					MODVERSION_NAME_OFFSET))
			return error_set(err, ENOEXEC,
					 "%s: __versions entry %zu: name not terminated",
					 mf->path, i);
		ret = grow((void **)&kv->imports, kv->nr_imports,
			   sizeof(*kv->imports), mf->path, err);
		if (ret)
			return ret;
		kv->imports[kv->nr_imports++] = (struct kernel_version) {
			.name = (const char *)name,
			.crc = get_le32(entry),
			.versioned = true,
		};
	}
	return 0;
}

static void read_modinfo(struct module_file *mf, struct kernel_versions *kv)
{
	const unsigned char *sec;
	size_t len;

	sec = section_find(mf, ".modinfo", &len);
	if (!sec)
		return;
	/* Only whole strings: a torn last one is ignored. */
	while (len && sec[len - 1])
		len--;
	kv->modinfo = (const char *)sec;
	kv->modinfo_size = len;
}

/* The value the __crc_ symbol @sym stands for. */
static int crc_value(struct module_file *mf, const GElf_Sym *sym,
		     size_t shndx, const char *name, uint32_t *crc,
		     struct symtab_error *err)
{
	GElf_Shdr sh;

	if (sym->st_shndx == SHN_ABS) {
		*crc = (uint32_t)sym->st_value;
		return 0;
	}
	if (!gelf_getshdr(elf_getscn(mf->elf, shndx), &sh) ||
	    sh.sh_type != SHT_PROGBITS ||
	    !range_ok(sym->st_value, 4, sh.sh_size))
		return error_set(err, ENOEXEC,
				 "%s: %s: expected an absolute symbol or 4 bytes inside a CRC section",
				 mf->path, name);
	*crc = get_le32(mf->image + sh.sh_offset + sym->st_value);
	return 0;
}

static bool in_gpl_section(struct module_file *mf, size_t shndx)
{
	GElf_Shdr sh;
	size_t strndx;
	const char *sec;

	if (elf_getshdrstrndx(mf->elf, &strndx) ||
	    !gelf_getshdr(elf_getscn(mf->elf, shndx), &sh))
		return false;
	sec = elf_strptr(mf->elf, strndx, sh.sh_name);
	return sec && strstr(sec, "ksymtab_gpl");
}

static int add_export(struct module_file *mf, struct kernel_versions *kv,
		      const char *name, bool gpl_only,
		      struct symtab_error *err)
{
	int ret = grow((void **)&kv->exports, kv->nr_exports,
		       sizeof(*kv->exports), mf->path, err);

	if (ret)
		return ret;
	kv->exports[kv->nr_exports++] = (struct kernel_version) {
		.name = name, .gpl_only = gpl_only,
	};
	return 0;
}

static int add_undefined(struct module_file *mf, struct kernel_versions *kv,
			 const char *name, struct symtab_error *err)
{
	int ret = grow((void **)&kv->undefined, kv->nr_undefined,
		       sizeof(*kv->undefined), mf->path, err);

	if (ret)
		return ret;
	kv->undefined[kv->nr_undefined++] = name;
	return 0;
}

/* First pass: exports and undefined symbols. */
static int read_symbols(struct module_file *mf, const struct elf_layout *l,
			struct kernel_versions *kv, struct symtab_error *err)
{
	const char *name;
	GElf_Sym sym;
	size_t i, shndx;
	int ret = 0;

	for (i = 1; !ret && i < l->nr_syms; i++) {
		if (!symbol_at(mf, l, i, &sym, &shndx, &name) || !*name ||
		    GELF_ST_TYPE(sym.st_info) == STT_SECTION ||
		    GELF_ST_TYPE(sym.st_info) == STT_FILE)
			continue;
		if (sym.st_shndx == SHN_UNDEF) {
			/* x86's ignore_undef_symbol(); weak ones may stay 0. */
			if (GELF_ST_BIND(sym.st_info) != STB_WEAK &&
			    strcmp(name, "_GLOBAL_OFFSET_TABLE_"))
				ret = add_undefined(mf, kv, name, err);
		} else if (!strncmp(name, KSYMTAB_PREFIX,
				    strlen(KSYMTAB_PREFIX)) &&
			   name[strlen(KSYMTAB_PREFIX)]) {
			ret = add_export(mf, kv, name + strlen(KSYMTAB_PREFIX),
					 in_gpl_section(mf, shndx), err);
		}
	}
	return ret;
}

static struct kernel_version *find(struct kernel_version *v, size_t nr,
				    const char *name)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (!strcmp(v[i].name, name))
			return &v[i];
	return NULL;
}

/* Second pass: the CRC of each export. */
static int read_export_crcs(struct module_file *mf,
			    const struct elf_layout *l,
			    struct kernel_versions *kv,
			    struct symtab_error *err)
{
	struct kernel_version *exp;
	const char *name;
	GElf_Sym sym;
	size_t i, shndx;
	int ret;

	for (i = 1; kv->nr_exports && i < l->nr_syms; i++) {
		if (!symbol_at(mf, l, i, &sym, &shndx, &name) ||
		    sym.st_shndx == SHN_UNDEF ||
		    strncmp(name, KCRC_PREFIX, strlen(KCRC_PREFIX)))
			continue;
		exp = find(kv->exports, kv->nr_exports,
			   name + strlen(KCRC_PREFIX));
		if (!exp)
			continue;
		ret = crc_value(mf, &sym, shndx, name, &exp->crc, err);
		if (ret)
			return ret;
		exp->versioned = true;
	}
	return 0;
}

int kernel_versions_read(struct module_file *mf, const struct elf_layout *l,
			 struct kernel_versions *kv, struct symtab_error *err)
{
	int ret;

	memset(kv, 0, sizeof(*kv));
	read_modinfo(mf, kv);
	ret = read_imports(mf, kv, err);
	if (!ret)
		ret = read_symbols(mf, l, kv, err);
	if (!ret)
		ret = read_export_crcs(mf, l, kv, err);
	if (ret)
		kernel_versions_release(kv);
	return ret;
}

void kernel_versions_release(struct kernel_versions *kv)
{
	free(kv->imports);
	free(kv->exports);
	free(kv->undefined);
	memset(kv, 0, sizeof(*kv));
}

const struct kernel_version *kernel_export_find(const struct kernel_versions *kv,
						const char *name)
{
	return find(kv->exports, kv->nr_exports, name);
}

const struct kernel_version *kernel_import_find(const struct kernel_versions *kv,
						const char *name)
{
	return find(kv->imports, kv->nr_imports, name);
}

const char *modinfo_get(const struct kernel_versions *kv, const char *key,
			size_t index)
{
	const char *p = kv->modinfo, *end = kv->modinfo + kv->modinfo_size;
	size_t klen = strlen(key);

	while (p && p < end) {
		if (!strncmp(p, key, klen) && p[klen] == '=' && !index--)
			return p + klen + 1;
		p += strlen(p) + 1;
	}
	return NULL;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

void kernel_versions_summary(const struct kernel_versions *kv, char *buf,
			     size_t len)
{
	size_t i, versioned = 0;
	char exports[96] = "", imports[48] = "";

	for (i = 0; i < kv->nr_exports; i++)
		versioned += kv->exports[i].versioned;
	if (!kernel_versions_any(kv)) {
		snprintf(buf, len,
			 "no symtab records and no kernel modversions (__versions, EXPORT_SYMBOL, .modinfo): not a module built by Kbuild");
		return;
	}
	if (!kv->has_versions && !versioned) {
		snprintf(buf, len,
			 "no symtab records, and built without the kernel's modversions (no __versions, %zu EXPORT_SYMBOL%s without a CRC)",
			 kv->nr_exports, plural(kv->nr_exports));
		return;
	}
	if (kv->nr_exports)
		snprintf(exports, sizeof(exports), " its %zu EXPORT_SYMBOL%s%s",
			 versioned, plural(versioned),
			 versioned < kv->nr_exports ? " (some without a CRC)" :
			 "");
	if (kv->nr_imports)
		snprintf(imports, sizeof(imports), "%s its %zu import%s",
			 kv->nr_exports ? " and" : "", kv->nr_imports,
			 plural(kv->nr_imports));
	snprintf(buf, len,
		 "no symtab records; the kernel's modversions already cover%s%s",
		 exports, imports);
}
