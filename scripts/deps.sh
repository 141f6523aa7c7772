#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Install every Debian package symtab needs to build, test and demo
# (debhelper, dh-dkms, lintian: the Debian packages, make test-deb; dkms
# itself is needed only where symtab-dkms is installed; libssl-dev: the
# kernel tree make kabi-bench prepares builds sign-file).
# Idempotent: installs only what is missing. Needs root (or sudo).
set -eu

PKGS="build-essential gcc make pkg-config libelf-dev libkmod-dev zlib1g-dev kmod
liblzma-dev libzstd-dev
cpio busybox-static qemu-system-x86 xz-utils bc flex bison
linux-image-amd64 linux-headers-amd64 linux-kbuild-6.1 linux-source-6.1
linux-image-6.12-amd64 linux-headers-6.12-amd64 linux-source-6.12 zstd
clang libclang-rt-14-dev
debhelper dh-dkms lintian mmdebstrap qemu-utils e2fsprogs dpkg-dev libssl-dev"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
