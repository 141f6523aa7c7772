/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inserting and removing modules through libkmod, with the kernel's own
 * words for what went wrong.
 */
#ifndef _SYMTAB_MODULE_INSERT_H
#define _SYMTAB_MODULE_INSERT_H

#include <stdbool.h>

#include "../../common/error.h"

/* Told each kernel log line about the module when an insertion fails. */
typedef void (*kernel_log_fn)(void *ctx, const char *line);

/* Is the module in file @path (or named @name) loaded?  Return: 1, 0, -errno. */
int module_loaded_from_path(const char *path, struct symtab_error *err);
int module_loaded_by_name(const char *name);

/*
 * module_insert() - insert the module file @path with parameters @params
 * @shown: the path messages name (the user's file when @path is a copy)
 * @log_always: hand @fn the log lines about the module on success too
 * Return: 0, or the kernel's -errno with @err set and the log lines about
 * the module handed to @fn.
 */
int module_insert(const char *path, const char *shown, const char *params,
		  bool log_always, kernel_log_fn fn, void *ctx,
		  struct symtab_error *err);

/*
 * module_probe() - load the installed module @name and what it depends
 * on, as modprobe does (modules.dep of the running kernel)
 * Return: 0, or -errno with @err set and the log lines handed to @fn.
 */
int module_probe(const char *name, kernel_log_fn fn, void *ctx,
		 struct symtab_error *err);

/* Remove the module named @name (or in file @name: .ko, .ko.xz, ...). */
int module_remove(const char *name, struct symtab_error *err);

/* The file modules.dep gives for module @name (to free), or NULL. */
char *module_path_by_name(const char *name);

/* The kernel name of @name (a module name or a module file path), in @buf. */
int module_name_of(const char *name, char *buf, size_t len);

#endif /* _SYMTAB_MODULE_INSERT_H */
