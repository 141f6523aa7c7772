#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# dkms POST_REMOVE: after dkms took symtab.ko away from a kernel, remove the
# Module.symvers dkms-post-build.sh put in PREFIX/lib/symtab/ for every
# kernel dkms no longer has symtab installed for, and the directories left
# empty: `apt purge symtab-dkms` (dkms remove --all) leaves nothing.  dkms
# names only the first kernel of a --all removal to its scripts, so each
# run looks at them all.
#
#   dkms-post-remove.sh PREFIX       (run by dkms in the source directory)
set -euo pipefail
prefix=${1:?usage: dkms-post-remove.sh PREFIX}
dkms_tree=${dkms_tree:-/var/lib/dkms}
lib=$prefix/lib/symtab
[ -d "$lib" ] || exit 0
for dir in "$lib"/*/; do
	[ -d "$dir" ] || continue
	kver=$(basename "$dir")
	# dkms links kernel-KVER-ARCH to the build it installed there.
	if compgen -G "$dkms_tree/symtab/kernel-$kver-*" >/dev/null; then
		continue
	fi
	rm -f "$dir/Module.symvers"
	rmdir "$dir" 2>/dev/null || true
done
rmdir "$lib" 2>/dev/null || true
