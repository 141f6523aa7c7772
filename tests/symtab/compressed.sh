# SPDX-License-Identifier: GPL-2.0-only
# tests/symtab/compressed.sh: compressed modules (.ko.xz, .ko.zst, .ko.gz),
# made at test time with xz(1), zstd(1) and gzip(1) from the test objects
# and modules.  Sourced by run.sh (its helpers: run, expect, fails_with,
# unchanged, no_temp_files; $work, $obj).

# The formats: extension, compress command, test command, magic (od -tx1).
comp_formats() {
	printf '%s\n' \
		"xz|xz -c --check=crc32 --lzma2=dict=1MiB|xz -t|fd 37 7a 58 5a 00" \
		"zst|zstd -q -c|zstd -q -t|28 b5 2f fd" \
		"gz|gzip -n -c|gzip -t|1f 8b"
}

comp_magic() { # FILE BYTES
	od -An -tx1 -N"$2" "$1" | sed 's/^ *//; s/ *$//'
}

# uncompress FILE: its bytes, uncompressed, on stdout (any of the formats).
comp_cat() {
	case $1 in
	*.xz) xz -dc "$1" ;;
	*.zst) zstd -q -dc "$1" ;;
	*.gz) gzip -dc "$1" ;;
	*) cat "$1" ;;
	esac
}

