# SPDX-License-Identifier: GPL-2.0-only
# First boot, on the image's 6.1 kernel: the packages, dkms, modprobe, the
# user's dkms packages, a chain loaded and unloaded by modprobe, a stale
# consumer refused (the part `make test` runs).  Leaves
# /etc/modules-load.d/symtest.conf for the next boot.
STAGE=install
. "${SYMTAB_XCHG:-/mnt/xchg}/stages/lib.sh"
if flow_packages && flow_user_pkgs; then
	flow_chain
	flow_stale
	echo symtest_consumer >/etc/modules-load.d/symtest.conf
fi
flow_kernel_log
tap_plan
[ "$failed" -eq 0 ]
