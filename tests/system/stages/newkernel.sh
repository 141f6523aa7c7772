# SPDX-License-Identifier: GPL-2.0-only
# Third boot, on the 6.12 kernel the upgrade installed: the chain loaded at
# boot, modprobe and modprobe -r, the stale consumer refused, all from the
# modules dkms rebuilt (compressed); then both packages purged, and nothing
# of symtab left.
STAGE=newkernel
. "${SYMTAB_XCHG:-/mnt/xchg}/stages/lib.sh"
run "running the upgraded kernel ($rel)" sh -c "case $rel in 6.12*) ;; *) false ;; esac"
flow_boot_chain
flow_dkms_for "$rel"
flow_chain
flow_stale
flow_kernel_log
flow_purge
tap_plan
[ "$failed" -eq 0 ]
