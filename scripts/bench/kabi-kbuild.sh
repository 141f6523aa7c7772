#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The speed of `symtab kabi extract` against Kbuild's own way of getting
# the same symtypes, in one run, on one core each: for the exporting .c
# files of DIRs that a flavor builds,
#   kbuild     make KBUILD_SYMTYPES=1 FILE.symtypes ... (Kbuild's single
#              targets: its preprocessor and the kernel's genksyms, no
#              compiling) in a tree configured with the flavor's .config
#   extract    symtab kabi extract of the same files, -j 1
#   cpp        the preprocessor alone, with extract's own commands (the floor)
# and the ratios.  The configured tree (make olddefconfig prepare, about 2
# minutes) is kept in the cache.
#
#   scripts/bench/kabi-kbuild.sh SRC HDR [DIR...]     default DIRs: lib kernel
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$(cd "${1:?usage: kabi-kbuild.sh SRC HDR [DIR...]}" && pwd)
hdr=$(cd "${2:?usage: kabi-kbuild.sh SRC HDR [DIR...]}" && pwd)
shift 2
[ $# -gt 0 ] || set -- lib kernel
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
rel=$(basename "$hdr"); rel=${rel#linux-headers-}
tree=$cache/kbuild-tree/$rel
work=$(mktemp -d "${TMPDIR:-/tmp}/kabi-kbuild.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ ! -f "$tree/.prepared" ]; then
	echo "== preparing $tree (the flavor's .config, make olddefconfig prepare)"
	mkdir -p "$tree"
	cp "$hdr/.config" "$tree/.config"
	# Debian's signing keys are not in the source; nothing here signs.
	make -s -C "$src" O="$tree" olddefconfig >/dev/null
	"$src/scripts/config" --file "$tree/.config" --set-str SYSTEM_TRUSTED_KEYS "" \
		--set-str SYSTEM_REVOCATION_KEYS "" --set-str MODULE_SIG_KEY ""
	make -s -C "$src" O="$tree" olddefconfig prepare >"$tree/prepare.log" 2>&1 ||
		{ tail -20 "$tree/prepare.log"; exit 1; }
	touch "$tree/.prepared"
fi

# The sample: what extract would do for DIRs, its .c files only (Kbuild's
# single symtypes targets are for C).
printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s/cc.log"\nexec gcc "$@"\n' "$work" >"$work/cc"
chmod +x "$work/cc"
t=$(now)
CC=$work/cc "$top/build/bin/symtab" kabi extract --source "$src" --headers "$hdr" \
	-o "$work/x" -j 1 "$@" 2>"$work/x.err"
t_extract=$(since "$t")
grep '\.c$' <(cut -f2 "$work/x/.work/candidates") >"$work/files" || true
n=$(wc -l <"$work/files")
nall=$(wc -l <"$work/x/.work/candidates")
[ "$n" -gt 0 ] || { echo "no exporting C file in $*"; exit 1; }
[ "$n" = "$nall" ] || echo "   (extract also did $((nall - n)) assembly files)"

# The floor: extract's own preprocessor commands again, output dropped.
t=$(now)
(cd "$hdr" && while read -r line; do
	eval "set -- $(printf '%s' "$line" | sed 's/-o [^ ]*\.i$//')"
	gcc "$@" -o /dev/null 2>/dev/null || :
done <"$work/cc.log")
t_cpp=$(since "$t")

t=$(now)
make -s -C "$src" O="$tree" KBUILD_SYMTYPES=1 -j 1 \
	$(sed 's/\.c$/.symtypes/' "$work/files") >"$work/kbuild.log" 2>&1 ||
	{ tail -5 "$work/kbuild.log"; echo "Kbuild's symtypes failed"; exit 1; }
t_kbuild=$(since "$t")

echo "== $rel: $n exporting C files of $* (one core each)"
echo "   kbuild  (make KBUILD_SYMTYPES=1 FILE.symtypes): $t_kbuild s"
echo "   extract (symtab kabi extract -j 1):             $t_extract s"
echo "   cpp     (its preprocessor commands alone):      $t_cpp s"
awk -v k="$t_kbuild" -v x="$t_extract" -v c="$t_cpp" 'BEGIN {
	printf "   extract/kbuild %.2f, extract/cpp %.2f, kbuild/cpp %.2f\n", x / k, x / c, k / c }'
