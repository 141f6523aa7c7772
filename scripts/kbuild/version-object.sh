#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Version one object Kbuild compiled: rerun its recorded compile command as
# a preprocessor run with -D__GENKSYMS__, and feed that to genksyms.
#
#   version-object.sh KBUILD GENKSYMS OBJ.o   -> OBJ.symvers, OBJ.symtypes
#
# An object without a C compile command (assembler, prebuilt) or without
# anything to version gets empty files.
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
# genksyms versions EXPORT_SYMBOL()s (sections ___ksymtab+* up to 6.4,
# .export_symbol since) and symtab's X() and SYMTAB_IMPORT() (symtab.h among
# the headers Kbuild recorded): an object with neither has nothing to
# version, and skipping its second preprocessor run is most of the cost.
# SYMTAB_PREPROCESS_ALL=1 preprocesses every object all the same (the
# tests expand a plain module's imports from its .i).
if [ -z "${SYMTAB_PREPROCESS_ALL:-}" ] &&
	! grep -q 'symtab/symtab\.h' "$cmdfile" &&
	! grep -qa -e '__ksymtab' -e '\.export_symbol' "$obj"; then
	ok=
fi
[ -n "${ok:-}" ] || { : >"$base.symtypes"; : >"$base.symvers"; exit 0; }
cmd=$(echo "$cmd" | sed -e 's/-Wp,-MMD,[^ ]*//' \
	-e "s| -c -o [^ ]*| -E -D__GENKSYMS__ -o $base.i|")
(cd "$kbuild" && eval "$cmd") || die "preprocessing failed"
"$genksyms" -T "$base.symtypes.tmp" <"$base.i" >"$base.symvers.tmp" ||
	die "genksyms failed on $base.i"
mv "$base.symtypes.tmp" "$base.symtypes"
mv "$base.symvers.tmp" "$base.symvers"
