// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array_grow.h"

int array_grow(void *arrayp, size_t *alloc, size_t need, size_t size)
{
	size_t room = *alloc ? *alloc : 8;
	void *array, *grown;

	if (need <= *alloc)
		return 0;
	while (room < need) {
		if (room > (size_t)-1 / 2)
			return -ENOMEM;
		room *= 2;
	}
	/* Through memcpy: *@arrayp may be any object pointer type. */
	memcpy(&array, arrayp, sizeof(array));
	grown = reallocarray(array, room, size);
	if (!grown)
		return -ENOMEM;
	memcpy(arrayp, &grown, sizeof(grown));
	*alloc = room;
	return 0;
}
