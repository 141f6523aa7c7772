# SPDX-License-Identifier: GPL-2.0-only
# A consumer loaded while its exporter is still in its init waits for it,
# as the kernel's loader does (up to symtab.init_wait seconds, 30 by
# default): it loads once the init succeeds, fails -ENOENT if the init
# fails, and -EBUSY if the init never finishes in time.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check_eq "init_wait defaults to 30 s" 30 \
	"$(cat /sys/module/symtab/parameters/init_wait)"

# The exporter sleeps 3 s in its init; the consumer arrives meanwhile.
insmod "$MODDIR/symtest_export.ko" init_delay_ms=3000 &
exporter=$!
sleep 1
dmesg_mark
check "the consumer waits for the exporter's init and loads" \
	insmod "$MODDIR/symtest_consumer.ko"
wait $exporter
check_eq "the exporter loaded" 0 $?
check_dmesg "the consumer's calls reached it" \
	"symtest_consumer: add 5 move 11 value 43"
check "rmmod symtest_consumer" rmmod symtest_consumer
check "rmmod symtest_export" rmmod symtest_export

# Two consumers at once, like udev: both wait, both load.
insmod "$MODDIR/symtest_export.ko" init_delay_ms=2000 &
exporter=$!
sleep 1
for m in symtest_consumer symtest_stripped; do
	(insmod "$MODDIR/$m.ko"; echo $? >/tmp/rc.$m) &
done
wait
check_eq "consumer loaded in parallel" 0 "$(cat /tmp/rc.symtest_consumer)"
check_eq "stripped consumer loaded in parallel" 0 "$(cat /tmp/rc.symtest_stripped)"
check_eq "both hold the exporter (6 imports)" 6 \
	"$(cat /sys/module/symtest_export/refcnt)"
check "rmmod the users" rmmod symtest_consumer symtest_stripped
check "rmmod symtest_export" rmmod symtest_export

# The exporter's init fails after 2 s: the waiting consumer is refused.
insmod "$MODDIR/symtest_export.ko" init_delay_ms=2000 init_fail=1 \
	>/dev/null 2>&1 &
exporter=$!
sleep 1
dmesg_mark
check_insmod_fails "exporter's init failed: -ENOENT" \
	"unknown symbol in module" symtest_consumer
wait $exporter
check_fails "the exporter did not load" grep -q '^symtest_export ' /proc/modules
check "the unresolved line" sh -c \
	'dmesg | grep -q "symtab: symtest_consumer: unresolved symbol symtest_[a-z]*_R"'

# An init that does not finish in init_wait seconds: -EBUSY (busybox
# insmod tries twice: 12 s leaves room for both waits on a slow kernel).
check "init_wait=2" sh -c 'echo 2 >/sys/module/symtab/parameters/init_wait'
insmod "$MODDIR/symtest_export.ko" init_delay_ms=12000 &
exporter=$!
sleep 1
dmesg_mark
check_insmod_fails "an init that takes too long: -EBUSY" \
	"Device or resource busy" symtest_consumer
check_dmesg "the kernel's words" \
	"symtab: symtest_consumer: gave up waiting for init of module symtest_export."
wait $exporter
check_eq "the exporter loaded in the end" 0 $?
check "now the consumer loads" insmod "$MODDIR/symtest_consumer.ko"
check "rmmod symtest_consumer" rmmod symtest_consumer
check "rmmod symtest_export" rmmod symtest_export
check_eq "nothing resident" "" "$(cat /proc/symtab)"
check_eq "no user" "" "$(cat /proc/symtab_users)"
check "rmmod symtab" rmmod symtab
done_testing
