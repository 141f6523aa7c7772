#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make modules on small packages made here, one behaviour each (issue 12):
# modules in subdirectories, paths that leave M, package variables, Kbuild
# failing or building nothing, -j, only the asked kernel's symtab.ko, and a
# module built against an installed symtab (DESTDIR + PREFIX, dkms.conf).
#
#   tests/packages/cases.sh        (part of make test-packages)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-cases.XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failures=$((failures + 1)); }
# check DESC CMD...: ok when CMD succeeds; its output is shown otherwise.
check() {
	local desc=$1; shift
	if "$@" >"$work/out" 2>&1; then ok "$desc"; else
		sed 's/^/#   /' "$work/out" | grep -v BTF | tail -12
		not_ok "$desc"
	fi
}
# fails_with DESC PATTERN CMD...: CMD fails and says PATTERN.
fails_with() {
	local desc=$1 pat=$2; shift 2
	if "$@" >"$work/out" 2>&1; then
		not_ok "$desc (succeeded)"
	elif grep -q -- "$pat" "$work/out"; then ok "$desc"
	else
		sed 's/^/#   /' "$work/out" | grep -v BTF | tail -8
		not_ok "$desc (no '$pat')"
	fi
}
mk() { nice make -s -C "$top" "$@"; }
kernels=$(cd /lib/modules && for k in *; do [ -e "$k/build/Makefile" ] && echo "$k"; done)
k1=$(echo "$kernels" | head -1)
mk user kmod >/dev/null

# pkg/: top.ko exports top_func (EXPORT_SYMBOL); sub/sub_mod.ko, in a
# subdirectory, calls it and exports sub_value through a symtab table; its
# header lies in inc/, beside sub/ (a path leaving sub/), and its Kbuild adds
# the package's Module.symvers to KBUILD_EXTRA_SYMBOLS, like real packages.
pkg=$work/src/pkg
mkdir -p "$pkg/sub" "$pkg/inc"
cat >"$pkg/Kbuild" <<'EOF'
obj-m += top.o
obj-m += sub/
EOF
cat >"$pkg/inc/top.h" <<'EOF'
struct top_point { int x, y; };
int top_func(struct top_point *p);
EOF
cat >"$pkg/top.c" <<'EOF'
#include <linux/module.h>
#include "inc/top.h"
int top_func(struct top_point *p) { return p->x + p->y; }
EXPORT_SYMBOL(top_func);
MODULE_LICENSE("GPL");
EOF
cat >"$pkg/sub/Kbuild" <<'EOF'
obj-$(CONFIG_SUB) += sub_mod.o
# Built alone (M=sub), it takes top_func from the package's top build.
KBUILD_EXTRA_SYMBOLS += $(src)/../Module.symvers
EOF
cat >"$pkg/sub/sub_mod.c" <<'EOF'
#include <linux/module.h>
#include <symtab/symtab.h>
#include "../inc/top.h"
int sub_value = 1;
static struct symbol_table sub_symtab = {
#include <symtab/symtab_begin.h>
	X(sub_value),
#include <symtab/symtab_end.h>
};
static int __init sub_init(void)
{
	struct top_point p = { 1, 2 };
	sub_value = top_func(&p);
	return register_symtab(&sub_symtab);
}
static void __exit sub_exit(void) { unregister_symtab(&sub_symtab); }
module_init(sub_init);
module_exit(sub_exit);
MODULE_LICENSE("GPL");
EOF

for k in $kernels; do
	out=$top/build/$k/modules/pkg
	rm -rf "$out"
	check "$k: a package with a module in a subdirectory builds (package variable CONFIG_SUB=m)" \
		mk -j2 modules M="$pkg" KVER="$k" MODULE_MAKEFLAGS=CONFIG_SUB=m
	check "$k: -j reaches Kbuild (no 'jobserver unavailable')" \
		sh -c "! grep -q 'jobserver unavailable' '$work/out'"
	check "$k: the module in the subdirectory is versioned" \
		sh -c "'$top/build/bin/symtab' dump '$out/sub/sub_mod.ko' | grep -q '^0x[0-9a-f]*	sub_value	export'"
	check "$k: our CRC of top_func equals Kbuild's Module.symvers" \
		sh -c "[ \"\$(awk '\$2 == \"top_func\" { print \$1 }' '$out/Module.symvers')\" = \
			\"\$(awk '\$2 == \"top_func\" { print \$3 }' '$out/top.symvers')\" ] && \
			grep -q top_func '$out/top.symvers'"
done

check "$k1: without the package variable Kbuild builds top.ko alone, and says 1 module" \
	sh -c "nice make -s -C '$top' modules M='$pkg' KVER=$k1 | grep -q 'VERSIONED 1 module'"
fails_with "$k1: M=sub alone is refused: ../inc lies outside the copy" \
	'refers to .*inc' mk modules M="$pkg/sub" KVER="$k1" MODULE_MAKEFLAGS=CONFIG_SUB=m
check "$k1: M=sub with ROOT=pkg builds in a copy of the whole package" \
	mk modules M="$pkg/sub" ROOT="$pkg" KVER="$k1" MODULE_MAKEFLAGS=CONFIG_SUB=m
check "$k1: ... and the source tree was not written to" \
	sh -c "[ -z \"\$(find '$pkg' -name '*.o' -o -name '*.ko')\" ]"

