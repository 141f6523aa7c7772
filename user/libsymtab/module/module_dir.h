/* SPDX-License-Identifier: GPL-2.0-only */
/* The module files (*.ko, and .ko.xz, .ko.zst, .ko.gz) in a directory, by path. */
#ifndef _SYMTAB_MODULE_DIR_H
#define _SYMTAB_MODULE_DIR_H

#include <stdbool.h>
#include <stddef.h>

#include "../../common/error.h"

struct module_paths {
	char **paths;
	size_t nr;
};

/*
 * module_dir_list() - the module files in @dir
 * @recursive: and in its subdirectories
 * Return: 0, or -errno if @dir cannot be read (-ENOENT: it does not exist,
 * -ENOTDIR), with @err set.
 */
int module_dir_list(const char *dir, bool recursive, struct module_paths *out,
		    struct symtab_error *err);

void module_paths_release(struct module_paths *mp);

#endif /* _SYMTAB_MODULE_DIR_H */
