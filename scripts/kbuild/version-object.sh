#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Version one object Kbuild compiled: rerun its recorded compile command as
# a preprocessor run with -D__GENKSYMS__, and feed that to genksyms.
#
#   version-object.sh KBUILD GENKSYMS OBJ.o   -> OBJ.symvers, OBJ.symtypes
#
# OBJ.symtab-imports (build-module.sh writes it; may be empty) holds
# genksyms markers (`symtab dump -g`) for kernel symbols the module imports
# that this object refers to and build-module.sh gave it: genksyms expands
# each as this object's own sources declare it, into OBJ.symtypes (their
# CRCs, the module's __versions ones when the object sees every type the
# kernel's exporting source saw, go to OBJ.imports.symvers, never to the
# versions `symtab stamp` reads).
#
# An object without a C compile command (assembler, prebuilt), or with
# nothing to version and no import to expand, gets empty files.
set -euo pipefail
kbuild=$1 genksyms=$2 obj=$3
base=${obj%.o}
die() { echo "build-module: $obj: $*" >&2; exit 1; }

cmdfile=$(dirname "$obj")/.$(basename "$obj").cmd
[ -f "$cmdfile" ] || die "no $cmdfile to take compiler flags from"
cmd=$(sed -n 's/^savedcmd_[^ ]* := //p; s/^cmd_[^ ]* := //p' "$cmdfile" | head -1)
cmd=${cmd%%;*}
case "$cmd" in
*-D__ASSEMBLY__*) ;;
*" -c -o "*) ok=1 ;;
esac
markers=$base.symtab-imports
[ -s "$markers" ] || markers=
# genksyms versions EXPORT_SYMBOL()s (sections ___ksymtab+* up to 6.4,
# .export_symbol since) and symtab's X() and SYMTAB_IMPORT() (symtab.h among
# the headers Kbuild recorded).  An object with neither and no import to
# expand is not preprocessed again.  SYMTAB_PREPROCESS_ALL=1 preprocesses
# every object all the same.
own=1
if ! grep -q 'symtab/symtab\.h' "$cmdfile" &&
	! grep -qa -e '__ksymtab' -e '\.export_symbol' "$obj"; then
	own=
fi
# A module's .mod.o is there for its module_layout import only: its own
# exports are the module's objects'.
case "$obj" in *.mod.o) own= ;; esac
if [ -n "${ok:-}" ] && [ -z "$own$markers" ] && [ -z "${SYMTAB_PREPROCESS_ALL:-}" ]; then
	ok=
fi
if [ -z "${ok:-}" ]; then
	: >"$base.symtypes"
	: >"$base.symvers"
	: >"$base.imports.symvers"
	exit 0
fi
cmd=$(echo "$cmd" | sed -e 's/-Wp,-MMD,[^ ]*//' \
	-e "s| -c -o [^ ]*| -E -D__GENKSYMS__ -o $base.i|")
(cd "$kbuild" && eval "$cmd") || die "preprocessing failed"
if [ -z "$markers" ]; then
	"$genksyms" -T "$base.symtypes.tmp" <"$base.i" >"$base.symvers.tmp" ||
		die "genksyms failed on $base.i"
	: >"$base.imports.symvers"
else
	# The versions stamp reads come from the object alone (so an import
	# declared differently by two objects cannot make them conflict);
	# the types from the object with the markers appended.
	if [ -n "$own" ]; then
		"$genksyms" <"$base.i" >"$base.symvers.tmp" ||
			die "genksyms failed on $base.i"
	else
		: >"$base.symvers.tmp"
	fi
	cat "$base.i" "$markers" |
		"$genksyms" -T "$base.symtypes.tmp" >"$base.imports.symvers.tmp" ||
		die "genksyms failed on $base.i with its import markers"
	mv "$base.imports.symvers.tmp" "$base.imports.symvers"
fi
mv "$base.symtypes.tmp" "$base.symtypes"
mv "$base.symvers.tmp" "$base.symvers"
