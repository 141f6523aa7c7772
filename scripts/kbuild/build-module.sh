#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build an external module directory against one kernel and version it:
# Kbuild compiles it as usual, then every object of every module Kbuild
# produced (wherever it lies under the directory) is preprocessed again with
# the exact flags Kbuild used plus -D__GENKSYMS__, our genksyms computes the
# CRCs (and the expanded types), and `symtab stamp` writes them into the .ko.
#
#   build-module.sh [--no-stamp] [--no-types] [--root ROOT] KVER SRC OUT [VAR=value...]
#
# SRC is the directory Kbuild is run on (M=).  ROOT (default SRC) is the
# package tree SRC lies in: all of it is copied, so paths that leave SRC
# (`-I$(src)/../include`, `../common/Module.symvers`) keep working.  OUT
# receives the copy, a tree of symlinks to ROOT; OUT == ROOT builds in place
# (scripts/symtab.mk does that).  VAR=value words go to Kbuild's make, with
# paths into ROOT mapped to the copy.  The source tree is never written to
# unless the build is in place.
#
# --no-types (or SYMTAB_TYPES=0) leaves out the .symtab_types section that
# lets `symtab explain` name the member behind a changed CRC.  A source
# directory holding a file named NOSTAMP is built but left versionless (tests).
#
# Run it from make with a `+` recipe so the jobserver (-j) reaches Kbuild and
# the genksyms step.
#
# The kernel tree is /lib/modules/KVER/build unless KBUILD_DIR names one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/layout.sh"

stamp=1
types=${SYMTAB_TYPES:-1}
root=
while [ $# -gt 0 ]; do
	case "$1" in
	--no-stamp) stamp=0 ;;
	--no-types) types=0 ;;
	--root) root=$2; shift ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 3 ] || { echo "usage: build-module.sh [--no-stamp] [--no-types] [--root ROOT] KVER SRC OUT [VAR=value...]" >&2; exit 2; }
