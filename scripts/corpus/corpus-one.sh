#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# mkcorpus.sh's worker: for each FILE.c (relative to $SRC) that the config
# builds and that preprocesses, write $OUT/FILE.{i.zst,ref,symtypes,warn,rc}
# and print FILE.c.  Environment: SRC HDR GK FLAGS OUT (see mkcorpus.sh).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
{ read -r CC; read -ra CFLAGS; } <"$FLAGS"
conf=$HDR/include/config/auto.conf

# Whether Kbuild reaches DIR from its parent, and so on up (the top-level
# directories are all reached).
descended() {	# descended DIR
	local d=$1 up
	while [[ $d == */* && ( $d != arch/* || $d == arch/*/* ) ]]; do
		up=$(dirname "$d")
		[ -n "$(awk -f "$here/kbuild-object.awk" -v conf="$conf" \
			-v src="$SRC" -v file="$d/" \
			$(ls "$SRC/$up"/{Kbuild,Makefile} 2>/dev/null) </dev/null |
			head -1)" ] || return 1
		d=$up
	done
}

for rel in "$@"; do
	o=$OUT/${rel%.c}
	if [ -s "$o.ref" ] && [ -e "$o.i.zst" ]; then
		# Entries from before the -r record get it now.
		if [ ! -e "$o.rwarn" ]; then
			zstd -dcq "$o.i.zst" >"$o.tmp.$$.i" &&
			"$here/reference-probe.sh" "$GK" "$o.tmp.$$.i" \
				"$o.symtypes" >"$o.rwarn.$$" &&
			mv "$o.rwarn.$$" "$o.rwarn"
			rm -f "$o.tmp.$$.i" "$o.rwarn.$$"
		fi
		echo "$rel"
		continue
	fi
	# How the config builds it (y or m) and the per-directory flags.
	mapfile -t how < <(awk -f "$here/kbuild-object.awk" -v conf="$conf" \
		-v src="$SRC" -v file="$rel" $(ls "$SRC/$(dirname "$rel")"/{Kbuild,Makefile} 2>/dev/null) </dev/null)
	[ "${how[0]:-}" = y ] || [ "${how[0]:-}" = m ] || continue
	descended "$(dirname "$rel")" || continue
	name=$(basename "${rel%.c}")
	if [ "${how[0]}" = m ]; then
		kind=(-DMODULE)
	else
		kind=(-DKBUILD_MODFILE="\"${rel%.c}\"")
	fi
	read -ra extra <<<"${how[1]:-}"
	mkdir -p "$(dirname "$o")"
	tmp=$o.tmp.$$
	# Kbuild: $(CPP) -D__GENKSYMS__ $(c_flags) $< | genksyms ...
	if (cd "$HDR" && "$CC" -E -D__GENKSYMS__ "${CFLAGS[@]}" "${extra[@]}" \
		-I"$SRC/$(dirname "$rel")" "${kind[@]}" \
		-DKBUILD_BASENAME="\"$name\"" -DKBUILD_MODNAME="\"$name\"" \
		-D__KBUILD_MODNAME="kmod_$name" "$SRC/$rel" -o "$tmp.i") 2>/dev/null &&
	   "$GK" -w -T "$tmp.symtypes" <"$tmp.i" >"$tmp.ref" 2>"$tmp.warn"; then
		rc=0
	else
		rc=$?
	fi
	if [ -s "$tmp.ref" ] && [ -e "$tmp.symtypes" ] &&
	   zstd -q -1 -f "$tmp.i" -o "$o.i.zst"; then
		echo $rc >"$o.rc"
		"$here/reference-probe.sh" "$GK" "$tmp.i" "$tmp.symtypes" >"$o.rwarn"
		mv "$tmp.warn" "$o.warn"
		mv "$tmp.symtypes" "$o.symtypes"
		mv "$tmp.ref" "$o.ref"
		echo "$rel"
	fi
	rm -f "$tmp".*
done
