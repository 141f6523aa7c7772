#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make modules on real DKMS source packages (packages.list), against every
# installed kernel whose headers build the package plainly:
#   - every .ko of the plain Kbuild build is produced by make modules;
#   - every CRC in the plain build's Module.symvers equals the one our
#     genksyms computed for that export (and the kexport line of
#     `symtab dump`, once the tool prints those);
#   - time of make modules against the plain build.
# A package that does not build plainly on a kernel is skipped there.
#
#   tests/packages/real.sh [PACKAGE...]     (part of make test-packages)
#
# Results per package and kernel: build/test-logs/packages.tsv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
logs=$top/build/test-logs/packages
tsv=$top/build/test-logs/packages.tsv
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-packages.XXXXXX")
trap 'rm -rf "$work"' EXIT
jobs=${JOBS:-$(nproc)}
n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failures=$((failures + 1)); }
now() { date +%s.%N; }
# CPU seconds (user + system) of every child waited for so far: the cost
# of a build whatever else the machine is running.
# cpu VAR: sets VAR (times runs in this shell, not in a subshell).
cpu() {
	times >"$work/times"
	printf -v "$1" '%s' "$(awk 'NR == 2 { split($1, u, "m"); split($2, s, "m")
		printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$work/times")"
}
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mkdir -p "$logs"
printf 'package\tkernel\tmodules_ours\tmodules_plain\texports_matched\texports\tplain_s\tours_s\tratio\tplain_cpu\tours_cpu\tcpu_ratio\n' >"$tsv"

# Module.symvers lines of DIR's plain build: crc name module-path.
plain_exports() {
	find "$1" -name Module.symvers -exec cat {} + | awk '{ print $1, $2, $3 }'
}

