#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# `symtab kabi extract`: every exported symbol's CRC as a kernel flavor's
# build computed it, from the unpacked source and the flavor's headers tree
# (its .config, generated headers and Kbuild flags), without compiling.
#
#   extract.sh --source SRC --headers HDR -o OUT [-j N] [DIR|FILE ...]
#
# Each exporting .c or .S file below DIRs (default: the whole tree) that
# the flavor's config builds (kbuild-plan.awk) is preprocessed as Kbuild
# does for genksyms (extract-one.sh) and run through genksyms (GENKSYMS=,
# default the one beside symtab).  Writes OUT/Module.symvers (the
# kernel's format) and OUT/symtypes (consolidated: `symtab kabi consolidate` of each object's
# genksyms -T types, which stay under OUT/.work/obj) and, when HDR has the
# flavor's own Module.symvers, OUT/partial: each export whose CRC that file
# records differently (or not at all), and why.  Every header comes from
# HDR (the headers package's include/ and arch/*/include trees), so an
# older ABI known only from its headers package is extracted with a newer
# SRC: its exports whose CRC reproduces have verified types.
# The work (OUT/.work) is kept: a second run redoes only what is missing.
# Parallel through make's jobserver: -j N, or the jobs of a make that runs
# this from a recipe marked '+'.  CC= replaces the preprocessor's compiler
# (distcc, icecc).  Progress on a terminal.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src= hdr= out= jobs=
usage() { echo "usage: symtab kabi extract --source SRC --headers HDR -o OUT [-j N] [DIR|FILE ...]" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--source)	src=${2:-}; shift 2 || usage ;;
	--headers)	hdr=${2:-}; shift 2 || usage ;;
	-o|--output)	out=${2:-}; shift 2 || usage ;;
	-j)		jobs=${2:-}; shift 2 || usage ;;
	-j*)		jobs=${1#-j}; shift ;;
	-h|--help)	sed -n '3,23s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*)		usage ;;
	*)		break ;;
	esac
done
[ -n "$src" ] && [ -n "$hdr" ] && [ -n "$out" ] || usage
die() { echo "symtab: kabi extract: $*" >&2; exit 1; }
[ -f "$src/Makefile" ] && [ -d "$src/include/linux" ] || die "$src: not an unpacked kernel source"
[ -f "$hdr/include/config/auto.conf" ] || die "$hdr: no include/config/auto.conf (not a kernel headers tree)"
src=$(cd "$src" && pwd) hdr=$(cd "$hdr" && pwd)
GK=${GENKSYMS:-$here/../../build/bin/genksyms}
[ -x "$GK" ] || GK=$(command -v genksyms) || die "no genksyms (set GENKSYMS=)"
SYMTAB=${SYMTAB:-$here/../../build/bin/symtab}
[ -x "$SYMTAB" ] || SYMTAB=$(command -v symtab) || die "no symtab (set SYMTAB=)"
mkdir -p "$out/.work"
out=$(cd "$out" && pwd)
work=$out/.work
# One extraction at a time in OUT: a second would share its work files.
exec 9>"$work/lock"
flock -n 9 || die "$out: another extraction is writing there"

# Kbuild's flags for this flavor, from a one-line module built against it.
if [ ! -s "$work/cflags" ]; then
	"$here/../corpus/kbuild-cflags.sh" "$hdr" >"$work/cflags.tmp" ||
		die "cannot get Kbuild's flags from $hdr"
	mv "$work/cflags.tmp" "$work/cflags"
fi

