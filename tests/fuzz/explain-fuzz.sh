#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the explain library's libFuzzer harness (tests/fuzz/explain_fuzz.c,
# over build/fuzz/lib/libexplain.a) and run it for SECONDS (default 120),
# seeded with the explain fixtures' symtypes pairs and tests/fuzz/explain_seeds/.
# Crashing inputs land in
# build/fuzz/explain-artifacts/.
#
#   tests/fuzz/explain-fuzz.sh [SECONDS]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
secs=${1:-120}
out=build/fuzz
mkdir -p "$out/explain-corpus" "$out/explain-artifacts"
nice make -s "$top/$out/explain_fuzz" "$top/build/bin/genksyms"
# Seeds: each fixture pair's symtypes, old and new with a form feed between
# them (the harness's pair format).
for d in tests/explain/fixtures/*/; do
	for v in old new; do
		gcc -E -D__GENKSYMS__ -x c "$d/$v.c" |
			build/bin/genksyms -T "$out/$v.symtypes" >/dev/null
	done
	{ cat "$out/old.symtypes"; printf '\f'; cat "$out/new.symtypes"; } \
		>"$out/explain-corpus/$(basename "$d")"
done
# Stored seeds: deep chains and nesting, anonymous bit-fields.
cp tests/fuzz/explain_seeds/* "$out/explain-corpus/"
exec nice "$out/explain_fuzz" -max_total_time="$secs" -max_len=65536 \
	-timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix="$out/explain-artifacts/" "$out/explain-corpus"