# Our genksyms CRC of NAME in module MOD (path without .ko): from the
# .symvers files of the objects its .mod lists.
our_crc() {
	local mod=$1 name=$2 mdir=$3 o
	for o in $(cat "$mod.mod"); do
		case "$o" in /*) ;; *) o=$mdir/${o#./} ;; esac
		[ -f "${o%.o}.symvers" ] && cat "${o%.o}.symvers"
	done | awk -v n="$name" '$1 == "#SYMVER" && $2 == n { print $3; exit }'
}

# On a mismatch: the kernel's own genksyms on the input ours read tells
# whether genksyms differs (it gives Kbuild's CRC) or the input does.
kernel_crc() { # MOD NAME KBUILD
	local mod=$1 name=$2 g=$3/scripts/genksyms/genksyms o
	[ -x "$g" ] || return 0
	for o in $(cat "$mod.mod"); do
		case "$o" in /*) ;; *) o=$(dirname "$mod")/${o#./} ;; esac
		grep -qs "^#SYMVER $name " "${o%.o}.symvers" || continue
		echo ", kernel genksyms on our input $("$g" <"${o%.o}.i" |
			awk -v n="$name" '$2 == n { print $3 }')"
		return 0
	done
}

one() { # PACKAGE DIRS VARS KVER SRC
	local pkg=$1 dirs=$2 vars=$3 k=$4 src=$5
	local kb=/lib/modules/$k/build tag="$1 on $4"
	local plain=$work/plain/$k/$pkg out ours_v d t0 t1 t2 c0 c1 c2 pv=() mv=()
	local name
	name=$(basename "$src")
	out=$top/build/$k/modules/$name

	# Plain Kbuild, in a copy of the package, as its dkms.conf does.
	rm -rf "$plain"; mkdir -p "$plain"; cp -a "$src/." "$plain/"
	for v in $vars; do pv+=("${v//\{ROOT\}/$plain}"); done
	t0=$(now)
	cpu c0
	for d in $dirs; do
		(cd "$plain/$d" && nice make -j"$jobs" -C "$kb" M="$plain/$d" \
			"${pv[@]}" modules) >"$logs/$pkg-$k-plain.log" 2>&1 || {
			ok "$tag # SKIP plain Kbuild build fails on this kernel: $(grep -m1 -o 'error: .*' "$logs/$pkg-$k-plain.log" | cut -c1-100)"
			return 0
		}
	done
	t1=$(now)
	cpu c1

	# Ours, fresh: make modules on the package's Kbuild directories.
	rm -rf "$out"
	ours_v=
	for v in $vars; do ours_v+="${ours_v:+ }${v//\{ROOT\}/$src}"; done
	mv=()
	for d in $dirs; do mv+=("$src/$d"); done
	if ! nice make -s -j"$jobs" -C "$top" modules M="${mv[*]}" ROOT="$src" \
		KVER="$k" MODULE_MAKEFLAGS="$ours_v" >"$logs/$pkg-$k-ours.log" 2>&1; then
		sed 's/^/#   /' "$logs/$pkg-$k-ours.log" | grep -v BTF | tail -15
		not_ok "$tag: make modules failed where plain Kbuild succeeded"
		return 0
	fi
	t2=$(now)
	cpu c2
	if grep -q 'jobserver unavailable' "$logs/$pkg-$k-ours.log"; then
		not_ok "$tag: -j lost on the way to Kbuild (jobserver unavailable)"
	else
		ok "$tag: -j$jobs reaches Kbuild"
	fi

	local kp ko
	kp=$(cd "$plain" && find . -name '*.ko' | sort)
	ko=$(cd "$out" && find . -name '*.ko' | sort)
	local np no
	np=$(echo "$kp" | grep -c . || true)
	no=$(echo "$ko" | grep -c . || true)
	if [ "$kp" = "$ko" ] && [ "$np" -gt 0 ]; then
		ok "$tag: all $np modules of the plain build built ($no)"
	else
		diff <(echo "$kp") <(echo "$ko") | sed 's/^/#   /' || true
		not_ok "$tag: modules differ: plain $np, ours $no"
	fi

	# Every export: plain Kbuild's CRC = our genksyms' (= symtab dump's kexport).
	local total=0 matched=0 crc sym path mod ours dumped bad=
	while read -r crc sym path; do
		total=$((total + 1))
		mod=$out/${path#"$plain"/}
		mod=${mod/\/.\//\/}
		ours=$(our_crc "$mod" "$sym" "$(dirname "$mod")")
		if [ "$ours" != "$crc" ]; then
			bad+=" $sym(plain $crc, ours ${ours:-none}$(kernel_crc "$mod" "$sym" "$kb"))"
			continue
		fi
		# awk reads to the end: symtab must not die of a closed pipe
		# (pipefail would end this script).
		dumped=$("$top/build/bin/symtab" dump "$mod.ko" |
			awk -v n="$sym" '$2 == n && $3 == "kexport" && !f { print $1; f = 1 }')
		if grep -q 'kexport' < <("$top/build/bin/symtab" dump "$mod.ko") &&
			[ "$dumped" != "$crc" ]; then
			bad+=" $sym(plain $crc, symtab dump ${dumped:-none})"
			continue
		fi
		matched=$((matched + 1))
	done < <(plain_exports "$plain")
	if [ -z "$bad" ]; then
		ok "$tag: $matched/$total exports: CRCs equal Kbuild's Module.symvers"
	else
		echo "#   differ:$bad" | cut -c1-600
		not_ok "$tag: $matched/$total exports match Kbuild's Module.symvers"
	fi

	local tp to ratio cp co cratio
	tp=$(secs "$t0" "$t1")
	to=$(secs "$t1" "$t2")
	ratio=$(awk -v a="$tp" -v b="$to" 'BEGIN { printf "%.2f", b / a }')
	cp=$(secs "$c0" "$c1")
	co=$(secs "$c1" "$c2")
	cratio=$(awk -v a="$cp" -v b="$co" 'BEGIN { printf "%.2f", b / a }')
	echo "# $tag: modules $no/$np, exports $matched/$total, plain ${tp}s, make modules ${to}s, ratio $ratio; CPU plain ${cp}s, ours ${co}s, ratio $cratio"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pkg" "$k" "$no" "$np" \
		"$matched" "$total" "$tp" "$to" "$ratio" "$cp" "$co" "$cratio" >>"$tsv"
}

kernels=$(cd /lib/modules && for k in *; do [ -e "$k/build/Makefile" ] && echo "$k"; done)
want=" $* "
nice make -s -C "$top" user kmod >"$logs/prepare.log" 2>&1 ||
	{ echo "not ok 1 - make user kmod failed (see $logs/prepare.log)"; exit 1; }
while IFS='|' read -r pkg dirs vars; do
	pkg=${pkg//[[:space:]]/}
	case "$pkg" in ''|'#'*) continue ;; esac
	[ $# = 0 ] || case "$want" in *" $pkg "*) ;; *) continue ;; esac
	if ! src=$("$here/fetch.sh" "$pkg" 2>"$logs/$pkg-fetch.log"); then
		not_ok "$pkg: fetch: $(cat "$logs/$pkg-fetch.log")"
		continue
	fi
	for k in $kernels; do
		one "$pkg" "$dirs" "$vars" "$k" "$src"
	done
done <"$here/packages.list"

echo "1..$n"
column -t -s "$(printf '\t')" "$tsv" | sed 's/^/# /'
[ $failures = 0 ]