compressed_cases() { # TOOL TAG
	local tool=$1 tag=$2 d=$work/$2/compressed ext pack test magic f before
	local missing=
	for c in xz zstd gzip; do
		command -v $c >/dev/null || missing="$missing $c"
	done
	if [ -n "$missing" ]; then
		skip "$tag: compressed modules" "not installed:$missing (scripts/deps.sh)"
		return
	fi
	mkdir -p "$d"
	printf '#SYMVER alpha_func 0x1a2b3c4d\n#SYMVER alpha_counter 0x00c0ffee\n#SYMVER beta_func 0x5e6f7a8b\n' \
		>"$d/v.symvers"
	# The reference: the plain object, stamped.
	cp "$obj/alpha.o" "$d/ref.ko"
	run "$tool" dump "$d/ref.ko"
	cp "$work/out" "$d/ref.unstamped"
	run "$tool" stamp -q "$d/ref.ko" "$d/v.symvers"
	run "$tool" dump "$d/ref.ko"
	cp "$work/out" "$d/ref.stamped"
	printf '%016x beta_func_R5e6f7a8b\t[beta]\n' 0 >"$d/table"
	printf '%016x gamma_value_R0badcafe\t[gamma]\n' 0 >"$d/table.gamma"

	while IFS='|' read -r ext pack test magic; do
		f=$d/alpha.ko.$ext
		$pack "$obj/alpha.o" >"$f"
		run "$tool" dump "$f"
		expect "$tag: $ext: dump reads the compressed module" \
			sh -c "[ $rc = 0 ] && diff -u '$d/ref.unstamped' '$work/out'"
		chmod 640 "$f"
		run "$tool" stamp "$f" "$d/v.symvers"
		expect "$tag: $ext: stamp a compressed module" \
			sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
		expect "$tag: $ext: ... written back in its own compression" \
			sh -c "[ '$(comp_magic "$f" $(echo $magic | wc -w))' = '$magic' ] && $test '$f'"
		expect "$tag: $ext: ... uncompressed, the same bytes as the plain file stamped" \
			sh -c "$(declare -f comp_cat); comp_cat '$f' | cmp -s - '$d/ref.ko'"
		expect "$tag: $ext: ... with the file mode kept" \
			[ "$(stat -c %a "$f")" = 640 ]
		expect "$tag: $ext: ... and no temporary file left" \
			no_temp_files "$d"
		run "$tool" dump "$f"
		expect "$tag: $ext: dump after stamp shows the versions" \
			sh -c "[ $rc = 0 ] && diff -u '$d/ref.stamped' '$work/out'"
		before=$(sum "$f")
		run "$tool" stamp -q "$f" "$d/v.symvers"
		expect "$tag: $ext: stamping again changes nothing" \
			sh -c "[ $rc = 0 ] && [ '$before' = '$(sum "$f")' ]"
		run "$tool" check --table "$d/table" "$f"
		expect "$tag: $ext: check reads it" \
			sh -c "[ $rc = 0 ] && [ ! -s '$work/err' ]"
		run "$tool" check --table "$d/table.gamma" "$f"
		expect "$tag: $ext: check names the compressed file in a problem" \
			fails_with 1 "symtab: $f: unresolved symbol beta_func_R5e6f7a8b"

		# Detected by magic, not by name: named .ko, or named wrongly.
		cp "$f" "$d/misnamed-$ext.ko"
		run "$tool" dump "$d/misnamed-$ext.ko"
		expect "$tag: $ext: found by its magic in a file named .ko" \
			sh -c "[ $rc = 0 ] && diff -u '$d/ref.stamped' '$work/out'"

		# Truncated and corrupt: errors naming the file; nothing written.
		head -c $(($(stat -c %s "$f") / 2)) "$f" >"$d/cut.ko.$ext"
		before=$(sum "$d/cut.ko.$ext")
		run "$tool" dump "$d/cut.ko.$ext"
		expect "$tag: $ext: a truncated file is an error naming it" \
			fails_with 1 "symtab: $d/cut.ko.$ext: truncated"
		run "$tool" stamp "$d/cut.ko.$ext" "$d/v.symvers"
		expect "$tag: $ext: stamp refuses a truncated file" \
			fails_with 1 "symtab: $d/cut.ko.$ext: truncated"
		expect "$tag: $ext: ... leaving it as it was, no temporary file" \
			sh -c "[ '$before' = '$(sum "$d/cut.ko.$ext")' ] && ! ls -A '$d' | grep -q '^\.symtab-stamp\.'"
		cp "$f" "$d/bad.ko.$ext"
		# One byte in the middle of the compressed stream.
		printf '\125' | dd of="$d/bad.ko.$ext" bs=1 \
			seek=$(($(stat -c %s "$f") / 2)) conv=notrunc status=none
		before=$(sum "$d/bad.ko.$ext")
		run "$tool" dump "$d/bad.ko.$ext"
		expect "$tag: $ext: a corrupt file is an error naming it" \
			sh -c "[ $rc = 1 ] && grep -qE '^symtab: $d/bad.ko.$ext: (corrupt|truncated) ' '$work/err'"
		run "$tool" stamp "$d/bad.ko.$ext" "$d/v.symvers"
		expect "$tag: $ext: stamp refuses a corrupt file, unchanged" \
			sh -c "[ $rc = 1 ] && [ '$before' = '$(sum "$d/bad.ko.$ext")' ]"
	done <<-EOF
	$(comp_formats)
	EOF

	# A plain ELF file named .ko.xz is read as what it is (kmod does so).
	cp "$d/ref.ko" "$d/plain.ko.xz"
	run "$tool" dump "$d/plain.ko.xz"
	expect "$tag: an uncompressed module named .ko.xz is read as plain" \
		sh -c "[ $rc = 0 ] && diff -u '$d/ref.stamped' '$work/out'"
	run "$tool" stamp -q "$d/plain.ko.xz" "$d/v.symvers"
	expect "$tag: ... and stays plain when stamped" \
		sh -c "[ $rc = 0 ] && cmp -s '$d/plain.ko.xz' '$d/ref.ko'"
	printf 'not a module\n' | xz -c >"$d/text.ko.xz"
	run "$tool" dump "$d/text.ko.xz"
	expect "$tag: compressed text is not an ELF file, named" \
		fails_with 1 "symtab: $d/text.ko.xz: not an ELF file"

	# explain reads the types stored in compressed builds (cases' old.o
	# and new.o, stamped with -T).
	if [ -f "$work/$tag/old.o" ] && [ -f "$work/$tag/new.o" ]; then
		xz -c "$work/$tag/old.o" >"$d/old.ko.xz"
		zstd -q -c "$work/$tag/new.o" >"$d/new.ko.zst"
		run "$tool" explain "$d/old.ko.xz" "$d/new.ko.zst"
		expect "$tag: explain reads a .ko.xz and a .ko.zst" \
			sh -c "[ $rc = 1 ] && grep -qF \"alpha_func: arg 1 -> struct foo: member 'int b' added\" '$work/out'"
	else
		not_ok "$tag: explain of compressed builds: cases left no old.o/new.o"
	fi

	# load -n finds compressed candidates in a module directory.
	local mods=$d/mods
	mkdir -p "$mods"
	cp "$d/alpha.ko.xz" "$mods/alpha.ko.xz"
	cp "$obj/beta.o" "$mods/beta.ko"
	cp "$obj/gamma.o" "$mods/gamma.ko"
	printf '#SYMVER beta_func 0x5e6f7a8b\n#SYMVER gamma_value 0x0badcafe\n' \
		>"$d/bg.symvers"
	run "$tool" stamp -q "$mods/beta.ko" "$d/bg.symvers"
	run "$tool" stamp -q "$mods/gamma.ko" "$d/bg.symvers"
	zstd -q --rm "$mods/beta.ko"
	gzip -n "$mods/gamma.ko"
	: >"$d/table.empty"
	run "$tool" load -n -d "$mods" -t "$d/table.empty" "$mods/alpha.ko.xz"
	expect "$tag: load -n plans a chain of .ko.gz, .ko.zst and .ko.xz" \
		sh -c "[ $rc = 0 ] && [ \"\$(cat '$work/out')\" = 'insmod $mods/gamma.ko.gz
insmod $mods/beta.ko.zst
insmod $mods/alpha.ko.xz' ]"
}

