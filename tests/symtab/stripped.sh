# SPDX-License-Identifier: GPL-2.0-only
# tests/symtab/stripped.sh: the number of import blocks that `symtab
# stamp` writes into each of them, and the tools' checks of it, as
# symtab.ko makes them: a module stripped of its local symbols (strip
# --strip-unneeded) has no symbol naming its blocks, which are read by
# content, and a block damaged there hides itself and those after it;
# only the count shows it.  Sourced by run.sh (its helpers: run, expect,
# fails_with, unchanged, status_is; $work, $EDIT, compile).

# The 32-bit field at byte OFF of FILE's versions section.
versions_u32() { # FILE OFF
	local at
	at=$(readelf -SW "$1" | awk '$2 == ".symtab_versions" { print $5 }
		$3 == ".symtab_versions" { print $6 }')
	od -An -tu4 -j$((0x$at + $2)) -N4 "$1" | tr -d ' '
}

stripped_cases() { # TOOL TAG
	local tool=$1 tag=$2 d=$work/$2-stripped f before counts

	mkdir -p "$d"
	cat >"$d/three.c" <<-'EOF'
		#include <symtab/symtab.h>
		int one(int x);
		int two(int x);
		int three(int x);
		SYMTAB_IMPORT(one);
		SYMTAB_IMPORT(two);
		SYMTAB_IMPORT(three);
		int use(int x)
		{
			return symtab_ref(one)(x) + symtab_ref(two)(x) +
			       symtab_ref(three)(x);
		}
	EOF
	printf '#SYMVER one 0x11111111\n#SYMVER two 0x22222222\n#SYMVER three 0x33333333\n' \
		>"$d/three.symvers"
	expect "$tag: stripped: compile a module with three imports" \
		compile "$d/three.c" "$d/unstamped.o"

	# Before stamping, with symbols: count 0 is the old format, allowed.
	run "$tool" dump "$d/unstamped.o"
	expect "$tag: stripped: unstamped blocks (count 0) with symbols are read" \
		status_is 0
	cp "$d/unstamped.o" "$d/stamped.o"
	run "$tool" stamp -q "$d/stamped.o" "$d/three.symvers"
	expect "$tag: stripped: stamp" status_is 0
	counts="$(versions_u32 "$d/stamped.o" 12) $(versions_u32 "$d/stamped.o" 108) $(versions_u32 "$d/stamped.o" 204)"
	expect "$tag: stripped: stamp writes the number of import blocks into each" \
		[ "$counts" = "3 3 3" ]
	cp "$d/stamped.o" "$d/restamped.o"
	before=$(sum "$d/restamped.o")
	run "$tool" stamp -q "$d/restamped.o" "$d/three.symvers"
	expect "$tag: stripped: stamping again changes nothing" \
		sh -c "[ $rc = 0 ] && [ \"\$(sha256sum <'$d/restamped.o')\" = '$before' ]"

	# Stripped after stamping: read by content, counted, accepted.
	cp "$d/stamped.o" "$d/stripped.o"
	strip --strip-unneeded "$d/stripped.o"
	expect "$tag: stripped: strip leaves no symbol naming a block" \
		sh -c "! readelf -sW '$d/stripped.o' | grep -q __symtab_import_"
	run "$tool" dump "$d/stripped.o"
	expect "$tag: stripped: a module stamped, then stripped, is read" \
		status_is 0

	# Stripped before stamping: no count to check the blocks against.
	cp "$d/unstamped.o" "$d/old.o"
	strip --strip-unneeded "$d/old.o"
	before=$(sum "$d/old.o")
	run "$tool" dump "$d/old.o"
	expect "$tag: stripped: stripped without a count: refused" \
		fails_with 1 "symtab: $d/old.o: malformed import blocks: found by content, they carry no count: run symtab stamp before strip"
	run "$tool" stamp -q "$d/old.o" "$d/three.symvers"
	expect "$tag: stripped: ... by stamp too, saying so" \
		fails_with 1 "run symtab stamp before strip"
	expect "$tag: stripped: ... which leaves the file as it was" \
		unchanged "$d/old.o" "$before"

	# A damaged magic hides the block and those after it.
	for b in 1 2; do
		f=$d/magic$b.o
		cp "$d/stripped.o" "$f"
		"$EDIT" "$f" secbyte .symtab_versions $((b * 96)) 0x00
		run "$tool" dump "$f"
		expect "$tag: stripped: block $b's magic damaged: $b of 3 found, refused" \
			fails_with 1 "symtab: $f: malformed import blocks: $b found, the blocks count 3"
	done
	f=$d/magic0.o
	cp "$d/stripped.o" "$f"
	"$EDIT" "$f" secbyte .symtab_versions 0 0x00
	run "$tool" dump "$f"
	expect "$tag: stripped: the first block's magic damaged: none found, refused" \
		fails_with 1 "symtab: $f: refers to symtab imports but no import block can be found"
	f=$d/disagree.o
	cp "$d/stripped.o" "$f"
	"$EDIT" "$f" secbyte .symtab_versions 12 5
	run "$tool" dump "$f"
	expect "$tag: stripped: blocks found by content disagree on the count: refused" \
		fails_with 1 "malformed import blocks: the block at byte 0 of .symtab_versions counts 5 import blocks, the block at byte 96 of .symtab_versions counts 3"
	f=$d/format.o
	cp "$d/stripped.o" "$f"
	"$EDIT" "$f" secbyte .symtab_versions 100 0x07
	run "$tool" dump "$f"
	expect "$tag: stripped: a block found by content is checked like any" \
		fails_with 1 "the block at byte 96 of .symtab_versions: format 7, expected 1"

	# With symbols, a count must agree too.
	f=$d/named.o
	cp "$d/stamped.o" "$f"
	"$EDIT" "$f" symbyte __symtab_import_two 12 0
	run "$tool" dump "$f"
	expect "$tag: stripped: named blocks that disagree on the count: refused" \
		fails_with 1 "counts 0"
	for s in one two three; do
		"$EDIT" "$f" symbyte __symtab_import_$s 12 4
	done
	run "$tool" dump "$f"
	expect "$tag: stripped: named blocks counting 4 of 3: refused" \
		fails_with 1 "symtab: $f: malformed import blocks: 3 found, the blocks count 4"
}
