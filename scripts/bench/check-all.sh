#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# symtab check -a over every installed kernel with its headers: all of
# /lib/modules/RELEASE, compressed or not.  For each, the modules, problems,
# wall and CPU seconds, with all CPUs and with one (taskset), and the floor
# it is compared with: reading every module file uncompressed and nothing
# else (cat, xz -dc, zstd -dc, gzip -dc in batches), single-threaded.
# Ratios: ours / floor in CPU seconds (the checking on top of the
# reading), one CPU / all CPUs in wall seconds (the parallel speedup).
#
#   scripts/bench/check-all.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
S=$top/build/bin/symtab
make -s -C "$top" "$S"
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# measure OUT CMD...: "wall user+sys" seconds of CMD into OUT.
measure() {
	local out=$1
	shift
	/usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >"$work/stdout" 2>/dev/null || :
	awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/t" >"$out"
}

# Every module file of a kernel uncompressed to /dev/null, in batches.
floor() {
	local k=$1 ext
	for ext in ko ko.xz ko.zst ko.gz; do
		case $ext in
		ko) dec="cat" ;;
		ko.xz) dec="xz -dc" ;;
		ko.zst) dec="zstd -q -dc" ;;
		ko.gz) dec="gzip -dc" ;;
		esac
		find "/lib/modules/$k" -type f -name "*.$ext" -print0 |
			xargs -0 -r -n 256 $dec >/dev/null
	done
}
export -f floor

for k in $(cd /lib/modules && ls); do
	[ -f "/lib/modules/$k/build/Module.symvers" ] || {
		echo "$k: SKIPPED: no Module.symvers (headers not installed)"
		continue
	}
	# Warm the page cache first: disks are not what is measured.
	find "/lib/modules/$k" -type f -name '*.ko*' -print0 |
		xargs -0 -r cat >/dev/null
	measure "$work/all" "$S" check -a -k "$k"
	summary=$(cat "$work/stdout")
	measure "$work/one" taskset -c 0 "$S" check -a -k "$k"
	measure "$work/floor" bash -c "floor '$k'"
	read -r w_all c_all <"$work/all"
	read -r w_one c_one <"$work/one"
	read -r w_floor c_floor <"$work/floor"
	echo "$summary"
	echo "  all CPUs: wall ${w_all} s, CPU ${c_all} s; one CPU: wall ${w_one} s, CPU ${c_one} s"
	echo "  floor (uncompress only, one process at a time): wall ${w_floor} s, CPU ${c_floor} s"
	awk -v a="$c_all" -v f="$c_floor" -v wo="$w_one" -v wa="$w_all" 'BEGIN {
		printf "  CPU ours/floor %.2f; wall one CPU/all CPUs %.2f\n",
			(f > 0 ? a / f : 0), (wa > 0 ? wo / wa : 0) }'
done
echo "(the machine's load average: $(cut -d' ' -f1-3 /proc/loadavg); wall times grow with it, CPU times do not)"
