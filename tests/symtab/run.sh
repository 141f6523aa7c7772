#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/symtab: the `symtab` tool, as TAP.  Library unit tests (unit.c),
# then every command case run twice: with build/bin/symtab and with the
# ASan/UBSan build build/san/symtab.  Inputs are test objects compiled
# here from fixtures/ against include/symtab, malformed copies of them
# (malformed.cases), and, when kernel headers are installed, a real
# module built with Kbuild, and (plain.sh) the kernel's own modversions on
# the plain test modules `make testmodules` built and on in-tree modules;
# (compressed.sh) all of it on .ko.xz, .ko.zst and .ko.gz, and
# `symtab check -a` of every module of each installed kernel; (stripped.sh)
# the count of import blocks on objects stripped of their symbols; (softdep.sh)
# depmod and modprobe planning the exporters of symtab modules first.
#
#   tests/symtab/run.sh [-k]     -k: keep the work directory
#
# T=REGEX (tests/run.sh symtab REGEX): only the unit tests, the groups of
# them whose name matches (unit.c's main: blocks, versions, module, ...).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/symtab
keep=0
[ "${1:-}" = -k ] && keep=1

work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-test.XXXXXX")
cleanup() { [ $keep = 1 ] && echo "# kept $work" || rm -rf "$work"; }
trap cleanup EXIT

# ok, not_ok, expect DESCRIPTION COMMAND..., $n, $failed.
. "$top/tests/tap.sh"

# Sanitizer reports must not pass for an ordinary exit status 1.
export ASAN_OPTIONS=exitcode=86:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1

# --- build ------------------------------------------------------------------

if ! make -s -C "$top" "$top/build/bin/symtab" "$top/build/san/symtab" \
	>"$work/build.log" 2>&1; then
	cat "$work/build.log" >&2
	not_ok "build symtab and its sanitizer build"
	exit 1
fi
ok "build symtab and its sanitizer build"

EDIT=$top/build/test/elf_edit
expect "build the test helper elf_edit" \
	make -s -C "$top" "$EDIT"

# Test objects: the real macros from <symtab/symtab.h>, compiled like
# kernel code (no PIC: tables in .data, relocations in .rela.data).
obj=$work/obj
mkdir -p "$obj"
compile() { # SOURCE OUTPUT
	gcc -c -O2 -fno-pic -I"$here/fixtures/include" -I"$top/include" \
		-o "$2" "$1"
}
for m in alpha beta gamma cycle_a cycle_b registry; do
	expect "compile test object $m" compile "$here/fixtures/$m.c" "$obj/$m.o"
done

# The library's unit tests and the fuzz harness as a plain program, both
# over build/san/lib/libsymtab.a (user/libsymtab/build.mk).
unit=$top/build/san/test/symtab-unit
if make -s -C "$top" "$unit" >"$work/unit.log" 2>&1; then
	ok "build the library unit tests"
	# The plain test modules of the first kernel they are built for.
	plain=
	for k in $(cd /lib/modules 2>/dev/null && ls); do
		[ -f "$top/build/$k/modules/plain/plain_import.ko" ] &&
			[ -f "/lib/modules/$k/build/Module.symvers" ] &&
			plain="$top/build/$k/modules/plain $k" && break
	done
	[ -n "$plain" ] || not_ok "unit: plain test modules built (make testmodules)"
	"$unit" "$work" $plain >"$work/unit.out" 2>&1
	rc=$?
	while read -r status rest; do
		case $status in
		ok) ok "unit: ${rest#- }" ;;
		not) not_ok "unit: ${rest#ok - }" ;;
		esac
	done <"$work/unit.out"
	grep -v -e '^ok ' -e '^not ok ' "$work/unit.out" | sed 's/^/# /'
	[ $rc = 0 ] || not_ok "unit tests exited with status $rc"
else
	cat "$work/unit.log" >&2
	not_ok "build the library unit tests"
fi
if [ -n "${T:-}" ]; then
	[ "$failed" -eq 0 ]
	exit
fi

