#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# dkms POST_BUILD: after dkms built symtab.ko for KVER, put its
# Module.symvers where the installed build-module.sh reads it
# (PREFIX/lib/symtab/KVER/), as `make install` does for the kernels it built.
# PREFIX: the argument (dkms.conf from make install-dkms or the symtab-dkms
# package), else $SYMTAB_PREFIX, else the one the installed `symtab` lies in.
#
#   dkms-post-build.sh KVER [PREFIX]     (run by dkms in its build directory)
set -euo pipefail
kver=${1:?usage: dkms-post-build.sh KVER [PREFIX]}
die() { echo "symtab dkms post-build ($kver): $*" >&2; exit 1; }
prefix=${2:-${SYMTAB_PREFIX:-}}
if [ -z "$prefix" ]; then
	tool=$(command -v symtab) || die "no installed symtab on PATH; set SYMTAB_PREFIX"
	prefix=$(cd "$(dirname "$tool")/.." && pwd)
fi
[ -f Module.symvers ] || die "no Module.symvers in $PWD: did Kbuild build symtab.ko?"
install -D -m 644 Module.symvers "$prefix/lib/symtab/$kver/Module.symvers"
