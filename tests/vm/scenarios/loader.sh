# SPDX-License-Identifier: GPL-2.0-only
# The userspace loader (symtab load/unload) inside the VM: dependency
# resolution across a three-module chain, refusal while in use.
. /tests/lib.sh

# The plan names the exporters first, in dependency order.
check "load -n plans the chain" symtab load -n "$MODDIR/chain_c.ko"
plan=$(last_output | grep -o 'chain_[abc]' | tr '\n' ' ')
check_eq "plan order is chain_a chain_b chain_c" "chain_a chain_b chain_c " "$plan"
check_eq "load -n loads nothing" "" "$(grep -E '^(symtab|chain_)' /proc/modules)"

dmesg_mark
check "load resolves and loads the chain" symtab load "$MODDIR/chain_c.ko"
for m in symtab chain_a chain_b chain_c; do
	check "$m is loaded" grep -q "^$m " /proc/modules
done
check_dmesg "chain_c's call went through chain_b into chain_a" \
	"chain_c: value 2 depth 2 from chain_a"

check_fails "unload of chain_a refused while chain_b uses it" symtab unload chain_a
check_said "the refusal names the user" chain_b
check "chain_a still loaded" grep -q '^chain_a ' /proc/modules
check "unload chain_c" symtab unload chain_c
check "unload chain_b" symtab unload chain_b
check "unload chain_a once unused" symtab unload chain_a
check_eq "chain symbols left /proc/symtab" "" "$(grep chain_ /proc/symtab)"

done_testing
