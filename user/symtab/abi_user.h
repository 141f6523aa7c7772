/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * <symtab/abi.h> for userspace.  Outside the kernel abi.h typedefs __u8 to
 * __u64 itself, and its __u64 (unsigned long) clashes with the one
 * <linux/types.h> declares (unsigned long long), which glibc's <sys/stat.h>
 * pulls in: include it with its typedefs renamed.  Same sizes, same layout.
 */
#ifndef _SYMTAB_ABI_USER_H
#define _SYMTAB_ABI_USER_H

#include <linux/types.h>
#include <stdint.h>

#ifndef _SYMTAB_ABI_H
#define __u8	symtab_abi_u8
#define __u16	symtab_abi_u16
#define __u32	symtab_abi_u32
#define __u64	symtab_abi_u64
#include <symtab/abi.h>
#undef __u8
#undef __u16
#undef __u32
#undef __u64
#endif

#endif /* _SYMTAB_ABI_USER_H */
