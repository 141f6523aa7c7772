#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the project's Debian packages from this tree as a user would, with
# dpkg-buildpackage -b -us -uc at the top of a copy of it (the files git
# knows, committed or not), and put the .debs in OUTDIR.  When they cannot
# be built, OUTDIR/WHY says why and the exit status is 1.  Packages built
# from the same files (OUTDIR/KEY, a hash of them) are kept.
#
#   debs.sh OUTDIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
files() {
	cd "$top" && git ls-files -z --cached --others --exclude-standard |
		grep -zv '^build/' | xargs -0 tar cf - --mtime=@0 --owner=0 \
			--group=0 --sort=name 2>/dev/null
}
key=$(files | sha256sum | cut -c1-16)
if [ "$(cat "$out/KEY" 2>/dev/null)" = "$key" ] && ls "$out"/*.deb 2>/dev/null; then
	exit 0
fi
rm -rf "$out"
mkdir -p "$out"
why() { echo "$*" >"$out/WHY"; echo "debs: $*" >&2; exit 1; }
[ -f "$top/debian/control" ] || why "no debian/ in the tree"
command -v dpkg-buildpackage >/dev/null || why "no dpkg-buildpackage (dpkg-dev)"
src=$(mktemp -d "$top/build/system-debs.XXXXXX")
trap 'rm -rf "$src"' EXIT
mkdir -p "$src/symtab"
# -m: the files get today's times, not the key's fixed one (lintian
# calls files from 1970 ancient; dh clamps them to the changelog's date).
files | tar xmf - -C "$src/symtab" || why "copying the tree failed"
(cd "$src/symtab" && dpkg-checkbuilddeps) >"$out/build.log" 2>&1 ||
	why "build dependencies missing: $(tail -1 "$out/build.log")"
(cd "$src/symtab" && dpkg-buildpackage -b -us -uc) >>"$out/build.log" 2>&1 ||
	why "dpkg-buildpackage failed: $(tail -1 "$out/build.log")"
mv "$src"/*.deb "$out/" 2>/dev/null || why "dpkg-buildpackage made no .deb"
echo "$key" >"$out/KEY"
ls "$out"/*.deb
