# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/symtab/run.sh: modprobe and symtab modules, offline.
# For each kernel with headers, the chain test modules (chain_a exports,
# chain_b imports from it and exports, chain_c imports from chain_b) are
# built with scripts/kbuild/build-module.sh, installed into a root of
# their own (chain_b compressed, as dkms installs for 6.12), and depmod and
# modprobe -d ROOT -S RELEASE read them: --show-depends must plan symtab,
# then each exporter, then its consumer.  Nothing installed on this
# machine is read (SYMTAB_MODULES_DIR is always given).  Loading and
# modprobe -r need a running kernel: tests/vm covers those.

sd_build() { # KVER SRC OUT [VAR=value...]: build-module.sh, output in $work/err
	local k=$1 src=$2 out=$3
	shift 3
	env SYMTAB_KCFLAGS="-I$top/tests/modules/include" "$@" \
		nice "$top/scripts/kbuild/build-module.sh" "$k" "$src" "$out" \
		>"$work/out" 2>"$work/err"
	rc=$?
	grep -v -e BTF -e VERSIONED "$work/err" >"$work/err.kept"
	mv "$work/err.kept" "$work/err"
}

# The modules --show-depends plans for NAME, each once, in order.
sd_plan() { # ROOT KVER NAME
	modprobe -d "$1" -S "$2" --show-depends "$3" 2>/dev/null |
		awk '$1 == "insmod" { n = split($2, p, "/"); m = p[n]
			sub(/\.ko.*/, "", m); if (!(m in seen)) print m; seen[m] = 1 }' |
		tr '\n' ' '
}

sd_depmod() { # ROOT KVER
	depmod -b "$1" "$2" 2>&1 | grep -v 'WARNING: could not open modules\.'
	[ -s "$1/lib/modules/$2/modules.dep" ]
}

