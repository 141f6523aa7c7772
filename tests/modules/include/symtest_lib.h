/* SPDX-License-Identifier: GPL-2.0-only */
/* symtab test: the helper library symtest_lib, for its users. */
#ifndef _SYMTEST_LIB_H
#define _SYMTEST_LIB_H

void *symtest_lib_get(const char *name);
void symtest_lib_put(const char *name);

#endif
