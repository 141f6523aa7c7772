// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where in a module an address range lies.  Only the core memory counts:
 * init memory is freed after the module's init, so nothing that outlives
 * it may point there.  A range must lie inside one region; on 6.4 and
 * later a module's regions are separate allocations with gaps between.
 */
#include "internal.h"

/* Is [start, start + size) in [base, base + len)?  @room: bytes left. */
static bool range_in(unsigned long start, size_t size,
		     const void *base, unsigned int len, size_t *room)
{
	unsigned long b = (unsigned long)base;

	if (!(start >= b && size <= len && start - b <= len - size))
		return false;
	*room = len - (start - b);
	return true;
}

#ifdef SYMTAB_HAVE_MODULE_MEMORY	/* 6.4 and later: see Kbuild */

static const struct {
	enum mod_mem_type type;
	enum symtab_region region;
} symtab_core_types[] = {
	{ MOD_TEXT, SYMTAB_REGION_TEXT },
	{ MOD_RODATA, SYMTAB_REGION_RODATA },
	{ MOD_RO_AFTER_INIT, SYMTAB_REGION_RO_AFTER_INIT },
	{ MOD_DATA, SYMTAB_REGION_DATA },
};

static enum symtab_region core_region(struct module *mod, unsigned long start,
				      size_t size, size_t *room)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(symtab_core_types); i++) {
		const struct module_memory *m =
			&mod->mem[symtab_core_types[i].type];

		if (range_in(start, size, m->base, m->size, room))
			return symtab_core_types[i].region;
	}
	return SYMTAB_REGION_NONE;
}

static const enum mod_mem_type symtab_init_types[] = {
	MOD_INIT_TEXT, MOD_INIT_DATA, MOD_INIT_RODATA,
};

static bool in_init(struct module *mod, unsigned long start, size_t size)
{
	unsigned int i;
	size_t room;

	for (i = 0; i < ARRAY_SIZE(symtab_init_types); i++) {
		const struct module_memory *m = &mod->mem[symtab_init_types[i]];

		if (range_in(start, size, m->base, m->size, &room))
			return true;
	}
	return false;
}

#else	/* one core layout: text, rodata, ro_after_init, data */

static enum symtab_region core_region(struct module *mod, unsigned long start,
				      size_t size, size_t *room)
{
	const struct module_layout *l = &mod->core_layout;
	const char *base = l->base;

#ifdef CONFIG_ARCH_WANTS_MODULES_DATA_IN_VMALLOC
	if (range_in(start, size, mod->data_layout.base, mod->data_layout.size,
		     room))
		return SYMTAB_REGION_DATA;
#endif
	if (range_in(start, size, base, l->text_size, room))
		return SYMTAB_REGION_TEXT;
	if (range_in(start, size, base + l->text_size,
		     l->ro_size - l->text_size, room))
		return SYMTAB_REGION_RODATA;
	if (range_in(start, size, base + l->ro_size,
		     l->ro_after_init_size - l->ro_size, room))
		return SYMTAB_REGION_RO_AFTER_INIT;
	if (range_in(start, size, base + l->ro_after_init_size,
		     l->size - l->ro_after_init_size, room))
		return SYMTAB_REGION_DATA;
	return SYMTAB_REGION_NONE;
}

static bool in_init(struct module *mod, unsigned long start, size_t size)
{
	size_t room;

	return range_in(start, size, mod->init_layout.base,
			mod->init_layout.size, &room);
}

#endif

/**
 * symtab_module_holds() - is a range inside @mod's core or init memory?
 * @mod: a module before the end of its init
 * @addr: start of the range
 * @size: its length, at least 1
 *
 * Return: true if one region of the module holds the range whole.
 */
bool symtab_module_holds(struct module *mod, const void *addr, size_t size)
{
	size_t room;

	if (!size)
		return false;
	return core_region(mod, (unsigned long)addr, size, &room) !=
	       SYMTAB_REGION_NONE || in_init(mod, (unsigned long)addr, size);
}

/**
 * symtab_core_region() - the core region of @mod holding a range whole
 * @mod: the module
 * @addr: start of the range
 * @size: its length, at least 1
 *
 * Return: the region, or SYMTAB_REGION_NONE if the range is not inside one
 * region of @mod's core memory (init memory, another module, a gap).
 */
enum symtab_region symtab_core_region(struct module *mod, const void *addr,
				      size_t size)
{
	size_t room;

	if (!size)
		return SYMTAB_REGION_NONE;
	return core_region(mod, (unsigned long)addr, size, &room);
}

/**
 * symtab_core_room() - the core region of @mod holding @addr, and its room
 * @mod: the module
 * @addr: an address
 * @room: set to the bytes from @addr to the end of that region
 *
 * For objects whose symbol was stripped: they cannot extend past the
 * region that holds their start.
 *
 * Return: the region, or SYMTAB_REGION_NONE (@room is then 0).
 */
enum symtab_region symtab_core_room(struct module *mod, const void *addr,
				    size_t *room)
{
	enum symtab_region region;

	*room = 0;
	region = core_region(mod, (unsigned long)addr, 1, room);
	if (region == SYMTAB_REGION_NONE)
		*room = 0;
	return region;
}

const char *symtab_region_name(enum symtab_region region)
{
	switch (region) {
	case SYMTAB_REGION_TEXT:
		return "text";
	case SYMTAB_REGION_RODATA:
		return "read-only data";
	case SYMTAB_REGION_RO_AFTER_INIT:
		return "read-only-after-init data";
	case SYMTAB_REGION_DATA:
		return "data";
	case SYMTAB_REGION_NONE:
		break;
	}
	return "memory outside its core";
}
