#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Tests for the symtypes explainer (user/explain): `genksyms --diff`, and
# the library's other parts through the test driver explain_driver.c.
#
# Each fixtures/<case>/ holds old.c and new.c (types meant to come from a
# header follow a `#line 1 "types.h"` marker, as an #include would leave
# them) and expected.txt, the exact explanation.  At test time both are
# preprocessed and run through the kernel's genksyms -T; then:
#   - the explanation must equal expected.txt, with exit status 1, or 0 and
#     no output when expected.txt is empty;
#   - the symbols --per-symbol names must be exactly those whose CRC
#     genksyms changed
#     (build/bin/genksyms if built, else the kernel's): every fixture's
#     change really alters the CRC, and identical types alter none;
#   - the CRCs computed from the symtypes must equal genksyms' own;
#   - --json must be valid JSON saying the same as the text and as
#     --per-symbol (tests/explain/check_json.py).
# Plus bad input, the module subset, the .symtab_types section, and the
# genksyms corpus (build/corpus) when it has been built.
#
# EXPLAIN_KERNEL_GENKSYMS=1 uses the kernel's genksyms even where ours is
# built.  T=REGEX (tests/run.sh explain REGEX): only the fixtures whose
# name matches, and none of the other checks.
#
# Exit status of genksyms --diff: 0 no symbol changed, 1 changes explained,
# 2 trouble (bad input, usage).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
FIX=tests/explain/fixtures
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# ok, not_ok, expect DESCRIPTION COMMAND..., $n, $failed.
. tests/tap.sh

# The sanitizer build catches memory errors the plain one would hide.
make -s "$ROOT/build/san/explain-driver" >&2 ||
	{ not_ok "build the test driver explain-driver"; exit 1; }
DRIVER=$ROOT/build/san/explain-driver
make -s "$ROOT/build/san/genksyms" >&2 ||
	{ not_ok "build genksyms"; exit 1; }
GENKSYMS=$ROOT/build/san/genksyms
# explain OLD NEW [OPTION]: what the tool tells of two symtypes files.
explain() { "$GENKSYMS" --diff "$@"; }

KGENKSYMS=$(ls /usr/lib/linux-kbuild-*/scripts/genksyms/genksyms 2>/dev/null |
	    sort -V | head -n 1)
if [ -z "$KGENKSYMS" ]; then
	not_ok "the kernel's genksyms is installed (linux-kbuild-*)"
	exit 1
fi
CRC_GENKSYMS=$KGENKSYMS
[ -x build/bin/genksyms ] && [ -z "${EXPLAIN_KERNEL_GENKSYMS:-}" ] &&
	CRC_GENKSYMS=$ROOT/build/bin/genksyms
echo "# types from $KGENKSYMS, CRCs from $CRC_GENKSYMS"

# Symbols whose "#SYMVER name crc" lines differ between two version files.
changed_symbols() {
	join -a 1 -a 2 -e none -o 0,1.2,2.2 \
		<(awk '/^#SYMVER/ { print $2, $3 }' "$1" | sort) \
		<(awk '/^#SYMVER/ { print $2, $3 }' "$2" | sort) |
		awk '$2 != $3 { print $1 }'
}

