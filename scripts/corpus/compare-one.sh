#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Compare a genksyms with the kernel's on corpus entries (see mkcorpus.sh):
# one line per source, "FILE stdout=S -T=S -w=S -r=S" with S "same" or
# "differs" (-w: stderr and exit status with -w; -r: the same against a
# changed reference, see reference-probe.sh, or "none" when the corpus has
# no record of it), or "FILE missing".
#
#   scripts/corpus/compare-one.sh GENKSYMS CORPUS FILE.c...
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
G=$1 corpus=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

verdict() { cmp -s "$1" "$2" && echo same || echo differs; }

for rel in "$@"; do
	b=$corpus/${rel%.c}
	if ! [ -e "$b.i.zst" ] || ! [ -e "$b.ref" ]; then
		echo "$rel missing"
		continue
	fi
	zstd -dcq "$b.i.zst" >"$tmp/in.i" || { echo "$rel missing"; continue; }
	# As Kbuild runs it, then with -w for the messages.
	timeout 120 "$G" -T "$tmp/out.sym" <"$tmp/in.i" >"$tmp/out" 2>/dev/null
	timeout 120 "$G" -w <"$tmp/in.i" >/dev/null 2>"$tmp/err"
	echo $? >"$tmp/rc"
	r=none
	if [ -e "$b.rwarn" ]; then
		"$here/reference-probe.sh" "$G" "$tmp/in.i" "$b.symtypes" >"$tmp/rwarn"
		r=$(verdict "$tmp/rwarn" "$b.rwarn")
	fi
	echo "$rel stdout=$(verdict "$tmp/out" "$b.ref")" \
		"-T=$(verdict "$tmp/out.sym" "$b.symtypes")" \
		"-w=$(cat "$tmp/err" "$tmp/rc" | verdict - <(cat "$b.warn" "$b.rc"))" \
		"-r=$r"
done
