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
# lets `symtab explain` name the member behind a changed CRC.
#
# Each module's .modinfo names the modules it imports from in a softdep
# (exporters.sh says where they are looked up; SYMTAB_EXTRA_SYMBOLS adds
# records, SYMTAB_MODULES_DIR says where installed modules are), so that
# modprobe loads them first; the exports of the modules built here go to
# Module.symtab in the module directory, for the builds of their
# consumers.  SYMTAB_SOFTDEP=0 leaves .modinfo alone.  A source
# directory holding a file named NOSTAMP is built but left versionless (tests).
#
# Run it from make with a `+` recipe so the jobserver (-j) reaches Kbuild and
# the genksyms step.
#
# The kernel tree is /lib/modules/KVER/build unless KBUILD_DIR names one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/layout.sh"
. "$here/exporters.sh"

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
		-o -name '*.symtab-imports' -o -name Module.symtab \
		-o -name '.symtab-exporters*' \) -delete
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
# its own sources declare them: objects get OBJ.symtab-imports, genksyms
# markers for version-object.sh to expand.  Each import is expanded once
# per module, in one object that refers to it (nm -u): first the objects
# preprocessed anyway (exports, symtab records) take every import they
# use, then the object that would cover most of the rest, and so on, so
# an object none of whose imports is left is not preprocessed at all.
# module_layout, which every module imports and the kernel checks first, is
# declared by no module source: the chosen object including
# <linux/module.h> gets its declaration, as kernel/module/version.c has it
# (else the module's .mod.o, which Kbuild compiled from a .mod.c that
# includes it).  Rewritten only when it changes, so make redoes only the
# objects concerned.
layout_decl='void module_layout(struct module *mod, struct modversion_info *ver, struct kernel_param *kp, struct kernel_symbol *ks, struct tracepoint * const *tp);'
# own OBJ: preprocessed whatever its imports (version-object.sh's test).
own() {
	local cmdfile
	cmdfile=$(dirname "$1")/.$(basename "$1").cmd
	grep -q 'symtab/symtab\.h' "$cmdfile" 2>/dev/null ||
		grep -qa -e '__ksymtab' -e '\.export_symbol' "$1"
}
for o in "${objs[@]}"; do : >"${o%.o}.symtab-imports.tmp"; done
for m in "${mods[@]}"; do
	: >"$m.mod.symtab-imports.tmp"
	[ "$types" != 0 ] || continue
	"$SYMTAB" dump -g "$m.ko" >"$m.ko-imports" ||
		die "symtab dump -g failed on $m.ko"
	# "OBJ OWN MODULE_H NAME" for each import OBJ refers to.
	while read -r o; do
		cmdfile=$(dirname "$o")/.$(basename "$o").cmd
		grep -q -- '-D__ASSEMBLY__' "$cmdfile" 2>/dev/null && continue
		ow=0; own "$o" && ow=1
		mh=0; grep -q 'include/linux/module\.h' "$cmdfile" 2>/dev/null && mh=1
		nm -u "$o" 2>/dev/null | awk -v o="$o" -v ow=$ow -v mh=$mh '
			NR == FNR { u[$NF] = 1; next }
			{ n = $0; sub(/^__GENKSYMS_EXPORT_SYMBOL\(/, "", n)
			  sub(/\);$/, "", n) } n in u { print o, ow, mh, n }' - "$m.ko-imports"
	done < <(objects "$m") >"$m.ko-uses"
	layout=0
	grep -qxF '__GENKSYMS_EXPORT_SYMBOL(module_layout);' "$m.ko-imports" && layout=1
	awk -v decl="$layout_decl" -v mod="$m.mod.o" -v layout=$layout '
		{ if (!($1 in own)) { objs[++nobj] = $1; own[$1] = $2; mh[$1] = $3 }
		  use[$1, $4] = 1; users[$4] = users[$4] " " $1; names[$4] = 1 }
		function take(o,   n, b) { chosen[o] = 1; b = o; sub(/\.o$/, "", b)
			for (n in names) if (!(n in done) && ((o, n) in use)) {
				print "__GENKSYMS_EXPORT_SYMBOL(" n ");" >>(b ".symtab-imports.tmp")
				done[n] = 1 } }
		END {
			for (i = 1; i <= nobj; i++) if (own[objs[i]] == 1) take(objs[i])
			for (;;) {
				best = ""; most = 0
				for (i = 1; i <= nobj; i++) {
					o = objs[i]; c = 0
					if (o in chosen) continue
					for (n in names) if (!(n in done) && ((o, n) in use)) c++
					if (c > most) { most = c; best = o }
				}
				if (best == "") break
				take(best)
			}
			if (!layout) exit
			at = ""
			for (i = 1; i <= nobj && at == ""; i++)
				if ((objs[i] in chosen) && mh[objs[i]]) at = objs[i]
			if (at == "") at = mod
			sub(/\.o$/, "", at)
			print decl >>(at ".symtab-imports.tmp")
			print "__GENKSYMS_EXPORT_SYMBOL(module_layout);" >>(at ".symtab-imports.tmp")
		}' "$m.ko-uses" || die "assigning imports to objects failed"
	rm -f "$m.ko-imports" "$m.ko-uses"
	[ -s "$m.mod.symtab-imports.tmp" ] && echo "$m.mod.o" >>"$mdir/.symtab-objects"
