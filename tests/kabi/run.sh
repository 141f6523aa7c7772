#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# symtab kabi: compare and extract (TAP), in under a minute.
#   - compare on fixtures: every change named and judged by severity
#     rules (first match decides, default FAIL, additions tolerated), the
#     exit status, the formats, bad rules refused; with symtypes beside the
#     Module.symvers, the changed CRCs grouped by the type change behind them;
#   - compare on Debian's real Module.symvers of two flavors of one ABI
#     (amd64 and rt-amd64, test material from tests/kabi/material.sh): it
#     names exactly the exports whose CRCs differ, counted independently
#     with join(1);
#   - extract on a sample of the kernel source (a few lib/ files,
#     kernel/audit.c, kvm's x86.c, kernel/sched/build_utility.c,
#     getuser.S, a 32-bit file left alone): every CRC equals the
#     flavor's own Module.symvers; a second run resumes without redoing
#     anything; CC= replaces the preprocessor's compiler;
#   - a partial view (an extraction's `partial` file): compare takes the
#     recorded CRCs, marks and counts each change whose view is partial
#     and never explains it from its unverified types; on fixtures, and on
#     the older ABI 6.1.0-50 known only from its headers package: the
#     same sample extracted against its headers reproduces most of its
#     CRCs, names every other in OUT/partial, and compare against the
#     newer ABI explains every change whose types are verified.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/tap.sh"
# The fixtures and the real compare run the ASan/UBSan build; extract runs
# the plain one (it finds its scripts and genksyms beside it).
work=$(mktemp -d "${TMPDIR:-/tmp}/symtab-kabi.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! make -s -C "$top" "$top/build/bin/symtab" "$top/build/bin/genksyms" \
	"$top/build/san/symtab" "$top/build/san/genksyms" \
	"$top/build/san/explain-driver" >"$work/make.log" 2>&1; then
	cat "$work/make.log"
	not_ok "build symtab, genksyms, the explain test driver and their sanitizer builds"
	tap_plan
	exit 1
fi
tool=$top/build/san/symtab
gk=$top/build/bin/genksyms
san_gk=$top/build/san/genksyms
driver=$top/build/san/explain-driver

# --- fixtures: two builds of a small "kernel" ---------------------------------
# point_move and shape_old in a module, the rest built in: the rules below
# make shape_area PASS by name, point_move FAIL by module path, shape_old
# (removed from vmlinux) PASS; shape_new is added.
fixture() {	# fixture old|new DIR
	mkdir -p "$2"
	"$gk" -T "$2/symtypes" <"$here/fixtures/$1.i" | awk '
		$1 == "#SYMVER" {
			m = $2 == "point_move" ? "drivers/shapes/shapes" : "vmlinux"
			printf "%s\t%s\t%s\tEXPORT_SYMBOL\t\n", $3, $2, m
		}' >"$2/Module.symvers"
}
fixture old "$work/old"
fixture new "$work/new"
"$tool" kabi compare "$work/old/Module.symvers" "$work/new/Module.symvers" >"$work/plain.out"
rc=$?
tap $(( rc != 1 )) "compare without rules: exit 1 (changes not tolerated)"
expect "compare names the 2 changed, 1 added, 1 removed exports" \
	grep -q ': 2 changed, 1 added, 1 removed; 3 not tolerated$' "$work/plain.out"
expect "compare: one line per change, with both CRCs and the verdict" \
	grep -Eq '^changed  point_move drivers/shapes/shapes 0x[0-9a-f]{8} -> 0x[0-9a-f]{8} FAIL$' "$work/plain.out"
"$tool" kabi compare -f symbols "$work/old/Module.symvers" "$work/new/Module.symvers" >"$work/sym.out"
expect "symbols without rules: every change, one name a line" \
	diff <(printf '%s\n' point_move shape_area shape_new shape_old) "$work/sym.out"
"$tool" kabi compare --rules "$here/fixtures/rules" -f symbols "$work/old" "$work/new" >"$work/rsym.out"
rc=$?
expect "symbols with rules: only what no PASS rule tolerates (point_move, by its module path)" \
	diff <(echo point_move) "$work/rsym.out"
tap $(( rc != 1 )) "compare with rules, a change not tolerated: exit 1"
printf 'point_move PASS\n*\tFAIL\n' >"$work/rules2"
"$tool" kabi compare -r "$work/rules2" -f symbols "$work/old" "$work/new" >"$work/r2.out"
expect "the first matching rule decides (shape_area, shape_old FAIL by '*')" \
	diff <(printf '%s\n' shape_area shape_old) "$work/r2.out"
printf '# all\nvmlinux PASS\ndrivers/* PASS\n' >"$work/rules3"
"$tool" kabi compare -r "$work/rules3" "$work/old" "$work/new" >"$work/r3.out"
tap $? "every change tolerated (vmlinux, module path wildcard): exit 0"
printf 'ok PASS\nbroken MAYBE\n' >"$work/bad"
"$tool" kabi compare -r "$work/bad" "$work/old" "$work/new" >/dev/null 2>"$work/bad.err"
rc=$?
tap $(( rc != 2 )) "a malformed rules file: exit 2"
expect "... with the file and line named" grep -q "bad:2: expected 'PATTERN PASS' or 'PATTERN FAIL'" "$work/bad.err"
"$tool" kabi compare "$work/old" "$work/nowhere" >/dev/null 2>"$work/nf.err"
tap $(( $? != 2 )) "a missing kernel: exit 2, $(head -c 80 "$work/nf.err")"

# With symtypes beside them: the changes grouped by the type behind them.
"$tool" kabi compare "$work/old" "$work/new" >"$work/types.out"
expect "with symtypes: one group for the struct change behind both changed CRCs" \
	grep -q "^struct point: member 'int z' added after 'int y'$" "$work/types.out"
expect "... reached from the 2 changed exports" grep -q '^  reached from 2 symbols:$' "$work/types.out"
expect "... with the path from each (shape_area -> struct shape -> ...)" \
	grep -q '^    shape_area: arg 1 -> struct shape -> member .origin. -> struct point$' "$work/types.out"
"$tool" kabi compare -f pretty "$work/old" "$work/new" >"$work/pretty.out"
expect "pretty: under the group, struct point old -> new, the added member marked '+'" \
	diff <(sed -n '/^  struct point, old -> new:$/,$p' "$work/pretty.out") \
	     <(printf '  struct point, old -> new:\n     int y ;\n   + int z ;\n     }\n')
"$tool" kabi compare -f json "$work/old" "$work/new" >"$work/out.json"
expect "json: valid, with the changes and the explanation's groups" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changed"]==2 and len(d["changes"])==4 and d["explanation"]["groups"][0]["count"]==2' "$work/out.json"

# The consolidated form: two objects defining struct point differently.
mkdir -p "$work/tree/a" "$work/tree/b" "$work/cold" "$work/cnew"
cp "$work/old/symtypes" "$work/tree/a/shapes.symtypes"
cp "$work/new/symtypes" "$work/tree/b/shapes.symtypes"
"$tool" kabi consolidate "$work/tree" -o "$work/tree.st"
tap $? "consolidate a tree of genksyms -T files"
expect "... each definition once (struct shape: one), the second struct point kept apart (s#point@1)" \
	test "$(grep -c "^s#shape" "$work/tree.st")" = 1 -a "$(grep -c '^s#point@1 ' "$work/tree.st")" = 1
expect "... one record per object (F#a/shapes.o, F#b/shapes.o)" \
	test "$(grep -c '^F#[ab]/shapes.o ' "$work/tree.st")" = 2
expect "... read back, every object's CRCs as its own file gives them" \
	diff <(
	       "$driver" --crc "$work/tree/a/shapes.symtypes";
	       "$driver" --crc "$work/tree/b/shapes.symtypes") \
	     <("$driver" --crc "$work/tree.st")
for v in old new; do
	cp "$work/$v/Module.symvers" "$work/c$v/"
	mkdir -p "$work/t$v/$v" && cp "$work/$v/symtypes" "$work/t$v/$v/shapes.symtypes"
	"$tool" kabi consolidate "$work/t$v" -o "$work/c$v/symtypes"
done
"$tool" kabi compare "$work/cold" "$work/cnew" >"$work/ctypes.out"
expect "compare on consolidated symtypes explains as on plain ones" \
	diff "$work/types.out" <(sed "s|$work/c|$work/|g" "$work/ctypes.out")
printf '#symtab-symtypes 1\nF#x.o nothere\n' >"$work/broken.st"
"$driver" --crc "$work/broken.st" >/dev/null 2>"$work/broken.err"
expect "a consolidated file naming an undefined entry: refused with file and line" \
	grep -q 'broken.st:2: nothere@0 is not defined' "$work/broken.err"

# Changes deep down a chain of types: the path shown whole up to 32
# elements, elided beyond (PREEMPT_RT's lock changes reach that deep; the
# real case that crashed, a 32-element path, is not reproduced here).
deep_ok=0
for depth in 14 15 16 17; do
	for v in old new; do
		awk -v d=$depth -v v=$v 'BEGIN {
			for (i = 1; i < d; i++)
				printf "s#t%d struct t%d { s#t%d * next ; }\n", i, i, i + 1
			printf "s#t%d struct t%d { int a ; %s}\n", d, d, v == "new" ? "int b ; " : ""
			print "deep_sym int deep_sym ( s#t1 * )"
		}' >"$work/deep-$v.st"
	done
	"$san_gk" --diff "$work/deep-old.st" "$work/deep-new.st" >"$work/deep.out" 2>&1
	[ $? -eq 1 ] && grep -q "member 'int b' added after 'int a'" "$work/deep.out" || deep_ok=1
