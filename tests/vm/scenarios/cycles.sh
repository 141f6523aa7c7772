# SPDX-License-Identifier: GPL-2.0-only
# 200 load/unload cycles of the exporter, a consumer and a symtab_get()
# user: every cycle allocates symtab.ko's table, two client records and a
# pin record, so a leak of any of them grows the kmalloc caches by at least
# 200 objects.  After warm-up cycles, growth must stay under 100 objects
# (half a leaked object per cycle), which absorbs deferred RCU frees and
# the little the idle busybox system allocates meanwhile.
. /tests/lib.sh

CYCLES=200

cycle() {
	insmod "$MODDIR/symtest_export.ko" &&
	insmod "$MODDIR/symtest_consumer.ko" &&
	insmod "$MODDIR/symtest_getput.ko" name=symtest_add &&
	rmmod symtest_getput &&
	rmmod symtest_consumer &&
	rmmod symtest_export
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
i=0
while [ $i -lt 5 ] && cycle; do
	i=$((i + 1))
done
check_eq "5 warm-up cycles" 5 $i

before=$(kmalloc_objs)
free_before=$(awk '/^MemFree:/ { print $2 }' /proc/meminfo)
i=0
while [ $i -lt $CYCLES ] && cycle; do
	i=$((i + 1))
done
check_eq "$CYCLES load/unload cycles" $CYCLES $i
after=$(kmalloc_objs)
free_after=$(awk '/^MemFree:/ { print $2 }' /proc/meminfo)
echo "# kmalloc objects: $before before, $after after"
echo "# MemFree: $free_before kB before, $free_after kB after"
check "kmalloc objects grew by less than 100" [ $((after - before)) -lt 100 ]
check_eq "nothing resident" "" "$(cat /proc/symtab)"
check_eq "no user" "" "$(cat /proc/symtab_users)"
check "rmmod symtab" rmmod symtab
done_testing
