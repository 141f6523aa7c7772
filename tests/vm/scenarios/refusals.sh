# SPDX-License-Identifier: GPL-2.0-only
# Imports symtab.ko refuses before the importer's init runs: a stale CRC
# (-EINVAL), a symbol nobody exports (-ENOENT), a versionless import under
# strict=1 (-EINVAL; strict=0 loads it with a warning and a taint), and
# every malformed import block (-ENOEXEC, one line naming module and block).
# busybox insmod retries a failed finit_module() with init_module(), so
# each refusal is logged twice: the checks want one distinct line.
. /tests/lib.sh

# crc_name MODULE SYMBOL: SYMBOL_R<crc> as `symtab dump` reads it in the
# module file, or the bare name when the record is versionless.
crc_name() {
	crc=$(symtab dump "$MODDIR/$1.ko" | awk -v s="$2" '$2 == s { print $1; exit }')
	case "$crc" in
	0x*) echo "$2_R${crc#0x}" ;;
	*) echo "$2" ;;
	esac
}

# check_only_line DESC LINE: LINE is the one distinct symtab line logged
# since the last dmesg_mark.
check_only_line() {
	check_dmesg "$1" "$2"
	check_eq "$1: nothing else logged" "$2" \
		"$(dmesg_new | grep '^symtab: ' | sort -u)"
}

# check_clean MODULE: a refused module leaves nothing behind.
check_clean() {
	check_fails "$1 is not loaded" grep -q "^$1 " /proc/modules
	check_eq "$1: no reference left on symtest_export" 0 \
		"$(cat /sys/module/symtest_export/refcnt)"
	check_eq "$1: no user listed" "" "$(cat /proc/symtab_users)"
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"

# A stale layout of struct symtest_point: genksyms gave another CRC.
wants=$(crc_name symtest_stale symtest_move)
resident=$(crc_name symtest_export symtest_move)
check "the stale import is versioned" sh -c "case $wants in *_R*) ;; *) false ;; esac"
check "the stale CRC differs from the exporter's" [ "$wants" != "$resident" ]
check "/proc/symtab shows the exporter's version" \
	grep -q " $resident	\[symtest_export\]$" /proc/symtab
dmesg_mark
check_insmod_fails "stale consumer refused with -EINVAL" "Invalid argument" \
	symtest_stale
check_only_line "stale consumer: the version line" \
	"symtab: symtest_stale: disagrees about version of symbol symtest_move (wants $wants, resident $resident from symtest_export)"
check_fails "stale consumer's init never ran" \
	sh -c 'dmesg | grep -q "symtest_stale: move"'
check_clean symtest_stale

# The tools name the member behind the stale CRC, from the types each
# module stored in its .symtab_types section.
why="  because symtest_move: arg 1 -> struct symtest_point: member 'long y' changed to 'int y'"
symtab check "$MODDIR/symtest_stale.ko" >/tmp/out 2>&1
check "symtab check refuses the stale consumer" [ $? -eq 1 ]
check "symtab check names the member that changed" grep -qxF "$why" /tmp/out
symtab load "$MODDIR/symtest_stale.ko" >/tmp/out 2>&1
check "symtab load refuses the stale consumer" [ $? -ne 0 ]
check "symtab load names the member that changed" grep -qxF "$why" /tmp/out
check_fails "symtab load left it out" grep -q "^symtest_stale " /proc/modules

# A symbol nobody registers.
nobody=$(crc_name symtest_missing symtest_nobody)
check "the missing import is versioned" \
	sh -c "case $nobody in *_R*) ;; *) false ;; esac"
dmesg_mark
check_insmod_fails "consumer of an unexported symbol refused with -ENOENT" \
	"unknown symbol in module" symtest_missing
check_only_line "unexported symbol: the unresolved line" \
	"symtab: symtest_missing: unresolved symbol $nobody"
check_clean symtest_missing

# A versionless import: refused under strict=1 ...
check_eq "versionless import is versionless" symtest_add \
	"$(crc_name symtest_versionless symtest_add)"
check_eq "strict defaults to off" N "$(cat /sys/module/symtab/parameters/strict)"
check "strict=1" sh -c 'echo 1 >/sys/module/symtab/parameters/strict'
dmesg_mark
check_insmod_fails "strict=1: versionless consumer refused with -EINVAL" \
	"Invalid argument" symtest_versionless
check_only_line "strict=1: the missing-version line" \
	"symtab: symtest_versionless: no symbol version for symtest_add"
check_clean symtest_versionless
tainted=$(cat /proc/sys/kernel/tainted)
check_eq "strict=1: no forced-load taint" 0 $((tainted & 2))

# Some versions but not all: refused whatever strict says, as Debian's
# kernel refuses a module whose __versions lacks a symbol.
check "strict=0" sh -c 'echo 0 >/sys/module/symtab/parameters/strict'
dmesg_mark
check_insmod_fails "one versionless import among versioned ones: -EINVAL" \
	"Invalid argument" symtest_mixed
check_only_line "the missing-version line" \
	"symtab: symtest_mixed: no symbol version for symtest_move"
check_clean symtest_mixed
tainted=$(cat /proc/sys/kernel/tainted)
check_eq "refused: no forced-load taint" 0 $((tainted & 2))

# No versions at all: loaded like a forced load, one warning and a taint.

dmesg_mark
check "strict=0: versionless consumer loads" \
	insmod "$MODDIR/symtest_versionless.ko"
check_only_line "strict=0: one warning, as a forced load" \
	"symtab: symtest_versionless: no symbol version for symtest_add: kernel tainted."
check_dmesg "strict=0: its call reached the exporter" \
	"symtest_versionless: add 9"
tainted=$(cat /proc/sys/kernel/tainted)
check_eq "strict=0: the kernel is tainted F" 2 $((tainted & 2))
check "strict=0: the module is tainted F" \
	grep -q F /sys/module/symtest_versionless/taint
check "rmmod symtest_versionless" rmmod symtest_versionless
check_eq "no reference left on symtest_export" 0 \
	"$(cat /sys/module/symtest_export/refcnt)"

# Malformed blocks: -ENOEXEC and one line naming module and block.
bad() {	# bad MODULE REASON
	dmesg_mark
	check_insmod_fails "$1 refused with -ENOEXEC" "invalid module format" "$1"
	check_only_line "$1: one line naming module and block" \
		"symtab: $1: malformed import block __symtab_import_symtest_add: $2"
	check_clean "$1"
}
bad symtest_bad_magic "bad magic 0x21444142, expected 0x424d5953"
bad symtest_bad_size "record size 72, expected 80"
bad symtest_bad_trunc "truncated: 56 bytes is not a header and whole records"
bad symtest_bad_count "count 3 past the end of the object (room for 1)"
bad symtest_bad_name "record 0: name not NUL-terminated within 64 bytes"
bad symtest_bad_kind "record 0: unknown kind 9"
check_fails "no malformed module's init ran" \
	sh -c 'dmesg | grep -q "loaded despite"'

check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
