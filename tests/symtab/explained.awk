# SPDX-License-Identifier: GPL-2.0-only
# The imports that `symtab check -k`'s explanation of module M names, one a
# line, from its stderr: the block after "symtab: M: explaining from ...",
# grouped as `symtab explain` groups (a change reached from one import is
# "  because SYM: ...", one reached from several lists them under it: "SYM:
# path" lines, then "and N more: a, b, ..." and its wrapped lines).  An
# import whose change the types cannot show ("CRC changed") is not named.
#
#   awk -v m=MODULE.ko -f explained.awk STDERR
function names(s,	a, i, k) {
	k = split(s, a, /[ ,]+/)
	for (i = 1; i <= k; i++)
		if (a[i] != "" && a[i] != "...")
			print a[i]
}
/^symtab: / {
	inblk = index($0, "symtab: " m ": explaining from ") == 1
	next
}
!inblk { next }
/^  because / {
	l = substr($0, 11)
	if (l !~ /: CRC changed / && match(l, /^[^ :]+: /))
		print substr(l, 1, RLENGTH - 2)
	next
}
/^      and [0-9]+ more:/ {
	sub(/^      and [0-9]+ more:/, "")
	names($0)
	next
}
/^        [^ ]/ { names($0); next }
/^      [^ ]/ {
	l = substr($0, 7)
	sub(/: .*/, "", l)
	print l
}
