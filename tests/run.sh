#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Run test suites and print one summary line,
# "N passed, N failed, N skipped".
#
#   tests/run.sh [SUITE [FILTER]]...
#   T=FILTER tests/run.sh SUITE...
#
# FILTER, an extended regular expression, picks what a suite runs: the
# fixtures of genksyms (and the corpus sample files) and of explain whose
# name matches, the unit test groups of symtab (blocks, versioned_names,
# versions, resident_table, users, kernel_symvers, compress, module,
# kernel_versions, loader_installed), and none of the suite's other checks.
# After a suite, an argument that is not a suite is its filter; the suite
# sees it as $T (tests/tap.sh's `picked`).  Other suites take no filter.
#
# A suite is tests/SUITE/run.sh; it prints TAP result lines ("ok ...",
# "ok ... # SKIP reason" or "not ok ...") and exits non-zero on failure.  A
# skip is counted as a skip, never as a pass: a suite that cannot run
# something it requires says "not ok".  A suite that fails without a
# "not ok" line counts as one failure, so a crash is never silent.
#
# TEST_PREPARE, a shell command (make test's build), runs after the
# background suites have started and before the others; when it fails,
# the run stops there as one failure.
#
# Suites named in TEST_BACKGROUND (default "system" when it is among them:
# one QEMU on one core for most of its time) start at once in the
# background, beside the others; their lines are shown, and counted, in
# their place in the order.
set -u
cd "$(dirname "$0")/.."
SUITES_DEFAULT="genksyms symtab explain kabi vm kfuzz system"
SUITES_FILTERED="genksyms symtab explain"
[ $# -gt 0 ] || set -- $SUITES_DEFAULT

# The suites in order, each with its filter ("" for none).
suites=()
filters=()
for arg in "$@"; do
	if [ -x "tests/$arg/run.sh" ] || [ ${#suites[@]} -eq 0 ]; then
		suites+=("$arg")
		filters+=("")
		[[ " $SUITES_FILTERED " != *" $arg "* ]] || filters[-1]=${T:-}
	elif [[ " $SUITES_FILTERED " == *" ${suites[-1]} "* ]]; then
		filters[-1]=$arg
	else
		echo "tests/run.sh: suite ${suites[-1]} takes no filter ($arg)" >&2
		exit 2
	fi
done
background=${TEST_BACKGROUND-system}
[ ${#suites[@]} -gt 1 ] || background=

passed=0
failed=0
skipped=0
mkdir -p build/test-logs
in_background() { [[ " $background " == *" $1 "* ]]; }

# run_suite SUITE: its lines to build/test-logs/SUITE.log, its status to .rc.
run_suite() {
	local log=build/test-logs/$1.log
	"tests/$1/run.sh" >"$log" 2>&1
	echo $? >"$log.rc"
}

declare -A pid
for suite in "${suites[@]}"; do
	rm -f "build/test-logs/$suite.log.rc"
	if [ -x "tests/$suite/run.sh" ] && in_background "$suite"; then
		echo "# suite $suite started in the background"
		run_suite "$suite" &
		pid[$suite]=$!
	fi
done

if [ -n "${TEST_PREPARE:-}" ] && ! bash -c "$TEST_PREPARE"; then
	echo "not ok - the build before the tests ($TEST_PREPARE)"
	for p in "${pid[@]}"; do pkill -P "$p"; kill "$p"; done 2>/dev/null
	echo "$passed passed, 1 failed, $skipped skipped"
	exit 1
fi

for i in "${!suites[@]}"; do
	suite=${suites[i]}
	script=tests/$suite/run.sh
	if [ ! -x "$script" ]; then
		echo "not ok - suite $suite: no $script"
		failed=$((failed + 1))
		continue
	fi
	echo "# suite $suite${filters[i]:+ (only ${filters[i]})}"
	log=build/test-logs/$suite.log
	if [ -n "${pid[$suite]:-}" ]; then
		wait "${pid[$suite]}"
		cat "$log"
		rc=$(cat "$log.rc" 2>/dev/null || echo 1)
	else
		T=${filters[i]} "$script" 2>&1 | tee "$log"
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
