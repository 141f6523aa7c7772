#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# How much of a flavor's Module.symvers an extraction reproduced:
#   verify.sh OUT HDR
# prints "reproduced R of T exports (D differ, M missing, X extra)" and,
# below it, each export that differs, is missing or is extra, one a line
# ("differs NAME MODULE", "missing NAME MODULE", "extra NAME MODULE"),
# and each reproduced one whose kind or namespace column is not the
# flavor's ("kind NAME MODULE RECORDED COMPUTED", the two columns joined
# by '/').  Exit 0 when all T are reproduced, alike, and nothing is extra.
set -euo pipefail
out=${1:?usage: verify.sh OUT HDR}
hdr=${2:?usage: verify.sh OUT HDR}
tab=$(printf '\t')
key() { awk -F'\t' '{ print $2 "\t" $1 "\t" $3 "\t" $4 "/" $5 }' "$1" | sort -t "$tab" -k1,1; }
join -t "$tab" -a 1 -a 2 -e '-' -o 0,1.2,1.3,2.2,2.3,1.4,2.4 \
	<(key "$hdr/Module.symvers") <(key "$out/Module.symvers") |
awk -F'\t' '
	$4 == "-" { print "missing", $1, $3; m++; next }
	$2 == "-" { print "extra", $1, $5; x++; next }
	$2 != $4 { print "differs", $1, $3; d++; next }
	$6 != $7 { print "kind", $1, $3, $6, $7; k++ }
	{ r++ }
	END {
		printf "reproduced %d of %d exports (%d differ, %d missing, %d extra; %d of another kind or namespace)\n",
			r, r + d + m, d, m, x, k > "/dev/stderr"
		exit !(d + m + x + k == 0)
	}' | sort
