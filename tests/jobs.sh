# SPDX-License-Identifier: GPL-2.0-only
# Parallel jobs with ordered output, for the suites that boot one QEMU per
# test (sourced by tests/vm/run.sh and tests/kfuzz/run.sh): a TCG guest
# keeps one core busy, so TEST_JOBS of them (default: the number of CPUs)
# run at once, and each job's lines are printed whole, in the order the
# jobs were started, so the log reads as a serial run would.
#
#   jobs_start CMD...   run CMD in the background (waits for a free slot)
#   jobs_wait           wait for all; status 1 if any job failed
jobs_max=${TEST_JOBS:-$(nproc)}
jobs_dir=$(mktemp -d)
jobs_started=0
jobs_shown=0
jobs_failed=0

# Print, in order, every finished job not printed yet.
jobs_flush() {
	local f=$jobs_dir/$jobs_shown
	while [ -e "$f.rc" ]; do
		cat "$f.out"
		[ "$(cat "$f.rc")" -eq 0 ] || jobs_failed=1
		rm -f "$f.out" "$f.rc"
		jobs_shown=$((jobs_shown + 1))
		f=$jobs_dir/$jobs_shown
	done
}

jobs_start() {
	local f=$jobs_dir/$jobs_started
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n
		jobs_flush
	done
	# The status file is written last: its presence says the job is done.
	{ "$@" >"$f.out" 2>&1; echo $? >"$f.tmp"; mv "$f.tmp" "$f.rc"; } &
	jobs_started=$((jobs_started + 1))
}

jobs_wait() {
	wait
	jobs_flush
	rm -rf "$jobs_dir"
	[ "$jobs_failed" -eq 0 ]
}
