#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Test material for tests/kabi and make kabi-bench: the headers tree of a
# kernel flavor (its .config, generated headers and Module.symvers), as
# /usr/src holds it when installed.  A flavor whose headers are not
# installed is fetched with `apt-get download` into the cache and unpacked
# there, never installed: installing it would make every `make` build
# symtab.ko for it and the VM suite try to boot it.  Prints the headers
# directory; fails saying why when it cannot be had.
#
#   tests/kabi/material.sh RELEASE          e.g. 6.1.0-57-rt-amd64
#
# Cache: ${XDG_CACHE_HOME:-~/.cache}/symtab/headers (about 25 MB a flavor).
set -euo pipefail
rel=${1:?usage: material.sh RELEASE}
if [ -f "/usr/src/linux-headers-$rel/Module.symvers" ]; then
	echo "/usr/src/linux-headers-$rel"
	exit 0
fi
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
root=$cache/headers
hdr=$root/usr/src/linux-headers-$rel
if [ ! -f "$hdr/.ready" ]; then
	command -v apt-get >/dev/null || { echo "material: no apt-get to fetch linux-headers-$rel" >&2; exit 1; }
	mkdir -p "$cache/debs" "$root"
	# Its common part (the source headers) is the package it depends on.
	flavor_common=$(apt-cache depends "linux-headers-$rel" 2>/dev/null |
		sed -n 's/.*Depends: \(linux-headers-.*-common.*\)/\1/p' | head -1)
	(cd "$cache/debs" && apt-get download "linux-headers-$rel" \
		"$flavor_common" >"$cache/debs/apt.log" 2>&1) ||
		{ echo "material: apt-get download linux-headers-$rel failed: see $cache/debs/apt.log" >&2; exit 1; }
	for deb in "$cache/debs/linux-headers-$rel"_*.deb "$cache/debs/$flavor_common"_*.deb; do
		[ -f "$deb" ] && dpkg-deb -x "$deb" "$root"
	done
	# The packages' links and includes are absolute or relative to /usr:
	# point them at the cache, and the kbuild scripts at the system's.
	mkdir -p "$root/usr/lib"
	for k in /usr/lib/linux-kbuild-*; do
		[ -e "$root/usr/lib/${k##*/}" ] || ln -s "$k" "$root/usr/lib/"
	done
	inc=$(sed -n 's/^include //p' "$hdr/Makefile")
	if [ -n "$inc" ] && [ ! -e "$inc" ] && [ -e "$root$inc" ]; then
		echo "include $root$inc" >"$hdr/Makefile"
	fi
	[ -f "$hdr/Module.symvers" ] || { echo "material: no Module.symvers in linux-headers-$rel" >&2; exit 1; }
	touch "$hdr/.ready"
fi
echo "$hdr"
