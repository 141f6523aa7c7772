# SPDX-License-Identifier: GPL-2.0-only
# The whole story on one kernel, narrated on the console: an exporter
# registers its X() table, /proc/symtab lists it, a matching consumer loads
# and calls through its imports, a consumer built against a changed header is
# refused by `symtab check` and `symtab load` (naming the struct member that
# changed) and by the kernel, and the exporter cannot be
# removed while used but can after.  The checks make the demo verify itself.
. /tests/lib.sh

say() {
	echo
	echo "### $*"
}

# show CMD...: print the command and what it printed, keep its status.
show() {
	echo "\$ $*"
	"$@" >/tmp/show.out 2>&1
	rc=$?
	sed 's/^/    /' /tmp/show.out
	cp /tmp/show.out /tmp/check.out
	return $rc
}

# show_dmesg: the new symtab lines, each once (busybox insmod retries a
# refused finit_module() with init_module(), so the kernel says it twice).
show_dmesg() {
	dmesg_new | grep -E "^(symtab|symtest)" | awk '!seen[$0]++' |
		sed "s/^/    dmesg: /"
}

# step DESC CMD...: show it; it must succeed.  step_fails: it must fail.
step() {
	desc=$1
	shift
	show "$@"
	tap $? "$desc"
}

step_fails() {
	desc=$1
	shift
	if show "$@"; then
		tap 1 "$desc"
	else
		tap 0 "$desc"
	fi
}

say "1. The registry: symtab.ko"
step "symtab.ko loads" insmod "$MODDIR/symtab.ko"

say "2. An exporter registers its X() table (CRCs written by genksyms + symtab stamp)"
show symtab dump "$MODDIR/symtest_export.ko"
step "the exporter loads and registers" insmod "$MODDIR/symtest_export.ko"
show cat /proc/symtab
check "/proc/symtab lists its three symbols" \
	[ "$(grep -c '\[symtest_export\]' /proc/symtab)" = 3 ]

say "3. A consumer built against the same header: its imports match, it loads and calls through them"
show symtab dump "$MODDIR/symtest_consumer.ko"
step "symtab check accepts it" symtab check "$MODDIR/symtest_consumer.ko"
dmesg_mark
step "the consumer loads" insmod "$MODDIR/symtest_consumer.ko"
show_dmesg
check "its calls reached the exporter" \
	[ "$(cat /sys/module/symtest_export/parameters/calls)" = 2 ]
show cat /proc/symtab_users

say "4. A consumer built against an older header (struct symtest_point had long y; now int y)"
show symtab dump "$MODDIR/symtest_stale.ko"
why="symtest_move: arg 1 -> struct symtest_point: member 'long y' changed to 'int y'"
step_fails "symtab check refuses it" symtab check "$MODDIR/symtest_stale.ko"
check_said "symtab check names symtest_move" "version mismatch for symtest_move"
check_said "symtab check names the member that changed" "$why"
step_fails "symtab load refuses it too" symtab load "$MODDIR/symtest_stale.ko"
check_said "symtab load names the member that changed" "$why"
dmesg_mark
step_fails "the kernel refuses it too" insmod "$MODDIR/symtest_stale.ko"
show_dmesg
check "dmesg has the version line" \
	sh -c 'dmesg | grep -q "symtab: symtest_stale: disagrees about version of symbol symtest_move"'

say "5. The exporter cannot be removed while used"
step_fails "rmmod symtest_export is refused" rmmod symtest_export
step_fails "symtab unload explains who uses it" symtab unload symtest_export
step "the consumer goes" rmmod symtest_consumer
step "then the exporter can go" rmmod symtest_export
show cat /proc/symtab
check "/proc/symtab is empty again" [ -z "$(cat /proc/symtab)" ]

done_testing
