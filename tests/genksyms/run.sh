#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# genksyms conformance suite (TAP).  Our genksyms against the kernel's:
#  - a fixed sample of the Linux 6.1 corpus (scripts/corpus/), every
#    top-level directory: stdout, -T and -w messages as the 6.1 tool, stdout
#    as the 6.12 tool on the same input;
#  - fixtures, checked live against both Debian oracles;
#  - X() tables, imports, -r/-p, options and error messages;
#  - the same fixtures and part of the corpus under ASan/UBSan.
# T=REGEX (tests/run.sh genksyms REGEX): only the corpus sample files and
# fixtures whose name matches, and none of the other checks.
set -u
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$top"
fx=tests/genksyms/fixtures
G=$top/build/bin/genksyms
SAN=$top/build/san/genksyms
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tap.sh
make -s "$G" "$SAN" >&2 || { not_ok "build genksyms"; exit 1; }

oracle() {	# oracle 6.1|6.12
	ls /usr/lib/linux-kbuild-"$1"*/scripts/genksyms/genksyms 2>/dev/null |
		sort -V | tail -1
}
O61=$(oracle 6.1)
O612=$(oracle 6.12)

# Run with a time limit, so that no input can hang the suite.
run() { timeout 60 "$@"; }

# Same stdout, -T dump and exit status as an oracle, with and without -w,
# and with -w the same messages.
same_as() {	# same_as ORACLE FILE.i
	local o
	for o in "" -w; do
		run "$G" $o -T "$tmp/our.sym" <"$2" >"$tmp/our.out" 2>"$tmp/our.err"
		echo $? >>"$tmp/our.out"
		run "$1" $o -T "$tmp/ref.sym" <"$2" >"$tmp/ref.out" 2>"$tmp/ref.err"
		echo $? >>"$tmp/ref.out"
		cmp -s "$tmp/our.out" "$tmp/ref.out" &&
			cmp -s "$tmp/our.sym" "$tmp/ref.sym" || return 1
		[ -z "$o" ] || cmp -s "$tmp/our.err" "$tmp/ref.err" || return 1
	done
}

preprocess() {	# preprocess SRC.c OUT.i [cpp flags]
	local src=$1 out=$2
	shift 2
	(cd "$fx" && gcc -E -D__GENKSYMS__ -I"$top/include" -Iinclude "$@" \
		"$(basename "$src")") >"$out"
}

crc_of() {	# crc_of SYM < version file
	awk -v s="$1" '$1 == "#SYMVER" && $2 == s { print $3; exit }'
}

# --- corpus: a fixed sample of Linux 6.1, every top-level directory ---
# Built (once, into the cache) by scripts/corpus/mkcorpus.sh; a sample that
# cannot be built is a failure, not a skip.
corpus=${XDG_CACHE_HOME:-$HOME/.cache}/symtab/corpus-6.1
sample=tests/genksyms/corpus-sample-6.1
mapfile -t samples < <(while read -r rel; do
	! picked "$rel" || echo "$rel"; done <"$sample")
