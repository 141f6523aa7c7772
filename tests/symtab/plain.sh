# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/symtab/run.sh: the kernel's own modversions in every
# command, on the plain test modules (tests/modules/plain: EXPORT_SYMBOL
# only, and an importer), built by `make testmodules` for each kernel, and
# on a real in-tree module of each kernel.  Every expected CRC comes from
# the Module.symvers Kbuild wrote.

# symvers_crcs MODULE_SYMVERS MODULE: "0x<crc>\t<name>\tkexport" lines of
# MODULE's exports (its path's last part), sorted.
symvers_crcs() {
	awk -F'\t' -v m="$2" '{ n = split($3, p, "/") } p[n] == m {
		printf "%s\t%s\tkexport\n", $1, $2 }' "$1" | sort
}

# kexports_match KVER TOOL KO SYMVERS MODULE WHAT: dump's kexport lines of
# KO equal the CRCs Kbuild wrote in SYMVERS for MODULE.
kexports_match() {
	local k=$1 tool=$2 ko=$3 symvers=$4 mod=$5 what=$6 want got
	want=$work/plain-$k-$mod.want
	got=$work/plain-$k-$mod.got
	symvers_crcs "$symvers" "$mod" >"$want"
	run "$tool" dump "$ko"
	grep -P '\tkexport$' "$work/out" | sort >"$got"
	expect "$what: every Module.symvers CRC is dump's kexport CRC ($(wc -l <"$want") of $(grep -c . "$got"))" \
		sh -c "[ $rc = 0 ] && [ -s '$want' ] && diff -u '$want' '$got' >&2"
}

# A real module of the kernel's own: the one with the most exports whose
# file is installed (decompressed when need be).
in_tree_module() { # KVER OUT_KO: prints the module's tree path
	local k=$1 out=$2 m f
	for m in $(awk -F'\t' '$3 != "vmlinux" { print $3 }' \
		   "/lib/modules/$k/build/Module.symvers" | sort | uniq -c |
		   sort -rn | awk '{ print $2 }' | head -20); do
		f=/lib/modules/$k/kernel/$m.ko
		if [ -f "$f" ]; then
			cp "$f" "$out" && echo "$m" && return 0
		elif [ -f "$f.xz" ] && command -v xz >/dev/null; then
			xz -dc "$f.xz" >"$out" && echo "$m" && return 0
		fi
	done
	return 1
}

