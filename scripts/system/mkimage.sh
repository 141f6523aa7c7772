#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Make (once) the Debian bookworm system the system tests boot: a root
# filesystem by mmdebstrap from the archive this host's apt uses, as a raw
# ext4 image made by mke2fs -d (no loop mount), with the kernel and initrd
# copied out of it for qemu -kernel/-initrd.  Cached under
# ~/.cache/symtab/system/<key>/, the key a hash of this recipe (this
# script, the guest files it bakes in, the apt sources), so a changed recipe
# makes a new image.  Prints the image's directory.
#
#   mkimage.sh            make it when missing, print its directory
#   mkimage.sh --status   print the directory if it is made, else why not (exit 1)
#
# The directory holds root.img (raw ext4, never written: boots use a qcow2
# overlay), vmlinuz-<release>, initrd.img-<release>, release (the 6.1
# release booted first), seconds (time it took to make).  The 6.12 kernel
# packages are downloaded into the image's apt cache, not installed, so the
# tests can upgrade the kernel inside it without network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${SYMTAB_CACHE:-$HOME/.cache/symtab}/system

# Debian's own sources only (the archive and its security suite).
sources() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -e "$f" ] && grep -q 'debian\.org/debian' "$f" && echo "$f"
	done
	true
}
srcs=$(sources)

# What goes in it.  INCLUDE: installed; DOWNLOAD: only fetched into
# /var/cache/apt/archives, for the upgrade test.
INCLUDE="systemd-sysv,udev,kmod,dkms,build-essential,linux-image-amd64,\
linux-headers-amd64,initramfs-tools,libelf1,zlib1g,liblzma5,libzstd1,\
xz-utils,zstd,e2fsprogs,procps,less,apt-utils"
DOWNLOAD="linux-image-6.12-amd64 linux-headers-6.12-amd64"

# The guest files, for the hook (which names no path of this checkout, so
# that the key does not depend on where the checkout is).
export SYMTAB_GUEST=$here/guest
# The guest: root on /dev/vda, no password for root on the console, the
# test unit, nothing that runs on a timer, no network to wait for.
customize() {
	cat <<EOS
echo symtab-test > "\$1/etc/hostname"
echo '/dev/vda / ext4 defaults,errors=remount-ro 0 1' > "\$1/etc/fstab"
chroot "\$1" passwd -d root
install -m 755 "\$SYMTAB_GUEST/symtab-system-test" "\$1/usr/local/sbin/"
install -m 644 "\$SYMTAB_GUEST/symtab-system-test.service" "\$1/etc/systemd/system/"
chroot "\$1" systemctl enable symtab-system-test.service
for t in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer \
	e2scrub_reap.service fstrim.timer man-db.timer; do
	chroot "\$1" systemctl mask \$t
done
chroot "\$1" apt-get clean
chroot "\$1" apt-get install -y -q --download-only $DOWNLOAD
EOS
}

# Before the kernel is installed: a VM's initrd needs only its disk and
# filesystem (MODULES=list: update-initramfs is short, here and under TCG).
essential() {
	cat <<EOS
mkdir -p "\$1/etc/initramfs-tools/conf.d" "\$1/usr/share/initramfs-tools/modules.d"
echo MODULES=list > "\$1/etc/initramfs-tools/conf.d/symtab-test"
printf 'virtio_pci\\nvirtio_blk\\next4\\n' > "\$1/usr/share/initramfs-tools/modules.d/symtab-test"
EOS
}

# The key: what goes in (the lists, the hook, the guest files, the sources),
# not this script's prose.
key=$( { echo "$INCLUDE $DOWNLOAD"; essential; customize; cat "$here"/guest/*
	[ -z "$srcs" ] || cat $srcs; } | sha256sum | cut -c1-16)
dir=$cache/$key

if [ "${1:-}" = --status ]; then
	[ -e "$dir/READY" ] && { echo "$dir"; exit 0; }
	echo "no system image $key (scripts/system/mkimage.sh makes it)"
	exit 1
fi
[ -e "$dir/READY" ] && { echo "$dir"; exit 0; }

die() { echo "mkimage: $*" >&2; exit 1; }
command -v mmdebstrap >/dev/null || die "no mmdebstrap (apt-get install mmdebstrap)"
command -v mke2fs >/dev/null || die "no mke2fs (e2fsprogs)"
[ -n "$srcs" ] || die "no Debian apt sources in /etc/apt/sources.list.d/*.sources"
[ "$(id -u)" = 0 ] || die "needs root (mmdebstrap --mode=root, files owned by root)"

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
[ -e "$dir/READY" ] && { echo "$dir"; exit 0; }

start=$(date +%s)
tmp=$cache/$key.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root

echo "mkimage: mmdebstrap bookworm ($srcs) into $root" >&2
# shellcheck disable=SC2086
# The host's apt cache, when on the same filesystem, saves downloading what
# it holds (hard links; the hook empties the image's cache before keeping
# only the upgrade's packages).
mmdebstrap --mode=root --variant=minbase --include="$INCLUDE" \
	--dpkgopt=force-unsafe-io \
	--dpkgopt='path-exclude=/usr/share/locale/*' \
	--skip=cleanup/apt/lists --skip=cleanup/apt/cache \
	--setup-hook='mkdir -p "$1/var/cache/apt/archives"; cp -l /var/cache/apt/archives/*.deb "$1/var/cache/apt/archives/" 2>/dev/null || :' \
	--essential-hook="$(essential)" \
	--customize-hook="$(customize)" \
	bookworm "$root" $srcs >&2 || die "mmdebstrap failed"

rel=$(cd "$root/boot" && ls vmlinuz-* | sed 's/^vmlinuz-//' | sort -V | tail -1)
[ -n "$rel" ] || die "no kernel in $root/boot"
cp "$root/boot/vmlinuz-$rel" "$root/boot/initrd.img-$rel" "$tmp/"
echo "$rel" > "$tmp/release"

# Room for the 6.12 kernel, its headers and the dkms builds.
used=$(du -sm "$root" | cut -f1)
# (mke2fs says "Creating regular file" on stdout, which is the directory's.)
mke2fs -q -t ext4 -L symtab-root -d "$root" "$tmp/root.img" \
	"$((used + 3072))M" >&2 || die "mke2fs -d failed"
rm -rf "$root"
echo $(($(date +%s) - start)) > "$tmp/seconds"
touch "$tmp/READY"
trap - EXIT
mv "$tmp" "$dir"
echo "mkimage: made $dir in $(cat "$dir/seconds") s" >&2
echo "$dir"
