# SPDX-License-Identifier: GPL-2.0-only
# register_symtab() with malformed tables: each is refused as a whole
# (-ENOEXEC, or -EEXIST for a name twice in one table) with one line
# saying why, and nothing becomes resident.  busybox insmod retries a
# failed load, so each line is logged twice: one distinct line is wanted.
. /tests/lib.sh

# refused VARIANT ERRNO-TEXT LINE-PATTERN: a basic regular expression for
# the whole dmesg line, timestamp stripped.
refused() {
	dmesg_mark
	check_insmod_fails "variant=$1 refused ($2)" "$2" \
		symtest_bad_table variant="$1"
	lines=$(dmesg_new | grep '^symtab: ' | sort -u)
	if echo "$lines" | grep -qx -- "$3" &&
		[ "$(echo "$lines" | wc -l)" -eq 1 ]; then
		t_result 0 "variant=$1: one line saying why"
	else
		echo "# wanted one line matching: $3"
		echo "$lines" | sed 's/^/# got: /'
		t_result 1 "variant=$1: one line saying why"
	fi
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
refused outside "invalid module format" \
	"${T}table outside_table \[symtest_bad_table\]: symbol jiffies at jiffies+0x0/0x[0-9a-f]* is outside the module"
refused twice "File exists" \
	"${T}symbol symtest_bad_value is already registered by symtest_bad_table"
check_fails "symtest_bad_table is not loaded" \
	grep -q '^symtest_bad_table ' /proc/modules
check "rmmod symtab" rmmod symtab
done_testing