done
tap $deep_ok "a change 27 to 33 path elements deep is explained (sanitizer build)"

# A partial view: old's extraction did not reproduce point_move's recorded
# CRC, exported shape_area where the flavor did not, and found no source
# for shape_gone.
mkdir -p "$work/pold"
cp "$work/old/Module.symvers" "$work/old/symtypes" "$work/pold/"
pm_old=$(awk -F'\t' '$2 == "point_move" { print $1 }' "$work/old/Module.symvers")
sa_old=$(awk -F'\t' '$2 == "shape_area" { print $1 }' "$work/old/Module.symvers")
printf '# REASON\tNAME\tMODULE\tRECORDED\tCOMPUTED\nsource-differs\tpoint_move\tdrivers/shapes/shapes\t0x12345678\t%s\nnot-exported\tshape_area\tvmlinux\t-\t%s\nnot-found\tshape_gone\tvmlinux\t0x0badcafe\t-\n' \
	"$pm_old" "$sa_old" >"$work/pold/partial"
"$tool" kabi compare "$work/pold" "$work/new" >"$work/partial.out"
expect "a partial view: compared by the recorded CRC, the change marked partial" \
	grep -Eq '^changed  point_move drivers/shapes/shapes 0x12345678 -> 0x[0-9a-f]{8} FAIL \[old view partial: source-differs\]$' "$work/partial.out"
