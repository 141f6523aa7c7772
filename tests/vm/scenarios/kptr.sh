# SPDX-License-Identifier: GPL-2.0-only
# /proc/symtab shows addresses exactly when /proc/kallsyms does: by
# kptr_restrict and perf_event_paranoid, for root and for an unprivileged
# reader, decided when the file is opened.
. /tests/lib.sh

# shown FILE [USER]: "yes" if FILE shows real addresses to USER (root by
# default), "no" if only zeros.
shown() {
	if [ -n "${2:-}" ]; then
		su -s /bin/sh "$2" -c "cat $1" >/tmp/shown.out 2>&1
	else
		cat "$1" >/tmp/shown.out
	fi
	if grep -q '^0*[1-9a-f][0-9a-f]* ' /tmp/shown.out; then
		echo yes
	else
		echo no
	fi
}

# Only text symbols of kallsyms: its per-cpu symbols are at 0 anyway.
grep ' [Tt] ' /proc/kallsyms | head -50 >/tmp/kallsyms.head
check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"

for paranoid in 2 1; do
	echo $paranoid >/proc/sys/kernel/perf_event_paranoid
	for k in 0 1 2; do
		echo $k >/proc/sys/kernel/kptr_restrict
		for who in root nobody; do
			u=; [ $who = root ] || u=$who
			ks=$(su -s /bin/sh ${u:-root} -c \
				"grep ' [Tt] ' /proc/kallsyms | head -50" |
				grep -c '^0*[1-9a-f][0-9a-f]* ')
			[ "$ks" -gt 0 ] && ks=yes || ks=no
			check_eq "paranoid=$paranoid kptr_restrict=$k $who: as kallsyms ($ks)" \
				"$ks" "$(shown /proc/symtab $u)"
		done
	done
done

# Decided at open: a file opened before the setting changes keeps its view.
echo 0 >/proc/sys/kernel/kptr_restrict
exec 3</proc/symtab
echo 2 >/proc/sys/kernel/kptr_restrict
check "opened under kptr_restrict=0, read under 2: addresses" \
	sh -c 'grep -q "^0*[1-9a-f][0-9a-f]* " <&3'
exec 3<&-
check_eq "opened under 2: zeros" no "$(shown /proc/symtab)"
echo 1 >/proc/sys/kernel/kptr_restrict
check "rmmod symtest_export" rmmod symtest_export
check "rmmod symtab" rmmod symtab
done_testing
