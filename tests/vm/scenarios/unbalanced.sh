# SPDX-License-Identifier: GPL-2.0-only
# symtab_put() without a matching symtab_get() from another module: it may
# release only its caller's own pins, so module A's pin stays and keeps the
# exporter loaded; the unbalanced put is reported, naming caller and symbol.
. /tests/lib.sh

refcnt() {
	cat /sys/module/symtest_export/refcnt
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
check "symtest_getput holds a pin on symtest_value" \
	insmod "$MODDIR/symtest_getput.ko" name=symtest_value
check_eq "one reference" 1 "$(refcnt)"

dmesg_mark
check "symtest_putter puts symtest_value twice, never having got it" \
	insmod "$MODDIR/symtest_putter.ko" name=symtest_value times=2
check_dmesg "the unbalanced put is reported" \
	"symtab: symtest_putter: symtab_put(symtest_value) without a matching symtab_get(): ignored"
check_eq "symtest_getput's pin is still there" \
	"symtest_getput	symtest_export	symtest_value" "$(cat /proc/symtab_users)"
check_eq "the exporter keeps its reference" 1 "$(refcnt)"
check_fails "so it cannot be removed" rmmod symtest_export
check "rmmod symtest_putter" rmmod symtest_putter

check "rmmod symtest_getput releases its own pin" rmmod symtest_getput
check_eq "reference released" 0 "$(refcnt)"
check_eq "nothing listed" "" "$(cat /proc/symtab_users)"

# A versioned name in an unbalanced put is reported as given.
dmesg_mark
check "an unbalanced versioned put" \
	insmod "$MODDIR/symtest_putter.ko" name=symtest_add_R00000000
check_dmesg "reported with the name given" \
	"symtab: symtest_putter: symtab_put(symtest_add_R00000000) without a matching symtab_get(): ignored"
check "rmmod symtest_putter" rmmod symtest_putter
check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
