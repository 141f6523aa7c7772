#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetch a Debian DKMS source package into the cache (never installed, never
# built by dkms) and print the directory of its module sources.
#
#   fetch.sh PACKAGE      -> ${XDG_CACHE_HOME:-~/.cache}/symtab/packages/PACKAGE/usr/src/NAME-VERSION
set -euo pipefail
pkg=${1:?usage: fetch.sh PACKAGE}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab/packages
die() { echo "fetch: $pkg: $*" >&2; exit 1; }
dir=$cache/$pkg
if [ ! -f "$dir/.unpacked" ]; then
	mkdir -p "$cache/debs"
	rm -rf "$dir"
	deb=$(cd "$cache/debs" && ls "${pkg}"_*.deb 2>/dev/null | tail -1 || true)
	if [ -z "$deb" ]; then
		(cd "$cache/debs" && apt-get download "$pkg" >/dev/null 2>&1) ||
			die "apt-get download failed (run apt-get update?)"
		deb=$(cd "$cache/debs" && ls "${pkg}"_*.deb | tail -1)
	fi
	dpkg-deb -x "$cache/debs/$deb" "$dir" || die "cannot unpack $deb"
	echo "$deb" >"$dir/.unpacked"
fi
src=$(find "$dir/usr/src" -mindepth 1 -maxdepth 1 -type d | head -1)
[ -n "$src" ] || die "no module sources under $dir/usr/src"
echo "$src"