plain_modules() { # KVER TOOL
	local k=$1 tool=$2 tag="plain $1 ${2##*/build/}"
	local dir=$top/build/$k/modules/plain d=$work/plain-$k
	local exp imp symvers=/lib/modules/$k/build/Module.symvers
	local other used total matched mod sym crc before
	if [ ! -f "$dir/plain_import.ko" ]; then
		not_ok "$tag: build/$k/modules/plain built (run make testmodules)"
		return
	fi
	mkdir -p "$d"
	cp "$dir/plain_export.ko" "$dir/plain_import.ko" "$d/"
	exp=$d/plain_export.ko
	imp=$d/plain_import.ko

	# dump: kexport CRCs are Kbuild's, for our module and a real one.
	kexports_match "$k" "$tool" "$exp" "$dir/Module.symvers" plain_export \
		"$tag: dump plain_export"
	total=$(grep -c . "$dir/Module.symvers")
	expect "$tag: dump says it has no symtab records, counting $total EXPORT_SYMBOLs" \
		err_has "$exp: no symtab records; the kernel's modversions already cover its $total EXPORT_SYMBOLs"
	if [ ! -d "/lib/modules/$k/kernel" ]; then
		skip "$tag: dump in-tree module" "only the headers of $k are installed, not its modules"
	elif mod=$(in_tree_module "$k" "$d/intree.ko"); then
		kexports_match "$k" "$tool" "$d/intree.ko" "$symvers" \
			"${mod##*/}" "$tag: dump in-tree $mod"
	else
		not_ok "$tag: an in-tree module with exports is installed"
	fi

	# kimport: modpost's CRC for each symbol, the exporter's.
	run "$tool" dump "$imp"
	grep -P '\tkimport$' "$work/out" >"$d/kimports"
	total=0
	matched=0
	while IFS=$'\t' read -r crc sym _; do
		total=$((total + 1))
		case $sym in
		plain_*) grep -qxF "$(printf '%s\t%s\tkexport' "$crc" "$sym")" \
				"$work/plain-$k-plain_export.got" && matched=$((matched + 1)) ;;
		*) awk -F'\t' -v s="$sym" -v c="$crc" \
			'$2 == s && $1 == c { f = 1 } END { exit !f }' \
			"$symvers" && matched=$((matched + 1)) ;;
		esac
	done <"$d/kimports"
	expect "$tag: each kimport CRC is its exporter's ($matched of $total)" \
		sh -c "[ $total -gt 0 ] && [ $matched = $total ]"

	# stamp: nothing to do, said, file untouched.
	before=$(sum "$exp")
	printf '#SYMVER plain_add 0x1\n' >"$d/plain.symvers"
	run "$tool" stamp "$exp" "$d/plain.symvers"
	expect "$tag: stamp says there is nothing to stamp" \
		sh -c "[ $rc = 0 ] && grep -qF '$exp: nothing to stamp: no symtab records' '$work/err'"
	expect "$tag: ... and leaves the module as it was" unchanged "$exp" "$before"

	# check -k: against the kernel it was built for, and another.
	run "$tool" check -k "$k" "$imp" "$exp"
	expect "$tag: check -k $k: both modules resolve, and it says so" \
		sh -c "[ $rc = 0 ] && grep -qF '$imp: every symbol it uses resolves against $k' '$work/err'"
	run "$tool" check -v -k "$k" "$imp" "$exp"
	expect "$tag: check -v names each provider" \
		sh -c "[ $rc = 0 ] && grep -qF '$imp: plain_add ' '$work/out' && grep -qF 'from $exp' '$work/out' && grep -qF 'from vmlinux' '$work/out'"
	run "$tool" check -k "$k" "$imp"
	used=$(grep -c -P '\tplain_[a-z_]+\tkimport$' "$d/kimports")
	expect "$tag: check -k without the exporter: Unknown symbol, in the kernel's words ($used)" \
		sh -c "[ $rc = 1 ] && [ \$(grep -c ': Unknown symbol plain_[a-z_]* (err -2)$' '$work/err') = $used ] && grep -qF '$imp: Unknown symbol plain_add (err -2)' '$work/err'"
	for other in $(cd /lib/modules && ls); do
		[ "$other" != "$k" ] && [ -f "/lib/modules/$other/build/Module.symvers" ] || continue
		# Every kernel symbol whose CRC differs must be named.
		awk -F'\t' 'NR == FNR { c[$2] = $1; next }
			$2 in c && c[$2] != $1 { print $2 }' \
			"/lib/modules/$other/build/Module.symvers" "$d/kimports" |
			sort >"$d/differs"
		run "$tool" check -k "$other" "$imp" "$exp"
		sed -n "s|^symtab: $imp: disagrees about version of symbol \([^ ]*\) .*|\1|p" \
			"$work/err" | sort >"$d/named"
		expect "$tag: check -k $other: each CRC that differs is a disagreement ($(wc -l <"$d/differs"))" \
			sh -c "[ $rc = 1 ] && [ -s '$d/differs' ] && diff -u '$d/differs' '$d/named' >&2"
	done
	run "$tool" check -k "$k-elsewhere" -s "$symvers" "$imp" "$exp"
	expect "$tag: check -s reads the Module.symvers given" \
		sh -c "[ $rc = 0 ] && grep -qF '$imp: every symbol it uses resolves against $k-elsewhere' '$work/err'"
	run "$tool" check -s "$d/no-such.symvers" "$imp"
	expect "$tag: check -s of a missing file is an error naming it" \
		fails_with 1 "$d/no-such.symvers: no such file"
	run "$tool" check -k no-such-release "$imp"
	expect "$tag: check -k of a kernel without headers is an error naming Module.symvers" \
		fails_with 1 "/lib/modules/no-such-release/build/Module.symvers"

	# A broken __versions: a name without its terminating NUL.
	cp "$imp" "$d/bad.ko"
	"$EDIT" "$d/bad.ko" symfill ____versions 8 56 0x41
	run "$tool" dump "$d/bad.ko"
	expect "$tag: dump of a torn __versions fails, naming the file and entry" \
		fails_with 1 "$d/bad.ko: __versions entry 0: name not terminated"
	run "$tool" check -k "$k" "$d/bad.ko"
	expect "$tag: ... and so does check" \
		fails_with 1 "$d/bad.ko: __versions entry 0: name not terminated"

	# load -n: the ordinary dependency first.
	mkdir -p "$d/load"
	cp "$exp" "$imp" "$d/load/"
	: >"$d/table.empty"
	run "$tool" load -n -t "$d/table.empty" "$d/load/plain_import.ko"
	printf 'insmod %s\ninsmod %s\n' "$d/load/plain_export.ko" \
		"$d/load/plain_import.ko" >"$d/plan.expected"
	expect "$tag: load -n plans modinfo's depends first" \
		sh -c "[ $rc = 0 ] && diff -u '$d/plan.expected' '$work/out' >&2"
	# Without "depends", the exporter of its undefined symbols.
	perl -0777 -pi -e 's/depends=plain_export\0/"depends=" . "\0" x 13/e' \
		"$d/load/plain_import.ko"
	expect "$tag: ... (a copy whose modinfo depends is blanked)" \
		sh -c "! modinfo -F depends '$d/load/plain_import.ko' | grep -q plain"
	run "$tool" load -n -t "$d/table.empty" "$d/load/plain_import.ko"
	expect "$tag: load -n without depends: the exporter of its undefined symbols first" \
		sh -c "[ $rc = 0 ] && diff -u '$d/plan.expected' '$work/out' >&2"
	cp "$imp" "$d/load/"
	rm "$d/load/plain_export.ko"
	run "$tool" load -n -t "$d/table.empty" "$d/load/plain_import.ko"
	expect "$tag: load -n: a dependency found nowhere is an error naming it" \
		sh -c "[ $rc = 1 ] && [ ! -s '$work/out' ] && grep -qF '$d/load/plain_import.ko: depends on plain_export, which is not loaded' '$work/err'"
}