expect "... an export the flavor did not record is not one of its exports (shape_area added)" \
	grep -q '^added    shape_area vmlinux ' "$work/partial.out"
expect "... one recorded but found in no source is (shape_gone removed, marked not-found)" \
	grep -q '^removed  shape_gone vmlinux 0x0badcafe FAIL \[old view partial: not-found\]$' "$work/partial.out"
expect "... counted in the summary, which says the old side's view is partial" \
	sh -c "grep -q '; 2 with a partial view\$' '$work/partial.out' && grep -q '^(partial view: the old side' '$work/partial.out'"
expect "... and never explained from its unverified types" \
	sh -c "! grep -q 'reached from' '$work/partial.out' && grep -q '^point_move: CRC changed 0x12345678 -> .*not its recorded CRC)\$' '$work/partial.out'"
expect "... the explanation says it comes from verified types only" \
	grep -q '^(from verified types only: the 1 changed with a partial view are listed as unexplained)$' "$work/partial.out"
"$tool" kabi compare -f json "$work/pold" "$work/new" >"$work/partial.json"
expect "json: the partial count and each change's partial side" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c={x["name"]: x for x in d["changes"]}; assert d["partial"]==2 and c["point_move"]["old_partial"]=="source-differs" and c["shape_gone"]["old_partial"]=="not-found" and "old_partial" not in c["shape_area"]' "$work/partial.json"
printf 'source-differs\tpoint_move\tvmlinux\t-\t0x1\n' >"$work/pold/partial"
"$tool" kabi compare "$work/pold" "$work/new" >/dev/null 2>"$work/pbad.err"
tap $(( $? != 2 )) "a malformed partial file: exit 2"
expect "... with the file and line named" grep -q "pold/partial:1: point_move: expected a recorded CRC" "$work/pbad.err"

# --- real data: Debian's Module.symvers of two flavors of one ABI -------------
abi=$(cd /lib/modules && ls -d 6.1.*-amd64 2>/dev/null | grep -v -- '-rt-' | sort -V | tail -1)
abi=${abi%-amd64}
amd=; rt=
if [ -n "$abi" ]; then
	amd=$("$here/material.sh" "$abi-amd64" 2>"$work/mat.err")
	rt=$("$here/material.sh" "$abi-rt-amd64" 2>>"$work/mat.err")
