#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Run test suites and print one summary line,
# "N passed, N failed, N skipped".
#
#   tests/run.sh [SUITE...]
#
# A suite is tests/SUITE/run.sh; it prints TAP result lines ("ok ...",
# "ok ... # SKIP reason" or "not ok ...") and exits non-zero on failure.  A
# skip is counted as a skip, never as a pass: a suite that cannot run
# something it requires says "not ok".  A suite that fails without a
# "not ok" line counts as one failure, so a crash is never silent.
set -u
cd "$(dirname "$0")/.."
SUITES_DEFAULT="genksyms symtab explain kabi vm kfuzz system"
[ $# -gt 0 ] || set -- $SUITES_DEFAULT

passed=0
failed=0
skipped=0
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
	p=$(grep '^ok ' "$log" | grep -vc '# SKIP')
	s=$(grep '^ok ' "$log" | grep -c '# SKIP')
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - suite $suite exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
