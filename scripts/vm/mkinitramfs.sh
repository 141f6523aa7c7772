#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the busybox initramfs a VM test boots: busybox, the symtab tools,
# kmod (and xz, zstd, gzip) with the shared libraries they need, every
# module built for the kernel, the TAP helpers and one scenario script
# that /init runs.
#
#   mkinitramfs.sh KVER SCENARIO OUT.cpio
set -euo pipefail
kver=$1 scenario=$2 out=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build

busybox=$(command -v busybox || true)
[ -x /bin/busybox ] && busybox=/bin/busybox
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
	{ echo "mkinitramfs: need busybox-static" >&2; exit 1; }

root=$(mktemp -d)
chmod 755 "$root"	# mktemp makes it 0700: the initramfs / must be searchable
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,tests} \
	"$root/lib/modules/$kver/extra"
cp "$busybox" "$root/bin/busybox"
ln -s lib/modules/"$kver"/extra "$root/modules"

# Userspace tools and, by path, every shared library they link; and the
# host's compressors, for scenarios that compress modules (busybox's xz
# cannot, and it has no zstd).
for tool in "$build"/bin/* $(command -v xz zstd gzip || :); do
	[ -x "$tool" ] || continue
	cp "$tool" "$root/bin/"
	# Nothing for a static binary (genksyms), where ldd fails.
	libs=$(ldd "$tool" 2>/dev/null | grep -o '/[^ ]*' || :)
	for lib in $libs; do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
done

# The real kmod (modprobe, depmod, modinfo) beside busybox's applets, under
# /usr/sbin, for the scenarios that test what Debian's modprobe does.
kmod=$(command -v kmod || true)
if [ -n "$kmod" ]; then
	mkdir -p "$root/usr/bin" "$root/usr/sbin"
	cp -L "$kmod" "$root/usr/bin/kmod"
	for t in modprobe depmod modinfo lsmod insmod rmmod; do
		ln -s ../bin/kmod "$root/usr/sbin/$t"
	done
	for lib in $(ldd "$kmod" 2>/dev/null | grep -o '/[^ ]*' || :); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
fi

# Every module built for this kernel, by module name.
# VM_EXTRA_MODULES adds directories (benchmarks keep their big modules apart).
for d in "$build/$kver" ${VM_EXTRA_MODULES:-}; do
	[ -d "$d" ] || continue
	find "$d" -name '*.ko' -print0 |
		xargs -0 -r cp -t "$root/lib/modules/$kver/extra/"
done

cp "$top/tests/tap.sh" "$top/tests/vm/lib.sh" "$root/tests/"
cp "$top/tests/symtab/malformed.cases" "$root/tests/"
cp "$scenario" "$root/tests/scenario.sh"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' \
	>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

cat >"$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
export PATH=/bin:/sbin HOME=/root
# A kmemleak kernel (the debug kernel): what boot left unreferenced is
# not the scenario's, so scan once and clear it before the scenario.
kmemleak=/sys/kernel/debug/kmemleak
if [ -w $kmemleak ]; then
	echo scan >$kmemleak
	echo clear >$kmemleak
fi
cd /tests
echo "SYMTAB-VM-BEGIN $(uname -r)"
sh /tests/scenario.sh
echo "SYMTAB-VM-END rc=$?"
# Then what the scenario leaked: kmemleak reports only objects older than
# 5 s, and a second scan confirms the first.  run.sh fails the boot on any
# "unreferenced object".
if [ -w $kmemleak ]; then
	sleep 6
	echo scan >$kmemleak
	sleep 2
	echo scan >$kmemleak
	echo "SYMTAB-VM-KMEMLEAK-BEGIN"
	cat $kmemleak
	echo "SYMTAB-VM-KMEMLEAK-END"
fi
echo "SYMTAB-VM-DMESG-BEGIN"
dmesg
echo "SYMTAB-VM-DMESG-END"
# QEMU runs with -no-reboot: a reboot ends it, also on kernels without
# ACPI to power off with (the debug kernel).
reboot -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$out"
