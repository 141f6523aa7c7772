#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Build a genksyms corpus from a Debian kernel source package: every .c file
# that exports symbols and that Debian's amd64 config builds, preprocessed as
# Kbuild does for genksyms (Kbuild's own C flags, taken from the matching
# headers package, plus -D__GENKSYMS__), with the kernel genksyms' answers.
#
#   scripts/corpus/mkcorpus.sh [-o OUT] [-j JOBS] VERSION [DIR|FILE.c ...]
#
# VERSION is 6.1 or 6.12 (needs linux-source-, linux-headers-*-amd64 and
# linux-kbuild- of that version).  DIRs and FILEs are relative to the source
# tree, default the whole tree.  OUT defaults to $CACHE/corpus-VERSION, with
# CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/symtab, where the source is unpacked.
# For each source path P.c it writes, under OUT:
#   P.i.zst     the preprocessed input (zstd)
#   P.ref       kernel genksyms stdout        P.symtypes  its -T dump
#   P.warn      its stderr with -w            P.rc        its exit status
#   P.rwarn     its stderr and status with -w -r against a changed -T
# and OUT/files lists the P.c that made it in.  Files already done are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=
jobs=$(nproc)
while getopts o:j: opt; do
	case $opt in
	o)	out=$OPTARG ;;
	j)	jobs=$OPTARG ;;
	*)	exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-o OUT] [-j JOBS] VERSION [DIR|FILE ...]" >&2; exit 2; }
V=$1
shift
die() { echo "mkcorpus: $*" >&2; exit 1; }

CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/symtab
TARBALL=/usr/src/linux-source-$V.tar.xz
HDR=$(ls -d /usr/src/linux-headers-"$V".[0-9]*-amd64 2>/dev/null | sort -V | tail -1 || true)
GK=$(ls /usr/lib/linux-kbuild-"$V"{,.[0-9]*}/scripts/genksyms/genksyms 2>/dev/null |
	sort -V | tail -1 || true)
[ -f "$TARBALL" ] || die "no $TARBALL (apt-get install linux-source-$V)"
[ -n "$HDR" ] || die "no /usr/src/linux-headers-$V.*-amd64 (apt-get install linux-headers-$V-amd64)"
[ -n "$GK" ] || die "no kernel genksyms $V (apt-get install linux-kbuild-$V)"
out=${out:-$CACHE/corpus-$V}

# The tarball unpacks into linux-source-$V/.
SRC=$CACHE/linux-source-$V
if [ ! -f "$SRC/.unpacked" ]; then
	mkdir -p "$CACHE"
	echo "mkcorpus: unpacking $TARBALL into $CACHE" >&2
	rm -rf "$SRC"
	tar -C "$CACHE" -xf "$TARBALL"
	touch "$SRC/.unpacked"
fi

# Kbuild's C flags for this headers package, from a one-line module built
# with V=1: its .cmd file is exactly what Kbuild ran.
REL=$(basename "$HDR")
FLAGS=$CACHE/cflags-$REL
if [ ! -s "$FLAGS" ]; then
	"$here/kbuild-cflags.sh" "$HDR" >"$FLAGS.tmp" || die "cannot get Kbuild's flags from $HDR"
	mv "$FLAGS.tmp" "$FLAGS"
fi

# Candidate sources: exporting .c files, nothing built for other
# architectures or for the host.
cd "$SRC"
[ $# -gt 0 ] || set -- .
find "$@" -name '*.c' -type f 2>/dev/null | sed 's|^\./||' |
	grep -Ev '^(arch/[^x]|arch/xen|tools/|scripts/|samples/|Documentation/|usr/)' |
	xargs grep -l 'EXPORT_SYMBOL' 2>/dev/null | sort >"$CACHE/candidates-$V.$$" || true
mkdir -p "$out"
touch "$out/files"
export SRC HDR GK FLAGS OUT=$out
nice -n 10 xargs -P "$jobs" -n 8 "$here/corpus-one.sh" <"$CACHE/candidates-$V.$$" |
	sort -u >"$out/new.$$" || true
rm -f "$CACHE/candidates-$V.$$"
sort -u "$out/new.$$" "$out/files" 2>/dev/null >"$out/files.$$" || true
mv "$out/files.$$" "$out/files"
rm -f "$out/new.$$"
echo "mkcorpus: $V: $(wc -l <"$out/files") files in $out" >&2
[ -s "$out/files" ]
