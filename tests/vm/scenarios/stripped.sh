# SPDX-License-Identifier: GPL-2.0-only
# A consumer stripped with strip --strip-unneeded loses the symbols that
# name its import blocks but keeps its versions section: symtab.ko finds
# the blocks by content and checks them, so it works when the versions
# agree.  A module that refers to the import ABI but has no block symtab.ko
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
