#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build an external module directory against one kernel and version it:
# Kbuild compiles it as usual, then every C source is preprocessed again with
# the exact flags Kbuild used plus -D__GENKSYMS__, our genksyms computes the
# CRCs (and the expanded types), and `symtab stamp` writes them into each .ko.
#
#   build-module.sh [--no-stamp] [--no-types] KVER SRC_DIR OUT_DIR
#
# --no-types (or SYMTAB_TYPES=0) leaves out the .symtab_types section that
# lets `symtab explain` name the member behind a changed CRC.
#
# The source directory is never written to: OUT_DIR is a tree of symlinks to
# it, where Kbuild puts its objects, unless OUT_DIR is SRC_DIR itself.  A source directory holding a file named
# NOSTAMP is built but left versionless (used by tests).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$top/build/bin
stamp=1
types=${SYMTAB_TYPES:-1}
while [ $# -gt 0 ]; do
	case "$1" in
	--no-stamp) stamp=0 ;;
	--no-types) types=0 ;;
	*) break ;;
	esac
	shift
done
[ $# -eq 3 ] || { echo "usage: build-module.sh [--no-stamp] [--no-types] KVER SRC_DIR OUT_DIR" >&2; exit 2; }
kver=$1
src=$(cd "$2" && pwd)
out=$3
kbuild=/lib/modules/$kver/build
symvers=$top/build/$kver/kmod/Module.symvers
die() { echo "build-module: $*" >&2; exit 1; }

[ -f "$kbuild/Makefile" ] || die "no kernel headers for $kver in $kbuild"
[ -f "$symvers" ] || die "symtab.ko not built for $kver (run make kmod)"
[ -f "$src/Kbuild" ] || [ -f "$src/Makefile" ] || die "$src: no Kbuild or Makefile"
[ -e "$src/NOSTAMP" ] && stamp=0
if [ $stamp = 1 ]; then
	for t in genksyms symtab; do
		[ -x "$bin/$t" ] || die "$bin/$t missing (run make user)"
	done
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
# OUT_DIR == SRC_DIR builds in place (scripts/symtab.mk does that).
[ "$out" = "$src" ] || cp -rsf "$src/." "$out/"

make -s -C "$kbuild" M="$out" KBUILD_EXTRA_SYMBOLS="$symvers" \
	KCFLAGS="-I$top/include ${SYMTAB_KCFLAGS:-}" modules
[ $stamp = 1 ] || exit 0

# The compile command Kbuild recorded for OBJ, turned into a preprocessor
# run for genksyms.
genksyms_input() {
	local obj=$1 cmdfile cmd
	cmdfile=$(dirname "$obj")/.$(basename "$obj").cmd
	[ -f "$cmdfile" ] || die "$obj: no $cmdfile to take compiler flags from"
	cmd=$(sed -n 's/^savedcmd_[^ ]* := //p; s/^cmd_[^ ]* := //p' "$cmdfile" | head -1)
	cmd=${cmd%%;*}
	case "$cmd" in *" -c -o "*) ;; *) return 1 ;; esac
	cmd=$(echo "$cmd" | sed -e 's/-Wp,-MMD,[^ ]*//' \
		-e "s| -c -o [^ ]*| -E -D__GENKSYMS__ -o ${obj%.o}.i|")
	(cd "$kbuild" && eval "$cmd")
}

for mod in "$out"/*.mod; do
	[ -f "$mod" ] || continue
	ko=${mod%.mod}.ko
	versions=()
	symtypes=()
	for o in $(cat "$mod"); do
		case "$o" in /*) ;; *) o=$out/${o#./} ;; esac
		genksyms_input "$o" || continue
		"$bin/genksyms" -T "${o%.o}.symtypes" <"${o%.o}.i" >"${o%.o}.symvers"
		versions+=("${o%.o}.symvers")
		[ "$types" = 0 ] || symtypes+=(-T "${o%.o}.symtypes")
	done
	"$bin/symtab" stamp "${symtypes[@]}" "$ko" "${versions[@]}"
done