# The types a build stores for explain: the exports' from genksyms -T of
# each object, the imports' from the same run with `symtab dump -g` markers
# of the imports the object refers to appended (make testmodules does both,
# and writes the CRCs genksyms computed for the imports in
# OBJ.imports.symvers).  Prints how many of those are the __versions CRC,
# and how many there are.
import_types() { # TOOL KVER OUT_KO
	local tool=$1 k=$2 ko=$3 dir=$top/build/$2/modules/plain
	local base=${3%.ko} same=0 crc sym
	cp "$dir/plain_import.ko" "$ko"
	cp "$dir/plain_import.imports.symvers" "$base.symvers"
	"$tool" dump "$ko" 2>/dev/null >"$base.dump"
	# module_layout is not the sources' (its declaration is added).
	grep -v ' module_layout ' "$base.symvers" >"$base.sources" || true
	while read -r _ sym crc; do
		grep -qxF "$(printf '%s\t%s\tkimport' "$crc" "$sym")" "$base.dump" &&
			same=$((same + 1))
	done <"$base.sources"
	echo "$same $(grep -c . "$base.sources")"
}

# explain_names TOOL OLD NEW WANT WHAT: explain names a change (not just
# "CRC changed") for each symbol in the file WANT.
explain_names() {
	local tool=$1 old=$2 new=$3 want=$4 what=$5 sym missing=
	if [ ! -s "$want" ]; then
		skip "$what" "no such CRC differs between these two kernels"
		return
	fi
	run "$tool" explain --per-symbol "$old" "$new"
	while read -r sym; do
		grep "^$sym: " "$work/out" | grep -qv ': CRC changed ' ||
			missing="$missing $sym"
	done <"$want"
	expect "$what ($(wc -l <"$want"): $(tr '\n' ' ' <"$want"| sed 's/ $//'))" \
		sh -c "[ $rc = 1 ] && [ -s '$want' ] && [ -z '$missing' ]" ||
		echo "#   not explained:$missing"
}