inplace=$work/inplace
cp -a "$pkg" "$inplace"
check "$k1: IN_PLACE=1 builds and versions in the directory itself" \
	sh -c "nice make -s -C '$top' modules M='$inplace' IN_PLACE=1 KVER=$k1 MODULE_MAKEFLAGS=CONFIG_SUB=m && \
		'$top/build/bin/symtab' dump '$inplace/sub/sub_mod.ko' | grep -q '^0x[0-9a-f]*	sub_value	export'"

# A top directory that builds nothing, and one that does not compile.
mkdir -p "$work/src/empty" "$work/src/broken"
echo 'ccflags-y := -DNOTHING' >"$work/src/empty/Makefile"
echo 'obj-m := broken.o' >"$work/src/broken/Kbuild"
echo 'int broken(void) { return }' >"$work/src/broken/broken.c"
fails_with "$k1: a directory where Kbuild builds no module fails, naming it" \
	"empty: Kbuild built no module" mk modules M="$work/src/empty" KVER="$k1"
fails_with "$k1: a module that does not compile fails, naming it" \
	"broken: Kbuild failed" mk modules M="$work/src/broken" KVER="$k1"

# Only the asked kernel's symtab.ko, and only when out of date (-p prints
# the rules; `user` runs nothing here).
for k in $kernels; do
	[ "$k" = "$k1" ] && continue
	check "make modules KVER=$k1 depends on no other kernel's symtab.ko" \
		sh -c "nice make -p -q -C '$top' M='$pkg' KVER=$k1 user | grep '^modules:' >'$work/rule'; \
			grep -qF 'build/$k1/kmod/symtab.ko' '$work/rule' && ! grep -qF 'build/$k/kmod' '$work/rule'"
done
check "make modules with symtab.ko up to date does not run Kbuild on kmod/" \
	sh -c "nice make -C '$top' modules M='$pkg' KVER=$k1 2>&1 | tee '$work/again' | grep -q VERSIONED && \
		! grep -q 'M=$top/build/$k1/kmod' '$work/again'"

# Installed symtab: DESTDIR staging with a PREFIX; then a module directory
# anywhere builds in place with one command.
stage=$work/stage prefix=/opt/symtab
check "make install DESTDIR=... PREFIX=$prefix" \
	mk install DESTDIR="$stage" PREFIX="$prefix"
for f in bin/genksyms sbin/symtab include/symtab/symtab.h share/symtab/symtab.mk \
	share/symtab/kbuild/build-module.sh lib/symtab/$k1/Module.symvers; do
	check "installed: $prefix/$f" test -e "$stage$prefix/$f"
done
inst=$work/inst
cp -a "$pkg" "$inst"
check "$k1: make -f PREFIX/share/symtab/symtab.mk M=DIR builds and versions against the installed tree" \
	nice make -s -C / -f "$stage$prefix/share/symtab/symtab.mk" M="$inst" KVER="$k1" \
		MODULE_MAKEFLAGS=CONFIG_SUB=m
check "$k1: installed build: sub_mod.ko versioned like the source tree's build" \
	sh -c "[ \"\$('$stage$prefix/sbin/symtab' dump '$inst/sub/sub_mod.ko')\" = \
		\"\$('$top/build/bin/symtab' dump '$top/build/$k1/modules/pkg/sub/sub_mod.ko')\" ]"

# dkms.conf: its MAKE and POST_BUILD, run as dkms runs them, rebuild
# symtab.ko and give the installed tree the same Module.symvers.
dk=$work/dkms/symtab/0.1/build
mkdir -p "$dk"
(cd "$top" && git ls-files -z | xargs -0 cp --parents -t "$dk")
rm "$stage$prefix/lib/symtab/$k1/Module.symvers"
check "$k1: dkms.conf MAKE builds symtab.ko" \
	bash -c "kernel_source_dir=/lib/modules/$k1/build dkms_tree=$work/dkms kernelver=$k1; \
		. '$dk/dkms.conf'; cd '$dk' && eval nice \"\${MAKE[0]}\" && test -f kmod/symtab.ko"
check "$k1: dkms.conf POST_BUILD puts Module.symvers into the installed tree" \
	bash -c "kernelver=$k1; . '$dk/dkms.conf'; cd '$dk' && SYMTAB_PREFIX='$stage$prefix' \$POST_BUILD && \
		diff <(cut -f1,2 '$top/build/$k1/kmod/Module.symvers') \
			<(cut -f1,2 '$stage$prefix/lib/symtab/$k1/Module.symvers')"
rm -rf "$inst"; cp -a "$pkg" "$inst"
check "$k1: a module builds and versions against the dkms-built symtab.ko the same way" \
	sh -c "nice make -s -C / -f '$stage$prefix/share/symtab/symtab.mk' M='$inst' KVER=$k1 \
		MODULE_MAKEFLAGS=CONFIG_SUB=m && \
		[ \"\$('$stage$prefix/sbin/symtab' dump '$inst/sub/sub_mod.ko')\" = \
		  \"\$('$top/build/bin/symtab' dump '$top/build/$k1/modules/pkg/sub/sub_mod.ko')\" ]"

echo "1..$n"
[ $failures = 0 ]
