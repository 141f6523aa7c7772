#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The malformed cases of tests/symtab/malformed.cases that damage a block
# (symbyte, symfill, a symbol's size), applied to the symtest_alpha module
# instead of the alpha.o fixture: build/KVER/malformed/alpha_CASE.ko, for
# the VM scenario "malformed" to load.  Cases that damage the ELF container
# are the kernel loader's own business and are left out.
#
#   malformed-modules.sh KVER
set -euo pipefail
kver=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/build/$kver/modules/symtest_fixture/symtest_alpha.ko
out=$top/build/$kver/malformed
edit=$top/build/tools/elf_edit
cases=$top/tests/symtab/malformed.cases

[ -f "$src" ] || { echo "malformed-modules: no $src (make testmodules)" >&2; exit 1; }
mkdir -p "$(dirname "$edit")"
if [ ! -x "$edit" ] || [ "$top/tests/symtab/elf_edit.c" -nt "$edit" ]; then
	cc -O1 -Wall -o "$edit" "$top/tests/symtab/elf_edit.c" -lelf
fi
rm -rf "$out"
mkdir -p "$out"
n=0
while IFS='|' read -r name ops message; do
	name=$(echo $name)
	case $name in '' | '#'*) continue ;; esac
	# Only edits of a block's bytes or of its symbol's size.
	if echo "$ops" | tr ';' '\n' | grep -qvE '^ *(symbyte|symfill|sym [^ ]+ size) '; then
		continue
	fi
	ko=$out/alpha_$name.ko
	cp "$src" "$ko"
	echo "$ops" | tr ';' '\n' | while read -r op; do
		eval "\"$edit\" \"$ko\" $op"
	done
	n=$((n + 1))
done <"$cases"
echo "  MALFORMED $n cases in $out"
