#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Fuzz the symtab tool's module reader (tests/fuzz/elf_fuzz.c, over
# build/fuzz/lib/libsymtab.a) with libFuzzer for SECONDS (default 300).
# The corpus grows in build/fuzz/elf_corpus (seeded from
# tests/fuzz/elf_corpus); crashing inputs land in build/fuzz/ as crash-*:
# copy them to tests/fuzz/elf_crashes/ once fixed, and tests/symtab replays
# them on every run.
#
#   tests/fuzz/elf_fuzz.sh [SECONDS]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-300}
out=$top/build/fuzz
mkdir -p "$out/elf_corpus"

nice make -s -C "$top" "$out/elf_fuzz"

cp -n "$top"/tests/fuzz/elf_corpus/* "$out/elf_corpus/" 2>/dev/null || :
cd "$out"
exec nice "$out/elf_fuzz" -max_total_time="$seconds" -max_len=65536 \
	-timeout=10 -print_final_stats=1 \
	"$out/elf_corpus" "$top/tests/fuzz/elf_crashes"
