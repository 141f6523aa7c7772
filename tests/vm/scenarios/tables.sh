# SPDX-License-Identifier: GPL-2.0-only
# register_symtab() with malformed tables: each is refused as a whole
# (-ENOEXEC; -EINVAL for a symbol outside the module's core memory; -EEXIST
# for a name twice in one table) with one line saying why, and nothing
# becomes resident.
. /tests/lib.sh

# refused VARIANT ERRNO-TEXT LINE-PATTERN: a basic regular expression for
# the whole dmesg line, timestamp stripped.
refused() {
	dmesg_mark
	check_insmod_fails "variant=$1 refused ($2)" "$2" \
		symtest_bad_table variant="$1"
	check_only_match "variant=$1: one line saying why" "$3"
	check_eq "variant=$1: nothing resident" "" "$(cat /proc/symtab)"
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
T='symtab: symtest_bad_table: '
refused magic "invalid module format" \
	"${T}malformed table magic_table \[symtest_bad_table\]: bad magic 0x21444142, expected 0x424d5953"
refused noend "invalid module format" \
	"${T}malformed table noend_table \[symtest_bad_table\]: no END record within the object (2 records)"
refused count "invalid module format" \
	"${T}malformed table count_table \[symtest_bad_table\]: count 2, but the END record is record 1"
refused inner "invalid module format" \
	"${T}table at count_table+0x10/0x[0-9a-f]* \[symtest_bad_table\] is not a data object of the module"
refused outside "Invalid argument" \
	"${T}table outside_table \[symtest_bad_table\]: symbol jiffies at jiffies+0x0/0x[0-9a-f]* is not in the module's core memory"
refused twice "File exists" \
	"${T}symbol symtest_bad_value is already registered by this table"
check_fails "symtest_bad_table is not loaded" \
	grep -q '^symtest_bad_table ' /proc/modules
check "rmmod symtab" rmmod symtab
done_testing
