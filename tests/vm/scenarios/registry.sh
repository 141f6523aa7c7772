# SPDX-License-Identifier: GPL-2.0-only
# symtab.ko's resident table: an exporter registers and /proc/symtab lists
# it in the exact format; a consumer loads and reaches it; the exporter
# cannot go while used; duplicates are refused; a forgotten table leaves
# with its module, also when its init fails; non-root readers see no
# addresses.
. /tests/lib.sh

# want_name MODULE SYMBOL: the name /proc/symtab must show, from the CRC
# `symtab dump` reads in the module file ("-" when versionless).
want_name() {
	crc=$(symtab dump "$MODDIR/$1.ko" | awk -v s="$2" '$2 == s { print $1; exit }')
	case "$crc" in
	0x*) echo "$2_R${crc#0x}" ;;
	*) echo "$2" ;;
	esac
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "/proc/symtab is mode 0444" sh -c '[ "$(stat -c %a /proc/symtab)" = 444 ]'
check "/proc/symtab_users is mode 0444" \
	sh -c '[ "$(stat -c %a /proc/symtab_users)" = 444 ]'
check_eq "nothing resident yet" "" "$(cat /proc/symtab)"

check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"
for s in symtest_add symtest_move symtest_value; do
	case "$(want_name symtest_export $s)" in
	*_R*) tap 0 "$s is stamped with a CRC" ;;
	*) tap 1 "$s is stamped with a CRC" ;;
	esac
done

# Each line: 16 hex digits, the versioned name, a tab, [module]; the
# address is the one kallsyms gives for the symbol.
for s in symtest_add symtest_move symtest_value; do
	addr=$(awk -v s="$s" '$3 == s && $4 == "[symtest_export]" { print $1 }' \
		/proc/kallsyms)
	want="$addr $(want_name symtest_export $s)	[symtest_export]"
	check_eq "/proc/symtab lists $s exactly" "$want" \
		"$(grep " ${s}[_	]" /proc/symtab)"
done
check_eq "/proc/symtab lists three symbols" 3 "$(wc -l </proc/symtab)"
check "addresses are not zero for root" \
	sh -c '! grep -q "^0000000000000000 " /proc/symtab'

# An unprivileged reader gets zeros, in the same format.  (The initramfs
# root may be 0700, which would stop nobody before /proc.)
chmod 755 /
su -s /bin/sh nobody -c 'cat /proc/symtab' >/tmp/nobody.out 2>&1
check_eq "non-root reader sees zero addresses" \
	"$(sed 's/^[0-9a-f]*/0000000000000000/' /proc/symtab)" \
	"$(cat /tmp/nobody.out)"

dmesg_mark
check "insmod symtest_consumer" insmod "$MODDIR/symtest_consumer.ko"
check_dmesg "the consumer's calls returned the exporter's results" \
	"symtest_consumer: add 5 move 11 value 43"
check_eq "the calls reached the exporter" 2 \
	"$(cat /sys/module/symtest_export/parameters/calls)"
check_eq "the consumer wrote the exporter's variable" 43 \
	"$(cat /sys/module/symtest_export/parameters/symtest_value)"
check_eq "/proc/symtab_users lists the consumer's imports" \
	"symtest_consumer	symtest_export	symtest_add
symtest_consumer	symtest_export	symtest_move
symtest_consumer	symtest_export	symtest_value" \
	"$(sort /proc/symtab_users)"
check_eq "the exporter holds one reference per import" 3 \
	"$(cat /sys/module/symtest_export/refcnt)"

check_fails "rmmod symtest_export refused while the consumer uses it" \
	rmmod symtest_export
check "symtest_export still loaded" grep -q '^symtest_export ' /proc/modules

dmesg_mark
check_insmod_fails "duplicate registration refused" "File exists" symtest_dup
check_dmesg "the refusal names both modules" \
	"symtab: symtest_dup: symbol symtest_add is already registered by symtest_export"
check_eq "the duplicate registered nothing" 3 "$(wc -l </proc/symtab)"

check "rmmod symtest_consumer" rmmod symtest_consumer
check_eq "no user left" "" "$(cat /proc/symtab_users)"
check_eq "the exporter's refcount is back to 0" 0 \
	"$(cat /sys/module/symtest_export/refcnt)"
check "rmmod symtest_export once unused" rmmod symtest_export
check_eq "its symbols left /proc/symtab" "" "$(cat /proc/symtab)"

check "insmod symtest_forget" insmod "$MODDIR/symtest_forget.ko"
check_eq "symtest_forget registered two symbols" 2 \
	"$(grep -c '	\[symtest_forget\]$' /proc/symtab)"
check "rmmod symtest_forget (no unregister_symtab)" rmmod symtest_forget
check_eq "its table left with it" "" "$(cat /proc/symtab)"
# An init that fails after registering: the table goes with the module.
dmesg_mark
check_insmod_fails "symtest_forget fail=1: init fails after registering" \
	"Resource temporarily unavailable" symtest_forget fail=1
check_dmesg "it had registered" \
	"symtest_forget: registered, now failing init"
check_eq "its table left with it" "" "$(cat /proc/symtab)"
check "the names are free again: insmod symtest_forget" \
	insmod "$MODDIR/symtest_forget.ko"
check "rmmod symtest_forget" rmmod symtest_forget

check "the registry is empty: rmmod symtab" rmmod symtab

done_testing
