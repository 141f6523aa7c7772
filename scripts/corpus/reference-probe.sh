#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Run a genksyms with -w -r against a reference that differs from the input
# in one struct (a member added to the first struct of its -T dump), so that
# every symbol using it reports a modversion change: prints the messages
# (stderr) and the exit status.
#
#   scripts/corpus/reference-probe.sh GENKSYMS FILE.i FILE.symtypes
set -uo pipefail
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
awk '!done && /^s#[^ ]* struct [^ ]* \{ .* \} $/ && !/UNKNOWN/ {
	sub(/\} $/, "int symtab_probe ; } "); done = 1 } { print }' "$3" >"$tmp"
"$1" -w -r "$tmp" <"$2" 2>&1 >/dev/null
echo $?
