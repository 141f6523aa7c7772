#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Boot a Debian kernel under QEMU (TCG) with the project's initramfs, run one
# scenario and judge the console: the scenario's TAP lines pass through,
# followed by one line for the kernel's own health (no BUG, WARNING, Oops,
# general protection fault or panic anywhere in the log).
#
#   run.sh KVER SCENARIO.sh [LOG]
# Environment: VM_TIMEOUT (seconds, default 600), VM_MEM (MiB, default 1024),
# VM_ACCEL (default tcg), a "# VM_SMP=N" line in the scenario, VM_SHOW=1 to print
# all the scenario's output, VM_KERNEL (the image to boot, default
# /boot/vmlinuz-KVER), VM_APPEND (more kernel parameters, after the default ones).
set -uo pipefail
kver=$1 scenario=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
name=$(basename "$scenario" .sh)
log=${3:-$top/build/vm-logs/$kver-$name.log}
mkdir -p "$(dirname "$log")"
kernel=${VM_KERNEL:-/boot/vmlinuz-$kver}
[ -r "$kernel" ] || { echo "not ok - [$kver $name] no readable $kernel"; exit 1; }

# A scenario may ask for more CPUs with a line "# VM_SMP=N".
smp=$(sed -n 's/^# VM_SMP=\([0-9]*\)$/\1/p' "$scenario" | head -1)

initrd=$(mktemp --suffix=.cpio)
trap 'rm -f "$initrd"' EXIT
"$top/scripts/vm/mkinitramfs.sh" "$kver" "$scenario" "$initrd" ||
	{ echo "not ok - [$kver $name] initramfs"; exit 1; }

timeout "${VM_TIMEOUT:-600}" qemu-system-x86_64 -accel "${VM_ACCEL:-tcg}" \
	-m "${VM_MEM:-1024}" -smp "${smp:-1}" -nodefaults -display none -no-reboot \
	-serial stdio -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 loglevel=3 panic=-1 oops=panic panic_on_warn=1 slub_debug=FZPU rdinit=/init${VM_APPEND:+ $VM_APPEND}" \
	</dev/null >"$log" 2>&1
qrc=$?
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"

# The scenario's own results, labelled with kernel and scenario; VM_SHOW=1
# shows everything the scenario printed (the demo).
if [ "${VM_SHOW:-0}" = 1 ]; then
	sed -n '/^SYMTAB-VM-BEGIN/,/^SYMTAB-VM-END/p' "$log"
else
	sed -n '/^SYMTAB-VM-BEGIN/,/^SYMTAB-VM-END/p' "$log" |
		sed -n -E "s/^(not ok|ok) [0-9]* ?-? ?/\1 - [$kver $name] /p"
fi
fail=$(sed -n '/^SYMTAB-VM-BEGIN/,/^SYMTAB-VM-END/p' "$log" | grep -c '^not ok')

# kmemleak: the leak count a scan logs and the objects /init printed from
# /sys/kernel/debug/kmemleak (not kmemleak's own boot messages).
bad=$(grep -E 'BUG[: ]|WARNING:|Oops|general protection|Kernel panic|UBSAN|KASAN|kmemleak: [0-9]+ new suspected|unreferenced object|Call Trace' "$log" | head -3)
if ! grep -q '^SYMTAB-VM-END rc=' "$log"; then
	echo "not ok - [$kver $name] VM finished the scenario (qemu status $qrc, log $log)"
	fail=$((fail + 1))
elif ! grep -q '^SYMTAB-VM-END rc=0' "$log" && [ "$fail" -eq 0 ]; then
	echo "not ok - [$kver $name] scenario exited non-zero with no failed check (log $log)"
	fail=1
elif [ -n "$bad" ]; then
	echo "not ok - [$kver $name] kernel log clean: $bad (log $log)"
	fail=$((fail + 1))
else
	echo "ok - [$kver $name] kernel log clean (no BUG/WARNING/Oops)"
fi
[ "$fail" -eq 0 ]
