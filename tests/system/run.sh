#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# System suite: symtab as a Debian user meets it.  The project's packages
# (dpkg-buildpackage), installed with apt in a real Debian 12 system
# (scripts/system/mkimage.sh: mmdebstrap, systemd, udev, kmod, dkms, cached)
# booted under QEMU, where the stages in tests/system/stages/ run.
#
#   tests/system/run.sh               the 6.1 stage (make test): packages,
#                                     dkms, modprobe, user dkms packages,
#                                     a stale consumer refused in the journal
#   SYSTEM_FULL=1 tests/system/run.sh  and then (make test-system): a second
#                                     boot (modules-load.d), the upgrade to
#                                     6.12 with dkms rebuilds, a reboot into
#                                     6.12, the same flows, the purge
#
# Every boot's stage is one overlay on the cached image, kept in
# build/system/ with the exchange disk (its out/ holds each stage's log).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/tap.sh"
sys=$top/build/system
mkdir -p "$sys"

# The image (made once, then cached) is made while the packages build:
# mmdebstrap mostly waits for the archive, dpkg-buildpackage for the CPU.
t0=$(date +%s)
nice -n 10 "$top/scripts/system/mkimage.sh" >"$sys/mkimage.out" 2>"$sys/mkimage.log" &
mkimage=$!

# The packages.
key=$(cat "$sys/debs/KEY" 2>/dev/null)
if "$top/scripts/system/debs.sh" "$sys/debs" >/dev/null; then
	if [ "$key" = "$(cat "$sys/debs/KEY")" ]; then
		ok "symtab packages built with dpkg-buildpackage (kept: the tree did not change)"
	else
		ok "symtab packages built with dpkg-buildpackage ($(($(date +%s) - t0)) s)"
	fi
else
	not_ok "symtab packages built: $(cat "$sys/debs/WHY")"
fi

# The system image.
if ! wait "$mkimage"; then
	not_ok "Debian system image made: $(tail -1 "$sys/mkimage.log")"
	exit 1
fi
img=$(tail -1 "$sys/mkimage.out")
ok "Debian system image ready ($(($(date +%s) - t0)) s here; made in $(cat "$img/seconds") s)"
rel=$(cat "$img/release")

# A fresh system: an overlay on the image, and the exchange disk with the
# stages, TAP helpers, the test modules' sources and the packages.
run=$sys/run
rm -rf "$run"
mkdir -p "$run/x/modules" "$run/x/out"
qemu-img create -q -f qcow2 -b "$img/root.img" -F raw "$run/disk.qcow2"
cp -r "$top/tests/system/stages" "$run/x/"
cp "$top/tests/tap.sh" "$run/x/"
for m in symtest_export symtest_consumer symtest_stale include; do
	cp -r "$top/tests/modules/$m" "$run/x/modules/"
done
cp -r "$sys/debs" "$run/x/debs"
mke2fs -q -t ext4 -L symtab-xchg -d "$run/x" "$run/xchg.img" 512M >/dev/null ||
	{ not_ok "exchange disk made"; tap_plan; exit 1; }

boot() { "$top/scripts/system/boot.sh" "$run/disk.qcow2" "$run/xchg.img" "$@"; }
# What a stage left in out/, back on the host.
fetch() { rm -rf "$run/out"; debugfs -R "rdump /out $run" "$run/xchg.img" >/dev/null 2>&1; }

res=0
boot "$img/vmlinuz-$rel" "$img/initrd.img-$rel" install || res=1
fetch
if [ "${SYSTEM_FULL:-0}" = 1 ]; then
	boot "$img/vmlinuz-$rel" "$img/initrd.img-$rel" upgrade || res=1
	fetch
	new=$(cat "$run/out/boot/release" 2>/dev/null)
	if [ -n "$new" ] && [ -r "$run/out/boot/vmlinuz-$new" ]; then
		boot "$run/out/boot/vmlinuz-$new" "$run/out/boot/initrd.img-$new" \
			newkernel || res=1
		fetch
	else
		echo "not ok - the upgrade left a new kernel to reboot into: the 6.12 stages not run"
		res=1
	fi
fi
[ "$res" -eq 0 ] && [ "$failed" -eq 0 ]