softdep_kernel() { # KVER
	local k=$1 d=$work/softdep-$1 want got warn ko sum1
	local root=$d/root ext=$d/root/lib/modules/$1/extra
	mkdir -p "$d" "$ext"
	if ! make -s -C "$top" kmod KVERS="$k" >"$d/kmod.log" 2>&1; then
		sed 's/^/#   /' "$d/kmod.log" | tail -20
		not_ok "softdep $k: build symtab.ko"
		return
	fi

	sd_build "$k" "$top/tests/modules/chain_a" "$d/chain_a" \
		SYMTAB_MODULES_DIR=none
	expect "softdep $k: build the exporter chain_a" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	"$top/build/bin/symtab" dump "$d/chain_a/chain_a.ko" |
		awk '$3 == "export" { printf "%s\t%s\tchain_a\tsymtab\n", $1, $2 }' \
		>"$d/chain_a.want"
	expect "softdep $k: its Module.symtab records its export, with the CRC stamped" \
		sh -c "[ -s '$d/chain_a.want' ] && diff -u '$d/chain_a.want' '$d/chain_a/Module.symtab' >&2"

	# Records from a given directory (SYMTAB_EXTRA_SYMBOLS).
	sd_build "$k" "$top/tests/modules/chain_b" "$d/chain_b" \
		SYMTAB_MODULES_DIR=none SYMTAB_EXTRA_SYMBOLS="$d/chain_a"
	expect "softdep $k: build chain_b with chain_a's records given: no warning" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	ko=$d/chain_b/chain_b.ko
	expect "softdep $k: modinfo -F softdep chain_b: pre: chain_a" \
		sh -c "[ \"\$(modinfo -F softdep '$ko')\" = 'pre: chain_a' ]"
	expect "softdep $k: symtab is not named: it is a dependency already (depends=symtab)" \
		sh -c "modinfo -F depends '$ko' | grep -qx symtab"
	expect "softdep $k: what symtab added is kept apart (symtab_softdep=chain_a)" \
		sh -c "[ \"\$(modinfo -F symtab_softdep '$ko')\" = chain_a ]"
	expect "softdep $k: the module is still whole: readelf, its records" \
		sh -c "readelf -SW '$ko' >/dev/null 2>'$d/readelf.err' && [ ! -s '$d/readelf.err' ] && '$top/build/bin/symtab' dump '$ko' | grep -qP '^0x[0-9a-f]{8}\tchain_a_value\timport$'"

	# Stamping again with the same records changes nothing; the ASan
	# build too.
	sum1=$(sum "$ko")
	for tool in "$top/build/bin/symtab" "$top/build/san/symtab"; do
		run "$tool" stamp -e "$d/chain_b/Module.symtab" -e "$d/chain_a/Module.symtab" \
			"$ko" "$d/chain_b/chain_b.symvers"
		expect "softdep $k ${tool##*/build/}: stamp -e again leaves the module as it was" \
			sh -c "[ $rc = 0 ] && [ \"\$(sha256sum <'$ko')\" = '$sum1' ]"
		clean_exit || not_ok "softdep $k ${tool##*/build/}: sanitizer report"
	done

	# Installed modules as records: chain_b compressed, as dkms installs
	# them for Debian's 6.12; then chain_c finds its exporter there.
	cp "$top/build/$k/kmod/symtab.ko" "$d/chain_a/chain_a.ko" "$ext/"
	xz -c "$ko" >"$ext/chain_b.ko.xz"
	expect "softdep $k: depmod -b of the root" sd_depmod "$root" "$k"
	expect "softdep $k: modules.softdep: softdep chain_b pre: chain_a" \
		grep -qx 'softdep chain_b pre: chain_a' "$root/lib/modules/$k/modules.softdep"
	sd_build "$k" "$top/tests/modules/chain_c" "$d/chain_c" \
		SYMTAB_MODULES_DIR="$root/lib/modules/$k"
	expect "softdep $k: build chain_c against the installed modules: no warning" \
		sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
	expect "softdep $k: modinfo -F softdep chain_c: pre: chain_b (found in chain_b.ko.xz)" \
		sh -c "[ \"\$(modinfo -F softdep '$d/chain_c/chain_c.ko')\" = 'pre: chain_b' ]"
	cp "$d/chain_c/chain_c.ko" "$ext/"
	sd_depmod "$root" "$k" >/dev/null
	got=$(sd_plan "$root" "$k" chain_b)
	expect "softdep $k: modprobe --show-depends chain_b: symtab.ko, chain_a, chain_b" \
		[ "$got" = "symtab chain_a chain_b " ]
	got=$(sd_plan "$root" "$k" chain_c)
	echo "# modprobe --show-depends chain_c plans: $got"
	expect "softdep $k: modprobe --show-depends chain_c: symtab.ko, chain_a, chain_b, chain_c" \
		[ "$got" = "symtab chain_a chain_b chain_c " ]

	# An import no record names: one line, and the build goes on.
	sd_build "$k" "$top/tests/modules/chain_b" "$d/lone_b" \
		SYMTAB_MODULES_DIR=none
	warn="symtab: $d/lone_b/chain_b.ko imports chain_a_value, exported by no known module: modprobe will not load its exporter"
	expect "softdep $k: an unknown exporter: the build succeeds, saying so in one line" \
		sh -c "[ $rc = 0 ] && [ \"\$(cat '$work/err')\" = '$warn' ]"
	expect "softdep $k: ... and writes no softdep" \
		sh -c "[ -z \"\$(modinfo -F softdep '$d/lone_b/chain_b.ko')\" ]"
	run "$top/build/bin/symtab" stamp -e /dev/null "$ko" "$d/chain_b/chain_b.symvers"
	expect "softdep $k: stamped again with no record, chain_b loses the softdep symtab added" \
		sh -c "[ $rc = 0 ] && [ -z \"\$(modinfo -F softdep '$ko')\" ] && [ -z \"\$(modinfo -F symtab_softdep '$ko')\" ]"

	# The author's own MODULE_SOFTDEP and ours: one entry, as kmod reads
	# only the first.
	mkdir -p "$d/authored"
	cp "$top/tests/modules/chain_b/Kbuild" "$d/authored/"
	{ cat "$top/tests/modules/chain_b/chain_b.c"
	  echo 'MODULE_SOFTDEP("pre: crc32c post: crc_itu_t");'; } >"$d/authored/chain_b.c"
	sd_build "$k" "$d/authored" "$d/authored-out" \
		SYMTAB_MODULES_DIR=none SYMTAB_EXTRA_SYMBOLS="$d/chain_a/Module.symtab"
	ko=$d/authored-out/chain_b.ko
	expect "softdep $k: an author's MODULE_SOFTDEP and the exporter merge into one entry" \
		sh -c "[ $rc = 0 ] && [ \"\$(modinfo -F softdep '$ko')\" = 'pre: crc32c chain_a post: crc_itu_t' ]"
	run "$top/build/bin/symtab" stamp -e /dev/null "$ko" "$d/authored-out/chain_b.symvers"
	expect "softdep $k: ... and stamping without records gives the author's back" \
		sh -c "[ $rc = 0 ] && [ \"\$(modinfo -F softdep '$ko')\" = 'pre: crc32c post: crc_itu_t' ]"

	# Bad input: a clear error, the module untouched.
	ko=$d/chain_b/chain_b.ko
	sum1=$(sum "$ko")
	printf '0x1234\tchain_a_value\n' >"$d/bad.symtab"
	for tool in "$top/build/bin/symtab" "$top/build/san/symtab"; do
		run "$tool" stamp -e "$d/bad.symtab" "$ko" "$d/chain_b/chain_b.symvers"
		expect "softdep $k ${tool##*/build/}: a malformed record: file and line named, module untouched" \
			sh -c "[ $rc = 1 ] && grep -qF '$d/bad.symtab:1: expected' '$work/err' && [ \"\$(sha256sum <'$ko')\" = '$sum1' ]"
		clean_exit || not_ok "softdep $k ${tool##*/build/}: sanitizer report"
	done
	sd_build "$k" "$top/tests/modules/chain_c" "$d/chain_c2" \
		SYMTAB_MODULES_DIR=none SYMTAB_EXTRA_SYMBOLS="$d/no-such-records"
	expect "softdep $k: SYMTAB_EXTRA_SYMBOLS naming nothing fails the build, naming it" \
		sh -c "[ $rc != 0 ] && grep -qF 'no such file or directory: $d/no-such-records' '$work/err'"

	# A module that does not depend on symtab.ko by modinfo (tiny.ko,
	# built by kmodule() without symtab's Module.symvers: depends= is
	# empty) names it in its softdep, first.
	ko=$work/kmod-$k/tiny.ko
	if [ -f "$ko" ]; then
		cp "$ko" "$d/tiny.ko"
		printf '0x1\tchain_a_value\tchain_a\tsymtab\n' >"$d/tiny.symtab"
		printf '#SYMVER chain_a_value 0x1\n' >"$d/tiny.symvers"
		run "$top/build/bin/symtab" stamp -e "$d/tiny.symtab" "$d/tiny.ko" "$d/tiny.symvers"
		expect "softdep $k: a module without depends=symtab names symtab first: pre: symtab chain_a" \
			sh -c "[ $rc = 0 ] && [ -z \"\$(modinfo -F depends '$d/tiny.ko')\" ] && [ \"\$(modinfo -F softdep '$d/tiny.ko')\" = 'pre: symtab chain_a' ]"
	else
		not_ok "softdep $k: kmodule() built tiny.ko"
	fi

	skip "softdep $k: modprobe CONSUMER and modprobe -r CONSUMER" \
		"loading needs a running kernel: the VM scenario modprobe"
}

softdep_objects() { # TOOL: a plain object (no .modinfo) is refused
	local tool=$1 before
	cp "$obj/beta.o" "$work/sd-beta.o"
	before=$(sum "$work/sd-beta.o")
	printf '#SYMVER beta_value 0x1\n' >"$work/sd-beta.symvers"
	run "$tool" stamp -e /dev/null "$work/sd-beta.o" "$work/sd-beta.symvers"
	expect "softdep ${tool##*/build/}: stamp -e of an object without .modinfo: refused, untouched" \
		sh -c "[ $rc = 1 ] && grep -qF 'no .modinfo section' '$work/err' && [ \"\$(sha256sum <'$work/sd-beta.o')\" = '$before' ]"
	clean_exit || not_ok "softdep ${tool##*/build/}: sanitizer report"
}
