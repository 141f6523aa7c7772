#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# extract.sh's worker: one exporting source file REL (.c, relative to SRC)
# of the flavor whose headers are HDR.  If the flavor's config builds it,
# preprocess it as Kbuild does for genksyms (Kbuild's flags from FLAGS,
# the directory's ccflags, -DMODULE when modular) with $CC, and run
# genksyms on it; write under WORK/obj/:
#   REL.symtypes  its genksyms -T types
#   REL.symvers   its exports as Module.symvers lines
#   REL.err       what went wrong, if anything (kept for the summary)
# and REL.done last, so that an interrupted run resumes where it stopped
# (and a failed file is tried again).
# A file the config does not build gets only REL.done.
#   Environment: SRC HDR FLAGS WORK GK, CC (replaces FLAGS' compiler),
#   KABI_TOTAL (for the progress line, on a terminal).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/../corpus
rel=$1
o=$WORK/obj/${rel%.*}
conf=$HDR/include/config/auto.conf
{ read -r cc; read -ra cflags; } <"$FLAGS"
cc=${CC:-$cc}
mkdir -p "$(dirname "$o")"
rm -f "$o".*

dir=$(dirname "$rel")
how_of() {	# how_of FILE-OR-DIR/ IN-DIR
	awk -f "$corpus/kbuild-object.awk" -v conf="$conf" -v src="$SRC" \
		-v file="$1" $(ls "$SRC/$2"/{Kbuild,Makefile} 2>/dev/null) </dev/null
}
# Kbuild reaches DIR from its parent, and so on up (top directories are).
descended() {
	local d=$1
	while [[ $d == */* && ( $d != arch/* || $d == arch/*/* ) ]]; do
		[ -n "$(how_of "$d/" "$(dirname "$d")" | head -1)" ] || return 1
		d=$(dirname "$d")
	done
}
mapfile -t how < <(how_of "$rel" "$dir")
if [[ ${how[0]:-} != [ym] ]] || ! descended "$dir"; then
	touch "$o.done"
	exit 0
fi
name=$(basename "${rel%.*}")
if [ "${how[0]}" = m ]; then
	kind=(-DMODULE)
	module=$dir/${how[2]:-$name}
else
	kind=()
	module=vmlinux
fi
read -ra extra <<<"${how[1]:-}"
flags=(-D__GENKSYMS__ "${cflags[@]}" "${extra[@]}" -I"$SRC/$dir" "${kind[@]}"
	-DKBUILD_BASENAME="\"$name\"" -DKBUILD_MODNAME="\"${how[2]:-$name}\""
	-D__KBUILD_MODNAME="kmod_${how[2]:-$name}")
tmp=$o.tmp.$$
if [[ $rel == *.S ]]; then
	# Kbuild's way for assembly: the exported names, declared by
	# <asm/asm-prototypes.h>.
	{ echo '#include <linux/kernel.h>'
	  echo '#include <asm/asm-prototypes.h>'
	  (cd "$HDR" && $cc -E -D__ASSEMBLY__ "${cflags[@]}" "${extra[@]}" \
		-I"$SRC/$dir" "${kind[@]}" "$SRC/$rel" 2>>"$tmp.err") |
	  sed -n 's/.*___EXPORT_SYMBOL[[:space:]]*\([a-zA-Z0-9_]*\)[[:space:]]*,.*/EXPORT_SYMBOL(\1);/p'
	} >"$tmp.c"
	src_in=$tmp.c
	lang=(-x c)
else
	src_in=$SRC/$rel
	lang=()
fi
# Headers Kbuild generates while building (lib/crc32table.h...) are not
# in the headers package; no type comes from them, so an empty stand-in,
# searched last, lets the preprocessor through.
preprocess() {
	local try missing
	for try in 1 2 3 4; do
		(cd "$HDR" && $cc -E "${flags[@]}" -idirafter "$WORK/generated" \
			"${lang[@]}" "$src_in" -o "$tmp.i") 2>"$tmp.cpp" && return 0
		missing=$(sed -n 's/.*fatal error: \([^ :]*\): No such file or directory/\1/p' "$tmp.cpp" | head -1)
		[ -n "$missing" ] && [ ! -e "$WORK/generated/$missing" ] || break
		mkdir -p "$(dirname "$WORK/generated/$missing")"
		: >"$WORK/generated/$missing"
	done
	cat "$tmp.cpp" >>"$tmp.err"
	return 1
}
if preprocess && "$GK" -T "$o.symtypes" <"$tmp.i" >"$tmp.ver" 2>>"$tmp.err"; then
	# Export kind and namespace, as the source writes them.
	grep -ohE 'EXPORT_SYMBOL(_GPL)?(_NS(_GPL)?)?[[:space:]]*\([[:space:]]*[A-Za-z0-9_]+([[:space:]]*,[[:space:]]*[A-Za-z0-9_]+)?' \
		"$SRC/$rel" 2>/dev/null | tr -d ' \t' | tr '(,' '  ' >"$tmp.kinds"
	awk -v module="$module" '
		FILENAME == ARGV[1] {
			k = $1; sub(/_NS/, "", k); kind[$2] = k
			ns[$2] = NF > 2 ? $3 : ""; next }
		$1 == "#SYMVER" {
			k = $2 in kind ? kind[$2] : "EXPORT_SYMBOL"
			printf "%s\t%s\t%s\t%s\t%s\n", $3, $2, module, k, ns[$2]
		}' "$tmp.kinds" "$tmp.ver" >"$o.symvers"
else
	echo "$rel: preprocessing or genksyms failed" >>"$tmp.err"
	rm -f "$o.symtypes"
	mv "$tmp.err" "$o.err"
fi
rm -f "$tmp".*
# A failure is tried again by the next run.
[ -e "$o.err" ] || touch "$o.done"
if [ -t 2 ] && [ -n "${KABI_TOTAL:-}" ]; then
	echo "$rel" >>"$WORK/progress"
	printf '\r  [%d/%d] %-60.60s' "$(wc -l <"$WORK/progress")" "$KABI_TOTAL" "$rel" >&2
fi
exit 0