# Candidates: the sources this flavor's config builds, as Kbuild reaches
# them (kbuild-plan.awk: make reads each directory's Kbuild file), that
# export something themselves or through a file they include.  The plan
# of the same DIRs is kept.
whole=
[ $# -gt 0 ] || { set -- .; whole=1; }
plan=$work/plan.$(printf '%s\n' "$@" | cksum | cut -d' ' -f1)
if [ ! -s "$plan" ]; then
	[ ! -t 2 ] || printf '  reading the Kbuild files of %s...' "$*" >&2
	(cd "$src" && awk -f "$here/kbuild-plan.awk" -v lists="$here/kbuild-lists.mk" \
		-v conf="$hdr/include/config/auto.conf" -v only="$*") >"$plan.tmp" ||
		die "cannot read the Kbuild files of $src for $hdr (above)"
	mv "$plan.tmp" "$plan"
	[ ! -t 2 ] || echo >&2
fi
(cd "$src" && awk -f "$here/exporting.awk" "$plan") >"$work/candidates"
total=$(wc -l <"$work/candidates")
[ "$total" -gt 0 ] || die "no exporting source that $hdr builds below $* in $src"

# One make target per source: make runs them under its jobserver and,
# after an interruption, skips those done.
# The plan's fields go to extract-one.sh as arguments: paths and -I/-D
# flags, without quotes or '$' (kbuild-plan.awk leaves out flags with '$').
{
	echo "all:"
	while IFS=$'\t' read -r kind rel module modname cflags aflags; do
		t="$work/obj/${rel%.*}.done"
		echo "all: $t"
		printf "%s:\n\t@\$(ONE) '%s' '%s' '%s' '%s' '%s' '%s'\n" "$t" \
			"$kind" "$rel" "$module" "$modname" "$cflags" "$aflags"
	done <"$work/candidates"
} >"$work/objects.mk"
: >"$work/progress"
start=$(date +%s)
export SRC=$src HDR=$hdr FLAGS=$work/cflags WORK=$work GK KABI_TOTAL=$total
make -s -f "$work/objects.mk" ${jobs:+-j "$jobs"} ONE="$here/extract-one.sh" all
[ ! -t 2 ] || echo >&2

# The results, whole: Module.symvers and the symtypes tree.
(cd "$work/obj" && find . -name '*.symvers' | sort | xargs -r cat) \
	>"$out/Module.symvers.tmp"
mv "$out/Module.symvers.tmp" "$out/Module.symvers"
"$SYMTAB" kabi consolidate "$work/obj" -o "$out/symtypes" ||
	die "consolidating the symtypes of $work/obj failed"

# Where the view is partial: against the CRCs the flavor recorded (its
# headers' Module.symvers), every export not reproduced, and why (the
# format: man symtab, user/libsymtab/kabi/kabi_partial.h).  An older ABI
# known only from its headers package, extracted from a newer source, has
# its types from its own headers, so most of its CRCs reproduce; the
# others' source changed since.  Exports recorded but found in no source
# are named only when the whole tree was extracted.
verified=
if [ -f "$hdr/Module.symvers" ]; then
	awk -F'\t' -v whole="$whole" -v hdr="$hdr" -v src="$src" -v plan="$plan" '
		FNR == 1 { file++ }
		file == 1 { rec[$2] = $1; mod[$2] = $3; next }
		{
			seen[$2] = 1
			if (!($2 in rec)) {
				printf "not-exported\t%s\t%s\t-\t%s\n", $2, $3, $1 | "sort"
				p++
			} else if (rec[$2] != $1) {
				printf "source-differs\t%s\t%s\t%s\t%s\n", $2, $3, rec[$2], $1 | "sort"
				p++
			} else
				v++
		}
		# Objects the build makes from no source file, by module: an
		# export whose name their directory holds (the generator) is
		# "generated", not "not-found".
		function generated(name, module,	n, i, t) {
			n = split(gdirs[module], t, " ")
			for (i = 1; i <= n; i++)
				if (system("grep -rqw -- " name " " src "/" t[i] " 2>/dev/null") == 0)
					return 1
			return 0
		}
		BEGIN {
			while ((getline line < plan) > 0) {
				split(line, g, "\t")
				if (g[1] == "g") {
					sub(/\/[^\/]*$/, "", g[2])
					gdirs[g[3]] = gdirs[g[3]] " " g[2]
				}
			}
		}
		END {
			if (whole)
				for (n in rec)
					if (!(n in seen)) {
						printf "%s\t%s\t%s\t%s\t-\n",
							generated(n, mod[n]) ? "generated" : "not-found",
							n, mod[n], rec[n] | "sort"
						p++
					}
			close("sort")
			printf "%d %d\n", v, p > "/dev/stderr"
		}' "$hdr/Module.symvers" "$out/Module.symvers" \
		>"$out/partial.tmp" 2>"$work/partial.count"
	{
		echo "# symtab kabi partial: the exports of $src whose CRC is not the one"
		echo "# $hdr/Module.symvers records, so whose types are not verified"
		echo "# ($( [ -n "$whole" ] && echo "whole tree" || echo "part of the tree: recorded exports not extracted are not named")):"
		echo "# REASON	NAME	MODULE	RECORDED	COMPUTED"
		cat "$out/partial.tmp"
	} >"$out/partial"
	rm -f "$out/partial.tmp"
	read -r nverified npartial <"$work/partial.count"
	verified="; against $hdr/Module.symvers: $nverified reproduced (types verified), $npartial partial"
	[ "$npartial" -eq 0 ] || verified="$verified (see $out/partial)"
else
	rm -f "$out/partial"
fi
failed=$(cd "$work/obj" && find . -name '*.err' | wc -l)
echo "kabi extract: $(wc -l <"$plan") sources built by this config, $total exporting, $failed failed; $(wc -l <"$out/Module.symvers") exports in $out/Module.symvers$verified ($(( $(date +%s) - start )) s)" >&2
if [ "$failed" -gt 0 ]; then
	(cd "$work/obj" && find . -name '*.err' | sed 's|^\./|  see .work/obj/|' | head -5) >&2
fi