fi
if [ -n "$amd" ] && [ -n "$rt" ]; then
	a=$amd/Module.symvers b=$rt/Module.symvers
	# The independent count: CRCs of the names both export, joined.
	want=$(join -t "$(printf '\t')" <(awk -F'\t' '{print $2"\t"$1}' "$a" | sort) \
		<(awk -F'\t' '{print $2"\t"$1}' "$b" | sort) | awk -F'\t' '$2 != $3' | sort)
	nwant=$(grep -c . <<<"$want")
	start=$(date +%s%N)
	"$tool" kabi compare "$a" "$b" >"$work/real.out"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	got=$(awk '$1 == "changed" { print $2 }' "$work/real.out" | sort)
	expect "amd64 vs rt-amd64 ($abi): compare names exactly the $nwant exports whose CRCs differ (join) [${ms} ms]" \
		diff <(cut -f1 <<<"$want") <(echo "$got")
	tap $(( rc != 1 )) "... and exits 1 without rules"
else
	skip "amd64 vs rt-amd64: compare names every differing CRC" "no headers of both flavors: $(head -1 "$work/mat.err")"
	skip "... and exits 1 without rules" "no test material"
fi

# --- extract on a sample of the source ------------------------------------
cache=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
src=$cache/linux-source-6.1
tarball=/usr/src/linux-source-6.1.tar.xz
if [ ! -f "$src/.unpacked" ] && [ -f "$tarball" ]; then
	echo "# unpacking $tarball into $cache (once)"
	mkdir -p "$cache" && rm -rf "$src" && tar -C "$cache" -xf "$tarball" && touch "$src/.unpacked"
