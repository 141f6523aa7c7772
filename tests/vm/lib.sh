# SPDX-License-Identifier: GPL-2.0-only
# Checks for scenarios run inside the test VM (busybox sh).  Source it:
#	. /tests/lib.sh
# Modules are in $MODDIR; each check prints "ok N - what" or "not ok N - what"
# with the suites' own helpers (tests/tap.sh: tap STATUS DESCRIPTION, and
# its counters $n and $failed, which scenarios leave alone).

. /tests/tap.sh
MODDIR=/lib/modules/$(uname -r)/extra

# check DESC CMD...: passes when CMD succeeds.
check() {
	desc=$1
	shift
	"$@" >/tmp/check.out 2>&1
	rc=$?
	[ $rc -eq 0 ] || sed 's/^/# /' /tmp/check.out
	tap $rc "$desc"
}

# check_fails DESC CMD...: passes when CMD fails.
check_fails() {
	desc=$1
	shift
	if "$@" >/tmp/check.out 2>&1; then
		sed 's/^/# /' /tmp/check.out
		tap 1 "$desc"
	else
		tap 0 "$desc"
	fi
}

# check_eq DESC EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		tap 0 "$1"
	else
		echo "# expected: $2"
		echo "#      got: $3"
		tap 1 "$1"
	fi
}

# Output of the last check/check_fails command (stdout and stderr).
last_output() {
	cat /tmp/check.out
}

# check_said DESC TEXT: the last check's command printed TEXT (fixed string).
check_said() {
	if grep -qF -- "$2" /tmp/check.out; then
		tap 0 "$1"
	else
		echo "# wanted output containing: $2"
		sed 's/^/# got: /' /tmp/check.out
		tap 1 "$1"
	fi
}

# dmesg_mark: later dmesg_* calls look only at lines logged after it.
dmesg_mark() {
	t_dmesg_lines=$(dmesg | wc -l)
}

dmesg_new() {
	dmesg | tail -n +$((${t_dmesg_lines:-0} + 1)) | sed 's/^\[[ 0-9.]*\] //'
}

# check_dmesg DESC LINE: LINE (exact, timestamp stripped) was logged since
# the last dmesg_mark.
check_dmesg() {
	if dmesg_new | grep -qxF -- "$2"; then
		tap 0 "$1"
	else
		echo "# wanted dmesg line: $2"
		dmesg_new | sed 's/^/# dmesg: /'
		tap 1 "$1"
	fi
}

# check_only_match DESC PATTERN: the one distinct "symtab: " line logged
# since the last dmesg_mark matches PATTERN, a basic regular expression for
# the whole line (busybox insmod retries a failed load: lines come twice).
check_only_match() {
	t_lines=$(dmesg_new | grep '^symtab: ' | sort -u)
	if echo "$t_lines" | grep -qx -- "$2" &&
		[ "$(echo "$t_lines" | wc -l)" -eq 1 ]; then
		tap 0 "$1"
	else
		echo "# wanted one line matching: $2"
		echo "$t_lines" | sed 's/^/# got: /'
		tap 1 "$1"
	fi
}

# check_insmod_fails DESC ERRNO-TEXT MODULE [PARAMS]: insmod refuses with
# that error (busybox prints strerror, e.g. "Invalid argument").
check_insmod_fails() {
	desc=$1 want=$2 mod=$3
	shift 3
	if insmod "$MODDIR/$mod.ko" "$@" >/tmp/check.out 2>&1; then
		rmmod "$mod" 2>/dev/null
		tap 1 "$desc (it loaded)"
	elif grep -qF -- "$want" /tmp/check.out; then
		tap 0 "$desc"
	else
		sed 's/^/# /' /tmp/check.out
		tap 1 "$desc (wanted '$want')"
	fi
}

# kmalloc_objs: objects in use in every kmalloc cache, for leak checks.
kmalloc_objs() {
	sleep 1
	# Empty the caches' per-CPU and KASAN quarantine lists first: freed
	# objects waiting there still count as in use.
	for f in /sys/kernel/slab/kmalloc-*/shrink; do
		[ -w "$f" ] && echo 1 >"$f"
	done
	awk '$1 ~ /kmalloc-/ { n += $2 } END { print n }' /proc/slabinfo
}

# done_testing: exit status for the harness.
done_testing() {
	echo "# $n checks, $failed failed"
	[ "$failed" -eq 0 ]
}