# The fuzz harness as a plain program: replay its seed corpus and every
# crash input ever found, under the sanitizers.
fuzz=$top/tests/fuzz
replay=$top/build/san/test/elf_fuzz
if make -s -C "$top" "$replay" >"$work/fuzz.log" 2>&1; then
	for f in "$fuzz"/elf_corpus/* "$fuzz"/elf_crashes/*; do
		[ -f "$f" ] || continue
		expect "fuzz replay: ${f#$top/}" "$replay" "$f"
	done
else
	cat "$work/fuzz.log" >&2
	not_ok "build the fuzz harness for replay"
fi

# --- helpers ----------------------------------------------------------------

# run TOOL ARGS...: status in $rc, output in $work/out and $work/err.
run() {
	timeout 60 "$@" >"$work/out" 2>"$work/err"
	rc=$?
}

# Fails on a sanitizer report or a crash whatever the expected status.
clean_exit() {
	[ $rc -lt 80 ] && ! grep -q -e 'runtime error' -e 'Sanitizer' "$work/err"
}

status_is() { [ "$rc" = "$1" ] && clean_exit; }
err_has() { grep -qF -- "$1" "$work/err"; }
out_is() { diff -u "$1" "$work/out" >&2; }
sum() { sha256sum <"$1"; }
fails_with() { status_is "$1" && err_has "$2"; }
unchanged() { [ "$(sum "$1")" = "$2" ]; }
no_output() { [ ! -s "$work/out" ]; }
no_temp_files() { ! ls -A "$1" | grep -q '^\.symtab-stamp\.'; }

# Every command the tool has, from the list it is built from.
commands=$(sed -n 's/^SYMTAB_COMMAND(\([a-z_]*\),.*/\1/p' \
	"$top/user/symtab/commands.def" | tr '\n' ' ')
expect "commands.def lists the commands" [ -n "$commands" ]

# --- the cases, once per binary ---------------------------------------------

