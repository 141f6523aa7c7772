#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Generate the benchmark modules (never hand-written):
#   bench_exp      N functions, exported both through one X() table and with
#                  EXPORT_SYMBOL_GPL, so both lookups see the same symbols
#   bench_imp      M imports declared with SYMTAB_IMPORT
#   bench_plain    the same objects, names and relocations as bench_imp
#                  (same .ko size), outside the versions section: what
#                  insmod costs without symtab's checks
#   bench_lookup   the lookup loops (its name tables come from
#                  names.h, written by kmod.sh from bench_exp's stamped CRCs)
#
#   gen-modules.sh OUTDIR [N [M]]
set -euo pipefail
out=$1 n=${2:-10000} m=${3:-1000}
mkdir -p "$out"/{bench_exp,bench_imp,bench_plain,bench_lookup}

spdx='// SPDX-License-Identifier: GPL-2.0-only'
{
	echo "$spdx"
	echo '#include <linux/module.h>'
	echo '#include <linux/ktime.h>'
	echo '#include <symtab/symtab.h>'
	echo '#include "bench_exp.h"'
	for ((i = 0; i < n; i++)); do
		echo "int bench_sym_$i(int x) { return x + $i; }"
		echo "EXPORT_SYMBOL_GPL(bench_sym_$i);"
	done
	echo 'static struct symbol_table bench_symtab = {'
	echo '#include <symtab/symtab_begin.h>'
	for ((i = 0; i < n; i++)); do echo "	X(bench_sym_$i),"; done
	echo '#include <symtab/symtab_end.h>'
	echo '};'
	cat <<'C'
static int __init bench_exp_init(void)
{
	u64 t0 = ktime_get_ns();
	int err = register_symtab(&bench_symtab);

	pr_info("bench: register %d symbols: %llu ns (err %d)\n",
		BENCH_NSYMS, ktime_get_ns() - t0, err);
	return err;
}

static void __exit bench_exp_exit(void)
{
	unregister_symtab(&bench_symtab);
}

module_init(bench_exp_init);
module_exit(bench_exp_exit);
MODULE_LICENSE("GPL");
C
} >"$out/bench_exp/bench_exp.c"
{
	echo "/* SPDX-License-Identifier: GPL-2.0-only */"
	echo "#define BENCH_NSYMS $n"
	for ((i = 0; i < n; i++)); do echo "int bench_sym_$i(int x);"; done
} >"$out/bench_exp/bench_exp.h"
cp "$out/bench_exp/bench_exp.h" "$out/bench_imp/"
echo 'obj-m := bench_exp.o' >"$out/bench_exp/Kbuild"

for kind in imp plain; do
	{
		echo "$spdx"
		echo '#include <linux/module.h>'
		echo '#include <symtab/symtab.h>'
		[ $kind = imp ] && echo '#include "bench_exp.h"'
		for ((i = 0; i < m; i++)); do
			if [ $kind = imp ]; then
				echo "SYMTAB_IMPORT(bench_sym_$i);"
			else
				# The import's bytes and symbol name lengths,
				# in a section symtab.ko does not read.
				echo "static struct symtab_import_block __plain_import__bench_sym_$i __used __aligned(8) __section(\".bench_plain\") = { .hdr = SYMTAB_ABI_HEADER_INIT(1), .rec = { .kind = SYMTAB_KIND_IMPORT, .name = \"bench_sym_$i\" } };"
				echo "static const int *const __plain_needs__bench_sym_$i __used = &symtab_abi_format;"
			fi
		done
		echo "static int __init bench_${kind}_init(void) { return 0; }"
		echo "static void __exit bench_${kind}_exit(void) { }"
		echo "module_init(bench_${kind}_init);"
		echo "module_exit(bench_${kind}_exit);"
		echo 'MODULE_LICENSE("GPL");'
	} >"$out/bench_$kind/bench_$kind.c"
	echo "obj-m := bench_$kind.o" >"$out/bench_$kind/Kbuild"
done

echo 'obj-m := bench_lookup.o' >"$out/bench_lookup/Kbuild"
cat >"$out/bench_lookup/bench_lookup.c" <<'C'
// SPDX-License-Identifier: GPL-2.0-only
/*
 * Times symtab_get()/symtab_put() by plain and by versioned name against the
 * kernel's __symbol_get()/__symbol_put() over the same resident symbols.
 */
#include <linux/module.h>
#include <linux/ktime.h>
#include <symtab/symtab.h>
#include "names.h"	/* bench_plain_names[], bench_versioned_names[] */

static int rounds = 10;
module_param(rounds, int, 0444);

static u64 time_lookups(void *(*get)(const char *), void (*put)(const char *),
			const char *const *names, int *misses)
{
	u64 t0 = ktime_get_ns();
	int r, i;

	for (r = 0; r < rounds; r++)
		for (i = 0; i < ARRAY_SIZE(bench_plain_names); i++) {
			if (get(names[i]))
				put(names[i]);
			else
				(*misses)++;
		}
	return ktime_get_ns() - t0;
}

static void *kernel_get(const char *name)
{
	return __symbol_get(name);
}

static int __init bench_lookup_init(void)
{
	int m_plain = 0, m_ver = 0, m_kernel = 0;
	u64 plain, versioned, kernel;

	kernel = time_lookups(kernel_get, __symbol_put, bench_plain_names,
			      &m_kernel);
	plain = time_lookups(symtab_get, symtab_put, bench_plain_names,
			     &m_plain);
	versioned = time_lookups(symtab_get, symtab_put,
				 bench_versioned_names, &m_ver);
	pr_info("bench: lookups %zu x %d: symbol_get %llu ns (%d missed), symtab_get plain %llu ns (%d missed), symtab_get versioned %llu ns (%d missed)\n",
		ARRAY_SIZE(bench_plain_names), rounds, kernel, m_kernel,
		plain, m_plain, versioned, m_ver);
	return 0;
}

static void __exit bench_lookup_exit(void)
{
}

module_init(bench_lookup_init);
module_exit(bench_lookup_exit);
MODULE_LICENSE("GPL");
C