# compressed_kernel_module RELEASE TOOL: the Kbuild test module of run.sh's
# kmodule (kmod-RELEASE/tiny.ko), compressed as the kernel's build does:
# stamped back in its own compression, kmod's modinfo still reads it.
compressed_kernel_module() {
	local k=$1 tool=$2 m=$work/kmod-$1 t=${2##*/build/} ext pack test magic
	[ -f "$m/tiny.ko" ] || return 0
	while IFS='|' read -r ext pack test magic; do
		cp "$m/tiny.ko" "$m/plain.ko"
		run "$tool" stamp -q "$m/plain.ko" "$m/tiny.symvers"
		$pack "$m/tiny.ko" >"$m/c.ko.$ext"
		run "$tool" stamp -q "$m/c.ko.$ext" "$m/tiny.symvers"
		expect "kbuild $k $t: $ext: a real module stamped compressed equals it stamped plain" \
			sh -c "[ $rc = 0 ] && $(declare -f comp_cat); comp_cat '$m/c.ko.$ext' | cmp -s - '$m/plain.ko'"
		# Debian's libkmod reads xz and zstd, not gzip.
		if [ "$ext" = gz ] && ! ldd "$(command -v modinfo)" /lib/*/libkmod.so.2 2>/dev/null | grep -q libz.so; then
			skip "kbuild $k $t: $ext: modinfo reads the stamped module" \
				"this kmod is built without zlib"
			continue
		fi
		expect "kbuild $k $t: $ext: modinfo reads the stamped module" \
			sh -c "modinfo -F license '$m/c.ko.$ext' | grep -qx GPL"
	done <<-EOF
	$(comp_formats)
	EOF
	if [ -n "$(xz --robot -l "$m/c.ko.xz" | awk -F'\t' '$1 == "file" && $7 == "CRC32"')" ]; then
		ok "kbuild $k $t: xz: written with the CRC32 check the kernel's decompressor reads"
	else
		not_ok "kbuild $k $t: xz: written with the CRC32 check the kernel's decompressor reads"
	fi
}

# compressed_distro_modules RELEASE TOOL: a kernel's own compressed modules
# (Debian's 6.12 ships every one as .ko.xz) read as modprobe reads them.
compressed_distro_modules() {
	local k=$1 tool=$2 t=${2##*/build/} f n=0 bad=0
	for f in $(find "/lib/modules/$k/kernel" -name '*.ko.*' 2>/dev/null | sort | head -20); do
		n=$((n + 1))
		"$tool" dump "$f" 2>/dev/null | awk -F'\t' '$3 == "kimport" { print $1, $2 }' | sort >"$work/ours"
		modprobe --dump-modversions "$f" 2>/dev/null | awk '{ print $1, $2 }' | sort >"$work/kmods"
		[ -s "$work/kmods" ] && cmp -s "$work/ours" "$work/kmods" ||
			{ bad=$((bad + 1)); echo "# differs from modprobe: $f"; }
	done
	if [ $n = 0 ]; then
		skip "$k $t: compressed modules of the kernel read as modprobe does" \
			"$k has no compressed modules"
	else
		tap $bad "$k $t: $n compressed modules of the kernel: dump's kimports are modprobe --dump-modversions'"
	fi
}

# check_whole_kernel RELEASE TOOL: symtab check -a, every module of it.
check_whole_kernel() {
	local k=$1 tool=$2 count
	if [ ! -f "/lib/modules/$k/build/Module.symvers" ]; then
		skip "check -a -k $k" "no Module.symvers (headers not installed)"
		return
	fi
	count=$(find "/lib/modules/$k" \( -name '*.ko' -o -name '*.ko.xz' -o \
		-name '*.ko.zst' -o -name '*.ko.gz' \) -type f | wc -l)
	timeout 300 "$tool" check -a -k "$k" >"$work/out" 2>"$work/err"
	rc=$?
	local line
	line=$(cat "$work/out")
	# RELEASE: COUNT modules checked in SECONDS s: 0 problems
	if [ $rc = 0 ] && [ ! -s "$work/err" ] && [ "${line%% *}" = "$k:" ] &&
		echo "${line#* }" | grep -qxE "$count modules checked in [0-9.]+ s: 0 problems"; then
		ok "check -a -k $k: all $count modules pass, one summary line"
	else
		not_ok "check -a -k $k: all $count modules pass, one summary line"
		sed 's/^/#   /' "$work/out" "$work/err" | head -20
	fi
}
