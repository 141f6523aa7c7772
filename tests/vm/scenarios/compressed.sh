# SPDX-License-Identifier: GPL-2.0-only
# Compressed modules in the VM: symtab.ko as .ko.gz, the exporter as
# .ko.zst, the consumer as .ko.xz (compressed here with xz/zstd/gzip, then
# re-stamped by symtab in their own compression), checked, loaded in
# dependency order and unloaded by `symtab`.  The kernel's own
# decompression (CONFIG_MODULE_DECOMPRESS) is not needed: symtab hands the
# kernel the module uncompressed, as kmod 30 does; whether the kernel has
# it is printed for the record.
. /tests/lib.sh

d=/tmp/compressed
mkdir -p $d
cfg=/proc/config.gz
if [ -r $cfg ] && zcat $cfg | grep -q '^CONFIG_MODULE_DECOMPRESS=y'; then
	echo "# $(uname -r): the kernel has CONFIG_MODULE_DECOMPRESS"
else
	echo "# $(uname -r): no CONFIG_MODULE_DECOMPRESS known (no $cfg, or not set)"
fi

missing=
for c in xz zstd gzip; do
	command -v $c >/dev/null || missing="$missing $c"
done
if [ -n "$missing" ]; then
	skip "compressed modules in the VM" "not in the initramfs:$missing"
	done_testing
	exit 0
fi

# versions FILE.ko: its records' CRCs as a versions file, from symtab dump.
versions() {
	symtab dump "$1" | awk -F'\t' '$1 != "-" && ($3 == "export" || $3 == "import") {
		print "#SYMVER " $2 " " $1 }'
}

# pack FORMAT NAME: $MODDIR/NAME.ko compressed into $d, then stamped twice
# (versionless, then with its own versions) so that symtab writes it back.
pack() {
	fmt=$1 name=$2 src=$MODDIR/$2.ko
	case $fmt in
	xz) out=$d/$name.ko.xz
	    xz -c --check=crc32 --lzma2=dict=1MiB "$src" >$out ;;
	zst) out=$d/$name.ko.zst
	     zstd -q -c "$src" >$out ;;
	gz) out=$d/$name.ko.gz
	    gzip -n -c "$src" >$out ;;
	esac
	versions "$src" >$d/$name.symvers
	: >$d/empty.symvers
	symtab stamp -q "$out" $d/empty.symvers &&
		symtab stamp -q "$out" $d/$name.symvers
}

check "compress and re-stamp symtab.ko as .ko.gz" pack gz symtab
check "compress and re-stamp symtest_export as .ko.zst" pack zst symtest_export
check "compress and re-stamp symtest_consumer as .ko.xz" pack xz symtest_consumer
check "the stamped .ko.xz is intact xz" xz -t $d/symtest_consumer.ko.xz
check "the stamped .ko.zst is intact zstd" zstd -q -t $d/symtest_export.ko.zst
check "dump reads the stamped .ko.xz" symtab dump $d/symtest_consumer.ko.xz
check_said "with the consumer's import" "symtest_move"

check "load -n plans the compressed chain" symtab load -n $d/symtest_consumer.ko.xz
plan=$(last_output | sed -n 's|^insmod .*/||p' | tr '\n' ' ')
check_eq "plan: symtab.ko.gz, symtest_export.ko.zst, symtest_consumer.ko.xz" \
	"symtab.ko.gz symtest_export.ko.zst symtest_consumer.ko.xz " "$plan"

dmesg_mark
check "load the compressed consumer: the compressed symtab.ko and exporter first" \
	symtab load $d/symtest_consumer.ko.xz
for m in symtab symtest_export symtest_consumer; do
	check "$m is loaded" grep -q "^$m " /proc/modules
done
check "check the loaded .ko.xz against the resident table" \
	symtab check $d/symtest_consumer.ko.xz
check_fails "unload of the exporter refused while the consumer uses it" \
	symtab unload $d/symtest_export.ko.zst
check_said "naming the consumer" "in use by symtest_consumer"
check "unload the consumer by its .ko.xz path" \
	symtab unload $d/symtest_consumer.ko.xz
check "unload the exporter by its .ko.zst path" \
	symtab unload $d/symtest_export.ko.zst
check_eq "neither is loaded" "" \
	"$(grep -E '^symtest_(export|consumer) ' /proc/modules)"

# A damaged .ko.xz: refused before the kernel sees it, named.
head -c 2000 $d/symtest_consumer.ko.xz >$d/cut.ko.xz
check_fails "load of a truncated .ko.xz is refused" symtab load $d/cut.ko.xz
check_said "naming the file" "$d/cut.ko.xz: truncated xz data"
done_testing
