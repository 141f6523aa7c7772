#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make demo: the whole story in a VM, on every installed kernel.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
kvers=${KVERS:-$(cd "$top/build" && for d in */kmod/symtab.ko; do
	[ -e "$d" ] && echo "${d%%/*}"; done)}
status=0
for kver in $kvers; do
	echo "=================== $kver ==================="
	VM_SHOW=1 "$top/scripts/vm/run.sh" "$kver" "$top/scripts/demo/scenario.sh" \
		"$top/build/vm-logs/$kver-demo.log" || status=1
done
exit $status
