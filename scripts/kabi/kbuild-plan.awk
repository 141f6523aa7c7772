#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0-only
# Every C and assembly source a kernel flavor's config builds, as Kbuild
# reaches it: from the top Kbuild's directories down through obj-y and
# obj-m, each directory's lists read by make itself (kbuild-lists.mk),
# composite objects (<name>-y, -objs, and -m in a module) expanded.  One
# line a source file, tab-separated:
#   y|m  FILE  MODULE  MODNAME  CFLAGS  AFLAGS
# and one an object the build makes from no source file (a C file a host
# program writes): "g  DIR/OBJ.o  MODULE  MODNAME".
# MODULE is "vmlinux" or the module's path without .ko (as Module.symvers
# writes it); MODNAME the object it is linked into (Kbuild's modname);
# CFLAGS the preprocessor flags its directories add for C (subdir-ccflags-y
# of it and every directory above, ccflags-y, CFLAGS_<obj>), AFLAGS the
# same for assembly (asflags): only -I, -D, -U, -include and -imacros,
# paths made absolute.  An object in obj-y of a directory reached only
# through obj-m is not linked anywhere, so not listed.  With
# only="PATH...", only directories on the way to or below those paths are
# read.  Directories whose Kbuild file make cannot read are named on
# stderr and the exit status is 1.
#   cd SRC && awk -f kbuild-plan.awk -v conf=AUTO.CONF -v lists=kbuild-lists.mk [-v only=...]
function q(s) { gsub(/'/, "'\\''", s); return "'" s "'" }
# Reads DIR's lists into V; 0 (with make's words in err) when make cannot.
function read_lists(dir, extra,	cmd, line, eq, ok) {
	split("", V)
	err = ""
	cmd = "make -s -f " q(lists) " CONF=" q(conf) " DIR=" q(dir) " " extra " 2>&1"
	ok = 0
	while ((cmd | getline line) > 0) {
		eq = index(line, " := ")
		if (line == "kbuild-lists: done")
			ok = 1
		else if (eq)
			V[substr(line, 1, eq - 1)] = substr(line, eq + 4)
		else
			err = err "\n  " line
	}
	close(cmd)
	return ok
}
# DIR/REL without "x/../" and "./".
function join(dir, rel,	n, p, out, i, k, s) {
	s = (dir == "." ? "" : dir "/") rel
	n = split(s, p, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (p[i] == "" || p[i] == ".")
			continue
		if (p[i] == ".." && k > 0 && out[k] != "..") {
			k--
			continue
		}
		out[++k] = p[i]
	}
	s = ""
	for (i = 1; i <= k; i++)
		s = s (i > 1 ? "/" : "") out[i]
	return s
}
# The preprocessor's flags among a Kbuild flags list.
function cpp_flags(list,	n, t, i, f, r, a, opt) {
	n = split(list, t, /[ \t]+/)
	r = ""
	for (i = 1; i <= n; i++) {
		f = t[i]
		if (f ~ /^-(I|D|U|include|imacros)$/ && i < n)
			f = f t[++i]
		if (f !~ /^-(I|D|U|include|imacros)./ || f ~ /\$/)
			continue
		if (match(f, /^-(I|include|imacros)/) && substr(f, RLENGTH + 1) !~ /^\//) {
			opt = substr(f, 1, RLENGTH); a = substr(f, RLENGTH + 1)
			f = opt src "/" a
		}
		# A file made while building (init/utsversion-tmp.h): no
		# type comes from it.
		if (f ~ /^-(include|imacros)/ && !exists(substr(f, 9)))
			continue
		r = r " " f
	}
	return r
}
function exists(path,	line, r) {
	r = (getline line < path) >= 0
	close(path)
	return r
}
function name_fix(s) { gsub(/[-,]/, "_", s); return s }
# Does DIR lie on the way to, or below, one of the paths asked for?
function wanted(dir,	i) {
	if (only == "")
		return 1
	for (i = 1; i <= nonly; i++)
		if (index(want[i] "/", dir "/") == 1 || index(dir "/", want[i] "/") == 1)
			return 1
	return 0
}
# Lists object O of directory DIR (KIND y or m): a composite's members, or
# the source it is made from.
function expand(dir, o, kind, module, modname, depth,	base, members, n, t, i, file, f, path) {
	base = o; sub(/\.o$/, "", base)
	if (depth == 0)
		modname = base
	members = V[base "-objs"] " " V[base "-y"] (kind == "m" ? " " V[base "-m"] : "")
	if (members ~ /[^ \t]/ && depth < 4) {
		n = split(members, t, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (t[i] ~ /\.o$/)
				expand(dir, t[i], kind, module, modname, depth + 1)
		return
	}
	file = join(dir, base)
	# A checked-in copy Kbuild "ships" (fs/unicode/utf8data.c_shipped)
	# is the source.
	for (f = 1; f <= 3; f++) {
		path = file (f == 1 ? ".c" : f == 2 ? ".S" : ".c_shipped")
		if (!exists(path))
			continue
		if (!wanted(path) || seen[path]++)
			return
		printf "%s\t%s\t%s\t%s\t%s\t%s\n", kind, path, module, name_fix(modname),
			substr(dir_c cpp_flags(V["CFLAGS_" o]), 2),
			substr(dir_a cpp_flags(V["AFLAGS_" o]), 2)
		return
	}
	# Made while building (lib/raid6/tables.c, by a host program).
	if (wanted(file ".o") && !seen[file ".o"]++)
		printf "g\t%s.o\t%s\t%s\t\t\n", file, module, name_fix(modname)
}
BEGIN {
	src = ENVIRON["PWD"]
	nonly = split(only, want, /[ \t]+/)
	for (i = 1; i <= nonly; i++) {
		want[i] = join(".", want[i])
		if (want[i] == "")
			only = ""	# "." is the whole tree
	}
	if (!read_lists("arch", "")) {
		printf "kbuild-plan: arch/x86/Makefile: make cannot read it:%s\n", err > "/dev/stderr"
		exit 1
	}
	arch = "ARCH_CORE=" q(V["ARCH_CORE"]) " ARCH_LIB=" q(V["ARCH_LIB"]) \
		" ARCH_DRIVERS=" q(V["ARCH_DRIVERS"])
	if (!read_lists(".", arch)) {
		printf "kbuild-plan: Kbuild: make cannot read it:%s\n", err > "/dev/stderr"
		exit 1
	}
	nq = 0
	n = split(V["obj-y"], t, /[ \t]+/)
	for (i = 1; i <= n; i++)
		if (t[i] ~ /\/$/)
			queue[++nq] = join(".", t[i]) SUBSEP "y" SUBSEP "" SUBSEP ""
	status = 0
	for (qi = 1; qi <= nq; qi++) {
		split(queue[qi], e, SUBSEP)
		dir = e[1]; mode = e[2]
		if (done[dir]++ || !wanted(dir))
			continue
		if (!read_lists(dir, arch)) {
			printf "kbuild-plan: %s: make cannot read its Kbuild file:%s\n", dir, err > "/dev/stderr"
			status = 1
			continue
		}
		sub_c = e[3] cpp_flags(V["subdir-ccflags-y"])
		sub_a = e[4] cpp_flags(V["subdir-asflags-y"])
		dir_c = sub_c cpp_flags(V["ccflags-y"])
		dir_a = sub_a cpp_flags(V["asflags-y"])
		split("", listed)
		if (mode == "y") {
			n = split(V["obj-y"] " " V["lib-y"], t, /[ \t]+/)
			for (i = 1; i <= n; i++)
				if (t[i] ~ /\.o$/ && !listed[t[i]]++)
					expand(dir, t[i], "y", "vmlinux", "", 0)
		}
		n = split(V["obj-m"], t, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (t[i] ~ /\.o$/ && !listed[t[i]]++) {
				m = t[i]; sub(/\.o$/, "", m)
				expand(dir, t[i], "m", join(dir, m), "", 0)
			}
		# Subdirectories: y when obj-y lists them and this one is y.
		split("", subs)
		n = split(V["obj-y"], t, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (t[i] ~ /\/$/)
				subs[join(dir, t[i])] = mode
		n = split(V["obj-m"], t, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (t[i] ~ /\/$/ && !(join(dir, t[i]) in subs))
				subs[join(dir, t[i])] = "m"
		for (d in subs)
			queue[++nq] = d SUBSEP subs[d] SUBSEP sub_c SUBSEP sub_a
	}
	exit status
}
