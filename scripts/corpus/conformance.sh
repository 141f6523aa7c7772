#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Whole-tree conformance of our genksyms with the kernel's, per kernel
# version: builds (or completes) the corpus with mkcorpus.sh, compares every
# entry, prints the totals and names each file that differs.
#
#   scripts/corpus/conformance.sh [-n] [VERSION...]     default: 6.1 6.12
#	-n	use the corpus as it is (even half built), do not build it
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
G=$top/build/bin/genksyms
build=1
if [ "${1:-}" = -n ]; then build=0; shift; fi
[ $# -gt 0 ] || set -- 6.1 6.12
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top" "$G" >&2 || exit 1

fail=0
for v in "$@"; do
	corpus=$CACHE/corpus-$v
	if [ $build = 1 ]; then
		"$here/mkcorpus.sh" "$v" || { echo "$v: no corpus"; fail=1; continue; }
	fi
	# Every complete entry (.ref is written last).
	(cd "$corpus" 2>/dev/null && find . -name '*.ref' ! -name '*.tmp.*' | sed 's|^\./||; s|\.ref$|.c|') |
		sort >"$tmp/$v.files"
	[ -s "$tmp/$v.files" ] || { echo "$v: no corpus in $corpus"; fail=1; continue; }
	nice -n 10 xargs -P "$(nproc)" -n 16 "$here/compare-one.sh" "$G" "$corpus" \
		<"$tmp/$v.files" | sort >"$tmp/$v"
	awk -v v="$v" '
		{ n++ }
		$2 == "missing" { print v ": missing " $1; next }
		{ bad = ""
		  for (i = 2; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[2] == "none") continue
			seen[kv[1]]++
			if (kv[2] == "same") same[kv[1]]++
			else bad = bad " " kv[1]
		  }
		  if (bad != "") print v ": differs" bad ": " $1 }
		END {
			printf "%s: %d/%d identical (stdout), %d/%d identical (-T), %d/%d identical (-w messages), %d/%d identical (-w -r messages)\n",
				v, same["stdout"], n, same["-T"], n, same["-w"], n,
				same["-r"], seen["-r"]
			exit !(same["stdout"] == n && same["-T"] == n &&
			       same["-w"] == n && same["-r"] == seen["-r"])
		}' "$tmp/$v" || fail=1
done
exit $fail
