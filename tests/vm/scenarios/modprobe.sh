# SPDX-License-Identifier: GPL-2.0-only
# Debian's own modprobe (kmod) and symtab softdeps: `symtab stamp -e`
# names chain_c's and chain_b's exporters in their .modinfo, as the module
# build scripts do (make testmodules leaves it out), which moves .modinfo
# to the end of the file: the kernel must load them all the same.  After
# depmod, plain `modprobe chain_c` loads symtab.ko, chain_a, chain_b, then
# chain_c; `modprobe -r chain_c` removes what became unused.
. /tests/lib.sh
KMOD=/usr/sbin

if [ ! -x $KMOD/modprobe ]; then
	skip "modprobe loads the exporters first" "no kmod in the initramfs"
	done_testing
	exit 0
fi

# The records the build scripts write (Module.symtab), and each module's
# versions as stamped, so that stamping again changes only .modinfo.
for m in chain_a chain_b; do
	symtab dump "$MODDIR/$m.ko" |
		awk -v m=$m '$3 == "export" { print $1 "\t" $2 "\t" m "\tsymtab" }'
done >/tmp/Module.symtab
for m in chain_b chain_c; do
	symtab dump "$MODDIR/$m.ko" | awk '$3 == "export" || $3 == "import" {
		print "#SYMVER " $2 " " $1 }' >/tmp/$m.symvers
	check "stamp -e names $m's exporter" \
		symtab stamp -e /tmp/Module.symtab "$MODDIR/$m.ko" /tmp/$m.symvers
done
check_eq "chain_c: softdep pre: chain_b" "pre: chain_b" \
	"$($KMOD/modinfo -F softdep "$MODDIR/chain_c.ko")"
check "depmod" $KMOD/depmod -a
check "modules.softdep: chain_b pre: chain_a" \
	grep -qx 'softdep chain_b pre: chain_a' "/lib/modules/$(uname -r)/modules.softdep"

dmesg_mark
check "modprobe chain_c" $KMOD/modprobe chain_c
for m in symtab chain_a chain_b chain_c; do
	check "$m is loaded" grep -q "^$m " /proc/modules
done
check_dmesg "chain_c's call went through chain_b into chain_a" \
	"chain_c: value 2 depth 2 from chain_a"

check_fails "modprobe -r chain_b while chain_c uses it: refused" \
	$KMOD/modprobe -r chain_b
check_said "... as in use" "Module chain_b is in use"
check_eq "... and the chain stays" "symtab chain_a chain_b chain_c " \
	"$(for m in symtab chain_a chain_b chain_c; do
		grep -q "^$m " /proc/modules && echo $m; done | tr '\n' ' ')"

check "modprobe -r chain_c" $KMOD/modprobe -rv chain_c
check_eq "... in the order: chain_c, its softdeps (chain_b, then chain_a), then symtab" \
	"chain_c chain_b chain_a symtab " \
	"$(last_output | awk '$1 == "rmmod" { print $2 }' | tr '\n' ' ')"
check_eq "modprobe -r removed chain_c and what became unused" "" \
	"$(grep -E '^(symtab|chain_)' /proc/modules | awk '{ print $1 }' | tr '\n' ' ')"
done_testing
