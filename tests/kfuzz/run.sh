#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Suite kfuzz (make test): a short, fixed-seed share of the in-kernel
# fuzzer (make kfuzz runs the long one), KFUZZ_TEST_MUTANTS (default 12)
# mutants of each base module plus the regression inputs, on every
# Debian kernel symtab.ko was built for and on the debug kernel; where the
# debug kernel is not built, a counted skip with the reason; KVERS narrows
# the kernels (the debug kernel's release included).  First, the
# mutator itself: it finds what it mutates, and a seed and an index give
# one mutant.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/tap.sh"
dbg=$top/scripts/debugkernel/build.sh
dbg_rel=$("$dbg" --release 2>/dev/null || :)
mut=$top/build/bin/kfuzz-mutate
per_base=${KFUZZ_TEST_MUTANTS:-12}
seed=1

[ -x "$mut" ] || { not_ok "kfuzz: build/bin/kfuzz-mutate built (make kfuzz-mutate)"; exit 1; }
kvers=${KVERS:-$(cd "$top/build" 2>/dev/null && for d in */kmod/symtab.ko; do
	[ -e "$d" ] && echo "${d%%/*}"; done)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for k in $kvers; do
	[ "$k" = "$dbg_rel" ] && continue
	m=$top/build/$k/modules
	for b in symtest_consumer/symtest_consumer symtest_stripped/symtest_stripped \
		symtest_fixture/symtest_alpha chain_b/chain_b \
		symtest_export/symtest_export chain_a/chain_a; do
		"$mut" --list "$m/$b.ko" >"$tmp/list" 2>&1
		expect "[$k] kfuzz-mutate finds the blocks of $(basename $b)" \
			grep -q '^block ' "$tmp/list"
	done
	"$mut" 7 3 "$m/chain_b/chain_b.ko" "$tmp/a.ko" >"$tmp/a.desc"
	"$mut" 7 3 "$m/chain_b/chain_b.ko" "$tmp/b.ko" >"$tmp/b.desc"
	expect "[$k] one seed and index, one mutant" cmp -s "$tmp/a.ko" "$tmp/b.ko"
	expect "[$k] the mutant differs from its base" \
		sh -c "! cmp -s '$tmp/a.ko' '$m/chain_b/chain_b.ko'"
	break
done

fail=0
for k in $kvers; do
	[ "$k" = "$dbg_rel" ] && continue
	[ -e "/boot/vmlinuz-$k" ] ||
		{ skip "[$k kfuzz] in-kernel fuzzer" "no /boot/vmlinuz-$k to boot"; continue; }
	"$top/tests/kfuzz/vm.sh" "$k" "$seed" "$per_base" || fail=1
done
if [ -n "${KVERS:-}" ] && ! echo " $KVERS " | grep -qF " $dbg_rel "; then
	skip "[debug kfuzz] in-kernel fuzzer on the debug kernel" "not in KVERS"
elif [ -z "$dbg_rel" ] || ! why=$("$dbg" --status); then
	skip "[debug kfuzz] in-kernel fuzzer on the debug kernel (KASAN, lockdep, kmemleak)" \
		"${why:-no debug kernel release}"
elif [ ! -e "$top/build/$dbg_rel/kmod/symtab.ko" ]; then
	skip "[$dbg_rel kfuzz] in-kernel fuzzer on the debug kernel" \
		"modules not built for it (make debug-modules)"
else
	"$top/tests/kfuzz/vm.sh" "$dbg_rel" "$seed" "$per_base" || fail=1
fi
[ "$failed" -eq 0 ] && [ "$fail" -eq 0 ]
