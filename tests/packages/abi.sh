#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The real ABI case of issue 12: Debian's 6.1 ABIs 6.1.0-50 and 6.1.0-57
# differ in the CRCs of most exported symbols.  The plain test modules and
# a real DKMS package (tp-smapi-dkms) are built against both with `make
# modules KVER=...`; then
#   - `symtab explain OLD.ko NEW.ko` names a changed type member behind
#     every changed __versions CRC of a symbol the build expanded (every
#     import the module's sources declare, and module_layout);
#   - `symtab check -k NEW OLD.ko` explains its disagreements from the
#     NEW build, which it finds beside the OLD one, grouped as explain
#     groups them: each change once, every disagreeing import named.
# The changes found (what really changed between the two ABIs) are printed
# as TAP comments.
#
#   tests/packages/abi.sh          (part of make test-packages)
#
# Test material: the older ABI's headers (linux-headers-6.1.0-50-amd64),
# installed here with apt-get when missing (not something a user's install
# needs).  When they cannot be had, that is a failure saying why.  Headers
# this script installed are removed again at the end, with what was built
# for that kernel under build/ (installed headers make `make` build
# symtab.ko for the kernel, and the VM suite would try to boot it); set
# ABI_KEEP_HEADERS=1 to keep them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
old=${ABI_OLD:-6.1.0-50-amd64}
new=${ABI_NEW:-6.1.0-57-amd64}
logs=$top/build/test-logs/packages
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-abi.XXXXXX")
installed=
cleanup() {
	rm -rf "$work"
	if [ -n "$installed" ] && [ -z "${ABI_KEEP_HEADERS:-}" ]; then
		echo "# removing linux-headers-$old (installed as test material) and build/$old"
		DEBIAN_FRONTEND=noninteractive apt-get purge -y "linux-headers-$old" \
			"linux-headers-${old%-amd64}-common" >>"$logs/abi-apt.log" 2>&1 ||
			echo "# apt-get purge failed: see $logs/abi-apt.log"
		rm -rf "${top:?}/build/$old"
	fi
}
trap cleanup EXIT
tool=$top/build/bin/symtab
n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failures=$((failures + 1)); }
finish() { echo "1..$n"; [ $failures = 0 ]; exit; }
mkdir -p "$logs"

# --- test material ------------------------------------------------------------
have() { [ -f "/lib/modules/$1/build/Module.symvers" ]; }
if ! have "$old"; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "# installing linux-headers-$old (test material)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y \
			"linux-headers-$old" >"$logs/abi-apt.log" 2>&1 || true
		have "$old" && installed=1
	fi
fi
for k in "$old" "$new"; do
	if have "$k"; then
		ok "test material: the headers of $k are installed"
	else
		not_ok "test material: linux-headers-$k is not installed and could not be ($( [ "$(id -u)" = 0 ] && echo "apt-get install failed: see $logs/abi-apt.log" || echo "not root: apt-get install linux-headers-$k"))"
	fi
done
[ $failures = 0 ] || finish

total=$(grep -c . "/lib/modules/$new/build/Module.symvers")
changed=$(awk -F'\t' 'NR == FNR { c[$2] = $1; next } $2 in c && c[$2] != $1' \
	"/lib/modules/$old/build/Module.symvers" \
	"/lib/modules/$new/build/Module.symvers" | grep -c . || true)
if [ "$changed" -gt 0 ]; then
	ok "$old -> $new: $changed of $total exported symbols changed CRC"
else
	not_ok "$old -> $new: no exported symbol changed CRC (not the ABI pair this test is about)"
fi

# --- builds -----------------------------------------------------------------
nice make -s -C "$top" user >"$logs/abi-prepare.log" 2>&1 ||
	{ not_ok "make user (see $logs/abi-prepare.log)"; finish; }
# The plain test modules, in a copy of their own (make testmodules owns
# build/<release>/modules/plain).
plain=$top/build/test-packages/plain-abi
rm -rf "$plain"; mkdir -p "$plain"; cp -a "$top/tests/modules/plain/." "$plain/"
if ! tp=$("$here/fetch.sh" tp-smapi-dkms 2>"$logs/abi-fetch.log"); then
	not_ok "fetch tp-smapi-dkms: $(cat "$logs/abi-fetch.log")"
	tp=
fi
built=()
build() { # WHAT KVER M [MODULE_MAKEFLAGS]
	if nice make -s -j"${JOBS:-$(nproc)}" -C "$top" modules M="$3" \
		KVER="$2" MODULE_MAKEFLAGS="${4:-}" >"$logs/abi-$1-$2.log" 2>&1; then
		ok "make modules $1 KVER=$2"
	else
		grep -v BTF "$logs/abi-$1-$2.log" | tail -8 | sed 's/^/#   /'
		not_ok "make modules $1 KVER=$2"
		return 1
	fi
}
for k in "$old" "$new"; do
	build plain "$k" "$plain" || true
	[ -z "$tp" ] || build tp-smapi "$k" "$tp" HDAPS=1 || true
done

