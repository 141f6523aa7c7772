#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The debug kernel: Debian's linux-source-6.1 configured as allnoconfig plus
# scripts/debugkernel/debug.config (KASAN, lockdep, kmemleak, DEBUG_LIST,
# DEBUG_ATOMIC_SLEEP, MODVERSIONS), built outside the tree and kept as a
# module build tree (make -C $(build.sh --objdir) M=... modules).  It is
# rebuilt only when the fragment or the source package version changes.
#
#   build.sh            build if needed, then print release, image and objdir
#   build.sh --status   exit 0 when a current build is cached (else say why)
#   build.sh --release | --image | --objdir   print one of them (no build)
#
# Environment: SYMTAB_DEBUG_KERNEL_DIR (default
# ${XDG_CACHE_HOME:-~/.cache}/symtab/debug-kernel), DEBUG_KERNEL_JOBS
# (default: the number of CPUs; the build runs under nice -n 15).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
frag=$top/scripts/debugkernel/debug.config
pkg=linux-source-6.1
tarball=/usr/src/$pkg.tar.xz
dir=${SYMTAB_DEBUG_KERNEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/symtab/debug-kernel}
src=$dir/src/$pkg
obj=$dir/build
image=$obj/arch/x86/boot/bzImage
die() { echo "debug-kernel: $*" >&2; exit 1; }

pkgver=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || :)
# What the build depends on: the fragment and the source package version.
key() {
	{ echo "$pkg $pkgver"; cat "$frag"; } | sha256sum | cut -d' ' -f1
}

current() {
	[ -n "$pkgver" ] || { echo "$pkg is not installed (scripts/deps.sh)"; return 1; }
	[ -f "$dir/stamp" ] || { echo "debug kernel not built (make debug-kernel)"; return 1; }
	[ "$(cat "$dir/stamp")" = "$(key)" ] ||
		{ echo "debug kernel out of date: debug.config or $pkg changed (make debug-kernel)"; return 1; }
	[ -f "$image" ] && [ -f "$obj/Module.symvers" ] ||
		{ echo "debug kernel build incomplete in $obj (make debug-kernel)"; return 1; }
}

case "${1:-}" in
--status) current; exit ;;
--release) cat "$obj/include/config/kernel.release" 2>/dev/null || die "not built"; exit ;;
--image) echo "$image"; exit ;;
--objdir) echo "$obj"; exit ;;
"") ;;
*) echo "usage: build.sh [--status|--release|--image|--objdir]" >&2; exit 2 ;;
esac

mkdir -p "$dir"
exec 9>"$dir/lock"
flock 9
if current >/dev/null; then
	printf '%s\n%s\n%s\n' "$(cat "$obj/include/config/kernel.release")" "$image" "$obj"
	exit 0
fi
[ -r "$tarball" ] || die "no $tarball (scripts/deps.sh installs $pkg)"
rm -f "$dir/stamp"
want=$(key)	# taken now: the fragment may change during the build

# A new source package starts from scratch.
if [ "$(cat "$dir/src/version" 2>/dev/null)" != "$pkgver" ] || [ ! -f "$src/Makefile" ]; then
	echo "debug-kernel: extracting $tarball ($pkgver)" >&2
	rm -rf "$dir/src" "$obj"
	mkdir -p "$dir/src"
	tar -xJf "$tarball" -C "$dir/src"
	echo "$pkgver" >"$dir/src/version"
fi

# allnoconfig plus the fragment; every option the fragment asks for must
# have survived the dependencies.
mkdir -p "$obj"
(cd "$src" && scripts/kconfig/merge_config.sh -n -O "$obj" "$frag") >"$dir/config.log" 2>&1 ||
	{ cat "$dir/config.log" >&2; die "configuration failed"; }
missing=$(grep -E '^CONFIG_[A-Z0-9_]+=' "$frag" | while read -r line; do
	grep -qxF -- "$line" "$obj/.config" || echo "$line"; done)
[ -z "$missing" ] || die "options lost to unmet dependencies:
$missing"

echo "debug-kernel: building in $obj (log $dir/build.log)" >&2
start=$(date +%s)
nice -n 15 make -C "$obj" -j"${DEBUG_KERNEL_JOBS:-$(nproc)}" >"$dir/build.log" 2>&1 ||
	{ tail -30 "$dir/build.log" >&2; die "build failed (log $dir/build.log)"; }
echo "$(( $(date +%s) - start ))" >"$dir/build-seconds"
echo "debug-kernel: built in $(cat "$dir/build-seconds")s" >&2
echo "$want" >"$dir/stamp"
printf '%s\n%s\n%s\n' "$(cat "$obj/include/config/kernel.release")" "$image" "$obj"
