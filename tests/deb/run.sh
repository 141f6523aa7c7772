#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make test-deb: the Debian packages (debian/) built from a copy of the
# tree with dpkg-buildpackage -b, as a user would at the top of a clone;
# their versions against the tree's VERSION file, their contents, their
# maintainer scripts, lintian, and symtab.ko built from the symtab-dkms
# source as dkms builds it, with its POST_BUILD and POST_REMOVE scripts.
# Nothing is installed on this machine.  About 4 minutes on 2 busy cores.
#
#   tests/run.sh deb        (make test-deb)   DEB_OUT=DIR: keep the .debs
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
. tests/tap.sh

version=$(cat VERSION)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/symtab-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- one version --------------------------------------------------------
expect "VERSION is one dotted version number ($version)" \
	grep -qxE '[0-9]+(\.[0-9]+)+' VERSION
cl=$(dpkg-parsechangelog -l debian/changelog -S Version 2>/dev/null)
expect "debian/changelog's version ($cl) is VERSION's ($version)" \
	[ "$cl" = "$version" ]
expect "dkms.conf takes its version from VERSION (#MODULE_VERSION#)" \
	grep -qx 'PACKAGE_VERSION="#MODULE_VERSION#"' dkms.conf

# --- build ----------------------------------------------------------------
src=$tmp/symtab-$version
mkdir -p "$src"
tar -C "$top" --exclude=./build --exclude=./.git -cf - . | tar -C "$src" -xf -
if ! missing=$(cd "$src" && dpkg-checkbuilddeps 2>&1); then
	skip "dpkg-buildpackage -b -us -uc" "build dependencies missing: ${missing#*: } (apt-get build-dep .)"
	tap_plan
	exit 0
fi
start=$SECONDS
(cd "$src" && nice -n 10 dpkg-buildpackage -b -us -uc) >"$tmp/build.log" 2>&1
st=$?
[ $st -eq 0 ] || sed 's/^/# /' "$tmp/build.log" | tail -40
tap $st "dpkg-buildpackage -b -us -uc at the top of the tree ($((SECONDS - start)) s)"
tools=$(ls "$tmp"/symtab_"$version"_*.deb 2>/dev/null | head -1)
dkms=$tmp/symtab-dkms_${version}_all.deb
expect "symtab_${version}_<arch>.deb built" [ -f "$tools" ]
expect "symtab-dkms_${version}_all.deb built" [ -f "$dkms" ]
if [ ! -f "$tools" ] || [ ! -f "$dkms" ]; then
	tap_plan
	exit 1
fi

# DEB_OUT=DIR: keep the packages there (for installing them in a VM).
[ -z "${DEB_OUT:-}" ] || { mkdir -p "$DEB_OUT" && cp "$tools" "$dkms" "$DEB_OUT"/; }

for deb in "$tools" "$dkms"; do
	v=$(dpkg-deb -f "$deb" Version)
	expect "$(basename "$deb"): Version $v is VERSION's" [ "$v" = "$version" ]
done

# --- contents -------------------------------------------------------------
dpkg-deb -c "$tools" | awk '{print $1, $6}' | sed 's| \./| /|' >"$tmp/tools.list"
dpkg-deb -c "$dkms" | awk '{print $1, $6}' | sed 's| \./| /|' >"$tmp/dkms.list"
has() { grep -q "^$2 $3\$" "$tmp/$1.list"; }
for f in /usr/bin/genksyms /usr/sbin/symtab /usr/share/symtab/kbuild/build-module.sh \
	/usr/share/symtab/kbuild/version-object.sh; do
	expect "symtab: $f, executable" has tools '-rwxr-xr-x' "$f"
done
for f in /usr/share/man/man8/symtab.8.gz /usr/share/man/man8/genksyms.8.gz \
	/usr/include/symtab/symtab.h /usr/include/symtab/abi.h \
	/usr/share/symtab/symtab.mk /usr/share/symtab/kbuild/layout.sh \
	/usr/share/symtab/kbuild/version.mk /usr/share/doc/symtab/copyright; do
	expect "symtab: $f" has tools '-rw-r--r--' "$f"
done
expect "symtab: nothing in /usr/local, /lib/modules or /usr/src" \
	sh -c "! grep -E ' /(usr/local|lib/modules|usr/lib/modules|usr/src)/' '$tmp/tools.list'"
d=/usr/src/symtab-$version
for f in dkms.conf Kbuild VERSION kmod/Kbuild kmod/main.c include/symtab/symtab.h; do
	expect "symtab-dkms: $d/$f" has dkms '-rw-r--r--' "$d/$f"
done
for f in dkms-post-build.sh dkms-post-remove.sh; do
	expect "symtab-dkms: $d/scripts/kbuild/$f, executable" \
		has dkms '-rwxr-xr-x' "$d/scripts/kbuild/$f"
done
only_dkms_source() {
	awk -v d="$d/" '{ p = $2
		if (p == "/" || p == "/usr/" || p == "/usr/src/" || p == "/usr/share/" ||
		    p == "/usr/share/doc/" || index(p, d) == 1 ||
		    index(p, "/usr/share/doc/symtab-dkms/") == 1) next
		print "# unexpected: " p; bad = 1 } END { exit bad }' "$tmp/dkms.list"
}
expect "symtab-dkms: only $d and its docs" only_dkms_source

