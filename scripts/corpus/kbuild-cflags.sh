#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Print the compiler and C flags Kbuild uses for a kernel headers package
# (/usr/src/linux-headers-<release>): it builds a one-line module with it and
# reads the command back from the .cmd file Kbuild writes.  Output: the
# compiler on line 1, the flags on line 2, without the per-file parts
# (dependency file, -c -o, the source, module names, objtool).
#
#   scripts/corpus/kbuild-cflags.sh /usr/src/linux-headers-RELEASE
set -euo pipefail
hdr=${1:?usage: kbuild-cflags.sh HEADERS_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 'obj-m := cflags_probe.o' >"$tmp/Kbuild"
printf '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n' >"$tmp/cflags_probe.c"
make -s -C "$hdr" M="$tmp" cflags_probe.o >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; exit 1; }
# "cmd_<obj> := <cc> <flags> -c -o <obj> <src> ; <objtool ...>"
sed -n '1{s/^[a-z]*cmd_[^ ]* := *//; s/ ; .*//; p}' "$tmp/.cflags_probe.o.cmd" |
tr -s ' ' '\n' | awk -v probe="$tmp/" '
	NR == 1 { print; next }
	/^-Wp,-M/ || /^-DMODULE$/ || /^-D(KBUILD|__KBUILD)_[A-Z]*NAME=/ { next }
	$0 == "-c" || $0 == "-o" || index($0, probe) == 1 { next }
	{ f = f sep $0; sep = " " }
	END { print f }'