for dir in "$FIX"/*/; do
	case=$(basename "$dir")
	picked "$case" || continue
	t=$TMP/$case
	mkdir -p "$t"
	bad=
	for v in old new; do
		gcc -E -D__GENKSYMS__ -x c "$dir/$v.c" -o "$t/$v.i" 2>"$t/err" &&
		"$KGENKSYMS" -T "$t/$v.symtypes" <"$t/$v.i" >"$t/$v.kver" \
			2>>"$t/err" &&
		"$CRC_GENKSYMS" <"$t/$v.i" >"$t/$v.ver" 2>>"$t/err" || bad=1
	done
	if [ -n "$bad" ]; then
		sed 's/^/# /' "$t/err"
		not_ok "$case: preprocess and genksyms"
		continue
	fi

	explain "$t/old.symtypes" "$t/new.symtypes" >"$t/out" 2>"$t/stderr"
	rc=$?
	want_rc=1
	[ -s "$dir/expected.txt" ] || want_rc=0
	if [ "$rc" -eq "$want_rc" ] && [ ! -s "$t/stderr" ] &&
	   cmp -s "$t/out" "$dir/expected.txt"; then
		ok "$case: explanation as expected (exit $rc)"
	else
		diff -u "$dir/expected.txt" "$t/out" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$t/stderr"
		not_ok "$case: explanation as expected (exit $rc, want $want_rc)"
	fi

	# Each file alone in a directory: explained as the file is.
	mkdir -p "$t/dir.old" "$t/dir.new"
	cp "$t/old.symtypes" "$t/dir.old/"
	cp "$t/new.symtypes" "$t/dir.new/"
	explain "$t/dir.old" "$t/dir.new" >"$t/dout" 2>&1
	expect "$case: as directories, the same explanation (exit $?)" \
		cmp -s "$t/dout" "$t/out"

	explain --per-symbol "$t/old.symtypes" "$t/new.symtypes" >"$t/per_symbol"
	changed_symbols "$t/old.ver" "$t/new.ver" >"$t/crc_changed"
	sed 's/:.*//' "$t/per_symbol" | sort -u >"$t/explained"
	if cmp -s "$t/crc_changed" "$t/explained"; then
		if [ -s "$t/explained" ]; then
			ok "$case: the CRCs of exactly the explained symbols changed"
		else
			ok "$case: no CRC changed and nothing is reported"
		fi
	else
		echo "# CRC changed: $(echo $(cat "$t/crc_changed"))"
		echo "# explained:   $(echo $(cat "$t/explained"))"
		not_ok "$case: the CRCs of exactly the explained symbols changed"
	fi

	for v in old new; do
		"$DRIVER" --crc "$t/$v.symtypes" >"$t/$v.mine" 2>&1
		grep '^#SYMVER' "$t/$v.kver" >"$t/$v.theirs"
		expect "$case: $v CRCs computed from the symtypes match genksyms" \
			cmp -s "$t/$v.mine" "$t/$v.theirs"
	done

	explain "$t/old.symtypes" "$t/new.symtypes" --json >"$t/json"
	rc=$?
	if [ "$rc" -eq "$want_rc" ] &&
	   tests/explain/check_json.py "$t/json" "$t/out" "$t/per_symbol" \
		>"$t/jerr" 2>&1; then
		ok "$case: --json agrees with the text and --per-symbol (exit $rc)"
	else
		sed 's/^/# /' "$t/jerr"
		not_ok "$case: --json agrees with the text and --per-symbol (exit $rc)"
	fi
done
if [ -n "${T:-}" ]; then
	[ "$failed" -eq 0 ]
	exit
fi

# Identical inputs: nothing to say, exit 0.
t=$TMP/member_added
explain "$t/new.symtypes" "$t/new.symtypes" >"$TMP/same" 2>&1
expect "a file against itself: no output, exit 0" \
	test $? -eq 0 -a ! -s "$TMP/same"

# Bad input: a clear message naming file and line, exit 2, no output.
printf 's#ok struct ok { int a ; } \n%%bad line \n' >"$TMP/bad.symtypes"
explain "$TMP/bad.symtypes" "$t/new.symtypes" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect "malformed symtypes: exit 2, file:line message, no output" \
	test "$rc" -eq 2 -a ! -s "$TMP/out" -a \
	"$(cat "$TMP/err")" = "$TMP/bad.symtypes:2: expected a type (kind#name) or a symbol name, found '%bad'"
printf 's#foo \n' >"$TMP/empty_def.symtypes"
explain "$t/old.symtypes" "$TMP/empty_def.symtypes" >"$TMP/out" 2>"$TMP/err"
expect "a name without a definition: exit 2, says what was expected" \
	test $? -eq 2 -a ! -s "$TMP/out" -a \
	"$(cat "$TMP/err")" = "$TMP/empty_def.symtypes:1: expected a definition after 's#foo'"
printf 's#foo struct foo { int a ; } \ns#foo struct foo { long a ; } \n' \
	>"$TMP/twice.symtypes"
explain "$TMP/twice.symtypes" "$t/old.symtypes" >"$TMP/out" 2>"$TMP/err"
expect "two different definitions of one type: exit 2" \
	test $? -eq 2 -a ! -s "$TMP/out" -a \
	"$(cat "$TMP/err")" = "$TMP/twice.symtypes:2: s#foo redefined differently (first defined at line 1)"
