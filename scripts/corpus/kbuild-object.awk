#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0-only
# How a directory's Kbuild/Makefile builds one source file, by a reading of
# the usual idioms (not a make): prints y, m or nothing on line 1, and on
# line 2 the -I/-D flags its ccflags-y and CFLAGS_<obj>.o add, on line 3
# the object it is linked into (the module, for m: "ext4" for super.c
# under "ext4-y += super.o", relative to DIR).  With
# file=DIR/SUB/, whether DIR's Makefile descends into SUB.
#   awk -f kbuild-object.awk -v conf=auto.conf -v src=SRCTREE -v file=DIR/F.c
#	DIR/Makefile...
BEGIN {
	dir = file; sub(/\/[^\/]*$/, "", dir)
	obj = file; sub(/^.*\//, "", obj); sub(/\.c$/, ".o", obj)
	if (file ~ /\/$/) {	# a subdirectory: is it descended into?
		dir = substr(file, 1, length(file) - 1); obj = dir
		sub(/^.*\//, "", obj); obj = obj "/"; sub(/\/[^\/]*$/, "", dir)
	}
	while ((getline line < conf) > 0)
		if (line ~ /^CONFIG_[A-Za-z0-9_]+=/) {
			eq = index(line, "=")
			cfg[substr(line, 1, eq - 1)] = substr(line, eq + 1)
		}
}
# Join continuation lines, drop comments.
{ sub(/#.*/, "") }
/\\$/ { sub(/\\$/, ""); held = held $0 " "; next }
{ $0 = held $0; held = "" }
# make's conditionals on the config: ifdef/ifndef CONFIG_X, ifeq/ifneq
# (A,B) of $(CONFIG_X) and words; others are taken as true.  Lines inside
# a false branch are skipped.
function word(w) {
	gsub(/^[ \t"']+|[ \t"']+$/, "", w)
	if (w ~ /^\$\(CONFIG_[A-Za-z0-9_]+\)$/)
		return cfg[substr(w, 3, length(w) - 3)]
	return w
}
function cond_true(line,	kw, rest, a, n) {
	kw = line; sub(/[ \t].*/, "", kw)
	rest = line; sub(/^[a-z]+[ \t]*/, "", rest)
	if (kw == "ifdef" || kw == "ifndef") {
		if (rest !~ /^CONFIG_[A-Za-z0-9_]+[ \t]*$/)
			return 1
		sub(/[ \t]*$/, "", rest)
		return (cfg[rest] != "") == (kw == "ifdef")
	}
	if (rest !~ /^\(.*,.*\)[ \t]*$/ || rest ~ /\$\([a-z]/ ||
	    rest ~ /\$\((CC|ARCH|SRCARCH|BITS|KBUILD)/)
		return 1
	sub(/^\(/, "", rest); sub(/\)[ \t]*$/, "", rest)
	n = split(rest, a, ",")
	if (n != 2)
		return 1
	return (word(a[1]) == word(a[2])) == (kw == "ifeq")
}
/^[ \t]*(ifdef|ifndef|ifeq|ifneq)[ \t(]/ {
	line = $0; sub(/^[ \t]*/, "", line)
	depth_if++
	if (depth_if > 1 && live[depth_if - 1] != "on")
		live[depth_if] = "off"
	else
		live[depth_if] = cond_true(line) ? "on" : "no"
	next
}
/^[ \t]*else([ \t]|$)/ && depth_if > 0 {
	if (live[depth_if] == "on")
		live[depth_if] = "done"
	else if (live[depth_if] == "no")
		live[depth_if] = "on"
	next
}
/^[ \t]*endif([ \t]|$)/ && depth_if > 0 { depth_if--; next }
depth_if > 0 && live[depth_if] != "on" { next }
function value(cond) {
	if (cond == "y" || cond == "objs" || cond == "m")
		return cond == "m" ? "m" : "y"
	if (cond ~ /^\$\(CONFIG_[A-Za-z0-9_]+\)$/)
		return cfg[substr(cond, 3, length(cond) - 3)]
	return ""
}
function flags(rhs,	n, t, i, f) {
	gsub(/\$\(srctree\)\/\$\(src\)/, src "/" dir, rhs)
	gsub(/\$\(src\)|\$\(obj\)/, src "/" dir, rhs)
	gsub(/\$\(srctree\)/, src, rhs)
	n = split(rhs, t, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		f = t[i]
		if ((f == "-I" || f == "-D") && i < n)
			f = f t[++i]
		if (f ~ /^-[ID]/ && f !~ /\$/)
			extra = extra " " f
	}
}
match($0, /^[ \t]*[A-Za-z0-9_.]+-(y|m|objs|\$\(CONFIG_[A-Za-z0-9_]+\))[ \t]*[:+]?=/) {
	lhs = substr($0, RSTART, RLENGTH); rhs = substr($0, RLENGTH + 1)
	lhs_op = lhs; sub(/^[^:+=]*/, "", lhs_op)
	sub(/^[ \t]*/, "", lhs); sub(/[ \t]*[:+]?=$/, "", lhs)
	dash = index(lhs, "-")
	var = substr(lhs, 1, dash - 1); cond = substr(lhs, dash + 1)
	if (var == "ccflags" || var == "subdir-ccflags") {
		if (value(cond) != "")
			flags(rhs)
		next
	}
	# What the variable holds, by the value its condition takes: ':='
	# replaces what an earlier line gave the same variable.
	r = value(cond)
	if (lhs_op ~ /:=/)
		held_objs[var, r] = ""
	held_objs[var, r] = held_objs[var, r] " " rhs
	next
}
/^[ \t]*subdir-ccflags-y[ \t]*[:+]?=/ || /^[ \t]*CFLAGS_[A-Za-z0-9_-]+\.o[ \t]*[:+]?=/ {
	if ($0 ~ /^[ \t]*CFLAGS_/ && $0 !~ "CFLAGS_" obj)
		next
	rhs = $0; sub(/^[^=]*=/, "", rhs)
	flags(rhs)
}
function how(o, depth,	k, parts, v, best, comp) {
	best = ""
	for (k in built) {
		split(k, parts, SUBSEP)
		if (parts[2] != o)
			continue
		v = built[k]
		if (parts[1] == "obj")
			comp = v
		else if (parts[1] == "lib")
			comp = v ~ /[ym]/ ? "y" : ""
		else if (depth < 3)
			comp = how(parts[1] ".o", depth + 1)
		else
			comp = ""
		if (comp ~ /y/)
			return "y"
		if (comp ~ /m/)
			best = "m"
	}
	return best
}
# The obj-y/obj-m object @o ends up in: itself, or the composite object
# whose <name>-y lists it.
function linked_into(o, depth,	k, parts, r) {
	for (k in built) {
		split(k, parts, SUBSEP)
		if (parts[2] == o && parts[1] == "obj")
			return o
	}
	if (depth >= 3)
		return ""
	for (k in built) {
		split(k, parts, SUBSEP)
		if (parts[2] != o || parts[1] == "obj" || parts[1] == "lib")
			continue
		r = linked_into(parts[1] ".o", depth + 1)
		if (r != "")
			return r
	}
	return ""
}
END {
	for (k in held_objs) {
		split(k, parts, SUBSEP)
		n = split(held_objs[k], t, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (t[i] != "")
				built[parts[1], t[i]] = built[parts[1], t[i]] " " parts[2]
	}
	print how(obj, 0)
	print substr(extra, 2)
	m = linked_into(obj, 0); sub(/\.o$/, "", m)
	print m
}
