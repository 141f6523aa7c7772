# SPDX-License-Identifier: GPL-2.0-only
# The in-kernel fuzzer, inside the test VM (busybox sh).  tests/kfuzz/vm.sh
# puts this after the lines that set
#	KFUZZ_SEED KFUZZ_MUTANTS KFUZZ_START KFUZZ_TIMEOUT KFUZZ_REGRESSIONS
# Each mutant (build/bin/kfuzz-mutate: SEED, INDEX, base module) is
# insmod'ed with the modules it needs already resident, unloaded when it
# loads (after its consumer, when it may have one), and judged: a clean
# refusal (not loaded; a "symtab:" line when only block bytes changed) or a
# correct load (listed, unloads, leaves nothing resident), never a kernel
# complaint, a hang or a lost reference.  One TAP line per base module, one
# per failed mutant; "# kfuzz ..." lines name each mutant before its load,
# so that a VM that dies names the culprit.
. /tests/lib.sh

# What the kernel must never print.
BAD='BUG[: ]|WARNING:|Oops|general protection|Kernel panic|UBSAN|KASAN|kmemleak|Call Trace|refcount_t|blocked for more than|hung_task|possible circular|possible recursive|lock held|suspicious RCU|INFO: |Unbalanced|unreferenced object'

total=0 loads=0 refusals=0 by_symtab=0 partners=0 failures=0
start=$(date +%s)

# refs: the reference counts of the resident modules and symtab, in $r,
# without a process (a fork costs under TCG).
refs() {
	r=
	for m in $residents symtab; do
		c=-
		[ -r /sys/module/$m/refcnt ] && read -r c </sys/module/$m/refcnt
		r="$r $m=$c"
	done
}

# timed CMD...: CMD in the background, watched by the watchdog, which
# kills it after KFUZZ_TIMEOUT seconds (status 137).
timed() {
	"$@" >>/tmp/kfuzz.insmod 2>&1 &
	echo "$! $b $seed $i" >/tmp/kfuzz.cur
	wait $!
	t_rc=$?
	echo idle >/tmp/kfuzz.cur
	return $t_rc
}

# The watchdog: a command of the same mutant still running after
# KFUZZ_TIMEOUT seconds is killed, and said so on the console (a task
# stuck in the kernel cannot be killed: the VM's timeout ends it then).
watchdog() {
	last= waited=0
	while sleep 5; do
		read -r cur </tmp/kfuzz.cur
		if [ "$cur" = idle ] || [ "$cur" != "$last" ]; then
			last=$cur waited=0
			continue
		fi
		waited=$((waited + 5))
		if [ $waited -ge "$KFUZZ_TIMEOUT" ]; then
			echo "# kfuzz watchdog: killing $cur after ${waited}s"
			kill -9 ${cur%% *} 2>/dev/null
		fi
	done
}

# fail WHY: the current mutant failed; what insmod and the kernel said.
fail() {
	failures=$((failures + 1))
	base_failures=$((base_failures + 1))
	not_ok "kfuzz $b seed $seed index $i: $1 [$desc]"
	sed 's/^/#   insmod: /' /tmp/kfuzz.insmod
	sed 's/^/#   dmesg: /' /tmp/kfuzz.dmesg | head -40
}

# mutant FILE: load and judge mutant $i of $seed, described by $desc.
# dmesg is empty when it starts (the last one read it with -c).
mutant() {
	echo "# kfuzz $b $seed $i $desc"
	total=$((total + 1))
	base_total=$((base_total + 1))
	refs
	before=$r
	: >/tmp/kfuzz.insmod
	timed insmod "$1"
	rc=$?
	why=
	if [ $rc -ge 124 ]; then
		why="insmod did not finish in ${KFUZZ_TIMEOUT}s (status $rc)"
	elif [ $rc -eq 0 ]; then
		loads=$((loads + 1))
		[ -d /sys/module/$b ] ||
			why="insmod succeeded but the module is not loaded"
		case $desc in
		partner=1*)
			if [ -n "$partner" ] && timed insmod "$MODDIR/$partner.ko"; then
				partners=$((partners + 1))
				timed rmmod "$partner" ||
					why="its consumer $partner loaded but does not unload"
			fi ;;
		esac
		timed rmmod "$b" || why="${why:+$why; }loaded but does not unload"
	else
		refusals=$((refusals + 1))
		[ ! -d /sys/module/$b ] || why="insmod failed but the module is loaded"
	fi
	dmesg -c >/tmp/kfuzz.dmesg
	# One pass over what the kernel said and what stays resident:
	# S a symtab: line, B a complaint, R a symbol of the mutant.
	seen=$(awk -v bad="$BAD" -v mod="$b" '
		FILENAME != "/proc/symtab" {
			if ($0 ~ /(^|\] )symtab: /) s = "S"
			if ($0 ~ bad) c = "B"
			next
		}
		$NF == "[" mod "]" { res = "R" }
		END { printf "%s%s%s", s, c, res }' /tmp/kfuzz.dmesg /proc/symtab)
	case $seen in
	*S*) [ $rc -ne 0 ] && by_symtab=$((by_symtab + 1)) ;;
	*)
		# Only block bytes changed: the loader has no reason to
		# refuse, symtab.ko must say why it does.
		if [ $rc -ne 0 ] && [ $rc -lt 124 ]; then
			case $desc in
			*class=symtab*) why="refused without a symtab: line" ;;
			esac
		fi ;;
	esac
	case $seen in *B*) why="${why:+$why; }the kernel complained" ;; esac
	case $seen in *R*) why="${why:+$why; }some of its symbols stay resident" ;; esac
	refs
	[ "$before" = "$r" ] || why="${why:+$why; }references changed:$before ->$r"
	[ -z "$why" ] || fail "$why"
}

