# SPDX-License-Identifier: GPL-2.0-only
# A consumer waiting for its exporter's init waits outside the module
# notifier chain: meanwhile a module that registers a module notifier in
# its init (a writer of the chain's rwsem) loads at once, so does a plain
# module, and the exporter's own LIVE notification gets through, so the
# consumer loads.  (Waiting inside the chain, all three stalled until the
# consumer gave up with -EBUSY.)
. /tests/lib.sh

uptime_cs() { awk '{ sub(/\./, "", $1); print $1 + 0 }' /proc/uptime; }

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "init_wait=20" sh -c 'echo 20 >/sys/module/symtab/parameters/init_wait'

# wait_until DESC CMD...: poll CMD (0.2 s) for at most 20 s.
wait_until() {
	desc=$1
	shift
	i=0
	while ! "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 100 ] || { tap 1 "$desc"; return 1; }
		sleep 0.2
	done
	tap 0 "$desc"
}

# The exporter sleeps 8 s in its init, after registering (a slow TCG
# machine may take seconds to load the consumer).
t0=$(uptime_cs)
insmod "$MODDIR/symtest_export.ko" init_delay_ms=8000 &
exporter=$!
wait_until "the exporter is in its init, its table registered" \
	grep -q symtest_add /proc/symtab
dmesg_mark
(insmod "$MODDIR/symtest_consumer.ko"; echo $? >/tmp/rc.consumer
	echo $(uptime_cs) >/tmp/t.consumer) &
consumer=$!
wait_until "the consumer is loading, waiting for it" \
	grep -q '^symtest_consumer .*Loading' /proc/modules
sleep 0.5

# Registering a notifier takes the chain's rwsem for writing; a plain
# module's COMING notification, started meanwhile, takes it for reading.
t1=$(uptime_cs)
(insmod "$MODDIR/symtest_notifier.ko"; echo $? >/tmp/rc.notifier
	echo $(uptime_cs) >/tmp/t.notifier) &
notifier=$!
sleep 0.3
t2=$(uptime_cs)
check "a plain module loads meanwhile" insmod "$MODDIR/plain_export.ko"
t3=$(uptime_cs)
ms=$(( (t3 - t2) * 10 ))
echo "# insmod plain_export took $ms ms"
check "... at once (under 2 s)" test "$ms" -lt 2000
wait $notifier
check_eq "a module registering a module notifier in its init loads" 0 \
	"$(cat /tmp/rc.notifier)"
ms=$(( ($(cat /tmp/t.notifier) - t1) * 10 ))
echo "# insmod symtest_notifier took $ms ms while the consumer waited"
check "... without waiting for the consumer (under 2 s)" test "$ms" -lt 2000

t1=$(uptime_cs)
check "rmmod symtest_notifier (unregisters) meanwhile" rmmod symtest_notifier
t2=$(uptime_cs)
echo "# rmmod symtest_notifier took $(( (t2 - t1) * 10 )) ms"

wait $exporter
check_eq "the exporter loaded" 0 $?
wait $consumer
check_eq "the consumer loaded once the exporter's init finished" 0 \
	"$(cat /tmp/rc.consumer)"
echo "# the consumer loaded $(( ($(cat /tmp/t.consumer) - t0) * 10 )) ms after the exporter started"
dmesg_new | grep symtab | sed 's/^/# dmesg: /'
check_dmesg "its calls reached the exporter" \
	"symtest_consumer: add 5 move 11 value 43"
check_fails "nobody gave up waiting" sh -c 'dmesg | grep -q "gave up waiting"'
check "rmmod symtest_consumer" rmmod symtest_consumer
check "rmmod symtest_export plain_export" rmmod symtest_export plain_export
check "rmmod symtab" rmmod symtab
done_testing
