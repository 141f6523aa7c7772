/* SPDX-License-Identifier: GPL-2.0-only */
/* Growing an array by doubling, the one loop every list builder needs. */
#ifndef _SYMTAB_ARRAY_GROW_H
#define _SYMTAB_ARRAY_GROW_H

#include <stddef.h>

/*
 * array_grow() - make room for @need elements of @size bytes in the array
 * that @arrayp points to (a pointer to any pointer, NULL at first), whose
 * room is *@alloc elements: doubled (from 8) until @need fit.
 *
 * Return: 0, or -ENOMEM with the array and *@alloc as they were.
 */
int array_grow(void *arrayp, size_t *alloc, size_t need, size_t size);

#endif /* _SYMTAB_ARRAY_GROW_H */