kver=$1
name=$2
die() { echo "build-module: $name: $*" >&2; exit 1; }
[ -d "$2" ] || die "no such directory"
src=$(cd "$2" && pwd -P)
out=$3
shift 3
root=$(cd "${root:-$src}" && pwd -P) || die "no package root ${root}"
case "$src/" in "$root"/*) ;; *) die "not inside the package root $root" ;; esac
# KBUILD_DIR: a kernel build tree elsewhere (the debug kernel's).
kbuild=${KBUILD_DIR:-/lib/modules/$kver/build}
symvers=$(symtab_symvers "$kver")

[ -f "$kbuild/Makefile" ] || die "no kernel headers for $kver in $kbuild"
[ -f "$symvers" ] || die "symtab.ko not built for $kver: no $symvers (make kmod KVERS=$kver)"
[ -f "$src/Kbuild" ] || [ -f "$src/Makefile" ] || die "no Kbuild or Makefile"
[ -e "$src/NOSTAMP" ] && stamp=0
if [ $stamp = 1 ]; then
	for t in "$GENKSYMS" "$SYMTAB"; do
		[ -x "$t" ] || die "$t missing (make user)"
	done
fi

mkdir -p "$out"
out=$(cd "$out" && pwd -P)
if [ "$out" != "$root" ]; then
	"$here/escapes.sh" "$root" "$src" || exit 1
	cp -rsf "$root/." "$out/"
	# Build products of an earlier in-place build must not be linked in:
	# Kbuild would write through them into the source tree.
	find "$out" -type l \( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name Module.symvers \
		-o -name modules.order -o -name '*.symvers' -o -name '*.symtypes' \
		-o -name '*.symtab-imports' \) -delete
fi
mdir=$out${src#"$root"}

# Paths into the package tree given as make variables follow it into the copy.
vars=()
for v in "$@"; do
	case "$v" in
	*=*) val=${v#*=}
		case "$val/" in "$root"/*) val=$out${val#"$root"} ;; esac
		vars+=("${v%%=*}=$val") ;;
	*) die "'$v' is not VAR=value (make variables for the package's Makefile)" ;;
	esac
done

# The variables of a calling make (make modules M=... KVER=...) must not
# reach the package's Makefile; its jobserver must.
mf=" ${MAKEFLAGS:-}"
MAKEFLAGS=${mf%% -- *}
unset M KVER KVERS ROOT IN_PLACE MODULE_MAKEFLAGS MAKEOVERRIDES

# Run from the module directory: some Makefiles use $(PWD) (as under dkms).
rm -f "$mdir/modules.order"
# symtab.ko's symbols come through the environment: a package's own
# KBUILD_EXTRA_SYMBOLS (+= or :=) must still win over it.
(cd "$mdir" && KBUILD_EXTRA_SYMBOLS="$symvers${KBUILD_EXTRA_SYMBOLS:+ $KBUILD_EXTRA_SYMBOLS}" \
	make -s -C "$kbuild" M="$mdir" \
	KCFLAGS="-I$SYMTAB_INCLUDE ${SYMTAB_KCFLAGS:-}" "${vars[@]}" modules) ||
	die "Kbuild failed for $kver"

# Every module Kbuild linked, subdirectories included: modules.order lists
# them as absolute or M-relative paths, ending in .ko (6.1) or .o (6.12).
mods=()
[ -s "$mdir/modules.order" ] ||
	die "Kbuild built no module for $kver (does its Makefile need variables? pass them: make modules ... MODULE_MAKEFLAGS='VAR=value')"
while read -r m; do
	case "$m" in /*) ;; *) m=$mdir/${m#./} ;; esac
	m=${m%.ko}; m=${m%.o}
	[ -f "$m.ko" ] || die "Kbuild lists ${m#"$mdir"/}.ko but did not produce it"
	[ -f "$m.mod" ] || die "${m#"$mdir"/}.ko: no $m.mod naming its objects"
	mods+=("$m")
done <"$mdir/modules.order"
[ $stamp = 1 ] || exit 0

# The objects of module M, absolute.
objects() {
	local o
	for o in $(cat "$1.mod"); do
		case "$o" in /*) echo "$o" ;; *) echo "$mdir/${o#./}" ;; esac
	done
}

# genksyms for every object, in parallel under the caller's jobserver.
objs=()
for m in "${mods[@]}"; do
	while read -r o; do objs+=("$o"); done < <(objects "$m")
done
printf '%s\n' "${objs[@]}" >"$mdir/.symtab-objects"

# The types of the kernel symbols each module imports (its __versions), as
# its own sources declare them: each object gets OBJ.symtab-imports, the
# genksyms markers of the imports it refers to itself (nm -u), for
# version-object.sh to expand; an import several objects use is expanded
# in each (explain takes the first).  Rewritten only when it changes, so
# make redoes only the objects concerned.
for m in "${mods[@]}"; do
	if [ "$types" = 0 ]; then
		: >"$m.ko-imports"
	else
		"$SYMTAB" dump -g "$m.ko" >"$m.ko-imports" ||
			die "symtab dump -g failed on $m.ko"
	fi
done
for o in "${objs[@]}"; do : >"${o%.o}.symtab-imports.tmp"; done
for m in "${mods[@]}"; do
	while read -r o; do
		nm -u "$o" 2>/dev/null | awk 'NR == FNR { u[$NF] = 1; next }
			{ n = $0; sub(/^__GENKSYMS_EXPORT_SYMBOL\(/, "", n)
			  sub(/\);$/, "", n) } n in u' - "$m.ko-imports" \
			>>"${o%.o}.symtab-imports.tmp"
	done < <(objects "$m")
done
for o in "${objs[@]}"; do
	t=${o%.o}.symtab-imports
	[ -f "$t.tmp" ] || continue	# an object of two modules: done
	sort -u -o "$t.tmp" "$t.tmp"
	if cmp -s "$t.tmp" "$t"; then rm "$t.tmp"; else mv "$t.tmp" "$t"; fi
done
# module_layout, which every module imports and the kernel checks first,
# is declared by no module source: one module's .mod.o (Kbuild compiled
# its .mod.c, which includes <linux/module.h>) gets its declaration, as
# kernel/module/version.c has it, with the marker (types only); every
# module importing it stores that expansion (same headers, same flags).
layout=
declare -A wants_layout=()
for m in "${mods[@]}"; do
	t=$m.mod.symtab-imports
	grep -qxF '__GENKSYMS_EXPORT_SYMBOL(module_layout);' "$m.ko-imports" &&
		wants_layout[$m]=1
	if [ -z "$layout" ] && [ -f "$m.mod.o" ] && [ -n "${wants_layout[$m]:-}" ]; then
		layout=$m.mod
		printf '%s\n' 'void module_layout(struct module *mod, struct modversion_info *ver, struct kernel_param *kp, struct kernel_symbol *ks, struct tracepoint * const *tp);' \
			'__GENKSYMS_EXPORT_SYMBOL(module_layout);' >"$t.tmp"
		if cmp -s "$t.tmp" "$t"; then rm "$t.tmp"; else mv "$t.tmp" "$t"; fi
		echo "$m.mod.o" >>"$mdir/.symtab-objects"
	elif [ -e "$t" ]; then
		rm -f "$t" "$m.mod.symtypes" "$m.mod.imports.symvers"
	fi
done
for m in "${mods[@]}"; do rm -f "$m.ko-imports"; done
make -s -f "$here/version.mk" KBUILD="$kbuild" GENKSYMS="$GENKSYMS" \
	OBJLIST="$mdir/.symtab-objects" VERSION_OBJECT="$here/version-object.sh" ||
	die "genksyms failed for $kver"

for m in "${mods[@]}"; do
	versions=()
	symtypes=()
	while read -r o; do
		versions+=("${o%.o}.symvers")
		[ "$types" = 0 ] || symtypes+=(-T "${o%.o}.symtypes")
	done < <(objects "$m")
	[ "$types" = 0 ] || [ -z "$layout" ] || [ -z "${wants_layout[$m]:-}" ] ||
		symtypes+=(-T "$layout.symtypes")
	"$SYMTAB" stamp "${symtypes[@]}" "$m.ko" "${versions[@]}" ||
		die "symtab stamp failed on $m.ko"
done
echo "  VERSIONED ${#mods[@]} module(s) for $kver in $mdir"
