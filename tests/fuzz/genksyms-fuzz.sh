#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the genksyms libFuzzer harness (tests/fuzz/genksyms_fuzz.c, over
# build/fuzz/lib/libgenksyms.a) and run it for a while.
#
#   tests/fuzz/genksyms-fuzz.sh [SECONDS]        default 120
#
# Seeds: the genksyms fixtures and crash regressions.  New crash inputs land
# in build/fuzz/genksyms-artifacts/; copy them to
# tests/genksyms/fixtures/crashes/ once fixed, so the suite replays them.
set -eu
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"
secs=${1:-120}
out=build/fuzz
mkdir -p "$out/genksyms-corpus" "$out/genksyms-artifacts"
nice make -s "$top/$out/genksyms_fuzz"
cp tests/genksyms/fixtures/*.i tests/genksyms/fixtures/extensions/*.i \
	"$out/genksyms-corpus/" 2>/dev/null || true
cp tests/genksyms/fixtures/crashes/* "$out/genksyms-corpus/" 2>/dev/null || true
exec nice "$out/genksyms_fuzz" -max_total_time="$secs" -max_len=65536 \
	-timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix="$out/genksyms-artifacts/" "$out/genksyms-corpus"