plain_explain() { # TOOL KVER OTHER
	local tool=$1 k=$2 other=$3 tag="plain explain ${1##*/build/}"
	local d=$work/explain-$2-$3 reproduced
	mkdir -p "$d"
	# Exports: CRCs that differ between the two Module.symvers.
	awk -F'\t' 'NR == FNR { c[$2] = $1; next } $2 in c && c[$2] != $1 {
		print $2 }' "$top/build/$k/modules/plain/Module.symvers" \
		"$top/build/$other/modules/plain/Module.symvers" | sort >"$d/exports"
	explain_names "$tool" "$top/build/$k/modules/plain/plain_export.ko" \
		"$top/build/$other/modules/plain/plain_export.ko" "$d/exports" \
		"$tag: $k -> $other: explain names the change behind each changed kexport CRC"
	[ ! -s "$d/exports" ] ||
		expect "$tag: ... down to a struct member" \
			grep -qE "^plain_(file_pos|skb_len): .*: member '" "$work/out"

	for kv in "$k" "$other"; do
		reproduced=$(import_types "$tool" "$kv" "$d/imp-$kv.ko")
		expect "$tag: $kv: the build expanded every import the sources declare, each with its __versions CRC (${reproduced% *} of ${reproduced#* })" \
			sh -c "[ ${reproduced% *} -ge 5 ] && [ ${reproduced% *} = ${reproduced#* } ]"
	done
	# Imports: __versions CRCs that differ, for the symbols both builds
	# expanded (module_layout too, from its declaration added to one object).
	for kv in "$k" "$other"; do
		cat "$top/build/$kv/modules/plain/plain_import.imports.symvers" \
			"$top/build/$kv/modules/plain/"*.mod.imports.symvers 2>/dev/null |
			awk '{ print $2 }' | sort -u >"$d/expanded-$kv"
		"$tool" dump "$d/imp-$kv.ko" 2>/dev/null |
			awk -F'\t' '$3 == "kimport" { print $2, $1 }' | sort >"$d/kimports-$kv"
	done
	join "$d/kimports-$k" "$d/kimports-$other" | awk '$2 != $3 { print $1 }' |
		comm -12 - "$d/expanded-$k" | comm -12 - "$d/expanded-$other" >"$d/imports"
	expect "$tag: $k -> $other: the build expanded module_layout" \
		grep -qx module_layout "$d/expanded-$k"
	explain_names "$tool" "$d/imp-$k.ko" "$d/imp-$other.ko" "$d/imports" \
		"$tag: $k -> $other: explain names the change behind each changed kimport CRC"

	# check -k: the module built for $k, against $other, explained from
	# the build for $other that make testmodules laid out beside it.
	local imp=$top/build/$k/modules/plain/plain_import.ko sym missing=
	run "$tool" check -k "$other" "$imp" "$top/build/$k/modules/plain/plain_export.ko"
	sed -n "s|^symtab: $imp: disagrees about version of symbol \([^ ]*\) .*|\1|p" \
		"$work/err" | sort >"$d/disagree"
	# Grouped: an import is named by "because IMPORT: ..." or under a
	# change it shares with others.
	awk -v m="$imp" -f "$here/explained.awk" "$work/err" | sort -u \
		>"$d/named"
	missing=$(comm -12 "$d/disagree" "$d/imports" | comm -23 - "$d/named" |
		tr '\n' ' ')
	expect "$tag: check -k $other on the $k build: each disagreement about an import its sources declare is explained from the $other build ($(comm -12 "$d/disagree" "$d/imports" | grep -c .))" \
		sh -c "[ $rc = 1 ] && grep -qF '$imp: explaining from $top/build/$other/modules/plain/plain_import.ko, the same module built for $other' '$work/err' && [ -s '$d/disagree' ] && [ -z '$missing' ]" ||
		echo "#   not explained: $missing"
	awk -v m="$imp: explaining from " '/^symtab: / { on = index($0, "symtab: " m) == 1 }
		on && /^  because /' "$work/err" | sort | uniq -d >"$d/repeated"
	expect "$tag: check -k $other: each change behind its disagreements is said once" \
		sh -c "[ $rc = 1 ] && [ ! -s '$d/repeated' ]"
	mkdir -p "$d/b-$other"
	cp "$d/imp-$other.ko" "$d/b-$other/plain_import.ko"
	run "$tool" check -k "$other" -b "$d/b-$other/plain_import.ko" "$imp"
	expect "$tag: check -k $other -b FILE explains from FILE (the module of that name)" \
		sh -c "[ $rc = 1 ] && grep -qF '$imp: explaining from $d/b-$other/plain_import.ko, the same module built for $other' '$work/err' && grep -q '^  because module_layout: .* member ' '$work/err'"
	cp "$imp" "$d/alone.ko"
	run "$tool" check -k "$other" "$d/alone.ko"
	expect "$tag: check -k $other without a build for it at hand says so" \
		sh -c "[ $rc = 1 ] && grep -qF '$d/alone.ko: no build of it for $other at hand (-b FILE)' '$work/err'"
}

