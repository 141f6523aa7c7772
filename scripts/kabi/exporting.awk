#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0-only
# Which of the planned sources (kbuild-plan.awk's lines on stdin) export
# something: the file itself or a file it includes with #include "..."
# (kernel/sched/build_utility.c is made of other .c files) names an
# EXPORT_ macro.  Prints the plan lines of those that do.
#   cd SRC && awk -f exporting.awk PLAN
function exports(path, depth,	line, dir, inc, r) {
	if (path in memo)
		return memo[path]
	memo[path] = 0		# includes that loop back count as nothing
	r = 0
	dir = path; sub(/\/[^\/]*$/, "", dir)
	while ((getline line < path) > 0) {
		if (line ~ /EXPORT_/)
			r = 1
		else if (depth < 4 && line ~ /^[ \t]*#[ \t]*include[ \t]*"/) {
			inc = line; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
			if (!r && exports(dir "/" inc, depth + 1))
				r = 1
		}
	}
	close(path)
	return memo[path] = r
}
{
	split($0, f, "\t")
	if (exports(f[2], 0))
		print
}