fi
# Beside lib/ and kernel/audit.c: a member of a composite module (kvm-y),
# a file made of other .c files, assembly of lib-y, a 32-bit-only file,
# tracepoint exports, a directory's DEFAULT_SYMBOL_NAMESPACE, a relative
# include found through -I./include.
sample="kernel/bpf/btf.c kernel/trace/power-traces.c drivers/usb/storage/usb.c lib/sort.c lib/bsearch.c lib/kstrtox.c lib/crc32.c lib/seq_buf.c lib/scatterlist.c kernel/audit.c"
sample="$sample arch/x86/kvm/x86.c kernel/sched/build_utility.c arch/x86/lib/getuser.S arch/x86/lib/clear_page_64.S arch/x86/lib/string_32.c"
if [ -f "$src/.unpacked" ] && [ -n "$amd" ]; then
	printf '#!/bin/sh\necho "$*" >>"%s/cc.log"\nexec gcc "$@"\n' "$work" >"$work/cc"
	chmod +x "$work/cc"
	CC=$work/cc "$top/build/bin/symtab" kabi extract --source "$src" --headers "$amd" \
		-o "$work/x" -j 2 $sample 2>"$work/x.err"
	tap $? "extract on a sample ($sample) of $(basename "$amd")"
	# Every CRC extracted, against the flavor's own, joined by name.
	res=$(join -t "$(printf '\t')" <(awk -F'\t' '{print $2"\t"$1}' "$work/x/Module.symvers" | sort) \
		<(awk -F'\t' '{print $2"\t"$1}' "$amd/Module.symvers" | sort) |
		awk -F'\t' '{ n++; s += $2 == $3 } END { print s + 0, n + 0 }')
	read -r same total <<<"$res"
	nx=$(wc -l <"$work/x/Module.symvers")
	tap $(( same != nx || nx == 0 )) "every extracted CRC ($same of $nx, $total found in Module.symvers) is the flavor's"
	expect "... lib/crc32.c too, through a stand-in for its generated crc32table.h" \
		grep -q "	crc32_le	vmlinux	" "$work/x/Module.symvers"
	expect "... arch/x86/kvm/x86.c, a member of kvm-y, exports as the module arch/x86/kvm/kvm" \
		grep -q "	kvm_set_cr0	arch/x86/kvm/kvm	" "$work/x/Module.symvers"
	expect "... its static calls too (typeof of an expression)" \
		grep -q "	__SCT__kvm_x86_cache_reg	arch/x86/kvm/kvm	" "$work/x/Module.symvers"
	expect "... kernel/sched/build_utility.c, through the .c files it includes" \
		grep -q "	complete	vmlinux	" "$work/x/Module.symvers"
	expect "... kernel/bpf/btf.c, whose \"../tools/lib/bpf/relo_core.h\" Kbuild finds through -I./include" \
		grep -q "	register_btf_kfunc_id_set	vmlinux	" "$work/x/Module.symvers"
	expect "... arch/x86/lib/getuser.S, assembly of lib-y" \
		grep -q "	__get_user_1	vmlinux	" "$work/x/Module.symvers"
	expect "... arch/x86/lib/string_32.c, not built by a 64-bit flavor, left alone" \
		sh -c "! grep -q string_32 '$work/x/.work/candidates' && ! grep -q '	strcpy	' '$work/x/Module.symvers'"
	# Their kind and namespace columns too, joined by name.
	res=$(join -t "$(printf '\t')" <(awk -F'\t' '{print $2"\t"$4"\t"$5}' "$work/x/Module.symvers" | sort) \
		<(awk -F'\t' '{print $2"\t"$4"\t"$5}' "$amd/Module.symvers" | sort) |
		awk -F'\t' '{ n++; s += $2 == $4 && $3 == $5 } END { print s + 0, n + 0 }')
	read -r same total <<<"$res"
	tap $(( same != total || total == 0 )) "... and its kind and namespace ($same of $total)"
	expect "... a tracepoint's, EXPORT_SYMBOL_GPL through EXPORT_TRACEPOINT_SYMBOL_GPL" \
		grep -q "	__tracepoint_cpu_idle	vmlinux	EXPORT_SYMBOL_GPL	$" "$work/x/Module.symvers"
	expect "... a namespace from the directory's -DDEFAULT_SYMBOL_NAMESPACE" \
		grep -q "	usb_stor_suspend	drivers/usb/storage/usb-storage	EXPORT_SYMBOL_GPL	USB_STORAGE$" "$work/x/Module.symvers"
	expect "... assembly's, EXPORT_SYMBOL_GPL and EXPORT_SYMBOL" \
		grep -q "	clear_page_rep	vmlinux	EXPORT_SYMBOL_GPL	$" "$work/x/Module.symvers"
	expect "CC= replaces the preprocessor's compiler" grep -q -- '-D__GENKSYMS__' "$work/cc.log"
	expect "OUT/symtypes: consolidated, one record per object" grep -q "^F#lib/sort.o sort" "$work/x/symtypes"
	# Its types give every CRC of Module.symvers (explain-driver --crc).
	expect "... whose types give every extracted CRC" diff <("$driver" --crc "$work/x/symtypes" | sort) \
		<(awk -F"\t" "{ print \"#SYMVER \" \$2 \" \" \$1 }" "$work/x/Module.symvers" | sort)
	"$tool" kabi compare "$work/x" "$work/x" >/dev/null
	tap $? "an extracted tree compares equal to itself: exit 0"
	: >"$work/cc.log"
	CC=$work/cc "$top/build/bin/symtab" kabi extract --source "$src" --headers "$amd" -o "$work/x" $sample 2>/dev/null
	expect "a second run resumes: nothing preprocessed again" test ! -s "$work/cc.log"
	expect "OUT/partial: empty, every CRC reproduced" test -z "$(grep -v '^#' "$work/x/partial")"
	# A second extraction into the same OUT while one runs is refused.
	flock "$work/x/.work/lock" "$top/build/bin/symtab" kabi extract --source "$src" \
		--headers "$amd" -o "$work/x" $sample 2>"$work/lock.err"
	tap $(( $? != 1 )) "an extraction into an OUT in use is refused: exit 1"
	expect "... saying so" grep -q "another extraction is writing there" "$work/lock.err"
else
	skip "extract on a sample" "no unpacked linux-source-6.1 or amd64 headers"
fi

# --- headers only: an older ABI whose source is gone --------------------------
# Its headers package (include/, arch/x86/include, .config, Module.symvers)
# with the newer source's .c files: the types come from its own headers.
old_abi=${KABI_OLD_ABI:-6.1.0-50-amd64}
oldh=
if [ -f "$src/.unpacked" ] && [ -n "$amd" ] && [ "$old_abi" != "$abi-amd64" ]; then
	oldh=$("$here/material.sh" "$old_abi" 2>"$work/oldmat.err")