# check -k groups one module's disagreements as `symtab explain` does: two
# imports (plain_counter, plain_count) reach one changed struct and say it
# once, with both named under it; plain_add has a change of its own.  The
# types are made up, stored with stamp -T in two copies of plain_import
# (the module and its "build for the target"); the target kernel is a
# made-up Module.symvers giving those three imports other CRCs.
plain_grouped_check() { # KVER TOOL
	local k=$1 tool=$2 tag="plain grouped check -k $1 ${2##*/build/}"
	local ko=$top/build/$k/modules/plain/plain_import.ko rel=$k-grouped
	local t=${2##*/build/} d
	[ -f "$ko" ] || {
		not_ok "$tag: build/$k/modules/plain built (run make testmodules)"
		return
	}
	d=$work/grouped-$k-${t//\//-}
	mkdir -p "$d/old" "$d/new"
	cp "$ko" "$d/old/"
	cp "$ko" "$d/new/"
	: >"$d/none.symvers"
	printf '%s \n' \
		's#plain_counter struct plain_counter { long hits ; int last ; }' \
		'plain_counter extern s#plain_counter plain_counter' \
		'plain_count long plain_count ( s#plain_counter * , int )' \
		'plain_add int plain_add ( int , int )' >"$d/old.symtypes"
	sed -e 's/int last ;/long last ; int first ;/' \
		-e 's/( int , int )/( int , long )/' \
		"$d/old.symtypes" >"$d/new.symtypes"
	"$tool" stamp -q -T "$d/old.symtypes" "$d/old/plain_import.ko" \
		"$d/none.symvers" 2>/dev/null
	"$tool" stamp -q -T "$d/new.symtypes" "$d/new/plain_import.ko" \
		"$d/none.symvers" 2>/dev/null
	"$tool" dump "$d/old/plain_import.ko" 2>/dev/null | awk -F'\t' '
		$3 == "kimport" { c = $1
			if ($2 ~ /^plain_(add|count|counter)$/) c = "0x0badcafe"
			printf "%s\t%s\tvmlinux\tEXPORT_SYMBOL\t\n", c, $2 }' \
		>"$d/Module.symvers"
	printf '%s\n' plain_add plain_count plain_counter >"$d/want"
	cat >"$d/expected" <<-EOT
	symtab: $d/old/plain_import.ko: explaining from $d/new/plain_import.ko, the same module built for $rel
	  because struct plain_counter: member 'int last' changed to 'long last'
	  because struct plain_counter: member 'int first' added after 'long last'
	    reached from 2 symbols:
	      plain_counter: struct plain_counter
	      plain_count: arg 1 -> struct plain_counter
	  because plain_add: arg 2 changed from 'int' to 'long'
	EOT
	run "$tool" check -k "$rel" -s "$d/Module.symvers" \
		-b "$d/new/plain_import.ko" "$d/old/plain_import.ko"
	sed -n "s|^symtab: $d/old/plain_import.ko: disagrees about version of symbol \([^ ]*\) .*|\1|p" \
		"$work/err" | sort >"$d/disagree"
	expect "$tag: one disagrees line for each import the made-up kernel changed" \
		sh -c "[ $rc = 1 ] && diff -u '$d/want' '$d/disagree' >&2"
	sed -n '/: explaining from /,$p' "$work/err" >"$d/got"
	expect "$tag: after them, each change once, with the imports it is behind" \
		diff -u "$d/expected" "$d/got"
	awk -v m="$d/old/plain_import.ko" -f "$here/explained.awk" "$work/err" |
		sort -u >"$d/named"
	expect "$tag: the explanation names every disagreeing import" \
		diff -u "$d/want" "$d/named"
	expect "$tag: no disagreement is explained under its own line" \
		sh -c "! grep -B1 '^  because' '$work/err' | grep -q 'disagrees about'"
}

# A symtab module is also a Kbuild module: it needs symtab.ko's exports.
# Checked against the kernel's Module.symvers under a release name nothing
# is installed for: check -k RELEASE also resolves against the modules
# installed in /lib/modules/RELEASE/{extra,updates}, and a symtab.ko the
# machine has there (make install, symtab-dkms) is no part of this test.
registry_module_kernel_check() { # KVER TOOL
	local k=$1 tool=$2 tag="registry module $1 ${2##*/build/}"
	local m=$top/build/$k/modules/symtest_consumer/symtest_consumer.ko
	local registry=$top/build/$k/kmod/symtab.ko d=$work/registry-$k
	local kernel="-k $k-uninstalled -s /lib/modules/$k/build/Module.symvers"
	local needs
	[ -f "$m" ] && [ -f "$registry" ] || {
		not_ok "$tag: symtest_consumer and symtab.ko built"
		return
	}
	mkdir -p "$d"
	: >"$d/table"
	# What the consumer leaves undefined that symtab.ko exports.
	"$tool" dump "$registry" 2>/dev/null |
		awk -F'\t' '$3 == "kexport" { print $2 }' | sort >"$d/exports"
	nm -u "$m" | awk '{ print $2 }' | sort | comm -12 - "$d/exports" >"$d/needs"
	needs=$(grep -c . "$d/needs")
	run "$tool" check $kernel -t "$d/table" "$m"
	expect "$tag: check -k without symtab.ko: each export of it used is an Unknown symbol ($needs)" \
		sh -c "[ $rc = 1 ] && [ $needs -gt 0 ] && [ \$(grep -c ': Unknown symbol .* (err -2)$' '$work/err') = $needs ]"
	run "$tool" check $kernel -t "$d/table" "$m" "$registry"
	expect "$tag: check -k with symtab.ko given: the kernel side resolves" \
		sh -c "! grep -q -e 'Unknown symbol' -e 'disagrees' '$work/err' && grep -qF 'unresolved symbol symtest_' '$work/err'"
}
