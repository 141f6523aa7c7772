#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Boot the Debian system image (scripts/system/mkimage.sh) once under QEMU
# (TCG, never KVM) and run one test stage in it: systemd brings the system
# up, the symtab-system-test unit runs STAGE from the exchange disk and
# powers off.  The stage's TAP lines pass through, labelled
# "[RELEASE STAGE]", followed by one line saying the stage finished.
#
#   boot.sh DISK XCHG KERNEL INITRD STAGE [LOG]
#
# DISK: the qcow2 overlay the system lives in (its changes persist from one
# boot to the next, as on a real machine); XCHG: the raw ext4 exchange disk
# (labelled symtab-xchg: stages/ in, out/ back); KERNEL, INITRD: what to
# boot (copied out of the system).  Environment: SYS_TIMEOUT (seconds,
# default 1800), SYS_MEM (MiB, default 2048), SYS_SMP (default 2),
# SYS_SHOW=1 to print the whole stage output.
set -uo pipefail
disk=$1 xchg=$2 kernel=$3 initrd=$4 stage=$5
top=$(cd "$(dirname "$0")/../.." && pwd)
rel=$(basename "$kernel" | sed 's/^vmlinuz-//')
log=${6:-$top/build/system/logs/$rel-$stage.log}
mkdir -p "$(dirname "$log")"
label="[$rel $stage]"

start=$(date +%s)
timeout "${SYS_TIMEOUT:-1800}" qemu-system-x86_64 -accel tcg \
	-m "${SYS_MEM:-2048}" -smp "${SYS_SMP:-2}" -nodefaults -display none \
	-no-reboot -serial stdio \
	-drive "file=$disk,format=qcow2,if=virtio,cache=unsafe" \
	-drive "file=$xchg,format=raw,if=virtio,cache=unsafe" \
	-kernel "$kernel" -initrd "$initrd" \
	-append "root=/dev/vda rw console=ttyS0 quiet panic=-1 systemd.mask=serial-getty@ttyS0.service symtab.stage=$stage" \
	</dev/null >"$log" 2>&1 &
qpid=$!
# The guest powers off after the stage; should it hang on the way down,
# the stage is over all the same (the exchange disk was unmounted first).
while kill -0 "$qpid" 2>/dev/null; do
	if grep -q '^SYMTAB-SYS-END' "$log" 2>/dev/null; then
		for _ in $(seq 120); do kill -0 "$qpid" 2>/dev/null || break; sleep 1; done
		kill "$qpid" 2>/dev/null
		break
	fi
	sleep 2
done
wait "$qpid"
qrc=$?
secs=$(($(date +%s) - start))
tr -d '\r' <"$log" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' >"$log.tmp" && mv "$log.tmp" "$log"

body() { sed -n '/^SYMTAB-SYS-BEGIN/,/^SYMTAB-SYS-END/p' "$log"; }
if [ "${SYS_SHOW:-0}" = 1 ]; then
	body
else
	body | sed -n -E "s/^(not ok|ok) [0-9]* ?-? ?/\1 - $label /p"
fi
# The guest's own clock: when the stage began (the boot) and ended.
up0=$(sed -n 's/^SYMTAB-SYS-BEGIN .* uptime \([0-9.]*\)$/\1/p' "$log")
up1=$(sed -n 's/^SYMTAB-SYS-END rc=[0-9]* uptime \([0-9.]*\)$/\1/p' "$log")
fail=$(body | grep -c '^not ok')
if ! grep -q '^SYMTAB-SYS-END rc=' "$log"; then
	echo "not ok - $label system booted and finished the stage (qemu status $qrc after $secs s, log $log)"
	fail=$((fail + 1))
elif ! grep -q '^SYMTAB-SYS-END rc=0' "$log" && [ "$fail" -eq 0 ]; then
	echo "not ok - $label stage exited non-zero with no failed check (log $log)"
	fail=1
else
	echo "ok - $label system booted (stage began at ${up0:-?} s uptime, ended at ${up1:-?} s; $secs s in all)"
fi
echo "# $label boot to stage: ${up0:-?} s, stage: ${up0:+$(echo "$up1 - $up0" | bc)} s, qemu: $secs s"
[ "$fail" -eq 0 ]
