#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make modules on a real package against its plain Kbuild build: Debian's
# xtables-addons-dkms (24 modules, two in subdirectories, package variables),
# both from scratch with the same -j, alternated BENCH_RUNS times (default
# 1); prints the ratio of the fastest runs (target: at most 1.3).
#
#   scripts/bench/package.sh [PACKAGE]     (KVER=: the kernel, default the
#                                            first whose headers build it)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
pkg=${1:-xtables-addons-dkms}
line=$(grep "^$pkg |" "$top/tests/packages/packages.list") ||
	{ echo "bench: $pkg: not in tests/packages/packages.list" >&2; exit 1; }
IFS='|' read -r _ dirs vars <<<"$line"
src=$("$top/tests/packages/fetch.sh" "$pkg")
jobs=${JOBS:-$(nproc)}
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

plain() { # KVER: Kbuild alone, in a fresh copy, as the package's dkms.conf does
	local d=$work/plain pv=() v
	rm -rf "$d"; cp -a "$src" "$d"
	for v in $vars; do pv+=("${v//\{ROOT\}/$d}"); done
	for v in $dirs; do
		(cd "$d/$v" && nice make -s -j"$jobs" -C "/lib/modules/$1/build" \
			M="$d/$v" "${pv[@]}" modules) >>"$work/plain.log" 2>&1 || return 1
	done
}
ours() { # KVER: make modules, from scratch
	local mv=() v ov=
	rm -rf "$top/build/$1/modules/$(basename "$src")"
	for v in $dirs; do mv+=("$src/$v"); done
	for v in $vars; do ov+="${ov:+ }${v//\{ROOT\}/$src}"; done
	nice make -s -j"$jobs" -C "$top" modules M="${mv[*]}" ROOT="$src" KVER="$1" \
		MODULE_MAKEFLAGS="$ov" >>"$work/ours.log" 2>&1
}

kver=${KVER:-}
if [ -z "$kver" ]; then
	for k in $(cd /lib/modules && ls); do
		[ -e "/lib/modules/$k/build/Makefile" ] && plain "$k" && { kver=$k; break; }
	done
	[ -n "$kver" ] || { echo "bench: $pkg builds plainly on no installed kernel" >&2; exit 1; }
fi
nice make -s -C "$top" user "build/$kver/kmod/symtab.ko" >/dev/null
bp= bo=
for _ in $(seq "${BENCH_RUNS:-1}"); do
	t0=$(now); plain "$kver" || { echo "bench: $pkg: plain build failed" >&2; exit 1; }
	t1=$(now); ours "$kver" || { tail "$work/ours.log" >&2; exit 1; }
	t2=$(now)
	bp=$(awk -v a="$t0" -v b="$t1" -v m="$bp" 'BEGIN { t = b - a; print (m == "" || t < m) ? t : m }')
	bo=$(awk -v a="$t1" -v b="$t2" -v m="$bo" 'BEGIN { t = b - a; print (m == "" || t < m) ? t : m }')
done
awk -v p="$bp" -v o="$bo" -v k="$kver" -v n="$pkg" -v j="$jobs" 'BEGIN {
	printf "%s on %s, -j%d: plain Kbuild %.1f s, make modules %.1f s, ratio %.2f\n",
		n, k, j, p, o, o / p }'
