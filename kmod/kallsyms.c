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

static bool calls_by_address(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(symtab_by_address); i++)
		if (!strcmp(name, symtab_by_address[i]))
			return true;
	return false;
}

/**
 * symtab_within() - check that [@addr, @addr + @size) is @mod's memory
 * @mod: the module
 * @addr: start of the range
 * @size: its length, at least 1
 */
bool symtab_within(struct module *mod, const void *addr, size_t size)
{
	unsigned long start = (unsigned long)addr;

	return size && start + size > start &&
		within_module(start, mod) &&
		within_module(start + size - 1, mod);
}

/**
 * symtab_object_size() - size of the object @mod defines at @addr
 * @mod: the module
 * @addr: the object's address
 *
 * Return: the size of the data object whose symbol has that address, 0 if
 * there is none.
 */
size_t symtab_object_size(struct module *mod, const void *addr)
{
	struct mod_kallsyms *ks;
	size_t size = 0;
	unsigned int i;

	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];

		if (sym->st_shndx == SHN_UNDEF ||
		    ELF_ST_TYPE(sym->st_info) != STT_OBJECT ||
		    sym->st_value != (unsigned long)addr)
			continue;
		size = sym->st_size;
		break;
	}
	preempt_enable();
	return size;
}

/**
 * symtab_find_imports() - list the import blocks of a module
 * @mod: a module in MODULE_STATE_COMING, whose kallsyms is the full table
 * @objs: filled with up to @max import objects, may be NULL if @max is 0
 * @max: room in @objs
 * @by_address: set if @mod calls symtab_get() or symtab_put() without the
 *	macros, which pass THIS_MODULE
 *
 * The names in @objs point into @mod's symbol strings, which stay until
 * the end of its init.
 *
 * Return: the number of import objects, which may exceed @max.
 */
int symtab_find_imports(struct module *mod, struct symtab_object *objs,
			unsigned int max, bool *by_address)
{
	const size_t plen = strlen(SYMTAB_ABI_IMPORT_PREFIX);
	struct mod_kallsyms *ks;
	unsigned int i;
	int n = 0;

	*by_address = false;
	preempt_disable();
	ks = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];
		const char *name = ks->strtab + sym->st_name;

		if (sym->st_shndx == SHN_UNDEF) {
			if (!*by_address && calls_by_address(name))
				*by_address = true;
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