fi
if [ -n "$oldh" ] && [ -s "$work/x/Module.symvers" ]; then
	start=$(date +%s)
	"$top/build/bin/symtab" kabi extract --source "$src" --headers "$oldh" \
		-o "$work/h" -j 2 $sample 2>"$work/h.err"
	rc=$?
	secs=$(( $(date +%s) - start ))
	tab=$(printf '\t')
	nh=$(wc -l <"$work/h/Module.symvers")
	# Independently: the extracted CRCs the old flavor records the same.
	same=$(join -t "$tab" <(awk -F'\t' '{print $2"\t"$1}' "$work/h/Module.symvers" | sort) \
		<(awk -F'\t' '{print $2"\t"$1}' "$oldh/Module.symvers" | sort) | awk -F'\t' '$2 == $3' | wc -l)
	tap $(( rc != 0 || nh == 0 )) "headers only: the sample against $old_abi's headers, with $(basename "$src")'s sources: $same of $nh CRCs reproduce its Module.symvers [${secs} s]"
	expect "... and the extraction says so: $same reproduced, $(( nh - same )) partial" \
		grep -q ": $same reproduced (types verified), $(( nh - same )) partial" "$work/h.err"
	expect "... OUT/partial names exactly the $(( nh - same )) others, each with the recorded CRC and why" \
		diff <(join -t "$tab" -a 1 -e - -o 0,1.2,2.2 \
			<(awk -F'\t' '{print $2"\t"$1}' "$work/h/Module.symvers" | sort) \
			<(awk -F'\t' '{print $2"\t"$1}' "$oldh/Module.symvers" | sort) |
			awk -F'\t' '$3 == "-" { print "not-exported", $1, "-", $2 }
				$3 != "-" && $2 != $3 { print "source-differs", $1, $3, $2 }' | sort) \
		     <(grep -v '^#' "$work/h/partial" | awk -F'\t' '{ print $1, $2, $4, $5 }' | sort)
	expect "... a sample: recorded exports not extracted are not named not-found" \
		sh -c "grep -q '^# (part of the tree' '$work/h/partial' && ! grep -q '^not-found' '$work/h/partial'"
	"$tool" kabi compare -f json "$work/h" "$work/x" >"$work/h.json"
	tap $(( $? > 1 )) "compare $old_abi (headers only) -> $abi-amd64"
	# The independent count: the recorded CRCs of both ABIs, over the
	# sample's exports, joined.
	want=$(join -t "$tab" \
		<(join -t "$tab" <(cut -f2 "$work/h/Module.symvers" | sort) \
			<(awk -F'\t' '{print $2"\t"$1}' "$oldh/Module.symvers" | sort)) \
		<(awk -F'\t' '{print $2"\t"$1}' "$work/x/Module.symvers" | sort) |
		awk -F'\t' '$2 != $3 { print $1 }' | sort)
	nwant=$(grep -c . <<<"$want")
	expect "... names exactly the $nwant exports of the sample whose recorded CRCs differ (join)" \
		diff <(echo "$want") <(python3 -c 'import json,sys; [print(c["name"]) for c in json.load(open(sys.argv[1]))["changes"] if c["status"] == "changed"]' "$work/h.json" | sort)
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
part = {c["name"] for c in d["changes"] if "old_partial" in c or "new_partial" in c}
changed = {c["name"] for c in d["changes"] if c["status"] == "changed"}
ex = {s["name"]: s for s in d["explanation"]["symbols"]}
verified = changed - part
bad = [n for n in verified if ex[n]["status"] != "changed" or not ex[n].get("changes")]
bad += [n for n in part & changed if ex[n]["status"] != "unexplained"]
print(len(verified), len(part & changed), d["partial"], " ".join(sorted(bad)))
' "$work/h.json" >"$work/h.check" 2>&1
	read -r nver npart ncount nbad <"$work/h.check"
	expect "... explains each of the $nver changes whose old types are verified, down to a member" \
		test "${nver:-0}" -gt 0 -a -z "$nbad"
	expect "... and marks the $npart whose view is partial (counted: $ncount), naming them unexplained" \
		test "${npart:-x}" = "${ncount:-y}"
	"$tool" kabi compare "$oldh/Module.symvers" "$work/x" >"$work/hplain.out"
	expect "... OLD as a plain Module.symvers: changes named, not explained" \
		grep -q '^(no explanation: .* has no symtypes beside its Module.symvers)$' "$work/hplain.out"
else
	skip "headers only: extract against $old_abi's headers" "no unpacked source, no headers of $old_abi, or it is the newest ABI: $(head -c 100 "$work/oldmat.err" 2>/dev/null)"
fi
tap_plan
[ "$failed" -eq 0 ]
