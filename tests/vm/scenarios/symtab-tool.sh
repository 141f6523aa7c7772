# SPDX-License-Identifier: GPL-2.0-only
# symtab load/check/list/unload in the VM, beyond tests/vm/scenarios/loader.sh:
# symtab.ko loaded on demand, refusal before insertion, -f, the kernel's
# refusal in words (strict=1), unload naming the user.
. /tests/lib.sh

check_fails "load of the stale consumer refused before insertion" \
	symtab load "$MODDIR/symtest_stale.ko"
check_said "the refusal is the check message" "version mismatch for symtest_move"
check_eq "nothing inserted" "" "$(grep -E '^(symtab|symtest_)' /proc/modules)"

check "load the consumer: symtab.ko and the exporter first" \
	symtab load "$MODDIR/symtest_consumer.ko"
check "symtab is loaded" grep -q '^symtab ' /proc/modules
check "symtest_export is loaded" grep -q '^symtest_export ' /proc/modules
check "list" symtab list
check_said "list names symtest_move" symtest_move
check_fails "check refuses the stale consumer" symtab check "$MODDIR/symtest_stale.ko"
check_said "check says mismatch, kernel has" "kernel has symtest_move_R"
check "check accepts the consumer" symtab check "$MODDIR/symtest_consumer.ko"

check "load -f loads the stale consumer" symtab load -f "$MODDIR/symtest_stale.ko"
check_said "load -f says so" "version mismatch overridden"
check_said "load -f shows the kernel's warning" "no symbol version for symtest_move"
check "symtest_stale is loaded" grep -q '^symtest_stale ' /proc/modules
check "unload symtest_stale" symtab unload symtest_stale
check_fails "unload symtest_export while the consumer uses it" symtab unload symtest_export
check_said "names the consumer" "in use by symtest_consumer"

echo 1 >/sys/module/symtab/parameters/strict
check_fails "load -f under strict=1: the kernel refuses" \
	symtab load -f "$MODDIR/symtest_stale.ko"
check_said "in words" "Invalid argument"
check_said "with the kernel's line" "symtab: kernel: symtab: symtest_stale: no symbol version for symtest_move"
check_fails "load of a module that is not there" symtab load "$MODDIR/nonexistent.ko"
done_testing
