# SPDX-License-Identifier: GPL-2.0-only
# symtab_get() called through a pointer from a helper library, as a
# sibling call (jmp): the pin is the library's, whoever called it, and the
# library's symtab_put() balances it, so the exporter is free again.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
check "insmod symtest_lib" insmod "$MODDIR/symtest_lib.ko"
check "its user loads: the library pinned symtest_value" \
	insmod "$MODDIR/symtest_libuser.ko"
check_eq "the pin is the library's" \
	"symtest_lib	symtest_export	symtest_value" "$(cat /proc/symtab_users)"
check_eq "one reference on the exporter" 1 \
	"$(cat /sys/module/symtest_export/refcnt)"
dmesg_mark
check "rmmod the user: the library puts the pin" rmmod symtest_libuser
check_fails "no unbalanced put" sh -c \
	'dmesg | grep -q "without a matching symtab_get"'
dmesg_new | grep symtab | sed 's/^/# dmesg: /'
check_eq "no pin left" "" "$(cat /proc/symtab_users)"
check_eq "no reference left" 0 "$(cat /sys/module/symtest_export/refcnt)"
check "the exporter unloads without -f" rmmod symtest_export
check "rmmod symtest_lib" rmmod symtest_lib
check "rmmod symtab" rmmod symtab
done_testing