cases() {
	local tool=$1 tag=$2 d=$work/$2 f before

	mkdir -p "$d"

	# Command line conventions.
	run "$tool" --help
	expect "$tag: --help lists every command" \
		sh -c "[ $rc = 0 ] && for c in $commands; do grep -q \"^  \$c \" '$work/out' || exit 1; done"
	run "$tool" --version
	expect "$tag: --version" status_is 0
	for c in $commands; do
		run "$tool" "$c" --help
		expect "$tag: $c --help" \
			sh -c "[ $rc = 0 ] && grep -q '^Usage: symtab $c' '$work/out'"
		run "$tool" "$c" --version
		expect "$tag: $c --version" \
			sh -c "[ $rc = 0 ] && grep -q '^symtab ' '$work/out'"
		run "$tool" "$c" --no-such-option
		expect "$tag: $c: an unknown option is a usage error (2)" \
			sh -c "[ $rc = 2 ] && grep -q '^symtab: $c: unknown option' '$work/err'"
	done
	run "$tool" stamp "$obj/alpha.o"
	expect "$tag: stamp without versions files is a usage error" status_is 2
	run "$tool" dump
	expect "$tag: dump without a module is a usage error" status_is 2
	run "$tool" frobnicate
	expect "$tag: an unknown command is a usage error" status_is 2
	run "$tool"
	expect "$tag: no command is a usage error" status_is 2

	# dump before stamping: everything versionless.
	cp "$obj/alpha.o" "$d/alpha.o"
	printf -- '-\talpha_func\texport\n-\talpha_counter\texport\n-\tbeta_func\timport\n' \
		>"$d/alpha.unstamped"
	run "$tool" dump "$d/alpha.o"
	expect "$tag: dump of an unstamped object: all versionless" \
		sh -c "[ $rc = 0 ] && diff -u '$d/alpha.unstamped' '$work/out'"

	# stamp, then dump: the CRCs from the versions files.
	printf '#SYMVER alpha_func 0x1a2b3c4d\n#SYMVER alpha_counter 0x00c0ffee\n' \
		>"$d/alpha.symvers"
	printf '\n#SYMVER beta_func 0x5e6f7a8b\n#SYMVER unrelated 0x12345678\n' \
		>"$d/beta.symvers"
	readelf -SWr "$d/alpha.o" >"$d/layout.before"
	chmod 640 "$d/alpha.o"
	run "$tool" stamp "$d/alpha.o" "$d/alpha.symvers" "$d/beta.symvers"
	expect "$tag: stamp with two versions files" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	printf '0x1a2b3c4d\talpha_func\texport\n0x00c0ffee\talpha_counter\texport\n0x5e6f7a8b\tbeta_func\timport\n' \
		>"$d/alpha.stamped"
	run "$tool" dump "$d/alpha.o"
	expect "$tag: dump after stamp shows the versions" \
		sh -c "[ $rc = 0 ] && diff -u '$d/alpha.stamped' '$work/out'"
	readelf -SWr "$d/alpha.o" >"$d/layout.after"
	expect "$tag: stamp moves no section and leaves relocations alone" \
		diff -u "$d/layout.before" "$d/layout.after"
	expect "$tag: stamp keeps the file mode" \
		[ "$(stat -c %a "$d/alpha.o")" = 640 ]
	expect "$tag: stamp leaves no temporary file" no_temp_files "$d"
	# Only crc, flags and the table count may differ: list the bytes.
	local table imp
	table=$("$EDIT" "$d/alpha.o" offsetof alpha_symtab)
	imp=$("$EDIT" "$d/alpha.o" offsetof __symtab_import_beta_func)
	cmp -l "$obj/alpha.o" "$d/alpha.o" | awk -v t="$table" -v i="$imp" '
		function field(o, base) {
			o -= base
			if (o >= 8 && o < 12) return "count"
			o = (o - 16) % 80
			if (o < 4) return "crc"
			if (o == 5) return "flags"
			return "other"
		}
		{ o = $1 - 1; print (o >= i ? field(o, i) : field(o, t)) }' |
		sort -u >"$d/changed"
	printf 'count\ncrc\nflags\n' >"$d/changed.expected"
	expect "$tag: stamp changes only crc, flags and count bytes" \
		diff -u "$d/changed.expected" "$d/changed"
	expect "$tag: stamp writes the export table's real count (2)" \
		[ "$(od -An -tu4 -j $((table + 8)) -N4 "$d/alpha.o" | tr -d ' ')" = 2 ]

	# Stamping again with the same versions changes nothing.
	before=$(sum "$d/alpha.o")
	run "$tool" stamp "$d/alpha.o" "$d/alpha.symvers" "$d/beta.symvers"
	expect "$tag: stamping twice is idempotent" \
		sh -c "[ $rc = 0 ] && [ '$before' = '$(sum "$d/alpha.o")' ]"

	run "$tool" dump "$d/alpha.o" "$obj/gamma.o"
	expect "$tag: dump of two modules prefixes each line with the file" \
		sh -c "[ $rc = 0 ] && grep -qxP '$d/alpha.o\t0x1a2b3c4d\talpha_func\texport' '$work/out' && grep -qxP -- '$obj/gamma.o\t-\tgamma_value\texport' '$work/out'"
	ln -sf "$tool" "$d/symtab-dump"
	run "$d/symtab-dump" "$d/alpha.o"
	expect "$tag: called as symtab-dump, it dumps" \
		sh -c "[ $rc = 0 ] && diff -u '$d/alpha.stamped' '$work/out'"

	# Versionless records: reported, exit 0, dump prints '-'.
	cp "$obj/alpha.o" "$d/partial.o"
	run "$tool" stamp "$d/partial.o" "$d/alpha.symvers"
	expect "$tag: stamp reports a record no versions file covers" \
		sh -c "[ $rc = 0 ] && grep -qx 'symtab: $d/partial.o: no version for beta_func (import): left versionless' '$work/err'"
	run "$tool" dump "$d/partial.o"
	expect "$tag: dump prints '-' for the versionless import" \
		sh -c "[ $rc = 0 ] && grep -qxP -- '-\tbeta_func\timport' '$work/out' && grep -qxP '0x1a2b3c4d\talpha_func\texport' '$work/out'"
	run "$tool" stamp -q "$d/partial.o" "$d/alpha.symvers"
	expect "$tag: stamp -q is quiet about versionless records" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"

	# Re-stamping with fewer versions resets the uncovered records.
	cp "$d/alpha.o" "$d/restamp.o"
	run "$tool" stamp -q "$d/restamp.o" "$d/beta.symvers"
	run "$tool" dump "$d/restamp.o"
	expect "$tag: re-stamping leaves uncovered records versionless" \
		sh -c "[ $rc = 0 ] && grep -qxP -- '-\talpha_func\texport' '$work/out' && grep -qxP '0x5e6f7a8b\tbeta_func\timport' '$work/out'"

	# Through a symlink: the target is stamped, the link stays a link.
	cp "$obj/alpha.o" "$d/target.o"
	ln -sf target.o "$d/link.o"
	run "$tool" stamp "$d/link.o" "$d/alpha.symvers" "$d/beta.symvers"
	expect "$tag: stamp through a symlink stamps its target" \
		sh -c "[ $rc = 0 ] && [ -L '$d/link.o' ] && cmp -s '$d/target.o' '$d/alpha.o'"

	# -T: genksyms types stored in .symtab_types, for `symtab explain`.
	printf 's#foo struct foo { int a ; } \nalpha_func int alpha_func ( s#foo * ) \n' \
		>"$d/old.symtypes"
	printf 's#foo struct foo { int a ; int b ; } \nalpha_func int alpha_func ( s#foo * ) \n' \
		>"$d/new.symtypes"
	# The CRCs genksyms computes from these declarations.
	printf '#SYMVER alpha_func 0xb2fc9c69\n' >"$d/old.types.symvers"
	printf '#SYMVER alpha_func 0xe85150bb\n' >"$d/new.types.symvers"
	cp "$obj/alpha.o" "$d/old.o"
	cp "$obj/alpha.o" "$d/new.o"
	run "$tool" stamp -q -T "$d/old.symtypes" "$d/old.o" "$d/old.types.symvers"
	expect "$tag: stamp -T stores the types" \
		sh -c "[ $rc = 0 ] && readelf -SW '$d/old.o' | grep -q ' .symtab_types  *PROGBITS'"
	readelf -SWr "$d/old.o" | grep -v -e symtab_types -e shstrtab \
		-e 'There are' -e 'at offset' >"$d/layout.types"
	readelf -SWr "$obj/alpha.o" | grep -v -e symtab_types -e shstrtab \
		-e 'There are' -e 'at offset' >"$d/layout.plain"
	expect "$tag: stamp -T moves no other section" \
		diff -u "$d/layout.plain" "$d/layout.types"
	run "$tool" dump "$d/old.o"
	expect "$tag: the module with types still dumps" \
		sh -c "[ $rc = 0 ] && grep -qxP '0xb2fc9c69\talpha_func\texport' '$work/out'"
	before=$(sum "$d/old.o")
	run "$tool" stamp -q -T "$d/old.symtypes" "$d/old.o" "$d/old.types.symvers"
	expect "$tag: stamp -T twice with the same types changes nothing" \
		unchanged "$d/old.o" "$before"
	run "$tool" stamp -q -T "$d/new.symtypes" -T "$d/old.symtypes" "$d/new.o" "$d/new.types.symvers"
	run "$tool" stamp -q -T "$d/new.symtypes" "$d/new.o" "$d/new.types.symvers"
	expect "$tag: stamp -T replaces the types" \
		sh -c "[ $rc = 0 ] && [ \$(readelf -SW '$d/new.o' | grep -c ' .symtab_types ') = 1 ]"
	if [[ " $commands " == *" explain "* ]]; then
		run "$tool" explain "$d/old.o" "$d/new.o"
		expect "$tag: symtab explain reads the stored types" \
			sh -c "[ $rc = 1 ] && grep -qF \"alpha_func: arg 1 -> struct foo: member 'int b' added\" '$work/out'"
	fi
	before=$(sum "$d/new.o")
	run "$tool" stamp -q -T "$d/no-such.symtypes" "$d/new.o" "$d/new.types.symvers"
	expect "$tag: stamp -T with a missing types file fails, naming it" \
		fails_with 1 "$d/no-such.symtypes"
	expect "$tag: ... and leaves the module untouched" \
		unchanged "$d/new.o" "$before"

	# Versions files: conflicts and malformed lines; module untouched.
	cp "$obj/alpha.o" "$d/v.o"
	before=$(sum "$d/v.o")
	printf '#SYMVER beta_func 0x5e6f7a8c\n' >"$d/other.symvers"
	run "$tool" stamp "$d/v.o" "$d/beta.symvers" "$d/other.symvers"
	expect "$tag: one name with two CRCs is an error naming both files" \
		sh -c "[ $rc = 1 ] && grep -qF 'conflicting versions of beta_func: 0x5e6f7a8b in $d/beta.symvers:2, 0x5e6f7a8c in $d/other.symvers:1' '$work/err' && [ '$before' = '$(sum "$d/v.o")' ]"
	printf '#SYMVER beta_func 0x5e6f7a8b\n#SYMVER beta_func 0x5e6f7a8b\n' \
		>"$d/dup.symvers"
	run "$tool" stamp -q "$d/v.o" "$d/dup.symvers" "$d/beta.symvers"
	expect "$tag: the same name with the same CRC twice is fine" status_is 0
	cp "$obj/alpha.o" "$d/v.o"
	local line
	while IFS='|' read -r line msg; do
		printf '#SYMVER alpha_func 0x1\n%b\n' "$line" >"$d/bad.symvers"
		run "$tool" stamp "$d/v.o" "$d/bad.symvers"
		expect "$tag: versions file line '$line' is an error at line 2" \
			fails_with 1 "$d/bad.symvers:2: $msg"
		expect "$tag: ... and the module is untouched" \
			unchanged "$d/v.o" "$before"
	done <<-'EOF'
	#SYMVER alpha_func|expected '#SYMVER <name> 0x<crc>'
	#SYMVER alpha_func 0x1 extra|expected '#SYMVER <name> 0x<crc>'
	__crc_alpha_func = 0x1234;|expected '#SYMVER <name> 0x<crc>'
	#SYMVER alpha_func 1234|bad CRC for alpha_func
	#SYMVER alpha_func 0x123456789|bad CRC for alpha_func
	#SYMVER alpha_func 0xg|bad CRC for alpha_func
	#SYMVER 9lives 0x1|'9lives' is not a C identifier
	#SYMVERalpha_func 0x1|expected '#SYMVER <name> 0x<crc>'
	EOF
	run "$tool" stamp "$d/v.o" "$d/missing.symvers"
	expect "$tag: a missing versions file is an error naming it" \
		sh -c "[ $rc = 1 ] && grep -qF 'symtab: $d/missing.symvers: No such file' '$work/err'"

	# Malformed modules: stamp and dump fail, naming the file; nothing written.
	local name edit message op
	mkdir -p "$d/bad"
	while IFS='|' read -r name edit message; do
		name=$(echo $name)
		case $name in '' | '#'*) continue ;; esac
		edit=$(echo $edit)
		message=$(echo "$message" | sed 's/^ *//; s/ *$//')
		f=$d/bad/$name.o
		case $edit in
		text) echo 'not an object file' >"$f" ;;
		empty) : >"$f" ;;
		*)
			cp "$obj/alpha.o" "$f"
			echo "$edit" | tr ';' '\n' | while read -r op; do
				eval "\"$EDIT\" \"$f\" $op" || echo "elf_edit failed: $op" >&2
			done
			;;
		esac
		before=$(sum "$f")
		run "$tool" stamp "$f" "$d/alpha.symvers" "$d/beta.symvers"
		expect "$tag: malformed $name: stamp fails: $message" \
			fails_with 1 "symtab: $f: " ||
			sed 's/^/#   /' "$work/err"
		expect "$tag: malformed $name: ... saying: $message" \
			err_has "$message"
		expect "$tag: malformed $name: the file is unchanged" \
			unchanged "$f" "$before"
		expect "$tag: malformed $name: no temporary file is left" \
			no_temp_files "$d/bad"
		run "$tool" dump "$f"
		expect "$tag: malformed $name: dump fails too" \
			fails_with 1 "$message"
		expect "$tag: malformed $name: dump prints nothing" no_output
	done <"$here/malformed.cases"
	run "$tool" dump "$d/no-such.o"
	expect "$tag: dump of a missing file names it" \
		sh -c "[ $rc = 1 ] && grep -qF 'symtab: $d/no-such.o: No such file' '$work/err'"

	# check against a saved resident table.
	cp "$obj/beta.o" "$d/beta.o"
	cp "$obj/gamma.o" "$d/gamma.o"
	printf '#SYMVER gamma_value 0x0badcafe\n' >"$d/gamma.symvers"
	run "$tool" stamp -q "$d/beta.o" "$d/beta.symvers" "$d/gamma.symvers"
	run "$tool" stamp -q "$d/gamma.o" "$d/gamma.symvers"
	printf '%016x beta_func_R5e6f7a8b\t[beta]\n%016x gamma_value_R0badcafe\t[gamma]\n' \
		0 0 >"$d/table.good"
	printf 'ffffffffc0a01000 beta_func_R5e6f7a8c\t[beta]\n' >"$d/table.mismatch"
	printf 'ffffffffc0a02000 gamma_value_R0badcafe\t[gamma]\n' >"$d/table.gamma"
	printf 'ffffffffc0a03000 beta_func\t[beta]\n' >"$d/table.versionless"
	run "$tool" check --table "$d/table.good" "$d/alpha.o"
	expect "$tag: check: versions agree with the table" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	run "$tool" check -v --table "$d/table.good" "$d/alpha.o"
	expect "$tag: check -v says where each import comes from" \
		sh -c "[ $rc = 0 ] && grep -qxF '$d/alpha.o: beta_func_R5e6f7a8b from beta' '$work/out'"
	run "$tool" check --table "$d/table.mismatch" "$d/alpha.o"
	expect "$tag: check: a version mismatch, insmod-style" \
		sh -c "[ $rc = 1 ] && grep -qxF 'symtab: $d/alpha.o: version mismatch for beta_func: module wants beta_func_R5e6f7a8b, kernel has beta_func_R5e6f7a8c (beta)' '$work/err'"
	run "$tool" check --table "$d/table.gamma" "$d/alpha.o"
	expect "$tag: check: an unresolved symbol" \
		sh -c "[ $rc = 1 ] && grep -qxF 'symtab: $d/alpha.o: unresolved symbol beta_func_R5e6f7a8b' '$work/err'"
	run "$tool" check --table "$d/table.gamma" "$d/alpha.o" "$d/beta.o"
	expect "$tag: check: an import another listed module exports is fine" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	run "$tool" check --table "$d/table.versionless" "$d/alpha.o"
	expect "$tag: check: a versionless export is a note, not a problem" \
		sh -c "[ $rc = 0 ] && grep -qF 'no symbol version for beta_func' '$work/err'"
	cp "$obj/beta.o" "$d/beta-old.o"
	printf '#SYMVER beta_func 0x11111111\n' >"$d/old.symvers"
	run "$tool" stamp -q "$d/beta-old.o" "$d/old.symvers"
	run "$tool" check --table "$d/table.gamma" "$d/alpha.o" "$d/beta-old.o"
	expect "$tag: check: a mismatch with another listed module" \
		sh -c "[ $rc = 1 ] && grep -qxF 'symtab: $d/alpha.o: version mismatch for beta_func: module wants beta_func_R5e6f7a8b, $d/beta-old.o has beta_func_R11111111' '$work/err'"
	run "$tool" check --table "$d/table.gamma" "$d/alpha.o" "$d/bad/class_32.o"
	expect "$tag: check: a malformed module is an error, the rest still checked" \
		sh -c "[ $rc = 1 ] && grep -qF 'wrong ELF class' '$work/err'"
	if [ ! -e /proc/symtab ]; then
		run "$tool" check "$d/alpha.o"
		expect "$tag: check without symtab.ko: nothing resident, said so" \
			sh -c "[ $rc = 1 ] && grep -qF '/proc/symtab does not exist' '$work/err' && grep -qF 'unresolved symbol beta_func_R5e6f7a8b' '$work/err'"
	fi
	printf 'garbage\n' >"$d/table.bad"
	run "$tool" check --table "$d/table.bad" "$d/alpha.o"
	expect "$tag: check: a malformed table is an error with file:line" \
		sh -c "[ $rc = 1 ] && grep -qF '$d/table.bad:1: expected' '$work/err'"

	# list.
	cat >"$d/list.expected" <<-EOF
	Symbol       Version     Module  Address
	beta_func    0x5e6f7a8b  beta    0000000000000000
	gamma_value  0x0badcafe  gamma   0000000000000000
	EOF
	run "$tool" list --table "$d/table.good"
	expect "$tag: list shows the table in columns" \
		sh -c "[ $rc = 0 ] && diff -u '$d/list.expected' '$work/out'"
	run "$tool" list --table "$d/table.versionless"
	expect "$tag: list shows '-' for a versionless symbol" \
		sh -c "[ $rc = 0 ] && grep -qE '^beta_func +- +beta +ffffffffc0a03000$' '$work/out'"
	if [ ! -e /proc/symtab ]; then
		run "$tool" list
		expect "$tag: list without symtab.ko says so" \
			sh -c "[ $rc = 1 ] && grep -qF '/proc/symtab does not exist' '$work/err'"
	fi

	# load -n: planning a three-module chain from a directory.
	local mods=$d/modules
	mkdir -p "$mods/sub"
	cp "$d/alpha.o" "$mods/alpha.ko"
	cp "$d/beta.o" "$mods/sub/beta.ko"
	cp "$d/gamma.o" "$mods/gamma.ko"
	printf 'insmod %s\ninsmod %s\ninsmod %s\n' "$mods/gamma.ko" \
		"$mods/sub/beta.ko" "$mods/alpha.ko debug=1 name=\"a b\"" \
		>"$d/plan.expected"
	: >"$d/table.empty"
	run "$tool" load -n -d "$mods" -t "$d/table.empty" "$mods/alpha.ko" debug=1 'name=a b'
	expect "$tag: load -n plans the chain in dependency order" \
		sh -c "[ $rc = 0 ] && diff -u '$d/plan.expected' '$work/out'"
	run "$tool" load -n -d "$mods" -t "$d/table.gamma" "$mods/alpha.ko"
	expect "$tag: load -n skips what is resident" \
		sh -c "[ $rc = 0 ] && [ \"\$(cat '$work/out')\" = 'insmod $mods/sub/beta.ko