printf 'x\0y\n' >"$TMP/nul.symtypes"
explain "$TMP/nul.symtypes" "$t/old.symtypes" >"$TMP/out" 2>"$TMP/err"
expect "a NUL byte: exit 2" test $? -eq 2 -a ! -s "$TMP/out" -a -s "$TMP/err"
explain "$TMP/missing.symtypes" "$t/old.symtypes" >"$TMP/out" 2>"$TMP/err"
expect "a missing file: exit 2" test $? -eq 2 -a ! -s "$TMP/out" -a -s "$TMP/err"
explain "$t/old.symtypes" >"$TMP/out" 2>"$TMP/err"
expect "one file only: usage, exit 2" test $? -eq 2 -a ! -s "$TMP/out"

# Out of memory deep in the library comes back to the command as -ENOMEM:
# it says so and exits 2, having printed nothing.  ASan refuses
# allocations over 1 MiB here (the token table takes 4 bytes a byte of
# input) and warns on lines of its own (==PID==); what the failed call
# had allocated is not freed, so no leak check.
awk 'BEGIN { for (i = 0; i < 16000; i++)
	printf "s#t%d struct t%d { int a ; } \n", i, i }' >"$TMP/big.symtypes"
expect_oom() { # WHAT OLD NEW: out of memory, as text and as JSON
	local tool

	for how in "" --json; do
		ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=1:detect_leaks=0 \
			explain "$2" "$3" $how >"$TMP/out" 2>"$TMP/err"
		expect "$1: genksyms --diff${how:+ $how}: exit 2, says so" \
			test $? -eq 2 -a ! -s "$TMP/out" -a \
			"$(grep -v '^==' "$TMP/err")" = "out of memory"
	done
}
expect_oom "out of memory in the library" "$TMP/big.symtypes" "$t/old.symtypes"

# The subset a module stores: same CRCs for the chosen symbols, only what
# they reach, each type once, dependencies first.
t=$TMP/shared_type
"$DRIVER" --subset "$t/new.symtypes" area length >"$TMP/subset" 2>"$TMP/err"
expect "subset: exit 0" test $? -eq 0 -a ! -s "$TMP/err"
"$DRIVER" --crc "$TMP/subset" >"$TMP/subset.crc"
grep -E '^#SYMVER (area|length) ' "$t/new.kver" >"$TMP/want.crc"
expect "subset: the chosen symbols keep their CRCs, others are left out" \
	cmp -s "$TMP/subset.crc" "$TMP/want.crc"
expect "subset: every type once" \
	test "$(cut -d' ' -f1 "$TMP/subset" | sort | uniq -d | wc -l)" -eq 0
expect "subset: every reference defined on an earlier line" \
	awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[tesuE]#/ && $i != $1 && !($i in seen)) exit 1; seen[$1] = 1 }' "$TMP/subset"
"$DRIVER" --subset "$t/new.symtypes" area nosuch >"$TMP/subset" 2>"$TMP/err"
expect "subset: symbols the file does not declare are counted" \
	grep -q '1 of the symbols are not declared there' "$TMP/err"

# Two objects' subsets joined by an empty line: each is its own unit, so
# one type may be defined differently in each.
printf 's#foo struct foo { char z ; } \nother int other ( s#foo * ) \n' \
	>"$TMP/unit2"
t=$TMP/member_added
{ cat "$t/old.symtypes"; echo; cat "$TMP/unit2"; } >"$TMP/units.old"
{ cat "$t/new.symtypes"; echo; cat "$TMP/unit2"; } >"$TMP/units.new"
explain "$TMP/units.old" "$TMP/units.new" >"$TMP/out" 2>&1
expect "units: one type defined differently by two objects, each explained in its own" \
	test $? -eq 1 -a "$(cat "$TMP/out")" = "$(cat "$FIX/member_added/expected.txt")"

# Directories: every *.symtypes below, each file its own unit (two files
# may define one type differently), symbols found in whichever declares them.
mkdir -p "$TMP/dir.old/sub" "$TMP/dir.new/sub"
cp "$TMP/member_added/old.symtypes" "$TMP/dir.old/a.symtypes"
cp "$TMP/member_added/new.symtypes" "$TMP/dir.new/a.symtypes"
cp "$TMP/unit2" "$TMP/dir.old/sub/b.symtypes"
cp "$TMP/unit2" "$TMP/dir.new/sub/b.symtypes"
echo junk >"$TMP/dir.new/sub/notes.txt"
explain "$TMP/dir.old" "$TMP/dir.new" >"$TMP/out" 2>&1
expect "directories: each file its own unit, explained as one file is" \
	test $? -eq 1 -a "$(cat "$TMP/out")" = "$(cat "$FIX/member_added/expected.txt")"
