# SPDX-License-Identifier: GPL-2.0-only
# The userspace tools' malformed-block cases (tests/symtab/malformed.cases),
# applied to the symtest_alpha module at build time: the kernel refuses
# each damaged module with one line that says what the tools say, and
# nothing of it stays.  The undamaged module loads.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_gamma" insmod "$MODDIR/symtest_gamma.ko"
check "insmod symtest_beta" insmod "$MODDIR/symtest_beta.ko"

cases=0
while IFS='|' read -r name ops message; do
	name=$(echo $name)
	case $name in '' | '#'*) continue ;; esac
	[ -e "$MODDIR/alpha_$name.ko" ] || continue
	message=$(echo "$message" | sed 's/^ *//; s/ *$//')
	cases=$((cases + 1))
	dmesg_mark
	check_fails "$name: refused" insmod "$MODDIR/alpha_$name.ko"
	lines=$(dmesg_new | grep '^symtab: symtest_alpha: ' | sort -u)
	if [ "$(echo "$lines" | wc -l)" -eq 1 ] &&
		echo "$lines" | grep -q "malformed .*$(echo "$message" | sed 's/[][.*^$]/\\&/g')"; then
		tap 0 "$name: one line saying: $message"
	else
		echo "$lines" | sed 's/^/# got: /'
		tap 1 "$name: one line saying: $message"
	fi
	check_fails "$name: not loaded" grep -q '^symtest_alpha ' /proc/modules
	check_fails "$name: nothing of it resident" grep -q 'alpha_' /proc/symtab
done </tests/malformed.cases
check "at least 15 cases ran" [ "$cases" -ge 15 ]

check "the undamaged module loads" insmod "$MODDIR/symtest_alpha.ko"
check "its symbols are resident" grep -q ' alpha_func_R' /proc/symtab
check "rmmod symtest_alpha symtest_beta symtest_gamma" \
	rmmod symtest_alpha symtest_beta symtest_gamma
check "rmmod symtab" rmmod symtab
done_testing
