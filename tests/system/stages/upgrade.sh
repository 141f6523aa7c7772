# SPDX-License-Identifier: GPL-2.0-only
# Second boot, still on 6.1: the chain /etc/modules-load.d loaded, then the
# 6.12 kernel package installed from the archive (apt's cache in the image,
# which holds what it depends on, not what it recommends: apparmor):
# dkms rebuilds symtab.ko and the user's modules for it, and symtab check
# -k says, before the reboot, what will load there and what will not.
# Leaves the new kernel and initrd in out/boot/ for the host to boot.
STAGE=upgrade
. "${SYMTAB_XCHG:-/mnt/xchg}/stages/lib.sh"
flow_boot_chain
timed "apt-get install linux-image-6.12-amd64 linux-headers-6.12-amd64 (dkms rebuilds)" \
	apt-get install -y -q --no-download --no-install-recommends \
	linux-image-6.12-amd64 linux-headers-6.12-amd64
new=$(cd /lib/modules && ls -d 6.12* 2>/dev/null | sort -V | tail -1)
if [ -z "$new" ]; then
	not_ok "a 6.12 kernel is installed"
else
	flow_dkms_for "$new"
	e=$(modinfo -k "$new" -n symtest_export) c=$(modinfo -k "$new" -n symtest_consumer)
	s=$(modinfo -k "$new" -n symtest_stale)
	run "symtab check -k $new: the exporter and consumer will load" \
		symtab check -k "$new" "$e" "$c"
	symtab check -k "$new" "$e" "$s" >"$X/out/check-k.out" 2>&1
	rc=$?
	tap "$([ $rc -eq 1 ] && echo 0 || echo 1)" "symtab check -k $new: the stale consumer will not (status $rc)"
	run "symtab check -k $new names the member" \
		grep -qF "member 'long y' changed to 'int y'" "$X/out/check-k.out"
	t0=$(date +%s)
	symtab check -a -k "$new" >"$X/out/check-a.out" 2>&1
	rc=$?
	ok "symtab check -a -k $new (status $rc, $(($(date +%s) - t0)) s): $(tail -1 "$X/out/check-a.out")"
	run "symtab check -a -k $new finds the stale consumer" grep -q symtest_stale "$X/out/check-a.out"
	mkdir -p "$X/out/boot"
	cp "/boot/vmlinuz-$new" "/boot/initrd.img-$new" "$X/out/boot/" &&
		echo "$new" >"$X/out/boot/release"
	run "the new kernel and initrd handed to the host" [ -s "$X/out/boot/release" ]
fi
flow_kernel_log
tap_plan
[ "$failed" -eq 0 ]
