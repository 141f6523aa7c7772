#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# VM suite: every scenario in tests/vm/scenarios/ on every installed kernel
# that symtab.ko was built for.  KVERS narrows the kernels, SCENARIOS the
# scenarios (names without .sh).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
kvers=${KVERS:-$(cd "$top/build" 2>/dev/null && for d in */kmod/symtab.ko; do
	[ -e "$d" ] && echo "${d%%/*}"; done)}
[ -n "$kvers" ] || { echo "not ok - no kernel with build/<release>/kmod/symtab.ko"; exit 1; }
n=0
for k in $kvers; do n=$((n + 1)); done
[ "$n" -ge 2 ] || echo "# only $n kernel(s): $kvers"

fail=0
for kver in $kvers; do
	for s in "$top"/tests/vm/scenarios/*.sh; do
		name=$(basename "$s" .sh)
		if [ -n "${SCENARIOS:-}" ]; then
			case " $SCENARIOS " in *" $name "*) ;; *) continue ;; esac
		fi
		"$top/scripts/vm/run.sh" "$kver" "$s" || fail=1
	done
done
exit $fail
