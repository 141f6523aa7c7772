# SPDX-License-Identifier: GPL-2.0-only
# VM_SMP=2
# Stress: eight exporters and eight users loaded and unloaded in parallel
# loops for STRESS_SECONDS, while kernel threads call symtab_get() and
# symtab_put() on their symbols in tight loops and readers cat
# /proc/symtab*.  Afterwards nothing is resident, the kmalloc caches are
# back, and the log is clean (checked by the harness).
. /tests/lib.sh

STRESS_SECONDS=${STRESS_SECONDS:-60}

# cycle N: exporter N and user N in, user N and exporter N out, until told
# to stop; the exporter may be pinned by the hammer for a moment.
cycle() {
	rounds=0
	while [ ! -e /tmp/stop ]; do
		insmod "$MODDIR/symtest_sx$1.ko" 2>/dev/null
		insmod "$MODDIR/symtest_su$1.ko" 2>/dev/null
		rmmod symtest_su$1 2>/dev/null
		while ! rmmod symtest_sx$1 2>/dev/null; do
			grep -q "^symtest_sx$1 " /proc/modules || break
		done
		rounds=$((rounds + 1))
	done
	echo $rounds >/tmp/cycles.$1
}

reader() {
	while [ ! -e /tmp/stop ]; do
		cat /proc/symtab /proc/symtab_users >/dev/null
	done
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
# Warm the caches the loops use before counting.
check "warm-up" sh -c "insmod $MODDIR/symtest_sx0.ko && insmod $MODDIR/symtest_su0.ko && rmmod symtest_su0 symtest_sx0"
before=$(kmalloc_objs)

check "insmod symtest_hammer" insmod "$MODDIR/symtest_hammer.ko" threads=4
rm -f /tmp/stop
for i in 0 1 2 3 4 5 6 7; do
	cycle $i &
done
reader &
reader &
sleep "$STRESS_SECONDS"
touch /tmp/stop
wait
total=0
for i in 0 1 2 3 4 5 6 7; do
	total=$((total + $(cat /tmp/cycles.$i)))
done
echo "# $total load/unload cycles in ${STRESS_SECONDS}s"
check "every loop cycled" [ "$total" -ge 8 ]
dmesg_mark
check "rmmod symtest_hammer" rmmod symtest_hammer
check "the hammer found symbols" sh -c \
	'dmesg | grep -q "symtest_hammer: [1-9][0-9]* symtab_get() calls found a symbol"'
dmesg | grep 'symtest_hammer:' | sed 's/^/# /'

check_eq "no stress module left" "" \
	"$(grep '^symtest_s[xu]' /proc/modules)"
check_eq "nothing resident" "" "$(cat /proc/symtab)"
check_eq "no user" "" "$(cat /proc/symtab_users)"
after=$(kmalloc_objs)
echo "# kmalloc objects: $before before, $after after"
check "kmalloc objects grew by less than 100" [ $((after - before)) -lt 100 ]
check "rmmod symtab" rmmod symtab
done_testing
