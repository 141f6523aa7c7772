#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# genksyms --diff at kernel scale: every fs/ symtypes file of the project's
# Linux 6.1 corpus (~/.cache/symtab/corpus-6.1, built by
# scripts/corpus/mkcorpus.sh or `make conformance`) against a copy where a
# member of struct inode, struct file and struct mm_struct changed (most
# of fs/ reaches them), then the same with the input doubled (a second
# copy of every file, its symbols renamed).  Prints wall seconds, user
# seconds and peak RSS of each, the ratios 2x / 1x (2.00 = linear), and
# the time against `explain-driver --crc` of both sides (the floor: the
# CRCs alone).  When the 6.12 corpus has fs/ files too, the files both
# corpora have are compared as a real 6.1 -> 6.12 diff.
#
#   scripts/bench/explain.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
corpus=$cache/corpus-6.1/fs
G=$top/build/bin/genksyms
D=$top/build/test/explain-driver
if [ -z "$(find "$corpus" -name '*.symtypes' -print -quit 2>/dev/null)" ]; then
	echo "bench explain: SKIPPED: no fs/*.symtypes in $cache/corpus-6.1;" \
		"build it with scripts/corpus/mkcorpus.sh 6.1 (make conformance)" >&2
	exit 0
fi
make -s -C "$top" "$G" "$D"
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The old tree as it is, the new one with three core structs changed.
mkdir -p "$work/x1/old" "$work/x1/new"
(cd "$corpus" && find . -name '*.symtypes' | sed 's|^\./||') | sort >"$work/files"
while read -r f; do
	o=$work/x1/old/${f//\//_}
	cp "$corpus/$f" "$o"
	sed -E -e '/^s#inode /s/unsigned long i_ino ;/t#u64 i_ino ;/' \
		-e '/^s#file /s/unsigned int f_flags ;/unsigned long f_flags ;/' \
		-e '/^s#mm_struct /s/unsigned long mmap_base ;/unsigned long mmap_base ; int mmap_new ;/' \
		"$o" >"$work/x1/new/${f//\//_}"
done <"$work/files"
# Twice the input: each file again, its symbols renamed, so there are twice
# as many units, types and symbols to compare.
for side in old new; do
	mkdir -p "$work/x2/$side"
	for f in "$work/x1/$side"/*; do
		b=$(basename "$f" .symtypes)
		cp "$f" "$work/x2/$side/$b.symtypes"
		awk '$1 !~ /#/ { n = $1; for (i = 1; i <= NF; i++) if ($i == n) $i = n "_2" } 1' \
			"$f" >"$work/x2/$side/$b.2.symtypes"
	done
done

measure() { # measure NAME CMD...: best of 3, "wall user rss_kib"
	local best= r out
	shift
	for r in 1 2 3; do
		/usr/bin/time -o "$work/time" -f '%e %U %M' "$@" >/dev/null 2>&1 ||
			true
		out=$(tail -1 "$work/time")
		if [ -z "$best" ] || [ "$(echo "${out%% *} < ${best%% *}" | bc -l)" = 1 ]; then
			best=$out
		fi
	done
	echo "$best"
}
size() { du -sb "$1" | cut -f1; }

read -r w1 u1 m1 <<<"$(measure x1 "$G" --diff "$work/x1/old" "$work/x1/new")"
read -r w2 u2 m2 <<<"$(measure x2 "$G" --diff "$work/x2/old" "$work/x2/new")"
read -r _ uc1 _ <<<"$(measure crc "$D" --crc "$work/x1/old")"
read -r _ uc2 _ <<<"$(measure crc "$D" --crc "$work/x1/new")"
"$G" --diff "$work/x1/old" "$work/x1/new" >"$work/out" || true
changed=$("$G" --diff --per-symbol "$work/x1/old" "$work/x1/new" |
	cut -d: -f1 | sort -u | wc -l) || true

printf 'fs/ of Linux 6.1: %d files, %d symbols, %d MiB a side; %d symbols changed, %d groups\n' \
	"$(wc -l <"$work/files")" \
	"$(cat "$work/x1/old"/* | grep -cvE '^(override )?[tsueE]#')" \
	$(($(size "$work/x1/old") >> 20)) "$changed" \
	"$(grep -c '^  reached from' "$work/out" || true)"
printf '1x: %6.2f s wall, %6.2f s user, peak RSS %4d MiB\n' "$w1" "$u1" $((m1 >> 10))
printf '2x: %6.2f s wall, %6.2f s user, peak RSS %4d MiB\n' "$w2" "$u2" $((m2 >> 10))
printf 'time for 2x the input / time for 1x (user): %.2f (2.00 = linear)\n' \
	"$(echo "$u2 / $u1" | bc -l)"
printf 'peak RSS for 2x / for 1x:                   %.2f (2.00 = linear)\n' \
	"$(echo "$m2 / $m1" | bc -l)"
printf 'time, --diff / both sides'"'"' CRCs alone (user):  %.2f\n' \
	"$(echo "$u1 / ($uc1 + $uc2)" | bc -l)"

# A real diff, where the 6.12 corpus has the same files.
new=$cache/corpus-6.12/fs
if [ -d "$new" ]; then
	mkdir -p "$work/real/old" "$work/real/new"
	n=0
	while read -r f; do
		[ -f "$new/$f" ] || continue
		ln -s "$corpus/$f" "$work/real/old/${f//\//_}"
		ln -s "$new/$f" "$work/real/new/${f//\//_}"
		n=$((n + 1))
	done <"$work/files"
	if [ "$n" -gt 0 ]; then
		read -r w u m <<<"$(measure real "$G" --diff "$work/real/old" "$work/real/new")"
		printf '6.1 -> 6.12, the %d fs/ files both corpora have (%d MiB): %.2f s wall, %.2f s user, peak RSS %d MiB\n' \
			"$n" $(($(du -sbL "$work/real/old" | cut -f1) >> 20)) "$w" "$u" $((m >> 10))
	else
		echo "6.1 -> 6.12: no fs/ file in $new yet (scripts/corpus/mkcorpus.sh 6.12)"
	fi
else
	echo "6.1 -> 6.12: no $new (scripts/corpus/mkcorpus.sh 6.12)"
fi
