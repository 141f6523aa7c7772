#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make kabi-bench: `symtab kabi` on whole kernels.  For each Debian ABI
# whose source package is installed (linux-source-6.1, -6.12) and each of
# its flavors amd64, rt-amd64 and cloud-amd64 (headers from
# tests/kabi/material.sh): extract every export's CRC from source, say how
# many of the flavor's Module.symvers it reproduced (scripts/kabi/verify.sh
# names the rest in OUT/verify.txt), time it, time consolidating its
# symtypes; then compare amd64 with each other flavor: exports changed,
# groups, the five largest groups with their root cause, time; and the
# speed of extract on lib/ and kernel/ against make KBUILD_SYMTYPES=1 of
# the same files and the preprocessor alone (kabi-kbuild.sh).  Then an
# older ABI known only from its headers package (KABI_OLD_6_1, default
# 6.1.0-50-amd64; KABI_OLD_6_12 none): extracted against its headers with
# the newer source, how many of its CRCs reproduce (the rest partial,
# OUT/partial), and compared with the newer amd64: changed, how many with a
# partial view, groups.
#
#   scripts/bench/kabi.sh [VERSION...]      default: 6.1 6.12
#
# Long: about 45 CPU-minutes of preprocessing a flavor (run under nice -n
# 19, KABI_JOBS=N jobs, default nproc).  Results are kept in
# ${XDG_CACHE_HOME:-~/.cache}/symtab/kabi/RELEASE/ and a second run only
# redoes what is missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
tool=$top/build/bin/symtab
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
jobs=${KABI_JOBS:-$(nproc)}
[ $# -gt 0 ] || set -- 6.1 6.12
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# compare OLD NEW JSON: the compare's time, counts and five largest groups.
compare() {
	local t
	t=$(now)
	"$tool" kabi compare -f json "$1" "$2" >"$3" || true
	echo "   time: $(since "$t") s"
	python3 - "$3" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = (d.get("explanation") or {}).get("groups", [])
print("   changed %d, added %d, removed %d; %d with a partial view; %d groups" %
      (d["changed"], d["added"], d["removed"], d.get("partial", 0), len(g)))
for x in g[:5]:
    c = x["changes"][0]
    print("   %6d  %s: %s" % (x["count"], " -> ".join(c["where"]), c["change"]))
PY
}

for v in "$@"; do
	tarball=/usr/src/linux-source-$v.tar.xz
	src=$cache/linux-source-$v
	[ -f "$tarball" ] || { echo "== $v: no $tarball, skipped"; continue; }
	if [ ! -f "$src/.unpacked" ]; then
		mkdir -p "$cache" && rm -rf "$src"
		tar -C "$cache" -xf "$tarball" && touch "$src/.unpacked"
	fi
	abi=$(cd /usr/src && ls -d linux-headers-"$v".*-amd64 2>/dev/null |
		grep -v -- '-rt-\|-cloud-' | sort -V | tail -1)
	abi=${abi#linux-headers-}
	abi=${abi%-amd64}
	[ -n "$abi" ] || { echo "== $v: no amd64 headers, skipped"; continue; }
	for flavor in amd64 rt-amd64 cloud-amd64; do
		rel=$abi-$flavor
		hdr=$("$top/tests/kabi/material.sh" "$rel") ||
			{ echo "== $rel: no headers, skipped"; continue; }
		out=$cache/kabi/$rel
		echo "== $rel: extract"
		t=$(now)
		nice -n 19 "$tool" kabi extract --source "$src" --headers "$hdr" \
			-o "$out" -j "$jobs"
		echo "   extract: $(since "$t") s (wall, $jobs jobs)"
		"$top/scripts/kabi/verify.sh" "$out" "$hdr" >"$out/verify.txt" 2>"$out/verify.sum" || true
		echo "   $(cat "$out/verify.sum") ($out/verify.txt)"
		t=$(now)
		"$tool" kabi consolidate "$out/.work/obj" -o "$out/symtypes.bench"
		echo "   consolidate: $(since "$t") s, $(du -h "$out/symtypes.bench" | cut -f1) from $(du -sh "$out/.work/obj" | cut -f1)"
		rm -f "$out/symtypes.bench"
	done
	# Against Kbuild's own way (make KBUILD_SYMTYPES=1) and the floor.
	"$top/scripts/bench/kabi-kbuild.sh" "$src" "$("$top/tests/kabi/material.sh" "$abi-amd64")" ||
		echo "   (kbuild comparison failed)"
	base=$cache/kabi/$abi-amd64
	for flavor in rt-amd64 cloud-amd64; do
		other=$cache/kabi/$abi-$flavor
		[ -f "$base/Module.symvers" ] && [ -f "$other/Module.symvers" ] || continue
		echo "== compare $abi-amd64 $abi-$flavor"
		compare "$base" "$other" "$other/compare.json"
	done
	oldvar=KABI_OLD_${v//./_}
	old_rel=${!oldvar-}
	if [ -z "${!oldvar+x}" ] && [ "$v" = 6.1 ]; then
		old_rel=6.1.0-50-amd64
	fi
	[ -n "$old_rel" ] && [ -f "$base/Module.symvers" ] || continue
	hdr=$("$top/tests/kabi/material.sh" "$old_rel") ||
		{ echo "== $old_rel (headers only): no headers, skipped"; continue; }
	out=$cache/kabi/$old_rel
	echo "== $old_rel (headers only, source $(basename "$src")): extract"
	t=$(now)
	nice -n 19 "$tool" kabi extract --source "$src" --headers "$hdr" \
		-o "$out" -j "$jobs"
	echo "   extract: $(since "$t") s (wall, $jobs jobs)"
	echo "   partial: $(grep -vc '^#' "$out/partial" || true) ($(grep -v '^#' "$out/partial" | cut -f1 | sort | uniq -c | xargs))"
	echo "== compare $old_rel (headers only) $abi-amd64"
	compare "$out" "$base" "$out/compare.json"
done
