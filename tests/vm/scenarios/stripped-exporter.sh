# SPDX-License-Identifier: GPL-2.0-only
# An exporter stripped with strip --strip-unneeded loses the symbol of its
# static table: register_symtab() proves the table lies in the module's
# core data from the module's memory regions instead, and its consumers,
# stripped or not, use it.  A table pointer inside another named object
# is still refused (tables.sh).
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check_fails "the table has no symbol in the module" sh -c \
	"grep -q 'symtest_export_stripped_symtab' /proc/kallsyms"
dmesg_mark
check "the stripped exporter registers and loads" \
	insmod "$MODDIR/symtest_export_stripped.ko"
dmesg_new | grep symtab | sed 's/^/# dmesg: /'
check_eq "its three symbols are resident" 3 \
	"$(grep -c '\[symtest_export_stripped\]' /proc/symtab)"
check "a consumer loads against it" insmod "$MODDIR/symtest_consumer.ko"
check "a stripped consumer too" insmod "$MODDIR/symtest_stripped.ko"
check_eq "both hold it (6 imports)" 6 \
	"$(cat /sys/module/symtest_export_stripped/refcnt)"
check_eq "calls reached it" 4 \
	"$(cat /sys/module/symtest_export_stripped/parameters/calls)"
check "rmmod the consumers" rmmod symtest_consumer symtest_stripped
check "rmmod the exporter" rmmod symtest_export_stripped
check_eq "nothing resident" "" "$(cat /proc/symtab)"
check "rmmod symtab" rmmod symtab
done_testing
