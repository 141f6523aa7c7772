# SPDX-License-Identifier: GPL-2.0-only
# rmmod -f of an exporter in use (Debian's kernels allow it, and taint):
# every import and pin pointing at it is detached first, names kept for
# /proc/symtab_users; nothing of it stays resident; its users unload
# cleanly, putting nothing freed.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
check "insmod symtest_consumer (imports)" \
	insmod "$MODDIR/symtest_consumer.ko" exit_uses=0
check "insmod symtest_getput (a pin)" \
	insmod "$MODDIR/symtest_getput.ko" name=symtest_move
check_eq "four references" 4 "$(cat /sys/module/symtest_export/refcnt)"
check_fails "plain rmmod refused" rmmod symtest_export

dmesg_mark
check "rmmod -f symtest_export" rmmod -f symtest_export
check_fails "it is gone" grep -q '^symtest_export ' /proc/modules
check_dmesg "the consumer's imports are detached" \
	"symtab: symtest_consumer: import symtest_value detached: symtest_export went away while in use"
check_eq "nothing of it resident" "" "$(cat /proc/symtab)"
check_eq "its users are listed with the name kept" \
	"symtest_consumer	symtest_export:gone	symtest_add
symtest_consumer	symtest_export:gone	symtest_move
symtest_consumer	symtest_export:gone	symtest_value
symtest_getput	symtest_export:gone	symtest_move" \
	"$(sort /proc/symtab_users)"
check_eq "read twice: the same" "$(cat /proc/symtab_users)" \
	"$(cat /proc/symtab_users)"

# Its users' own code must not touch the imports any more (the consumer
# is loaded with exit_uses=0); unloading them releases nothing freed.
dmesg_mark
check "rmmod symtest_getput puts its detached pin" rmmod symtest_getput
check_fails "no unbalanced put" \
	sh -c 'dmesg | grep -q "without a matching symtab_get"'
check_eq "the pin is gone" \
	"symtest_consumer	symtest_export:gone	symtest_add
symtest_consumer	symtest_export:gone	symtest_move
symtest_consumer	symtest_export:gone	symtest_value" \
	"$(sort /proc/symtab_users)"

# A fresh exporter under the same name is a different module.
check "insmod symtest_export again" insmod "$MODDIR/symtest_export.ko"
check_eq "the new exporter has no reference" 0 \
	"$(cat /sys/module/symtest_export/refcnt)"
check "rmmod symtest_export" rmmod symtest_export
check "the kernel is tainted R (forced unload)" \
	sh -c '[ $(( $(cat /proc/sys/kernel/tainted) & 8 )) -ne 0 ]'
check "rmmod symtest_consumer" rmmod symtest_consumer
check_eq "nobody listed" "" "$(cat /proc/symtab_users)"
check "rmmod symtab" rmmod symtab
done_testing
