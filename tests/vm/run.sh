#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# VM suite: every scenario in tests/vm/scenarios/ on every installed kernel
# that symtab.ko was built for, and on the debug kernel (make debug-kernel)
# when it is built and current: there, unless KVERS names it (make
# test-debug), only VM_DEBUG_SCENARIOS (default: stress).  KVERS narrows the kernels,
# SCENARIOS the scenarios (names without .sh).  A PREEMPT_RT kernel
# (a release ending in -rt-<flavour>), unless KVERS names it (make
# test-rt), is a counted skip: the whole suite on one more kernel would add
# its full time to make test.  Scenarios run TEST_JOBS at a time
# (tests/jobs.sh).  The debug kernel boots with
# VM_DEBUG_MEM (MiB, default 2048) and VM_DEBUG_TIMEOUT (s, default 1800):
# under TCG one of its boots takes 4-5 minutes on an idle 2-core machine
# (18 s to /init, then about 40 s per kmemleak scan, three scans a boot),
# 10-13 minutes with six boots at once on a loaded one.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/jobs.sh"
dbg=$top/scripts/debugkernel/build.sh
dbg_rel=$("$dbg" --release 2>/dev/null || :)
kvers=${KVERS:-$(cd "$top/build" 2>/dev/null && for d in */kmod/symtab.ko; do
	[ -e "$d" ] && echo "${d%%/*}"; done)}
# Unasked, a debug kernel that is not built, current and with its modules
# is a counted skip of each scenario it would have run there (SCENARIOS,
# else VM_DEBUG_SCENARIOS), never a failure.
debug_skip() {
	for s in ${SCENARIOS:-${VM_DEBUG_SCENARIOS:-stress}}; do
		echo "ok - [debug $s] VM scenario on the debug kernel # SKIP $1"
	done
}
if [ -z "${KVERS:-}" ]; then
	if ! why=$("$dbg" --status); then
		debug_skip "$why"
		kvers=$(for k in $kvers; do [ "$k" = "$dbg_rel" ] || echo "$k"; done)
	elif [ ! -e "$top/build/$dbg_rel/kmod/symtab.ko" ]; then
		debug_skip "debug kernel $dbg_rel: modules not built (make test-debug)"
	fi
fi
# PREEMPT_RT kernels run in make test-rt (KVERS names them).
if [ -z "${KVERS:-}" ]; then
	keep=
	for k in $kvers; do
		case $k in
		*-rt-*) echo "ok - [$k] VM suite # SKIP PREEMPT_RT kernel: make test-rt runs it" ;;
		*) keep="$keep $k" ;;
		esac
	done
	kvers=${keep# }
fi
# A release with headers but no image (headers installed as test material,
# or left in build/ from such a time) cannot boot: one line, not a failure.
if [ -z "${KVERS:-}" ]; then
	boot=
	for k in $kvers; do
		if [ "$k" = "$dbg_rel" ] || [ -e "/boot/vmlinuz-$k" ]; then
			boot="$boot $k"
		else
			echo "ok - [$k] VM suite # SKIP no /boot/vmlinuz-$k to boot"
		fi
	done
	kvers=${boot# }
fi
[ -n "$kvers" ] || { echo "not ok - no kernel with build/<release>/kmod/symtab.ko"; exit 1; }
n=0
for k in $kvers; do n=$((n + 1)); done
[ "$n" -ge 2 ] || echo "# only $n kernel(s): $kvers"

# The debug kernel's boots are the longest: started first, they end with
# the others rather than after them.
case " $kvers " in
*" $dbg_rel "*) [ -z "$dbg_rel" ] ||
	kvers="$dbg_rel $(for k in $kvers; do [ "$k" = "$dbg_rel" ] || echo "$k"; done)" ;;
esac
fail=0
for kver in $kvers; do
	for s in "$top"/tests/vm/scenarios/*.sh; do
		name=$(basename "$s" .sh)
		if [ -n "${SCENARIOS:-}" ]; then
			case " $SCENARIOS " in *" $name "*) ;; *) continue ;; esac
		fi
		if [ -n "$dbg_rel" ] && [ "$kver" = "$dbg_rel" ]; then
			# Unasked (make test), only VM_DEBUG_SCENARIOS: the whole
			# suite takes over an hour on it (make test-debug).
			if [ -z "${KVERS:-}" ] && [ -z "${SCENARIOS:-}" ]; then
				case " ${VM_DEBUG_SCENARIOS:-stress} " in
				*" $name "*) ;;
				*) continue ;;
				esac
			fi
			why=$("$dbg" --status) ||
				{ echo "not ok - [$kver $name] $why"; fail=1; continue; }
			# KASAN wants memory; reports must reach the final dmesg
			# rather than stop the kernel at the first one.
			jobs_start env VM_KERNEL="$("$dbg" --image)" \
				VM_MEM="${VM_DEBUG_MEM:-2048}" \
				VM_TIMEOUT="${VM_DEBUG_TIMEOUT:-1800}" \
				VM_APPEND="panic_on_warn=0 kasan_multi_shot" \
				"$top/scripts/vm/run.sh" "$kver" "$s"
			continue
		fi
		jobs_start "$top/scripts/vm/run.sh" "$kver" "$s"
	done
done
jobs_wait || fail=1
exit $fail
