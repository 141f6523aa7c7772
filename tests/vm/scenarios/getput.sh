# SPDX-License-Identifier: GPL-2.0-only
# symtab_get()/symtab_put(): by plain name, by versioned name and through
# function pointers; a wrong version and an unknown name give NULL; a held
# pin keeps the exporter loaded and is listed in /proc/symtab_users until
# symtab_put() or until its user goes away.
. /tests/lib.sh

refcnt() {
	cat /sys/module/symtest_export/refcnt
}

# getput NAME [PARAMS]: load symtest_getput looking NAME up.
getput() {
	name=$1
	shift
	dmesg_mark
	check "symtest_getput name=$name $*" \
		insmod "$MODDIR/symtest_getput.ko" name="$name" "$@"
}

found() {
	cat /sys/module/symtest_getput/parameters/found
}

check "insmod symtab.ko" insmod "$MODDIR/symtab.ko"
check "insmod symtest_export" insmod "$MODDIR/symtest_export.ko"

# Plain name: any version.
getput symtest_value
check_eq "plain name found" 1 "$(found)"
check_dmesg "plain name: symtab_get() found it" \
	"symtest_getput: symtab_get(symtest_value) found it"
check_eq "the pin holds the exporter" 1 "$(refcnt)"
check_eq "/proc/symtab_users lists the pin" \
	"symtest_getput	symtest_export	symtest_value" "$(cat /proc/symtab_users)"
check_fails "rmmod symtest_export refused while pinned" rmmod symtest_export
check "rmmod symtest_getput puts the pin" rmmod symtest_getput
check_eq "pin released" 0 "$(refcnt)"
check_eq "/proc/symtab_users is empty" "" "$(cat /proc/symtab_users)"

# The functions called through pointers find their caller by address.
getput symtest_move by_pointer=1
check_eq "by pointer: found" 1 "$(found)"
check_eq "by pointer: /proc/symtab_users names the caller" \
	"symtest_getput	symtest_export	symtest_move" "$(cat /proc/symtab_users)"
check "rmmod symtest_getput" rmmod symtest_getput
check_eq "by pointer: pin released" 0 "$(refcnt)"
getput symtest_move by_pointer=1 hold=0
check_eq "by pointer, get and put: no pin left" 0 "$(refcnt)"
check "rmmod symtest_getput" rmmod symtest_getput

# Versioned name, exactly as /proc/symtab shows it.
versioned=$(sed -n 's/^[0-9a-f]* \(symtest_add_R[0-9a-f]\{8\}\)	.*/\1/p' /proc/symtab)
check "symtest_add is resident with a version" [ -n "$versioned" ]
getput "${versioned:-symtest_add_R00000000}"
check_eq "versioned name found" 1 "$(found)"
check_eq "/proc/symtab_users names the symbol" \
	"symtest_getput	symtest_export	symtest_add" "$(cat /proc/symtab_users)"
check "rmmod symtest_getput" rmmod symtest_getput
check_eq "pin released" 0 "$(refcnt)"

# The same name with another version: NULL, and no pin.
crc=${versioned##*_R}
case "$crc" in
*0) wrong=${versioned%?}1 ;;
*) wrong=${versioned%?}0 ;;
esac
getput "$wrong"
check_eq "wrong version: NULL" 0 "$(found)"
check_dmesg "wrong version: symtab_get() returned NULL" \
	"symtest_getput: symtab_get($wrong) returned NULL"
check_eq "wrong version: no pin" 0 "$(refcnt)"
check "rmmod symtest_getput" rmmod symtest_getput

getput symtest_unheard_of
check_eq "unknown name: NULL" 0 "$(found)"
check "rmmod symtest_getput" rmmod symtest_getput

# A user that unloads without symtab_put(): its code is gone, so its pins
# go with it, reported once; the exporter is free again.
getput symtest_value leak=1
dmesg_mark
check "rmmod symtest_getput without putting" rmmod symtest_getput
check_dmesg "the leaked pin is reported" \
	"symtab: symtest_getput: went away with 1 symtab_get() pins not put: released"
check_eq "the leaked pin is released" "" "$(cat /proc/symtab_users)"
check_eq "the exporter is free" 0 "$(refcnt)"
dmesg_mark
getput symtest_value put_only=1
check_dmesg "an unbalanced symtab_put() is reported" \
	"symtab: symtest_getput: symtab_put(symtest_value) without a matching symtab_get(): ignored"
check_eq "and changes no refcount" 0 "$(refcnt)"
check "rmmod symtest_getput" rmmod symtest_getput

# symtab_put() at once: balanced, nothing held.
getput symtest_move hold=0
check_eq "get and put: found" 1 "$(found)"
check_eq "get and put: no pin left" 0 "$(refcnt)"
check_eq "get and put: no user listed" "" "$(cat /proc/symtab_users)"
check "rmmod symtest_export while symtest_getput is loaded but done" \
	rmmod symtest_export
check "rmmod symtest_getput" rmmod symtest_getput

# Once the exporter is gone, its symbols are too.
getput symtest_value
check_eq "after the exporter left: NULL" 0 "$(found)"
check "rmmod symtest_getput" rmmod symtest_getput
check "rmmod symtab" rmmod symtab
done_testing