insmod $mods/alpha.ko' ]"
	mkdir -p "$d/flat/sub"
	cp "$d/alpha.o" "$d/flat/alpha.ko"
	cp "$d/beta.o" "$d/flat/beta.ko"
	cp "$d/gamma.o" "$d/flat/sub/gamma.ko"
	run "$tool" load -n -t "$d/table.empty" "$d/flat/alpha.ko"
	expect "$tag: load -n without -d looks beside the module, not below" \
		sh -c "[ $rc = 1 ] && grep -qF 'unresolved symbol gamma_value' '$work/err'"
	cp "$d/gamma.o" "$d/flat/gamma.ko"
	run "$tool" load -n -t "$d/table.empty" "$d/flat/alpha.ko"
	expect "$tag: load -n without -d finds the modules beside it" \
		sh -c "[ $rc = 0 ] && [ \$(wc -l <'$work/out') = 3 ]"
	if [ ! -e /proc/symtab ]; then
		cp "$obj/registry.o" "$mods/symtab.ko"
		run "$tool" load -n -d "$mods" "$mods/alpha.ko"
		expect "$tag: load -n loads symtab.ko first when it is not loaded" \
			sh -c "[ $rc = 0 ] && [ \"\$(head -1 '$work/out')\" = 'insmod $mods/symtab.ko' ] && [ \$(wc -l <'$work/out') = 4 ]"
		rm "$mods/symtab.ko"
		run "$tool" load -n -d "$mods" "$mods/alpha.ko"
		expect "$tag: load -n without symtab.ko anywhere is an error" \
			sh -c "[ $rc = 1 ] && grep -qF 'symtab.ko is not loaded' '$work/err'"
	fi
	cp "$d/beta-old.o" "$mods/sub/beta.ko"
	run "$tool" load -n -d "$mods" -t "$d/table.empty" "$mods/alpha.ko"
	expect "$tag: load -n refuses a version mismatch in the chain" \
		sh -c "[ $rc = 1 ] && [ ! -s '$work/out' ] && grep -qF 'version mismatch for beta_func' '$work/err' && grep -qF 'refusing to load' '$work/err'"
	run "$tool" load -n -f -d "$mods" -t "$d/table.empty" "$mods/alpha.ko"
	expect "$tag: load -n -f plans it, saying the imports go versionless" \
		sh -c "[ $rc = 0 ] && [ \$(wc -l <'$work/out') = 3 ] && grep -qF '$mods/alpha.ko: version mismatch overridden (-f)' '$work/err'"
	cp "$d/beta.o" "$mods/sub/beta.ko"
	rm "$mods/gamma.ko"
	run "$tool" load -n -d "$mods" -t "$d/table.empty" "$mods/alpha.ko"
	expect "$tag: load -n: an import nobody exports is an error" \
		sh -c "[ $rc = 1 ] && grep -qF 'unresolved symbol gamma_value_R0badcafe' '$work/err'"
	run "$tool" load -n -t "$d/table.empty" -d "$d/no-such-dir" "$mods/alpha.ko"
	expect "$tag: load: a missing module directory is an error" \
		sh -c "[ $rc = 1 ] && grep -qF '$d/no-such-dir' '$work/err'"
	# A cycle: cycle_a needs cycle_b needs cycle_a.
	mkdir -p "$d/cycle"
	cp "$obj/cycle_a.o" "$d/cycle/cycle_a.ko"
	cp "$obj/cycle_b.o" "$d/cycle/cycle_b.ko"
	cp "$obj/alpha.o" "$d/cycle/broken.ko"
	"$EDIT" "$d/cycle/broken.ko" ehdr machine 3
	run "$tool" load -n -d "$d/cycle" -t "$d/table.empty" "$d/cycle/cycle_a.ko"
	expect "$tag: load -n refuses a dependency cycle" \
		sh -c "[ $rc = 1 ] && [ ! -s '$work/out' ] && grep -qF 'dependency cycle: $d/cycle/cycle_a.ko -> $d/cycle/cycle_b.ko -> $d/cycle/cycle_a.ko' '$work/err'"
	expect "$tag: ... and says nothing of the unrelated malformed file" \
		sh -c "! grep -qF 'broken.ko' '$work/err'"
	run "$tool" load -n -d "$d/cycle" -t "$d/table.empty" "$d/alpha.o"
	expect "$tag: load -n: an unresolved import names the malformed file skipped" \
		sh -c "[ $rc = 1 ] && grep -qF 'skipped $d/cycle/broken.ko: wrong machine' '$work/err'"
	run "$tool" load -n -d "$mods" -t "$d/table.empty" "$d/bad/truncated_shdrs.o"
	expect "$tag: load of a malformed module is an error" status_is 1

	# unload -n: who uses a module's symbols.
	printf 'alpha\tbeta\tbeta_func\ndelta\tbeta\tbeta_func\ndelta\tbeta\tbeta_other\nalpha\tgamma\tgamma_value\nalpha\tbeta\tbeta_func\n' \
		>"$d/users"
	run "$tool" unload -n --users "$d/users" beta
	expect "$tag: unload -n names the users of a module's symbols" \
		sh -c "[ $rc = 1 ] && [ \"\$(cat '$work/err')\" = 'symtab: beta: in use by alpha (symbols beta_func)