# --- explain and check --------------------------------------------------------
# expanded K DIR MOD: the imports the build of MOD expanded (its objects'
# OBJ.imports.symvers, and module_layout from the .mod.o of one module).
expanded() {
	local d=$top/build/$1/modules/$2 o
	for o in $(cat "$d/$3.mod") "$d"/*.mod.o; do
		case "$o" in /*) ;; *) o=$d/${o#./} ;; esac
		cat "${o%.o}.imports.symvers" 2>/dev/null || true
	done | awk '{ print $2 }' | sort -u
}
kimports() { "$tool" dump "$1" 2>/dev/null | awk -F'\t' '$3 == "kimport" { print $2, $1 }' | sort; }

: >"$work/why"
one() { # DIR MOD [OTHER MODULES GIVEN TO check]
	local dir=$1 mod=$2 a b tag sym missing= nchanged nexp
	shift 2
	a=$top/build/$old/modules/$dir/$mod.ko
	b=$top/build/$new/modules/$dir/$mod.ko
	tag="$mod ($dir) $old -> $new"
	[ -f "$a" ] && [ -f "$b" ] || { not_ok "$tag: both builds there"; return; }
	join <(kimports "$a") <(kimports "$b") | awk '$2 != $3 { print $1 }' >"$work/changed"
	comm -12 <(expanded "$old" "$dir" "$mod") <(expanded "$new" "$dir" "$mod") |
		comm -12 "$work/changed" - >"$work/want"
	nchanged=$(grep -c . "$work/changed" || true)
	nexp=$(grep -c . "$work/want" || true)
	"$tool" explain "$a" "$b" >"$work/explain" 2>"$work/explain.err" || true
	while read -r sym; do
		grep "^$sym: " "$work/explain" | grep -qv ': CRC changed ' ||
			missing+=" $sym"
	done <"$work/want"
	if [ "$nexp" -gt 0 ] && [ -z "$missing" ]; then
		ok "$tag: explain names a changed member behind each of the $nexp changed import CRCs it expanded ($nchanged changed in all): $(tr '\n' ' ' <"$work/want" | cut -c1-200)"
	else
		sed 's/^/#   /' "$work/explain.err" | head -5
		not_ok "$tag: explain names a change behind each changed import CRC the build expanded ($nexp of $nchanged; not explained:${missing:- -})"
	fi
	grep -v ': CRC changed ' "$work/explain" >>"$work/why" || true
	grep ': CRC changed ' "$work/explain" | sed 's/^/#   not expanded: /' | cut -c1-200 || true

	# check -k: the OLD build against NEW; the NEW build is found beside.
	local given=("$a")
	for o in "$@"; do given+=("$top/build/$old/modules/$dir/$o.ko"); done
	"$tool" check -k "$new" "${given[@]}" >"$work/check.out" 2>"$work/check.err" || true
	sed -n "s|^symtab: $a: disagrees about version of symbol \\([^ ]*\\) .*|\\1|p" \
		"$work/check.err" | sort >"$work/disagree"
	# Grouped as explain groups: an import is named by "because IMPORT:
	# ..." or under a change it shares with others.
	awk -v m="$a" -f "$top/tests/symtab/explained.awk" "$work/check.err" |
		sort -u >"$work/named"
	missing=$(comm -12 "$work/disagree" "$work/want" | comm -23 - "$work/named" |
		tr '\n' ' ')
	if grep -qF "$a: explaining from $b, the same module built for $new" "$work/check.err" &&
		[ -s "$work/disagree" ] && [ -z "$missing" ]; then
		ok "$tag: check -k $new explains each of its $(comm -12 "$work/disagree" "$work/want" | grep -c .) disagreements about an expanded import from the $new build"
	else
		grep -v '^  ' "$work/check.err" | head -5 | sed 's/^/#   /'
		not_ok "$tag: check -k $new explains each disagreement from the $new build (not explained: ${missing:--})"
	fi
	awk -v m="$a: explaining from " '/^symtab: / { on = index($0, "symtab: " m) == 1 }
		on && /^  because /' "$work/check.err" >"$work/because"
	if [ -s "$work/because" ] && [ -z "$(sort "$work/because" | uniq -d)" ]; then
		ok "$tag: check -k $new says each change once ($(grep -c . "$work/disagree") disagreements, $(grep -c . "$work/because") changes, $(grep -c '^  ' "$work/check.err") lines under them; explain: $(grep -c . "$work/explain") lines)"
	else
		sort "$work/because" | uniq -d | head -3 | cut -c1-160 | sed 's/^/#   repeated: /'
		not_ok "$tag: check -k $new says each change behind its disagreements once"
	fi
}
one plain-abi plain_export
one plain-abi plain_import plain_export
if [ -n "$tp" ]; then
	tpdir=$(basename "$tp")
	one "$tpdir" thinkpad_ec
	one "$tpdir" tp_smapi thinkpad_ec
	one "$tpdir" hdaps thinkpad_ec
fi

# What changed between the two ABIs, as the modules see it: each change
# from the innermost named type of its path, with how many import CRCs of
# these modules it is behind.
echo "# what changed between $old and $new behind the modules' import CRCs (count of imports):"
awk '{ sym = $0; sub(/: .*/, "", sym); line = substr($0, length(sym) + 3)
	n = split(line, p, " -> "); start = n
	for (i = n; i >= 1; i--) if (p[i] ~ /^(struct|union|enum) /) { start = i; break }
	out = p[start]; for (i = start + 1; i <= n; i++) out = out " -> " p[i]
	if (!seen[sym SUBSEP out]++) c[out]++ }
	END { for (o in c) printf "%5d  %s\n", c[o], o }' "$work/why" |
	sort -rn | head -20 | sed 's/^/#   /'
finish
