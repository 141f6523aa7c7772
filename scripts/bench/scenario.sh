# SPDX-License-Identifier: GPL-2.0-only
# Benchmark scenario, run inside the VM by scripts/bench/kmod.sh.
. /tests/lib.sh

now_ns() {
	sed -n 's/^now at \([0-9]*\) nsecs$/\1/p' /proc/timer_list
}

# time_insmod MODULE ROUNDS: nanoseconds for ROUNDS insmod+rmmod pairs.
time_insmod() {
	t0=$(now_ns)
	i=0
	while [ $i -lt "$2" ]; do
		insmod "$MODDIR/$1.ko" || return 1
		rmmod "$1"
		i=$((i + 1))
	done
	echo $(($(now_ns) - t0))
}

check "symtab.ko loads" insmod "$MODDIR/symtab.ko"
check "bench_exp registers its symbols" insmod "$MODDIR/bench_exp.ko"
check "bench_lookup runs" insmod "$MODDIR/bench_lookup.ko"
rounds=20
# Warm both once, then alternate so drift hits both alike.
insmod "$MODDIR/bench_imp.ko" && rmmod bench_imp
insmod "$MODDIR/bench_plain.ko" && rmmod bench_plain
# Three runs, each its own ratio: the report takes their median.
for pass in 1 2 3; do
	imp=$(time_insmod bench_imp $rounds)
	plain=$(time_insmod bench_plain $rounds)
	echo "bench: insmod run $pass x$rounds: with imports checked $imp ns, without $plain ns" >/dev/kmsg
done
check "bench_lookup unloads" rmmod bench_lookup
check "bench_exp unloads" rmmod bench_exp
done_testing