# base NAME PARTNER RESIDENT...: the regression inputs of NAME, then
# KFUZZ_MUTANTS new ones from KFUZZ_START, made KFUZZ_BATCH at a time,
# with RESIDENT loaded first.
base() {
	b=$1 partner=$2
	shift 2
	case " ${KFUZZ_BASES:-$b} " in *" $b "*) ;; *) return ;; esac
	residents="$*"
	base_total=0 base_failures=0
	t0=$(date +%s)
	if ! kfuzz-mutate --list "$MODDIR/$b.ko" >/tmp/kfuzz.list 2>&1; then
		sed 's/^/# /' /tmp/kfuzz.list
		not_ok "kfuzz $b: the mutator finds its blocks"
		return
	fi
	for m in $residents; do
		check "kfuzz $b: insmod $m" insmod "$MODDIR/$m.ko"
	done
	dmesg -c >/dev/null
	# The residents' own imports (beta uses gamma) stay; nothing else may.
	users=$(cat /proc/symtab_users)
	echo "$KFUZZ_REGRESSIONS" | while read -r rb rseed ri rest; do
		[ "$rb" = "$b" ] && echo "$rseed $ri"
	done >/tmp/kfuzz.replay
	while read -r seed i; do
		if kfuzz-mutate "$seed" "$i" "$MODDIR/$b.ko" /tmp/kfuzz.ko \
			>/tmp/kfuzz.desc 2>&1; then
			read -r desc </tmp/kfuzz.desc
			mutant /tmp/kfuzz.ko
		else
			desc=$(cat /tmp/kfuzz.desc)
			: >/tmp/kfuzz.dmesg
			: >/tmp/kfuzz.insmod
			fail "no mutant"
		fi
	done </tmp/kfuzz.replay
	replayed=$base_total
	seed=$KFUZZ_SEED
	first=$KFUZZ_START
	end=$((KFUZZ_START + KFUZZ_MUTANTS))
	mkdir -p /tmp/kfuzz
	while [ $first -lt $end ]; do
		# Not $n: tap.sh counts results in it.
		count=$((end - first))
		[ $count -le "$KFUZZ_BATCH" ] || count=$KFUZZ_BATCH
		if ! kfuzz-mutate --batch "$seed" $first $count "$MODDIR/$b.ko" \
			/tmp/kfuzz >/tmp/kfuzz.batch 2>/tmp/kfuzz.insmod; then
			i=$first desc=
			: >/tmp/kfuzz.dmesg
			fail "no mutants"
			break
		fi
		while read -r i desc; do
			mutant /tmp/kfuzz/$i.ko
			rm -f /tmp/kfuzz/$i.ko
		done </tmp/kfuzz.batch
		first=$((first + count))
	done
	check_eq "kfuzz $b: no pins left" "$users" "$(cat /proc/symtab_users)"
	tap $base_failures "kfuzz $b: $base_total mutants ($replayed replayed) in $(($(date +%s) - t0)) s, $base_failures failed"
	for m in $(echo $residents | tr ' ' '\n' | sed '1!G;h;$!d'); do
		check "kfuzz $b: rmmod $m" rmmod "$m"
	done
	residents=
}

echo idle >/tmp/kfuzz.cur
watchdog &
watchdog_pid=$!
check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
dmesg -c >/dev/null
# Consumers against their exporter; exporters alone, then with a consumer.
# The stripped consumer last: an oops there (see regressions.txt) ends the
# VM, and the other bases have run by then.
base symtest_consumer "" symtest_export
base symtest_alpha "" symtest_gamma symtest_beta
base chain_b chain_c chain_a
base symtest_export symtest_consumer
base chain_a chain_b
base symtest_stripped "" symtest_export
check_eq "kfuzz: nothing resident afterwards" "" "$(cat /proc/symtab)"
check_eq "kfuzz: no pins afterwards" "" "$(cat /proc/symtab_users)"
check "kfuzz: rmmod symtab (no reference left)" rmmod symtab
kmemleak=/sys/kernel/debug/kmemleak
if [ -w $kmemleak ]; then
	# Objects younger than 5 s are not reported; two scans confirm.
	sleep 6
	echo scan >$kmemleak
	echo scan >$kmemleak
	check_fails "kfuzz: kmemleak finds no leak" grep -q 'unreferenced object' $kmemleak
else
	skip "kfuzz: kmemleak finds no leak" "no kmemleak in $(uname -r)"
fi
kill $watchdog_pid
secs=$(($(date +%s) - start))
echo "# kfuzz totals: kernel=$(uname -r) mutants=$total loads=$loads refusals=$refusals by_symtab=$by_symtab partners=$partners failures=$failures seconds=$secs"
done_testing
