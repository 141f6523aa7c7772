#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# One boot of the in-kernel fuzzer: tests/kfuzz/guest.sh in the test VM of
# kernel KVER, with PER_BASE mutants of each base module from index START
# of SEED, after the regression inputs (tests/kfuzz/regressions.txt).  The
# guest's TAP lines pass through (scripts/vm/run.sh); a VM that dies is a
# failure of the mutant it was loading.  Failed mutants are listed in
# build/kfuzz/failed.txt, and with KFUZZ_RECORD=1 appended to the
# regression inputs as well.
#
#   vm.sh KVER SEED PER_BASE [START]
# Environment: KFUZZ_BASES (base modules of guest.sh to mutate, default
# all), KFUZZ_TIMEOUT (s per insmod/rmmod in the guest, default 60),
# VM_TIMEOUT (default from the number of mutants).  The debug kernel
# (scripts/debugkernel/) boots with the memory and options it needs.
set -uo pipefail
kver=$1 seed=$2 per_base=$3 start=${4:-0}
top=$(cd "$(dirname "$0")/../.." && pwd)
dbg=$top/scripts/debugkernel/build.sh
regfile=$top/tests/kfuzz/regressions.txt
out=$top/build/kfuzz
# The base modules of guest.sh.
all_bases="symtest_consumer symtest_alpha chain_b symtest_export chain_a symtest_stripped"
bases=$(echo ${KFUZZ_BASES:-$all_bases} | wc -w)

[ -x "$top/build/bin/kfuzz-mutate" ] ||
	{ echo "not ok - [$kver kfuzz] no build/bin/kfuzz-mutate (make kfuzz-mutate)"; exit 1; }
mkdir -p "$out"
regs=$(sed 's/#.*//' "$regfile" 2>/dev/null | awk 'NF >= 3 { print $1, $2, $3 }')
nregs=$(echo -n "$regs" | grep -c . || :)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
	echo "KFUZZ_SEED=$seed"
	echo "KFUZZ_MUTANTS=$per_base"
	echo "KFUZZ_START=$start"
	echo "KFUZZ_TIMEOUT=${KFUZZ_TIMEOUT:-60}"
	echo "KFUZZ_BASES='${KFUZZ_BASES:-}'"
	echo "KFUZZ_BATCH=${KFUZZ_BATCH:-25}"
	echo "KFUZZ_REGRESSIONS='$regs'"
	cat "$top/tests/kfuzz/guest.sh"
} >"$dir/kfuzz.sh"
# One log per boot: bases named when not all of them.
log=$out/$kver-seed$seed-$start${KFUZZ_BASES:+-$(echo $KFUZZ_BASES | tr ' ' '+')}.log

# Under TCG a mutant takes 0.2-1 s on a loaded machine, several on the
# debug kernel; boot and the final kmemleak scans take minutes there.
n=$((bases * per_base + nregs))
if [ "$kver" = "$("$dbg" --release 2>/dev/null)" ]; then
	why=$("$dbg" --status) || { echo "not ok - [$kver kfuzz] $why"; exit 1; }
	export VM_KERNEL=$("$dbg" --image) VM_MEM=${VM_DEBUG_MEM:-2048}
	export VM_APPEND="panic_on_warn=0 kasan_multi_shot"
	export VM_TIMEOUT=${VM_TIMEOUT:-$((900 + n * 10))}
else
	export VM_TIMEOUT=${VM_TIMEOUT:-$((300 + n * 4))}
fi
"$top/scripts/vm/run.sh" "$kver" "$dir/kfuzz.sh" "$log"
rc=$?

# The failed mutants: those the guest named, and the one a dead VM was
# loading (the last it announced).
failed=$(sed -n 's/^not ok [0-9]* - kfuzz \([^ ]*\) seed \([0-9]*\) index \([0-9]*\): \(.*\)/\1 \2 \3 # \4/p' "$log")
if ! grep -q '^SYMTAB-VM-END' "$log"; then
	last=$(grep '^# kfuzz [a-z_]* [0-9]* [0-9]* ' "$log" | tail -1)
	kmsg=$(grep -E 'BUG[: ]|WARNING:|Oops|general protection|Kernel panic|KASAN|UBSAN|blocked for more than' "$log" | head -1)
	if [ -n "$last" ]; then
		set -- $last
		echo "not ok - [$kver kfuzz] the VM died at mutant $3 seed $4 index $5 (${*:6}): ${kmsg:-no kernel message} (log $log)"
		failed="$failed
$3 $4 $5 # the VM died: $kmsg"
	fi
fi
sed -n 's/^# kfuzz totals: /# kfuzz totals: /p' "$log"
failed=$(echo "$failed" | grep . || :)
if [ -n "$failed" ]; then
	echo "$failed" | sed "s/#/# $kver:/" >>"$out/failed.txt"
	echo "# failed mutants (base seed index) in $out/failed.txt"
	if [ "${KFUZZ_RECORD:-0}" = 1 ]; then
		echo "$failed" | while read -r b s i rest; do
			grep -q "^$b $s $i " "$regfile" 2>/dev/null ||
				echo "$b $s $i # $kver: ${rest#\# }" >>"$regfile"
		done
		echo "# and appended to $regfile: commit them"
	fi
fi
exit $rc
