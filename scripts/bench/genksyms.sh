#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Benchmark our genksyms against the kernel's on Linux 6.1 sources outside
# lib/ (from scripts/corpus/), both with -T, in one run: total time (and
# `wc -l` over the same files as a floor), peak RSS on the largest file, and
# time against input size (linearity).  Figures are printed as ratios.
#
#   scripts/bench/genksyms.sh [LIST]    default tests/genksyms/corpus-sample-6.1
set -eu
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"
list=${1:-tests/genksyms/corpus-sample-6.1}
corpus=${XDG_CACHE_HOME:-$HOME/.cache}/symtab/corpus-6.1
G=$top/build/bin/genksyms
K=$(ls /usr/lib/linux-kbuild-6.1/scripts/genksyms/genksyms 2>/dev/null ||
    ls /usr/lib/linux-kbuild-*/scripts/genksyms/genksyms | sort -V | tail -1)
make -s "$G"
mapfile -t sources < <(grep -v '^lib/' "$list")
scripts/corpus/mkcorpus.sh 6.1 "${sources[@]}" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
files=()
for rel in "${sources[@]}"; do
	f=$tmp/in/$(echo "${rel%.c}" | tr / _).i
	zstd -dcq "$corpus/${rel%.c}.i.zst" >"$f"
	files+=("$f")
done

now() { date +%s.%N; }
run_all() {	# run_all TOOL [ARGS]: all files, 3 rounds, best total seconds
	local best= r s e t f
	for r in 1 2 3; do
		s=$(now)
		for f in "${files[@]}"; do
			"$@" <"$f" >/dev/null 2>&1 || true
		done
		e=$(now)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then
			best=$t
		fi
	done
	echo "$best"
}
rss_kb() {	# rss_kb FILE TOOL [ARGS]: peak resident set size in KiB
	local f=$1
	shift
	/usr/bin/time -f %M "$@" <"$f" 2>&1 >/dev/null | tail -1
}

bytes=$(cat "${files[@]}" | wc -c)
t_ours=$(run_all "$G" -T "$tmp/o.sym")
t_kern=$(run_all "$K" -T "$tmp/k.sym")
t_wc=$(run_all wc -l)
largest=$(ls -S "${files[@]}" | head -1)
small=$(ls -Sr "${files[@]}" | head -1)
m_ours=$(rss_kb "$largest" "$G" -T "$tmp/o.sym")
m_kern=$(rss_kb "$largest" "$K" -T "$tmp/k.sym")

# Linearity: the largest file, and the same file concatenated 4 times (its
# definitions repeat identically, so the work is 4x the lexing and parsing).
cat "$largest" "$largest" "$largest" "$largest" >"$tmp/x4.i"
lin() {	# lin FILE: best of 3 seconds
	local best= r s t
	for r in 1 2 3; do
		s=$(now)
		"$G" -T "$tmp/l.sym" <"$1" >/dev/null 2>&1 || true
		t=$(echo "$(now) - $s" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then
			best=$t
		fi
	done
	echo "$best"
}
t1=$(lin "$largest")
t4=$(lin "$tmp/x4.i")

printf 'corpus: %d files, %d MiB; largest %s\n' "${#files[@]}" \
	$((bytes >> 20)) "$(basename "$largest")"
printf 'throughput, ours / kernel genksyms (both -T): %.1fx\n' \
	"$(echo "$t_kern / $t_ours" | bc -l)"
printf 'time, ours / wc -l over the same files:        %.1fx\n' \
	"$(echo "$t_ours / $t_wc" | bc -l)"
printf 'time, kernel genksyms / wc -l:                %.1fx\n' \
	"$(echo "$t_kern / $t_wc" | bc -l)"
printf 'peak RSS on the largest file, ours / kernel:  %.2f\n' \
	"$(echo "$m_ours / $m_kern" | bc -l)"
printf 'time for 4x the input / time for 1x:          %.2f (4.00 = linear)\n' \
	"$(echo "$t4 / $t1" | bc -l)"
: "$small"
