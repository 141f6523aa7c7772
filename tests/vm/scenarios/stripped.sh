# SPDX-License-Identifier: GPL-2.0-only
# A consumer stripped with strip --strip-unneeded loses the symbols that
# name its import blocks but keeps its versions section: symtab.ko finds
# the blocks by content and checks them, and their number against the
# count each carries, so it works when the versions agree.  A module that refers to the import ABI but has no block symtab.ko
# can find is refused (-ENOEXEC): it would run with unresolved imports.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
dmesg_mark
check "the stripped consumer loads" insmod "$MODDIR/symtest_stripped.ko"
check_dmesg "its calls reached the exporter" \
	"symtest_stripped: add 5 move 11 value 43"
check_eq "its imports are listed" \
	"symtest_stripped	symtest_export	symtest_add
symtest_stripped	symtest_export	symtest_move
symtest_stripped	symtest_export	symtest_value" \
	"$(sort /proc/symtab_users)"
check_eq "it holds the exporter" 3 "$(cat /sys/module/symtest_export/refcnt)"
check "rmmod symtest_stripped" rmmod symtest_stripped
check_eq "references released" 0 "$(cat /sys/module/symtest_export/refcnt)"

# Each block carries the number of import blocks (symtab stamp writes it):
# a block whose magic is damaged, which hides itself and those after it
# from the scan, or blocks that disagree on the count, or blocks stamped
# before the count existed, are refused before the module's init runs.
blocks=$(kfuzz-mutate --list "$MODDIR/symtest_stripped.ko" |
	awk '$1 == "block" && $2 == "import" { print $4 }')
check_eq "kfuzz-mutate lists its three import blocks" 3 \
	"$(echo $blocks | wc -w)"
set -- $blocks
b0=$1 b1=$2 b2=$3
# damaged NAME OFFSET OCTAL [OFFSET OCTAL...]: /tmp/NAME.ko, a copy of the
# stripped consumer with the bytes OCTAL (printf) at the file OFFSETs.
damaged() {
	f=/tmp/$1.ko
	shift
	cp "$MODDIR/symtest_stripped.ko" "$f"
	while [ $# -ge 2 ]; do
		printf "$2" | dd of="$f" bs=1 seek=$(($1)) conv=notrunc 2>/dev/null
		shift 2
	done
}
# refused DESCRIPTION FILE LINE: insmod FILE fails, symtab says LINE and
# nothing else (twice: busybox insmod tries init_module after
# finit_module), the module's init did not run and it is not loaded.
refused() {
	dmesg_mark
	check_fails "$1: refused" insmod "$2"
	said=$(dmesg_new)
	check_eq "$1: one line saying so" "symtab: symtest_stripped: $3" \
		"$(echo "$said" | grep -o 'symtab: symtest_stripped: .*' | sort -u)"
	check_eq "$1: its init did not run" "" \
		"$(echo "$said" | grep 'symtest_stripped: add')"
	check_fails "$1: not loaded" grep -q '^symtest_stripped ' /proc/modules
}
damaged magic1 $b1 '\000'
refused "the second block's magic damaged" /tmp/magic1.ko \
	"malformed import blocks: 1 found, the blocks count 3: refusing unchecked imports"
damaged magic2 $b2 '\000'
refused "the third block's magic damaged" /tmp/magic2.ko \
	"malformed import blocks: 2 found, the blocks count 3: refusing unchecked imports"
damaged disagree $((b0 + 12)) '\005'
refused "the first block counting 5" /tmp/disagree.ko \
	"malformed import blocks: block 0 found by content counts 5 import blocks, block 1 counts 3"
damaged oldstamp $((b0 + 12)) '\000' $((b1 + 12)) '\000' $((b2 + 12)) '\000'
refused "no count (stamped by an older symtab)" /tmp/oldstamp.ko \
	"malformed import blocks: found by content, they carry no count: run symtab stamp before strip"
check_eq "the exporter's references are back" 0 \
	"$(cat /sys/module/symtest_export/refcnt)"
check "the undamaged module still loads" insmod "$MODDIR/symtest_stripped.ko"
check "rmmod symtest_stripped" rmmod symtest_stripped

# Found by content, still checked: against a resident table of another
# version it is refused like any stale consumer.
check "rmmod symtest_export" rmmod symtest_export
dmesg_mark
check_insmod_fails "with no exporter: refused with -ENOENT" \
	"unknown symbol in module" symtest_stripped
check "the unresolved line" sh -c \
	'dmesg | grep -q "symtab: symtest_stripped: unresolved symbol symtest_[a-z]*_R"'

dmesg_mark
check_insmod_fails "refers to imports without a block: -ENOEXEC" \
	"invalid module format" symtest_bad_noblock
check_dmesg "one line saying so" \
	"symtab: symtest_bad_noblock: refers to symtab imports but no import block can be found"
check_fails "its init did not run" sh -c 'dmesg | grep -q "loaded despite"'
check "rmmod symtab" rmmod symtab
done_testing
