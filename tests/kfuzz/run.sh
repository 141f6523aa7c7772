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
. "$top/tests/jobs.sh"
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

# One boot per kernel, TEST_JOBS at once (tests/jobs.sh), the debug
# kernel's (the longest) first.  PREEMPT_RT kernels run in make test-rt
# (KVERS names them).
fail=0
if [ -n "${KVERS:-}" ]; then
	# Only the kernels asked for; the debug kernel below if named.
	[ -z "$dbg_rel" ] || [[ " $KVERS " == *" $dbg_rel "* ]] ||
		skip "[debug kfuzz] in-kernel fuzzer on the debug kernel" "not in KVERS"
elif [ -z "$dbg_rel" ] || ! why=$("$dbg" --status); then
	skip "[debug kfuzz] in-kernel fuzzer on the debug kernel (KASAN, lockdep, kmemleak)" \
		"${why:-no debug kernel release}"
elif [ ! -e "$top/build/$dbg_rel/kmod/symtab.ko" ]; then
	skip "[$dbg_rel kfuzz] in-kernel fuzzer on the debug kernel" \
		"modules not built for it (make debug-modules)"
else
	jobs_start "$top/tests/kfuzz/vm.sh" "$dbg_rel" "$seed" "$per_base"
fi
for k in $kvers; do
	if [ "$k" = "$dbg_rel" ]; then
		[ -z "${KVERS:-}" ] ||
			jobs_start "$top/tests/kfuzz/vm.sh" "$k" "$seed" "$per_base"
		continue
	fi
	case $k in
	*-rt-*)
		if [ -z "${KVERS:-}" ]; then
			skip "[$k kfuzz] in-kernel fuzzer" "PREEMPT_RT kernel: make test-rt runs it"
			continue
		fi
		;;
	esac
	[ -e "/boot/vmlinuz-$k" ] ||
		{ skip "[$k kfuzz] in-kernel fuzzer" "no /boot/vmlinuz-$k to boot"; continue; }
	jobs_start "$top/tests/kfuzz/vm.sh" "$k" "$seed" "$per_base"
done
jobs_wait || fail=1
[ "$failed" -eq 0 ] && [ "$fail" -eq 0 ]
