# SPDX-License-Identifier: GPL-2.0-only
# /proc/symtab decides from the kernel's own kptr_restrict and
# perf_event_paranoid and the opener's credentials, never from a path: an
# unprivileged user who bind-mounts files holding 0 and -1 over the two
# sysctls in a user and mount namespace of its own still sees zeros, as in
# /proc/kallsyms; a FIFO mounted there does not block the open.
. /tests/lib.sh

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
echo 1 >/proc/sys/kernel/kptr_restrict
echo 2 >/proc/sys/kernel/perf_event_paranoid
mkdir -p /tmp/ns && chmod 1777 /tmp/ns

# as_nobody_in_ns SCRIPT: SCRIPT run by uid 65534 as root of a new user
# and mount namespace (unshare -r -m); the sysctls are bind-mounted over
# first.  Prints "sysctl ..." with what it sees of kptr_restrict there.
as_nobody_in_ns() {
	su -s /bin/sh nobody -c "echo 0 >/tmp/ns/zero; echo -1 >/tmp/ns/minus1
		exec unshare -r -m sh -c '
		mount --bind /tmp/ns/zero /proc/sys/kernel/kptr_restrict &&
		mount --bind /tmp/ns/minus1 /proc/sys/kernel/perf_event_paranoid &&
		echo sysctl \$(cat /proc/sys/kernel/kptr_restrict) &&
		$1'"
}

# has_addresses FILE-CONTENT: a line with a non-zero address.
has_addresses() {
	grep -q '^0*[1-9a-f][0-9a-f]* '
}

out=$(as_nobody_in_ns 'cat /proc/symtab; echo KALLSYMS; grep " [Tt] " /proc/kallsyms | head -20' 2>&1)
if ! echo "$out" | grep -qx 'sysctl 0'; then
	echo "$out" | head -5 | sed 's/^/# /'
	why="the bind mounts over the sysctls did not take (no unprivileged user namespaces?)"
	skip "the namespace reads kptr_restrict 0 through the path" "$why"
	skip "kallsyms in the namespace: zeros" "$why"
	skip "/proc/symtab in the namespace: zeros, as kallsyms" "$why"
else
	symtab=$(echo "$out" | sed -n '/^sysctl/,/^KALLSYMS$/p' | grep -v '^sysctl\|^KALLSYMS')
	kallsyms=$(echo "$out" | sed -n '/^KALLSYMS$/,$p' | grep -v '^KALLSYMS')
	ok "the namespace reads kptr_restrict 0 through the path"
	check_fails "kallsyms in the namespace: zeros (kernel's kptr_restrict is 1)" \
		sh -c "echo '$kallsyms' | grep -q '^0*[1-9a-f][0-9a-f]* '"
	echo "$symtab" | head -3 | sed 's/^/# symtab as nobody: /'
	if [ -n "$symtab" ] && ! echo "$symtab" | has_addresses; then
		tap 0 "/proc/symtab in the namespace: zeros, as kallsyms"
	else
		tap 1 "/proc/symtab in the namespace: zeros, as kallsyms"
	fi
fi

# Root bind-mounting a FIFO over kptr_restrict in its own mount namespace:
# opening /proc/symtab never opens the sysctl, so nothing blocks.
mkfifo /tmp/ns/fifo
check "a FIFO over kptr_restrict does not block opening /proc/symtab" \
	unshare -m sh -c 'mount --bind /tmp/ns/fifo /proc/sys/kernel/kptr_restrict &&
		timeout 10 cat /proc/symtab >/tmp/ns/fifo.out'
check "and root still sees addresses (kptr_restrict 1, CAP_SYSLOG)" \
	sh -c 'grep -q "^0*[1-9a-f][0-9a-f]* " /tmp/ns/fifo.out'

check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