symtab: beta: in use by delta (symbols beta_func, beta_other)' ]"
	run "$tool" unload -n --users "$d/users" epsilon
	expect "$tag: unload -n of an unused module" status_is 0
	run "$tool" unload symtab_no_such_module
	expect "$tag: unload of a module that is not loaded" \
		sh -c "[ $rc = 1 ] && grep -qF 'symtab_no_such_module' '$work/err'"
}

. "$here/compressed.sh"
. "$here/stripped.sh"
cases "$top/build/bin/symtab" bin
compressed_cases "$top/build/bin/symtab" bin
stripped_cases "$top/build/bin/symtab" bin
cases "$top/build/san/symtab" san
compressed_cases "$top/build/san/symtab" san
stripped_cases "$top/build/san/symtab" san

# --- real modules -----------------------------------------------------------

kmodule() { # KVER: build, stamp and dump tests/symtab/fixtures/kmod
	local k=$1 m=$work/kmod-$1
	mkdir -p "$m"
	cp "$here/fixtures/kmod/tiny.c" "$here/fixtures/kmod/Kbuild" "$m/"
	if ! nice make -s -C "/lib/modules/$k/build" M="$m" \
		ccflags-y="-I$top/include" KBUILD_MODPOST_WARN=1 modules >"$m/build.log" 2>&1; then
		sed 's/^/#   /' "$m/build.log" | tail -20
		not_ok "kbuild: build a test module for $k"
		return
	fi
	ok "kbuild: build a test module for $k"
	for tool in "$top/build/bin/symtab" "$top/build/san/symtab"; do
		cp "$m/tiny.ko" "$m/t.ko"
		readelf -SWr "$m/t.ko" >"$m/layout.before"
		printf '#SYMVER tiny_func 0xaaaa0001\n#SYMVER tiny_value 0xaaaa0002\n#SYMVER chain_a_value 0xaaaa0003\n' \
			>"$m/tiny.symvers"
		run "$tool" stamp "$m/t.ko" "$m/tiny.symvers"
		expect "kbuild $k ${tool##*/build/}: stamp a real module" \
			sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
		run "$tool" dump "$m/t.ko"
		printf '0xaaaa0001\ttiny_func\texport\n0xaaaa0002\ttiny_value\texport\n0xaaaa0003\tchain_a_value\timport\n' \
			>"$m/dump.expected"
		grep -P '\t(export|import)$' "$work/out" >"$m/dump.records"
		expect "kbuild $k ${tool##*/build/}: dump the stamped module" \
			sh -c "[ $rc = 0 ] && diff -u '$m/dump.expected' '$m/dump.records'"
		expect "kbuild $k ${tool##*/build/}: ... then its kernel modversions" \
			sh -c "grep -qP '^0x[0-9a-f]{8}\tmodule_layout\tkimport$' '$work/out' && ! grep -qvP '\t(export|import|kexport|kimport)$' '$work/out'"
		readelf -SWr "$m/t.ko" >"$m/layout.after"
		expect "kbuild $k ${tool##*/build/}: sections and relocations unchanged" \
			diff -u "$m/layout.before" "$m/layout.after"
		expect "kbuild $k ${tool##*/build/}: modinfo still reads it" \
			sh -c "modinfo -F license '$m/t.ko' | grep -qx GPL"
		compressed_kernel_module "$k" "$tool"
	done
}
for k in $(cd /lib/modules 2>/dev/null && ls); do
	[ -e "/lib/modules/$k/build/Makefile" ] && kmodule "$k"
