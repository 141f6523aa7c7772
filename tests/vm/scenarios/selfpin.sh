# SPDX-License-Identifier: GPL-2.0-only
# An exporter that registers its table, pins its own symbol during init and
# then fails its init without cleaning up: the kernel frees it whatever its
# refcount, so its table and its pin must go with it.  Reading
# /proc/symtab_users afterwards, and loading it again, must be harmless.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
dmesg_mark
check_insmod_fails "failing init refused with its own error" \
	"Invalid argument" symtest_selfpin
check_dmesg "it pinned its own symbol first" "symtest_selfpin: own symbol pinned"
check_fails "symtest_selfpin is gone" grep -q '^symtest_selfpin ' /proc/modules
check_eq "its table left with it" "" "$(cat /proc/symtab)"
check_eq "its pin left with it" "" "$(cat /proc/symtab_users)"
check_fails "no pin reported as leaked by a module in its init" \
	sh -c 'dmesg | grep -q "pins not put"'

# Again, and again: nothing of the first attempt is in the way.
check_insmod_fails "a second failing load" "Invalid argument" symtest_selfpin
check_eq "nothing resident" "" "$(cat /proc/symtab)"

# A module may pin its own symbol and still unload: that pin holds no
# reference on itself.
check "a successful load pinning its own symbol" \
	insmod "$MODDIR/symtest_selfpin.ko" fail=0
check_eq "its own pin listed" \
	"symtest_selfpin	symtest_selfpin	symtest_selfpin_value" \
	"$(cat /proc/symtab_users)"
check_eq "no reference on itself" 0 "$(cat /sys/module/symtest_selfpin/refcnt)"
dmesg_mark
check "rmmod symtest_selfpin" rmmod symtest_selfpin
check_eq "its put in exit balanced the pin" "" "$(cat /proc/symtab_users)"
check_fails "nothing unbalanced" \
	sh -c 'dmesg | grep -q "without a matching symtab_get"'
check "rmmod symtab" rmmod symtab
done_testing
