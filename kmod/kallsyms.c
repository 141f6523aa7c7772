// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finding objects in a module through its own kallsyms: the symbol gives
 * each object's address and size, which bound every read of its bytes.
 *
 * mod->kallsyms is RCU-sched protected: it switches from the full symbol
 * table to the core one after the module's init.  Everything it points to
 * is read with preemption disabled.
 */
#include "internal.h"

#include <linux/elf.h>
#include <linux/string.h>

/*
 * The functions that find their caller from their return address: modules
 * calling them are tracked so that the address leads to the module.
 */
static const char *const symtab_by_address[] = { "symtab_get", "symtab_put" };

/* Every SYMTAB_IMPORT() refers to it; so does nothing else. */
static const char symtab_abi_symbol[] = "symtab_abi_format";

/* register_symtab() calls it: only such modules can export. */
static const char symtab_register_symbol[] = "symtab_register";

static bool calls_by_address(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(symtab_by_address); i++)
		if (!strcmp(name, symtab_by_address[i]))
			return true;
	return false;
}

/**
 * symtab_object_size() - size of the object @mod defines at @addr
 * @mod: the module
 * @addr: the object's address
 * @inside: set if @addr lies inside another data object, past its start
 *
 * Return: the size of the data object whose symbol has that address, 0 if
 * there is none.
 */
size_t symtab_object_size(struct module *mod, const void *addr, bool *inside)
{
	unsigned long a = (unsigned long)addr;
	struct mod_kallsyms *ks;
	size_t size = 0;
	unsigned int i;

	*inside = false;
	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];

		if (sym->st_shndx == SHN_UNDEF ||
		    ELF_ST_TYPE(sym->st_info) != STT_OBJECT)
			continue;
		if (sym->st_value == a) {
			size = sym->st_size;
			break;
		}
		if (a > sym->st_value && a - sym->st_value < sym->st_size)
			*inside = true;
	}
	preempt_enable();
	return size;
}

/**
 * symtab_find_imports() - list the import blocks of a module by name
 * @mod: a module in MODULE_STATE_COMING, whose kallsyms is the full table
 * @objs: filled with up to @max import objects, may be NULL if @max is 0
 * @max: room in @objs
 * @refs: what the module's undefined symbols say about its use of symtab
 *
 * The names in @objs point into @mod's symbol strings, which stay until
 * the end of its init.
 *
 * Return: the number of import objects, which may exceed @max.
 */
int symtab_find_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max, struct symtab_module_refs *refs)
{
	const size_t plen = strlen(SYMTAB_ABI_IMPORT_PREFIX);
	struct mod_kallsyms *ks;
	unsigned int i;
	int n = 0;

	memset(refs, 0, sizeof(*refs));
	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];
		const char *name = ks->strtab + sym->st_name;

		if (sym->st_shndx == SHN_UNDEF) {
			if (calls_by_address(name))
				refs->by_address = true;
			else if (!strcmp(name, symtab_abi_symbol))
				refs->imports_abi = true;
			else if (!strcmp(name, symtab_register_symbol))
				refs->registers = true;
			continue;
		}
		if (strncmp(name, SYMTAB_ABI_IMPORT_PREFIX, plen))
			continue;
		if (n < max) {
			objs[n].addr = (void *)sym->st_value;
			objs[n].size = sym->st_size;
			objs[n].type = ks->typetab[i];
			objs[n].name = name;
		}
		n++;
	}
	preempt_enable();
	return n;
}

/* Does a valid import block start at @p, which has room for one? */
static bool looks_like_import(const struct symtab_import_block *p)
{
	return p->hdr.magic == SYMTAB_ABI_MAGIC &&
	       p->hdr.format == SYMTAB_ABI_FORMAT &&
	       p->hdr.record_size == sizeof(p->rec) &&
	       p->rec.kind == SYMTAB_KIND_IMPORT;
}

/*
 * Does the run of import blocks that reached @p go on there?  A block
 * with the magic goes on the list even when its other fields are damaged,
 * so that checking it refuses the module: a stripped module has no names
 * to count its blocks by, and stopping at a damaged one would leave it,
 * and every block after it, unresolved while the module's code calls
 * through them.  An export table is the one other block with the magic;
 * one that starts right after the versions section ends the run.  A block
 * whose magic itself is damaged cannot be told from other data and ends
 * the run too: the count of import blocks each block carries (imports.c,
 * check_import_total()) shows the blocks missing then.
 */
