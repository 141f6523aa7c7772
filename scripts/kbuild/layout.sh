# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the kbuild scripts: where the tools, headers and symtab.ko's
# Module.symvers are, in the source tree (after make) or in an installed
# tree (after make install: this file in PREFIX/share/symtab/kbuild/).
# Sets GENKSYMS, SYMTAB, SYMTAB_INCLUDE; symtab_symvers KVER prints the path
# of symtab.ko's Module.symvers for that kernel.
_kb=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -f "$_kb/../../kmod/Kbuild" ]; then
	SYMTAB_TOP=$(cd "$_kb/../.." && pwd)
	GENKSYMS=$SYMTAB_TOP/build/bin/genksyms
	SYMTAB=$SYMTAB_TOP/build/bin/symtab
	SYMTAB_INCLUDE=$SYMTAB_TOP/include
	symtab_symvers() { echo "$SYMTAB_TOP/build/$1/kmod/Module.symvers"; }
else
	SYMTAB_PREFIX=$(cd "$_kb/../../.." && pwd)
	GENKSYMS=$SYMTAB_PREFIX/bin/genksyms
	SYMTAB=$SYMTAB_PREFIX/sbin/symtab
	SYMTAB_INCLUDE=$SYMTAB_PREFIX/include
	symtab_symvers() { echo "$SYMTAB_PREFIX/lib/symtab/$1/Module.symvers"; }
fi