explain "$TMP/dir.old" "$TMP/member_added/new.symtypes" \
	>"$TMP/out" 2>&1
expect "directories: against a file, the symbols only the directory has removed" \
	test $? -eq 1 -a "$(grep -c '^other: removed$' "$TMP/out")" -eq 1
mkdir -p "$TMP/dir.empty"
explain "$TMP/dir.empty" "$TMP/dir.new" >"$TMP/out" 2>"$TMP/err"
expect "directories: none below is an error (exit 2)" \
	test $? -eq 2 -a ! -s "$TMP/out" -a \
	"$(cat "$TMP/err")" = "$TMP/dir.empty: no *.symtypes file below it"
printf 'bad\n' >"$TMP/dir.new/sub/c.symtypes"
explain "$TMP/dir.old" "$TMP/dir.new" >"$TMP/out" 2>"$TMP/err"
expect "directories: a bad file is named with its line (exit 2)" \
	test $? -eq 2 -a ! -s "$TMP/out" -a \
	"$(cut -d: -f1-2 "$TMP/err")" = "$TMP/dir.new/sub/c.symtypes:1"
# Out of memory while reading a directory (a large file below it): the
# library's -ENOMEM, said once as for a file, nothing on stdout.
mkdir -p "$TMP/dir.big/sub"
cp "$TMP/member_added/old.symtypes" "$TMP/dir.big/a.symtypes"
cp "$TMP/big.symtypes" "$TMP/dir.big/sub/"
expect_oom "directories: out of memory reading one" "$TMP/dir.old" "$TMP/dir.big"

