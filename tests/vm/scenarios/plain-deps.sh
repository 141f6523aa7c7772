# SPDX-License-Identifier: GPL-2.0-only
# Ordinary modules, versioned by the kernel's own modversions only: the
# kernel refuses the importer alone in the words `symtab check` uses, and
# `symtab load` loads its ordinary dependency (modinfo depends) first.
. /tests/lib.sh

dmesg_mark
check_insmod_fails "insmod of the importer alone is refused" "" plain_import
check_dmesg "the kernel says Unknown symbol, as symtab check does" \
	"plain_import: Unknown symbol plain_add (err -2)"

check "dump plain_export" symtab dump "$MODDIR/plain_export.ko"
check_eq "seven kexport CRCs" 7 "$(last_output | grep -c '^0x[0-9a-f]*	plain_[a-z_]*	kexport$')"
check_said "dump says it has no symtab records" \
	"no symtab records; the kernel's modversions already cover its 7 EXPORT_SYMBOLs"

symtab check "$MODDIR/plain_import.ko" >/tmp/out 2>&1
check_eq "check without the kernel's Module.symvers: exit 0" 0 $?
check "... saying the kernel's versions are not checked" \
	grep -qF "the kernel's symbol versions are not checked" /tmp/out

check "load -n plans the dependency first" symtab load -n "$MODDIR/plain_import.ko"
check_eq "plan: plain_export, then plain_import" \
	"insmod $MODDIR/plain_export.ko insmod $MODDIR/plain_import.ko" \
	"$(last_output | grep '^insmod' | tr '\n' ' ' | sed 's/ $//')"
check_eq "load -n loads nothing" "" "$(grep '^plain_' /proc/modules)"

dmesg_mark
check "load loads plain_export, then plain_import" \
	symtab load "$MODDIR/plain_import.ko"
check "plain_export is loaded" grep -q '^plain_export ' /proc/modules
check "plain_import is loaded" grep -q '^plain_import ' /proc/modules
check_dmesg "plain_import's calls reached plain_export" \
	"plain_import: add 5, count 2, value 42, ns 43"
check "plain_export is used by plain_import" \
	grep -q '^plain_export .* plain_import,' /proc/modules

check "unload plain_import" symtab unload plain_import
check "unload plain_export" symtab unload plain_export
check_eq "both gone" "" "$(grep '^plain_' /proc/modules)"
done_testing