done
for t in "${objs[@]/%.o/.symtab-imports}" "${mods[@]/%/.mod.symtab-imports}"; do
	[ -f "$t.tmp" ] || continue	# an object of two modules: done
	if [ ! -s "$t.tmp" ] && [[ $t = *.mod.symtab-imports ]]; then
		rm -f "$t.tmp" "$t" "${t%.symtab-imports}.symtypes" \
			"${t%.symtab-imports}.imports.symvers"
		continue
	fi
	# In a fixed order, the declaration before its marker.
	sort -r -o "$t.tmp" "$t.tmp"
	if cmp -s "$t.tmp" "$t"; then rm "$t.tmp"; else mv "$t.tmp" "$t"; fi
done
make -s -f "$here/version.mk" KBUILD="$kbuild" GENKSYMS="$GENKSYMS" \
	OBJLIST="$mdir/.symtab-objects" VERSION_OBJECT="$here/version-object.sh" ||
	die "genksyms failed for $kver"

# Where each module's softdep finds the exporters of its imports: the
# modules built here (their records in Module.symtab), then the records
# given and installed (exporters.sh).
exporters=()
if [ "${SYMTAB_SOFTDEP:-1}" != 0 ]; then
	for m in "${mods[@]}"; do
		objects "$m" | sed 's/\.o$/.symvers/' >"$m.symtab-versions"
		build_records "$m.ko" "$m.symtab-versions" ||
			die "symtab dump failed on $m.ko"
		rm -f "$m.symtab-versions"
	done >"$mdir/Module.symtab.tmp"
	mv "$mdir/Module.symtab.tmp" "$mdir/Module.symtab"
	exporters=(-e "$mdir/Module.symtab")
	known_records "$kver" "$mdir" >"$mdir/.symtab-exporters" ||
		die "exporters' records for $kver"
	while read -r f; do
		exporters+=(-e "$f")
	done <"$mdir/.symtab-exporters"
fi

for m in "${mods[@]}"; do
	versions=()
	symtypes=()
	while read -r o; do
		versions+=("${o%.o}.symvers")
		[ "$types" = 0 ] || symtypes+=(-T "${o%.o}.symtypes")
	done < <(objects "$m")
	[ ! -s "$m.mod.symtab-imports" ] || symtypes+=(-T "$m.mod.symtypes")
	"$SYMTAB" stamp "${exporters[@]}" "${symtypes[@]}" "$m.ko" \
		"${versions[@]}" ||
		die "symtab stamp failed on $m.ko"
done
echo "  VERSIONED ${#mods[@]} module(s) for $kver in $mdir"