done

. "$here/plain.sh"
for k in $(cd /lib/modules 2>/dev/null && ls); do
	[ -e "/lib/modules/$k/build/Module.symvers" ] || continue
	for tool in "$top/build/bin/symtab" "$top/build/san/symtab"; do
		plain_modules "$k" "$tool"
		plain_grouped_check "$k" "$tool"
		registry_module_kernel_check "$k" "$tool"
		compressed_distro_modules "$k" "$tool"
	done
	for other in $(cd /lib/modules && ls); do
		[ "$other" != "$k" ] && [ -d "$top/build/$other/modules/plain" ] &&
			[ -d "$top/build/$k/modules/plain" ] || continue
		plain_explain "$top/build/san/symtab" "$k" "$other"
	done
done

# Thousands of modules: the optimized build only.
for k in $(cd /lib/modules 2>/dev/null && ls); do
	check_whole_kernel "$k" "$top/build/bin/symtab"
done

. "$here/softdep.sh"
for tool in "$top/build/bin/symtab" "$top/build/san/symtab"; do
	softdep_objects "$tool"
done
for k in $(cd /lib/modules 2>/dev/null && ls); do
	if [ -e "/lib/modules/$k/build/Makefile" ]; then
		softdep_kernel "$k"
	else
		skip "softdep $k: modprobe plans exporters first" \
			"no kernel headers for $k"
	fi
done

tap_plan
[ "$failed" -eq 0 ]
