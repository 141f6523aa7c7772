#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# extract.sh's worker: one line of WORK/candidates as arguments
# (kbuild-plan.awk's plan of one exporting source: y|m FILE MODULE MODNAME
# CFLAGS AFLAGS).  Preprocess FILE as Kbuild does for genksyms (Kbuild's
# flags from FLAGS, then its directories' flags, -DMODULE when modular)
# with $CC, and run genksyms on it; write under WORK/obj/:
#   FILE.symtypes  its genksyms -T types
#   FILE.symvers   its exports as Module.symvers lines
#   FILE.err       what went wrong, if anything (kept for the summary)
# and FILE.done last, so that an interrupted run resumes where it stopped
# (and a failed file is tried again).
#   Environment: SRC HDR FLAGS WORK GK, CC (replaces FLAGS' compiler),
#   KABI_TOTAL (for the progress line, on a terminal).
set -uo pipefail
# A few processes a file: this runs once for each of 3,000 sources.
kind=$1 rel=$2 module=$3 modname=$4 dir_cflags=$5 dir_aflags=$6
o=$WORK/obj/${rel%.*}
{ read -r cc; read -ra cflags; } <"$FLAGS"
cc=${CC:-$cc}
[ -d "${o%/*}" ] || mkdir -p "${o%/*}"
rm -f "$o".*

dir=${rel%/*}
read -ra extra_c <<<"$dir_cflags"
read -ra extra_a <<<"$dir_aflags"
kind_flags=()
[ "$kind" = m ] && kind_flags=(-DMODULE)
name=${rel##*/}
name=${name%%.*}
# Kbuild's own: the directory (it builds outside the source), the names;
# first, include/linux/export.h beside this script, which marks each
# export's license and namespace for Module.symvers.
flags=(-I"${0%/*}/include" -D__GENKSYMS__ "${cflags[@]}" "${extra_c[@]}" -I"$SRC/$dir" "${kind_flags[@]}"
	-DKBUILD_BASENAME="\"${name//[-,]/_}\"" -DKBUILD_MODNAME="\"$modname\""
	-D__KBUILD_MODNAME="kmod_$modname")
tmp=$o.tmp.$$
if [[ $rel == *.S ]]; then
	# Kbuild's way for assembly: the exported names, declared by
	# <asm/asm-prototypes.h>, exported again in C for their license
	# (6.1's asm-generic/export.h: "___EXPORT_SYMBOL name, val, _gpl";
	# 6.12's linux/export.h: "__export_symbol_name: ; .asciz "GPL"").
	{ echo '#include <linux/kernel.h>'
	  echo '#include <linux/export.h>'
	  echo '#include <asm/asm-prototypes.h>'
	  (cd "$HDR" && $cc -E -D__ASSEMBLY__ "${cflags[@]}" "${extra_a[@]}" \
		-I"$SRC/$dir" "${kind_flags[@]}" "$SRC/$rel" 2>>"$tmp.err") |
	  sed -n -e 's/.*___EXPORT_SYMBOL[[:space:]]*\([a-zA-Z0-9_]*\)[[:space:]]*,[^,]*,[[:space:]]*_gpl.*/EXPORT_SYMBOL_GPL(\1);/p' \
		-e 's/.*___EXPORT_SYMBOL[[:space:]]*\([a-zA-Z0-9_]*\)[[:space:]]*,.*/EXPORT_SYMBOL(\1);/p' \
		-e 's/.*__export_symbol_\([a-zA-Z0-9_]*\):[[:space:];]*\.asciz[[:space:]]*"GPL".*/EXPORT_SYMBOL_GPL(\1);/p' \
		-e 's/.*__export_symbol_\([a-zA-Z0-9_]*\):[[:space:];]*\.asciz.*/EXPORT_SYMBOL(\1);/p'
	} >"$tmp.c"
	src_in=$tmp.c
	lang=(-x c)
else
	src_in=$SRC/$rel
	lang=()
	[[ $rel != *.c_shipped ]] || lang=(-x c)
fi
# A header of the headers package that includes a file of the source tree
# by a relative path (include/trace/events/bridge.h:
# "../../../net/bridge/br_private.h") finds it in SRC, as in Kbuild's
# tree.  Headers Kbuild generates while building (lib/crc32table.h...) are
# not in the headers package; no type comes from them, so an empty
# stand-in, searched last, lets the preprocessor through.
late=()
preprocess() {
	local try line missing from dir
	for try in 1 2 3 4 5 6; do
		(cd "$HDR" && $cc -E "${flags[@]}" "${late[@]}" -idirafter "$WORK/generated" \
			"${lang[@]}" "$src_in" -o "$tmp.i") 2>"$tmp.cpp" && return 0
		line=$(grep -m1 'fatal error: .*: No such file or directory' "$tmp.cpp")
		missing=$(sed -n 's/.*fatal error: \([^ :]*\): No such file or directory/\1/p' <<<"$line")
		from=${line%%:*}
		case $from in
		*/arch/*/include/*) dir=arch/${from#*/arch/} ;;
		*/include/*) dir=include/${from#*/include/} ;;
		*) dir= ;;
		esac
		dir=$SRC/$(dirname "${dir:-.}")
		case $missing in
		"" | /*) break ;;
		../* | */../*)
			# Or from a source file, as Kbuild's -I./include finds
			# it (kernel/bpf/btf.c: "../tools/lib/bpf/relo_core.h").
			[ -e "$dir/$missing" ] || dir=$SRC/include
			[ -e "$dir/$missing" ] || break
			late+=(-idirafter "$dir")
			continue ;;
		esac
		[ ! -e "$WORK/generated/$missing" ] || break
		mkdir -p "$(dirname "$WORK/generated/$missing")"
		: >"$WORK/generated/$missing"
	done
	cat "$tmp.cpp" >>"$tmp.err"
	return 1
}
if preprocess && "$GK" -T "$o.symtypes" <"$tmp.i" >"$tmp.ver" 2>>"$tmp.err"; then
	# Export kind and namespace, from the marks of include/linux/export.h:
	# "#pragma symtab_kabi_export NAME LICENSE NAMESPACE", each a string
	# ("_gpl" in 6.1, "GPL" in 6.12), the namespace maybe in pieces.
	grep -h '^#pragma symtab_kabi_export ' "$tmp.i" | awk -v module="$module" '
		FILENAME == "-" {
			name = $3
			$1 = $2 = $3 = ""
			n = split($0, s, /"/)
			kind[name] = s[2] ~ /gpl|GPL/ ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL"
			ns[name] = ""
			for (i = 4; i <= n; i += 2)
				ns[name] = ns[name] s[i]
			next
		}
		$1 == "#SYMVER" {
			k = $2 in kind ? kind[$2] : "EXPORT_SYMBOL"
			printf "%s\t%s\t%s\t%s\t%s\n", $3, $2, module, k, ns[$2]
		}' - "$tmp.ver" >"$o.symvers"
else
	echo "$rel: preprocessing or genksyms failed" >>"$tmp.err"
	rm -f "$o.symtypes"
	mv "$tmp.err" "$o.err"
fi
rm -f "$tmp".*
# A failure is tried again by the next run.
[ -e "$o.err" ] || : >"$o.done"
if [ -t 2 ] && [ -n "${KABI_TOTAL:-}" ]; then
	echo "$rel" >>"$WORK/progress"
	printf '\r  [%d/%d] %-60.60s' "$(wc -l <"$WORK/progress")" "$KABI_TOTAL" "$rel" >&2
fi
exit 0