# (A filter may pick none of them.)
if [ ${#samples[@]} -gt 0 ]; then
	nice scripts/corpus/mkcorpus.sh 6.1 "${samples[@]}" >"$tmp/mkcorpus.log" 2>&1 ||
		{ sed 's/^/# /' "$tmp/mkcorpus.log"; }
	scripts/corpus/compare-one.sh "$G" "$corpus" "${samples[@]}" >"$tmp/cmp"
	while read -r rel verdicts; do
		st=0
		[[ $verdicts =~ ^stdout=same\ -T=same\ -w=same\ -r=(same|none)$ ]] || st=1
		i=$tmp/corpus.i
		if [ $st -eq 0 ] && [ -n "$O612" ]; then
			zstd -dcq "$corpus/${rel%.c}.i.zst" >"$i"
			run "$O612" <"$i" 2>/dev/null | cmp -s - "$corpus/${rel%.c}.ref" || st=1
		fi
		tap $st "corpus 6.1 $rel: stdout, -T and -w as 6.1, stdout as 6.12 ($verdicts)"
	done <"$tmp/cmp"
	[ "$(wc -l <"$tmp/cmp")" -eq ${#samples[@]} ]
	tap $? "corpus 6.1: all ${#samples[@]} sample files compared"
fi

# --- fixtures against both oracles ------------------------------------
for src in "$fx"/*.i "$fx"/structs.c "$fx"/enums.c "$fx"/table_export.c; do
	picked "$(basename "$src")" || continue
	case $src in
	*.c)	i=$tmp/$(basename "${src%.c}").i
		preprocess "$src" "$i" ;;
	*)	i=$src ;;
	esac
	for o in "$O61" "$O612"; do
		[ -n "$o" ] || continue
		same_as "$o" "$i"
		tap $? "fixture $(basename "$src") as $(echo "$o" |
			sed 's|.*kbuild-\([^/]*\)/.*|\1|')"
	done
done

# Valid GNU C that the kernel's tool rejects (an attribute right after
# struct/union, or after a parameter's declarator): without -w it says
# nothing and, even with -p, exits 0; so do we.
for f in attribute-after-struct-keyword top-level-attribute-after-struct-keyword \
	 attribute-after-parameter-declarator; do
	picked "$f.i" || continue
	st=0
	for o in "" -p; do
		run "$G" $o <"$fx/$f.i" >/dev/null 2>"$tmp/q.our"
		a=$?
		run "$O61" $o <"$fx/$f.i" >/dev/null 2>"$tmp/q.ref"
		[ $a -eq $? ] && cmp -s "$tmp/q.our" "$tmp/q.ref" || st=1
	done
	tap $st "fixture $f.i without -w, and with -p: messages and status as the kernel's"
done

# struct fx_dev hides a member from genksyms (#ifndef __GENKSYMS__): the
# fixture comparisons above check that; a member genksyms sees must count.
if picked structs.c; then
	preprocess structs.c "$tmp/s1.i"
	preprocess structs.c "$tmp/s3.i" -DFX_CHANGED
	"$G" "$tmp/s1.i" | crc_of fx_register >"$tmp/a"
	"$G" "$tmp/s3.i" | crc_of fx_register >"$tmp/b"
	st=0
	[ -s "$tmp/a" ] && ! cmp -s "$tmp/a" "$tmp/b" || st=1
	tap $st "a member added to struct fx_dev changes fx_register's CRC"
fi

# --- what the kernel's tool rejects and we accept ---------------------
for i in "$fx"/extensions/*.i; do
	picked "extensions/$(basename "$i")" || continue
	st=0
	"$G" -w <"$i" >"$tmp/e.out" 2>"$tmp/e.err" || st=1
	"$O61" <"$i" >"$tmp/e.ref" 2>/dev/null
	# Every CRC the kernel's tool computes is ours too ...
	while read -r _ sym crc; do
		[ "$(crc_of "$sym" <"$tmp/e.out")" = "$crc" ] || st=1
	done <"$tmp/e.ref"
	# ... and we version more symbols, with no error.
	[ "$(wc -l <"$tmp/e.out")" -gt "$(wc -l <"$tmp/e.ref")" ] || st=1
	tap $st "extensions $(basename "$i"): oracle CRCs kept, more symbols versioned"
done
if [ -n "${T:-}" ]; then
	tap_plan
	[ "$failed" -eq 0 ]
	exit
fi

# --- X() tables and imports -------------------------------------------
preprocess table_x.c "$tmp/tx.i"
preprocess table_export.c "$tmp/te.i"
"$G" "$tmp/tx.i" >"$tmp/tx.out" 2>"$tmp/tx.err"
st=$?
"$O61" <"$tmp/te.i" >"$tmp/te.out" 2>/dev/null
cmp -s "$tmp/tx.out" "$tmp/te.out" && [ -s "$tmp/te.out" ] || st=1
tap $st "X() table entries get the oracle's EXPORT_SYMBOL CRCs, in order"

preprocess import.c "$tmp/im.i"
"$G" "$tmp/im.i" >"$tmp/im.out"
st=$?
[ "$(crc_of fx_register <"$tmp/im.out")" = \
  "$(crc_of fx_register <"$tmp/te.out")" ] || st=1
[ -n "$(crc_of fx_register <"$tmp/im.out")" ] || st=1
tap $st "SYMTAB_IMPORT(f) CRC equals the export CRC of the same declaration"

preprocess import.c "$tmp/im2.i" -DFX_CHANGED
"$G" "$tmp/im2.i" >"$tmp/im2.out"
st=$?
[ "$(crc_of fx_register <"$tmp/im.out")" != \
  "$(crc_of fx_register <"$tmp/im2.out")" ] || st=1
tap $st "SYMTAB_IMPORT(f) CRC changes with a member of a struct f reaches"

"$G" --format=ver "$tmp/im.i" >"$tmp/ver.h"
st=$?
grep -q "^#define fx_register fx_register_R$(crc_of fx_register \
	<"$tmp/im.out" | sed 's/^0x//').*import" "$tmp/ver.h" || st=1
printf '#include "%s"\nint fx_register;\n' "$tmp/ver.h" |
	gcc -E -x c - | grep -q "int fx_register_R" || st=1
tap $st "--format=ver writes a usable 1994-style version header"

# --- -r / -p against the oracles ----------------------------------------
"$O61" -T "$tmp/old.sym" <"$fx/reference/old.i" >/dev/null 2>&1
sed 's/^s#dev/override s#dev/' "$tmp/old.sym" >"$tmp/old-override.sym"
for ref in old.sym old-override.sym; do
	for o in "" -p -w "-p -w" -q; do
		"$G" $o -r "$tmp/$ref" <"$fx/reference/new.i" >"$tmp/r.out" 2>&1
		echo $? >>"$tmp/r.out"
		"$O61" $o -r "$tmp/$ref" <"$fx/reference/new.i" >"$tmp/r.ref" 2>&1
		echo $? >>"$tmp/r.ref"
		cmp -s <(sort "$tmp/r.out") <(sort "$tmp/r.ref")
		tap $? "-r $ref ${o:-(no option)}: same CRCs, messages, status"
	done
done

# A struct the input never defines: the kernel's tool expands it as
# { UNKNOWN } whatever the reference says, and a different reference body
# is a change.
for body in "int a ;" "UNKNOWN" "long b ;"; do
	echo "s#s struct s { $body } " >"$tmp/u.ref"
	"$G" -w -D -r "$tmp/u.ref" <"$fx/reference/undefined.i" >"$tmp/r.out" 2>&1
	echo $? >>"$tmp/r.out"
	"$O61" -w -D -r "$tmp/u.ref" <"$fx/reference/undefined.i" >"$tmp/r.ref" 2>&1
	echo $? >>"$tmp/r.ref"
	cmp -s "$tmp/r.out" "$tmp/r.ref"
	tap $? "-r with { $body } for a struct the input leaves undefined: as the kernel's"
done

# A reference read back as the kernel's tool reads it: string and character
# literals with blanks (compared word by word, so a double blank is a
# change), `extern struct` lines (not one).
"$O61" -T "$tmp/lit.sym" <"$fx/reference/literals.i" >/dev/null 2>&1
"$G" -w -r "$tmp/lit.sym" <"$fx/reference/literals.i" >"$tmp/r.out" 2>&1
echo $? >>"$tmp/r.out"
"$O61" -w -r "$tmp/lit.sym" <"$fx/reference/literals.i" >"$tmp/r.ref" 2>&1
echo $? >>"$tmp/r.ref"
cmp -s "$tmp/r.out" "$tmp/r.ref" && grep -q 'changes in struct s$' "$tmp/r.out"
tap $? "-r with literals and extern structs in the reference: as the kernel's"

# --- options and errors -------------------------------------------------
for o in -h --help -V --version --bogus -x; do
	"$G" $o </dev/null >/dev/null 2>&1
	a=$?
	"$O61" $o </dev/null >/dev/null 2>&1
	tap $((a != $?)) "option $o: exit status $a as the kernel's"
done
printf '# 1 "broken.c"\nint ok1;\n\nstruct s { int a ] ; } x;\nint ok2;\n__GENKSYMS_EXPORT_SYMBOL(ok2);\n' >"$tmp/broken.i"
"$G" "$tmp/broken.i" >"$tmp/b.out" 2>"$tmp/b.err"
st=$?
grep -q "^broken.c:3: error: syntax error.*found ']'" "$tmp/b.err" || st=1
grep -q '^#SYMVER ok2 ' "$tmp/b.out" || st=1
tap $st "a syntax error names file, line and token; parsing goes on"
"$G" -w "$tmp/broken.i" >/dev/null 2>&1
tap $(($? == 0)) "with -w the syntax error makes the exit status non-zero"
"$G" -q "$tmp/broken.i" >/dev/null 2>"$tmp/q.err"
tap $(($? != 0 || $(wc -c <"$tmp/q.err") != 0)) "-q silences it"
"$G" -T "$tmp/nodir/x.sym" "$tmp/broken.i" >/dev/null 2>&1
tap $(($? == 0)) "-T into a missing directory fails"
"$G" -w -T "$tmp/half.sym" "$tmp/broken.i" >/dev/null 2>&1
tap $([ ! -e "$tmp/half.sym" ]; echo $?) "a failed run leaves no -T file"

# --- sanitizers: fixtures, crash regressions and some corpus ------------
st=0
for rel in "${samples[@]::12}"; do
	zstd -dcq "$corpus/${rel%.c}.i.zst" >"$tmp/san-corpus-$(basename "${rel%.c}").i" 2>/dev/null
done
for i in "$fx"/*.i "$fx"/extensions/*.i "$fx"/crashes/* \
	 "$tmp"/san-corpus-*.i; do
	[ -e "$i" ] || continue
	run "$SAN" -w -T "$tmp/san.sym" <"$i" >"$tmp/san.out" 2>"$tmp/san.err"
	rc=$?
	if [ $rc -gt 1 ] || grep -q 'Sanitizer' "$tmp/san.err"; then
		echo "# sanitizer failure on $i (status $rc)"
		st=1
	fi
	run "$G" -w <"$i" 2>/dev/null | cmp -s - "$tmp/san.out" || st=1
done
tap $st "ASan/UBSan build: clean, same output, on fixtures, crashes, corpus"

tap_plan
[ "$failed" -eq 0 ]