# --- what the packages say and run ------------------------------------------
mkdir "$tmp/tools" "$tmp/dkms" "$tmp/dkms.ctl"
dpkg-deb -x "$tools" "$tmp/tools"
dpkg-deb -x "$dkms" "$tmp/dkms"
dpkg-deb -e "$dkms" "$tmp/dkms.ctl"
out=$("$tmp/tools/usr/sbin/symtab" --version)
expect "packaged symtab --version: $out" \
	sh -c "echo '$out' | grep -qx 'symtab $version (record format [0-9]*)'"
out=$("$tmp/tools/usr/bin/genksyms" --version 2>&1)
expect "packaged genksyms --version, in the kernel's tool's form: $out" \
	sh -c "echo '$out' | grep -q '^genksyms version symtab genksyms $version '"
conf=$tmp/dkms$d/dkms.conf
expect "dkms.conf: PACKAGE_VERSION=\"$version\"" grep -qx "PACKAGE_VERSION=\"$version\"" "$conf"
expect "dkms.conf: POST_BUILD and POST_REMOVE with PREFIX /usr" \
	sh -c "grep -q '^POST_BUILD=.*dkms-post-build.sh \${kernelver} /usr\"' '$conf' &&
		grep -q '^POST_REMOVE=.*dkms-post-remove.sh /usr\"' '$conf'"
expect "symtab-dkms depends on dkms" \
	sh -c "dpkg-deb -f '$dkms' Depends | grep -q '\\bdkms\\b'"
expect "symtab-dkms postinst: dkms's common.postinst adds, builds and installs it" \
	sh -c "grep -q '/usr/lib/dkms/common.postinst' '$tmp/dkms.ctl/postinst' &&
		grep -q '\$DKMS_POSTINST \$DKMS_NAME \$DKMS_VERSION' '$tmp/dkms.ctl/postinst'"
expect "symtab-dkms postinst and prerm name symtab $version" \
	sh -c "grep -q '^DKMS_VERSION=$version\$' '$tmp/dkms.ctl/postinst' &&
		grep -q '^DKMS_NAME=symtab\$' '$tmp/dkms.ctl/prerm' &&
		grep -q 'dkms remove -m \$DKMS_NAME -v \$DKMS_VERSION --all' '$tmp/dkms.ctl/prerm'"

# --- lintian ----------------------------------------------------------------
if command -v lintian >/dev/null; then
	changes=$(ls "$tmp"/symtab_"$version"_*.changes | head -1)
	lintian --fail-on error,warning --display-level ">=warning" "$changes" \
		>"$tmp/lintian.log" 2>&1
	st=$?
	sed 's/^/# lintian: /' "$tmp/lintian.log"
	tap $st "lintian: no errors, no warnings (each overridden with its reason)"
else
	skip "lintian" "lintian not installed (scripts/deps.sh)"
fi

# --- symtab.ko from the package's source, as dkms builds it -------------------
kver=
for k in /lib/modules/*/build/Makefile; do
	[ -e "$k" ] || continue
	kver=$(basename "$(dirname "$(dirname "$k")")")
	break
done
if [ -z "$kver" ]; then
	skip "symtab.ko from /usr/src/symtab-$version" "no kernel headers in /lib/modules/*/build"
else
	b=$tmp/dkms-build
	cp -r "$tmp/dkms$d" "$b"
	nice -n 10 make -C "/lib/modules/$kver/build" M="$b" modules >"$tmp/kbuild.log" 2>&1
	st=$?
	[ $st -eq 0 ] || sed 's/^/# /' "$tmp/kbuild.log" | tail -20
	tap $st "$kver: Kbuild builds symtab.ko from the symtab-dkms source"
	mv=$(modinfo -F version "$b/kmod/symtab.ko" 2>/dev/null)
	expect "$kver: symtab.ko's MODULE_VERSION is VERSION's ($mv)" [ "$mv" = "$version" ]
	expect "$kver: no -Werror in the dkms build" \
		sh -c "! grep -qE -- '-Werror( |\$)' '$b/kmod/.main.o.cmd'"
	prefix=$tmp/prefix
	(cd "$b" && scripts/kbuild/dkms-post-build.sh "$kver" "$prefix")
	expect "POST_BUILD: Module.symvers in PREFIX/lib/symtab/$kver/" \
		cmp -s "$b/Module.symvers" "$prefix/lib/symtab/$kver/Module.symvers"
	mkdir -p "$tmp/dkms-tree/symtab"
	ln -s "$tmp/dkms-tree/symtab/1/$kver/x86_64" "$tmp/dkms-tree/symtab/kernel-$kver-x86_64"
	(cd "$b" && dkms_tree=$tmp/dkms-tree scripts/kbuild/dkms-post-remove.sh "$prefix")
	expect "POST_REMOVE: kept while dkms has symtab on $kver" \
		[ -f "$prefix/lib/symtab/$kver/Module.symvers" ]
	rm "$tmp/dkms-tree/symtab/kernel-$kver-x86_64"
	(cd "$b" && dkms_tree=$tmp/dkms-tree scripts/kbuild/dkms-post-remove.sh "$prefix")
	expect "POST_REMOVE: nothing left in PREFIX/lib once dkms removed it" \
		[ ! -e "$prefix/lib/symtab" ]
fi

tap_plan
[ "$failed" -eq 0 ]
