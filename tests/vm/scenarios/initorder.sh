# SPDX-License-Identifier: GPL-2.0-only
# A consumer loaded while its exporter's init runs, before that init calls
# register_symtab() (set-up first, registration last), waits for the init
# as the kernel's loader does, and loads; with no module in its init, an
# unknown name is still refused at once.
. /tests/lib.sh

uptime_cs() { awk '{ sub(/\./, "", $1); print $1 + 0 }' /proc/uptime; }

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"

# The exporter sleeps 3 s in its init before registering.
insmod "$MODDIR/symtest_export.ko" register_delay_ms=3000 &
exporter=$!
sleep 1
dmesg_mark
t0=$(uptime_cs)
check "a consumer loaded before register_symtab() waits and loads" \
	insmod "$MODDIR/symtest_consumer.ko"
t1=$(uptime_cs)
echo "# the consumer's insmod took $(( (t1 - t0) * 10 )) ms"
dmesg_new | grep symtab | sed 's/^/# dmesg: /'
wait $exporter
check_eq "the exporter loaded" 0 $?
check_dmesg "the consumer's calls reached it" \
	"symtest_consumer: add 5 move 11 value 43"
check_eq "it holds the exporter (3 imports)" 3 \
	"$(cat /sys/module/symtest_export/refcnt)"
check "rmmod symtest_consumer" rmmod symtest_consumer
check "rmmod symtest_export" rmmod symtest_export

# Registration late, then the init fails: the waiting consumer is refused.
insmod "$MODDIR/symtest_export.ko" register_delay_ms=2000 init_fail=1 \
	>/dev/null 2>&1 &
exporter=$!
sleep 1
dmesg_mark
check_insmod_fails "the exporter's init failed: refused (-ENOENT)" \
	"unknown symbol in module" symtest_consumer
wait $exporter
check "the unresolved line" sh -c \
	'dmesg | grep -q "symtab: symtest_consumer: unresolved symbol symtest_[a-z]*_R"'

# No module in its init: an unknown name is refused at once.
dmesg_mark
t0=$(uptime_cs)
check_insmod_fails "no exporter, nothing in init: refused (-ENOENT)" \
	"unknown symbol in module" symtest_consumer
t1=$(uptime_cs)
check "at once (under 2 s)" test $(( (t1 - t0) * 10 )) -lt 2000

# A module in its init that never registers the name: the consumer
# (chain_b, which imports from chain_a) waits for that init only, then is
# refused.
insmod "$MODDIR/symtest_export.ko" init_delay_ms=2000 &
other=$!
sleep 1
dmesg_mark
t0=$(uptime_cs)
check_insmod_fails "the module in init did not register it: refused" \
	"unknown symbol in module" chain_b
t1=$(uptime_cs)
echo "# refused after $(( (t1 - t0) * 10 )) ms"
wait $other
check "the unresolved line" sh -c \
	'dmesg | grep -q "symtab: chain_b: unresolved symbol chain_a_[a-z]*"'
check "rmmod symtest_export" rmmod symtest_export
check_eq "no user" "" "$(cat /proc/symtab_users)"
check "rmmod symtab" rmmod symtab
done_testing
