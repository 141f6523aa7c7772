# SPDX-License-Identifier: GPL-2.0-only
# Init memory is freed after a module's init: a table there, or a symbol
# there, would leave the registry pointing at freed memory.  Each is refused
# at register_symtab() with -EINVAL and one line naming it; so is an import
# block placed in init data (-ENOEXEC).  A core table loads.
. /tests/lib.sh

# refused WHICH LINE: symtest_initmem which=WHICH fails with -EINVAL, saying LINE.
refused() {
	dmesg_mark
	check_insmod_fails "which=$1 refused with -EINVAL" "Invalid argument" \
		symtest_initmem which="$1"
	check_only_match "which=$1: one line naming it" "$2"
	check_eq "which=$1: nothing resident" "" "$(cat /proc/symtab)"
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
T='symtab: symtest_initmem: '
refused initdata_table \
	"${T}table symtest_initmem_in_init \[symtest_initmem\] is not in the module's core data (init data is freed after init)"
refused initdata_var \
	"${T}table symtest_initmem_var_table \[symtest_initmem\]: symbol symtest_initmem_var at symtest_initmem_var+0x0/0x[0-9a-f]* \[symtest_initmem\] is not in the module's core memory"
refused init_func \
	"${T}table symtest_initmem_func_table \[symtest_initmem\]: symbol symtest_initmem_func at symtest_initmem_func+0x0/0x[0-9a-f]* \[symtest_initmem\] is not in the module's core memory"

check "which=core loads" insmod "$MODDIR/symtest_initmem.ko" which=core
check "its symbol is resident" grep -q ' symtest_initmem_core_R' /proc/symtab
check "rmmod symtest_initmem" rmmod symtest_initmem

check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
dmesg_mark
check_insmod_fails "an import block in init data refused with -ENOEXEC" \
	"invalid module format" symtest_bad_initimport
check_dmesg "one line naming the block" \
	"symtab: symtest_bad_initimport: malformed import block __symtab_import_symtest_add: not in the module's core memory (init data is freed after init)"
check_fails "its init did not run" \
	sh -c 'dmesg | grep -q "loaded despite"'
check_eq "no reference taken" 0 "$(cat /sys/module/symtest_export/refcnt)"
check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
