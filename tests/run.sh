#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Run test suites and print one summary line, "N passed, N failed".
#
#   tests/run.sh [SUITE...]
#
# A suite is tests/SUITE/run.sh; it prints TAP result lines ("ok ..." or
# "not ok ...") and exits non-zero on failure.  A suite that fails without
# a "not ok" line counts as one failure, so a crash is never silent.
set -u
cd "$(dirname "$0")/.."
SUITES_DEFAULT="genksyms symtab explain vm"
[ $# -gt 0 ] || set -- $SUITES_DEFAULT

passed=0
failed=0
mkdir -p build/test-logs
for suite in "$@"; do
	script=tests/$suite/run.sh
	if [ ! -x "$script" ]; then
		echo "not ok - suite $suite: no $script"
		failed=$((failed + 1))
		continue
	fi
	echo "# suite $suite"
	log=build/test-logs/$suite.log
	"$script" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - suite $suite exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