# The .symtab_types section: round trip, compression when it pays, and
# hostile contents refused.
cat "$TMP"/*/new.symtypes >"$TMP/many.symtypes"
"$DRIVER" --pack "$TMP/many.symtypes" "$TMP/sec.bin"
expect "section: pack" test $? -eq 0
"$DRIVER" --unpack "$TMP/sec.bin" >"$TMP/back"
expect "section: unpack gives the text back" cmp -s "$TMP/back" "$TMP/many.symtypes"
size=$(stat -c %s "$TMP/sec.bin")
raw=$(stat -c %s "$TMP/many.symtypes")
flags=$(od -An -tu2 -j6 -N2 "$TMP/sec.bin" | tr -d ' ')
expect "section: compressed ($size bytes for $raw) with the zlib flag" \
	test "$size" -lt "$raw" -a "$flags" = 1
printf 's#a struct a { int x ; } \n' >"$TMP/tiny.symtypes"
"$DRIVER" --pack "$TMP/tiny.symtypes" "$TMP/tiny.bin"
flags=$(od -An -tu2 -j6 -N2 "$TMP/tiny.bin" | tr -d ' ')
"$DRIVER" --unpack "$TMP/tiny.bin" >"$TMP/back"
expect "section: stored uncompressed when that is smaller" \
	test "$flags" = 0 -a "$(stat -c %s "$TMP/tiny.bin")" -eq $((16 + 26)) -a \
	"$(cat "$TMP/back")" = "$(cat "$TMP/tiny.symtypes")"
head -c 40 "$TMP/sec.bin" >"$TMP/cut.bin"
"$DRIVER" --unpack "$TMP/cut.bin" >"$TMP/out" 2>"$TMP/err"
expect "section: truncated data refused" \
	test $? -eq 2 -a ! -s "$TMP/out" -a -s "$TMP/err"
{ head -c 16 "$TMP/sec.bin"; head -c 100 /dev/zero; } >"$TMP/junk.bin"
"$DRIVER" --unpack "$TMP/junk.bin" >"$TMP/out" 2>"$TMP/err"
expect "section: a damaged zlib stream refused" \
	test $? -eq 2 -a ! -s "$TMP/out" -a -s "$TMP/err"
printf 'XXXX' | dd of="$TMP/tiny.bin" conv=notrunc status=none
"$DRIVER" --unpack "$TMP/tiny.bin" >"$TMP/out" 2>"$TMP/err"
expect "section: a wrong magic refused" \
	grep -q 'expected a .symtab_types header' "$TMP/err"

# symtab explain OLD.ko NEW.ko: two builds of module/old.c and new.c,
# stamped, with their types stored in .symtab_types as `symtab stamp`
# stores them (subset, packed); module/expected.txt is the explanation.
make -s "$ROOT/build/san/symtab" >&2 || not_ok "build symtab"
SYMTAB=$ROOT/build/san/symtab
M=tests/explain/module
m=$TMP/module
mkdir -p "$m"
bad=
for v in old new; do
	gcc -E -D__GENKSYMS__ -Iinclude -I$M/include $M/$v.c >"$m/$v.i" &&
	if [ -x build/bin/genksyms ] && [ -z "${EXPLAIN_KERNEL_GENKSYMS:-}" ]; then
		build/bin/genksyms -T "$m/$v.symtypes" <"$m/$v.i" >"$m/$v.ver"
	else
		# The kernel's genksyms knows exports by another marker,
		# and only at file scope.
		{ sed 's/__SYMTAB_IMPORT(/__GENKSYMS_EXPORT_SYMBOL(/' "$m/$v.i"
		  grep -o '__SYMTAB_X([A-Za-z0-9_]*)' "$m/$v.i" |
			sed 's/__SYMTAB_X(\(.*\))/__GENKSYMS_EXPORT_SYMBOL(\1);/'
		} | "$KGENKSYMS" -T "$m/$v.symtypes" >"$m/$v.ver"
	fi &&
	gcc -c -O2 -Iinclude -I$M/include $M/$v.c -o "$m/$v.notypes.ko" &&
	"$SYMTAB" stamp -q "$m/$v.notypes.ko" "$m/$v.ver" &&
	"$DRIVER" --subset "$m/$v.symtypes" \
		$(awk '/^#SYMVER/ { print $2 }' "$m/$v.ver") >"$m/$v.sub" &&
	"$DRIVER" --pack "$m/$v.sub" "$m/$v.sec" &&
	objcopy --add-section .symtab_types="$m/$v.sec" \
		"$m/$v.notypes.ko" "$m/$v.ko" || bad=1
done
if [ -n "$bad" ]; then
	not_ok "symtab explain: build, stamp and store types in two modules"
else
	"$SYMTAB" explain "$m/old.ko" "$m/new.ko" >"$m/out" 2>"$m/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ ! -s "$m/err" ] &&
	   cmp -s "$m/out" "$M/expected.txt"; then
		ok "symtab explain: changed imports and exports explained (exit 1)"
	else
		diff -u "$M/expected.txt" "$m/out" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$m/err"
		not_ok "symtab explain: changed imports and exports explained (exit $rc)"
	fi
	"$SYMTAB" explain "$m/new.ko" "$m/new.notypes.ko" >"$m/out" 2>&1
	expect "symtab explain: same CRCs, nothing to say (exit 0)" \
		test $? -eq 0 -a ! -s "$m/out"
	"$SYMTAB" explain "$m/old.notypes.ko" "$m/new.ko" >"$m/out" 2>&1
	rc=$?
	printf '%s\n' "gadget_peek: CRC changed $(awk '/gadget_peek/ { print $3 }' "$m/old.ver") -> $(awk '/gadget_peek/ { print $3 }' "$m/new.ver") (no type information stored for it in $m/old.notypes.ko, which has no .symtab_types section)" \
		"widget_poke: CRC changed $(awk '/widget_poke/ { print $3 }' "$m/old.ver") -> $(awk '/widget_poke/ { print $3 }' "$m/new.ver") (no type information stored for it in $m/old.notypes.ko, which has no .symtab_types section)" \
		>"$m/want"
	expect "symtab explain: no stored types, the CRC line and the reason" \
		test "$rc" -eq 1 -a "$(cat "$m/out")" = "$(cat "$m/want")"
	objcopy --add-section .symtab_types="$m/old.sec" \
		"$m/new.notypes.ko" "$m/stale.ko"
	"$SYMTAB" explain "$m/old.ko" "$m/stale.ko" >"$m/out" 2>&1
	expect "symtab explain: stored types that do not give the CRC are not trusted" \
		test $? -eq 1 -a "$(grep -c "the types stored in $m/stale.ko give 0x[0-9a-f]*, not its recorded CRC" "$m/out")" -eq 2
	"$SYMTAB" explain --json "$m/old.ko" "$m/new.ko" >"$m/json"
	expect "symtab explain --json: valid, says the same as the text" \
		tests/explain/check_json.py "$m/json" "$M/expected.txt"
	head -c 30 "$m/old.sec" >"$m/cut.sec"
	objcopy --add-section .symtab_types="$m/cut.sec" \
		"$m/old.notypes.ko" "$m/cut.ko"
	"$SYMTAB" explain "$m/cut.ko" "$m/new.ko" >"$m/out" 2>"$m/err"
	expect "symtab explain: a damaged section is an error (exit 2), not a guess" \
		test $? -eq 2 -a ! -s "$m/out" -a -s "$m/err"
	"$SYMTAB" explain "$m/old.ko" >"$m/out" 2>&1
	expect "symtab explain: one module is wrong usage (exit 2)" test $? -eq 2
fi

# Pathological input: a chain of 300,000 structs and 100,000 nested bodies
# get an explanation (the path shortened), not a crash.  With the plain
# build: the sanitizer's larger frames are not what is tested.
chain() {	# chain DEPTH TYPE
	awk -v n="$1" -v t="$2" 'BEGIN {
		for (i = 0; i < n - 1; i++)
			printf "s#t%d struct t%d { s#t%d * p ; } \n", i, i, i + 1
		printf "s#t%d struct t%d { %s x ; } \n", n - 1, n - 1, t
		print "f int f ( s#t0 * ) " }'
}
nested() {	# nested DEPTH TYPE
	awk -v n="$1" -v t="$2" 'BEGIN {
		printf "s#t struct t { "
		for (i = 0; i < n; i++) printf "struct { "
		printf "%s x ; ", t
		for (i = 0; i < n; i++) printf "} a ; "
		print "} "
		print "f int f ( s#t * ) " }'
}
make -s "$ROOT/build/bin/genksyms" >&2
chain 300000 int >"$TMP/chain.old"
chain 300000 long >"$TMP/chain.new"
timeout 120 "$ROOT/build/bin/genksyms" --diff "$TMP/chain.old" "$TMP/chain.new" \
	>"$TMP/chain.out" 2>&1
expect "--diff on a 300,000-deep chain of structs explains the change" \
	test $? -eq 1 -a "$(grep -c "more \.\.\. .*struct t299999: member 'int x' changed to 'long x'" "$TMP/chain.out")" -eq 1
nested 100000 int >"$TMP/nest.old"
nested 100000 long >"$TMP/nest.new"
timeout 120 "$ROOT/build/bin/genksyms" --diff "$TMP/nest.old" "$TMP/nest.new" \
	>"$TMP/nest.out" 2>&1
expect "--diff on bodies nested 100,000 deep says where it stopped" \
	test $? -eq 1 -a "$(grep -c 'bodies nested more than 64 deep: not compared' "$TMP/nest.out")" -eq 1

# Real types: the genksyms suite's sample of the Linux 6.1 corpus (built
# by scripts/corpus/mkcorpus.sh; missing is a failure).
corpus=${XDG_CACHE_HOME:-$HOME/.cache}/symtab/corpus-6.1
mapfile -t samples <tests/genksyms/corpus-sample-6.1
nice scripts/corpus/mkcorpus.sh 6.1 "${samples[@]}" >/dev/null 2>&1
bad=0 files=0
for rel in "${samples[@]}"; do
	f=$corpus/${rel%.c}.symtypes
	ref=$corpus/${rel%.c}.ref
	[ -f "$f" ] && [ -f "$ref" ] || { echo "# missing from the corpus: $rel"; bad=$((bad + 1)); continue; }
	files=$((files + 1))
	"$DRIVER" --crc "$f" | cmp -s - <(grep '^#SYMVER' "$ref") ||
		{ echo "# CRC mismatch: $f"; bad=$((bad + 1)); }
	out=$(explain "$f" "$f" 2>&1) && [ -z "$out" ] ||
		{ echo "# not identical to itself: $f"; bad=$((bad + 1)); }
done
expect "corpus: CRCs from $files symtypes files match genksyms, each identical to itself" \
	test "$bad" -eq 0 -a "$files" -gt 0

[ "$failed" -eq 0 ]