static bool import_run_goes_on(const struct symtab_import_block *p)
{
	if (p->hdr.magic != SYMTAB_ABI_MAGIC)
		return false;
	return !(p->hdr.format == SYMTAB_ABI_FORMAT &&
		 p->hdr.record_size == sizeof(p->rec) &&
		 (p->rec.kind == SYMTAB_KIND_EXPORT ||
		  p->rec.kind == SYMTAB_KIND_END));
}

/**
 * symtab_scan_imports() - list the import blocks of a module by content
 * @mod: a module in MODULE_STATE_COMING, whose kallsyms is the full table
 * @objs: filled with up to @max import objects, may be NULL if @max is 0
 * @max: room in @objs
 *
 * A module stripped of its local symbols (strip --strip-unneeded) keeps
 * its versions section and the section symbol its relocations use.  Every
 * section of the module's writable core data that starts with an import
 * block is read, block after block, for as long as blocks follow
 * (import_run_goes_on()).  Their names are left NULL: the records are not
 * checked yet.
 *
 * Return: the number of import blocks, which may exceed @max.
 */
int symtab_scan_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max)
{
	const size_t bsize = sizeof(struct symtab_import_block);
	struct mod_kallsyms *ks;
	unsigned int i;
	int n = 0;

	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];
		const struct symtab_import_block *p = (void *)sym->st_value;

		if (sym->st_shndx == SHN_UNDEF ||
		    ELF_ST_TYPE(sym->st_info) != STT_SECTION)
			continue;
		if (symtab_core_region(mod, p, bsize) != SYMTAB_REGION_DATA ||
		    !looks_like_import(p))
			continue;
		while (symtab_core_region(mod, p, bsize) == SYMTAB_REGION_DATA &&
		       import_run_goes_on(p)) {
			if (n < max) {
				objs[n].addr = (void *)p;
				objs[n].size = bsize;
				objs[n].type = 0;
				objs[n].name = NULL;
			}
			n++;
			p++;
		}
	}
	preempt_enable();
	return n;
}

/* Kallsyms letters of objects in the module's allocated sections. */
static bool allocated_type(char type)
{
	return type && strchr("bBdDgGrRsS", type);
}

/**
 * symtab_check_objects() - refuse a module whose objects lie outside it
 * @mod: a module in MODULE_STATE_COMING, whose kallsyms is the full table
 *
 * symtab.ko bounds tables and import blocks by the module's own symbols,
 * and the loader leaves an absolute (SHN_ABS) symbol's value as the file
 * says.  A data object placed outside the module is a damaged file; on a
 * KASAN kernel the module's constructors, run after COMING and before its
 * init, would register that address as a global (a fault at the shadow of
 * address 0).  Objects of sections not loaded (.modinfo, kallsyms type
 * '?') and per-CPU ones (type 'a', not SHN_ABS) are left alone.
 *
 * Return: 0, or -ENOEXEC after saying which object is out of place.
 */
int symtab_check_objects(struct module *mod)
{
	struct mod_kallsyms *ks;
	unsigned int i;
	int err = 0;

	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab && !err; i++) {
		const Elf_Sym *sym = &ks->symtab[i];
		const char *name = ks->strtab + sym->st_name;

		if (ELF_ST_TYPE(sym->st_info) != STT_OBJECT ||
		    sym->st_shndx == SHN_UNDEF)
			continue;
		if (sym->st_shndx == SHN_ABS) {
			pr_err("%s: data object %s is absolute (value %#lx): not in the module\n",
			       mod->name, name, (unsigned long)sym->st_value);
			err = -ENOEXEC;
		} else if (allocated_type(ks->typetab[i]) &&
			   !symtab_module_holds(mod, (void *)sym->st_value,
						max_t(size_t, sym->st_size, 1))) {
			pr_err("%s: data object %s (%lu bytes) does not lie in the module's memory\n",
			       mod->name, name, (unsigned long)sym->st_size);
			err = -ENOEXEC;
		}
	}
	preempt_enable();
	return err;
}
