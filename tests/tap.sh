# SPDX-License-Identifier: GPL-2.0-only
# TAP result lines for the suites' run.sh, which source this file, and for
# the VM scenarios (tests/vm/lib.sh), which source it inside the guest: so
# it stays POSIX sh as busybox runs it (`local` included).
#
#   ok DESCRIPTION             "ok N - DESCRIPTION"
#   not_ok DESCRIPTION         "not ok N - DESCRIPTION", counted in $failed
#   expect DESCRIPTION CMD...  ok if CMD succeeds, else not ok
#   tap STATUS DESCRIPTION     ok if STATUS is 0, else not ok
#   skip DESCRIPTION WHY       "ok N - DESCRIPTION # SKIP WHY": counted as
#                              skipped, never as passed
#   tap_plan                   "1..N", the plan, after the last test
#   picked NAME                true unless $T (tests/run.sh SUITE FILTER)
#                              is set and NAME does not match it (an
#                              extended regular expression)
#
# $n is the number of results so far, $failed the number of failures; a
# suite ends with `[ "$failed" -eq 0 ]` so that its exit status says it too.
# tests/run.sh adds up the lines of every suite.
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
expect() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
tap() { if [ "$1" -eq 0 ]; then ok "$2"; else not_ok "$2"; fi; }
skip() { ok "$1 # SKIP $2"; }
tap_plan() { echo "1..$n"; }
picked() { [ -z "${T:-}" ] || printf '%s\n' "$1" | grep -qE -- "$T"; }
