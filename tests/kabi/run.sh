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
#   - extract on a sample of the kernel source (a few lib/ files): every
#     CRC equals the flavor's own Module.symvers; a second run resumes
#     without redoing anything; CC= replaces the preprocessor's compiler.
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
sample="lib/sort.c lib/bsearch.c lib/kstrtox.c lib/crc32.c"
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
else
	skip "extract on a sample" "no unpacked linux-source-6.1 or amd64 headers"
fi
tap_plan
[ "$failed" -eq 0 ]
