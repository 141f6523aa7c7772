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
#
# Suites named in TEST_BACKGROUND (default "system" when it is among them:
# one QEMU on one core for most of its time) start at once in the
# background, beside the others; their lines are shown, and counted, in
# their place in the order.
set -u
cd "$(dirname "$0")/.."
SUITES_DEFAULT="genksyms symtab explain kabi vm kfuzz system"
[ $# -gt 0 ] || set -- $SUITES_DEFAULT
background=${TEST_BACKGROUND-system}
[ $# -gt 1 ] || background=

passed=0
failed=0
skipped=0
mkdir -p build/test-logs
in_background() { case " $background " in *" $1 "*) true ;; *) false ;; esac; }

# run_suite SUITE: its lines to build/test-logs/SUITE.log, its status to .rc.
run_suite() {
	local log=build/test-logs/$1.log
	"tests/$1/run.sh" >"$log" 2>&1
	echo $? >"$log.rc"
}

declare -A pid
for suite in "$@"; do
	rm -f "build/test-logs/$suite.log.rc"
	if [ -x "tests/$suite/run.sh" ] && in_background "$suite"; then
		echo "# suite $suite started in the background"
		run_suite "$suite" &
		pid[$suite]=$!
	fi
done

for suite in "$@"; do
	script=tests/$suite/run.sh
	if [ ! -x "$script" ]; then
		echo "not ok - suite $suite: no $script"
		failed=$((failed + 1))
		continue
	fi
	echo "# suite $suite"
	log=build/test-logs/$suite.log
	if [ -n "${pid[$suite]:-}" ]; then
		wait "${pid[$suite]}"
		cat "$log"
		rc=$(cat "$log.rc" 2>/dev/null || echo 1)
	else
		"$script" 2>&1 | tee "$log"
		rc=${PIPESTATUS[0]}
	fi
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
