#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make kfuzz: the in-kernel fuzzer's long run, TOTAL mutants of SEED on
# each kernel (KVERS, default every kernel symtab.ko was built for that
# has an image, and the debug kernel when it is built with its modules),
# in boots of KFUZZ_CHUNK mutants per base module (default 200; the bases:
# KFUZZ_BASES, default the six of guest.sh).
# Failed mutants join the regression inputs (KFUZZ_RECORD=1).  Ends with
# the counts per kernel.
#
#   long.sh SEED TOTAL
set -uo pipefail
seed=$1 total=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
dbg=$top/scripts/debugkernel/build.sh
dbg_rel=$("$dbg" --release 2>/dev/null || :)
bases=$(echo ${KFUZZ_BASES:-symtest_consumer symtest_stripped symtest_alpha chain_b symtest_export chain_a} | wc -w)
chunk=${KFUZZ_CHUNK:-200}
kvers=${KVERS:-$(cd "$top/build" 2>/dev/null && for d in */kmod/symtab.ko; do
	k=${d%%/*}
	if [ "$k" = "$dbg_rel" ]; then
		"$dbg" --status >/dev/null && echo "$k"
	elif [ -e "/boot/vmlinuz-$k" ]; then
		echo "$k"
	fi
done)}
per_base=$(((total + bases - 1) / bases))
echo "# kfuzz seed $seed: $((per_base * bases)) mutants on each of: $(echo $kvers)"
fail=0
summary=
for k in $kvers; do
	t0=$(date +%s)
	start=0
	mkdir -p "$top/build/kfuzz"
	: >"$top/build/kfuzz/totals-$k.txt"
	while [ "$start" -lt "$per_base" ]; do
		n=$((per_base - start < chunk ? per_base - start : chunk))
		KFUZZ_RECORD=1 "$top/tests/kfuzz/vm.sh" "$k" "$seed" "$n" "$start" |
			tee -a "$top/build/kfuzz/totals-$k.txt" || fail=1
		start=$((start + n))
	done
	secs=$(($(date +%s) - t0))
	line=$(awk -v k="$k" -v s="$secs" '/^# kfuzz totals:/ {
		for (i = 4; i <= NF; i++) { split($i, f, "="); c[f[1]] += f[2] } }
		/^not ok/ { nf++ }
		END { printf "# %s: %d mutants, %d loads (%d with their consumer), %d refusals (%d by symtab), %d failed checks, %d s in the guest, %d s in all, %.2f mutants/s\n",
			k, c["mutants"], c["loads"], c["partners"], c["refusals"], c["by_symtab"], nf, c["seconds"], s,
			s ? c["mutants"] / s : 0 }' "$top/build/kfuzz/totals-$k.txt")
	summary="$summary$line
"
done
printf '%s' "$summary"
exit $fail
