# SPDX-License-Identifier: GPL-2.0-only
# /sys/module/<exporter>/holders/ names the modules whose declared imports
# hold it, as for the kernel's own exports (lsmod from kmod reads it),
# from the time they are live until they or the exporter go.
. /tests/lib.sh

holders() { ls "/sys/module/$1/holders" 2>/dev/null | tr '\n' ' '; }

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
check_eq "no holder yet" "" "$(holders symtest_export)"
check "insmod symtest_consumer" insmod "$MODDIR/symtest_consumer.ko"
check "insmod symtest_stripped" insmod "$MODDIR/symtest_stripped.ko"
check_eq "both consumers are holders" "symtest_consumer symtest_stripped " \
	"$(holders symtest_export)"
check "the link leads to the holder" test \
	"$(readlink -f /sys/module/symtest_export/holders/symtest_consumer)" = \
	"$(readlink -f /sys/module/symtest_consumer)"
check "rmmod symtest_stripped" rmmod symtest_stripped
check_eq "one holder left" "symtest_consumer " "$(holders symtest_export)"

# A chain: each module holds the one below.
check "insmod chain_a chain_b" sh -c \
	"insmod $MODDIR/chain_a.ko && insmod $MODDIR/chain_b.ko"
check_eq "chain_b holds chain_a" "chain_b " "$(holders chain_a)"
check "rmmod chain_b chain_a" rmmod chain_b chain_a

check "rmmod symtest_consumer" rmmod symtest_consumer
check_eq "no holder left" "" "$(holders symtest_export)"
check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
