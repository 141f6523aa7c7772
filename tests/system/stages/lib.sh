# SPDX-License-Identifier: GPL-2.0-only
# Shared by the stages that run inside the Debian system (bash, as root):
# TAP (tap.sh), the exchange disk ($X: debs/, modules/ in, out/ back) and
# the flows each kernel goes through.  A stage sources this file, runs
# flows and ends with `tap_plan; [ "$failed" -eq 0 ]`.
X=${SYMTAB_XCHG:-/mnt/xchg}
. "$X/tap.sh"
export DEBIAN_FRONTEND=noninteractive
rel=$(uname -r)
# Each check's command output goes to the stage log, out/STAGE.log.
LOG=$X/out/${STAGE:-stage}.log

# The user's modules, each its own dkms package: name:module:source dir.
USER_PKGS="symtest-export:symtest_export symtest-consumer:symtest_consumer symtest-stale:symtest_stale"

# run DESCRIPTION CMD...: a check whose output goes to the log.
run() {
	local what=$1
	shift
	echo "### $what: $*" >>"$LOG"
	if "$@" >>"$LOG" 2>&1; then ok "$what"; else not_ok "$what"; fi
}
# fails DESCRIPTION CMD...: a check that CMD fails.
fails() {
	local what=$1
	shift
	echo "### $what (must fail): $*" >>"$LOG"
	if "$@" >>"$LOG" 2>&1; then not_ok "$what"; else ok "$what"; fi
}
# timed DESCRIPTION CMD...: run, with the seconds it took in the line.
timed() {
	local what=$1 t0 t1
	shift
	t0=$(date +%s)
	echo "### $what: $*" >>"$LOG"
	if "$@" >>"$LOG" 2>&1; then t1=$(date +%s); ok "$what ($((t1 - t0)) s)"
	else t1=$(date +%s); not_ok "$what ($((t1 - t0)) s, see out/$(basename "$LOG"))"; return 1; fi
}
loaded() { grep -q "^$1 " /proc/modules; }
not_loaded() { ! grep -q "^$1 " /proc/modules; }
# The module file modprobe would load for the running kernel.
modfile() { modinfo -n "$1" 2>/dev/null; }

# The make fragment of the installed symtab package, for the user's modules.
symtab_mk() { dpkg -L symtab 2>/dev/null | grep -m1 '/symtab\.mk$'; }

# flow_packages: install both packages from debs/ with apt, offline (their
# dependencies are in the image); dkms builds symtab.ko; modprobe loads it.
flow_packages() {
	local debs
	debs=$(ls "$X"/debs/symtab_*.deb "$X"/debs/symtab-dkms_*.deb 2>/dev/null)
	if [ -z "$debs" ]; then
		not_ok "symtab packages to install: $(cat "$X/debs/WHY" 2>/dev/null || echo none built)"
		return 1
	fi
	# No network: their dependencies are installed already (apt refuses
	# local .debs with --no-download).
	# shellcheck disable=SC2086
	timed "apt-get install symtab symtab-dkms (dkms builds symtab.ko for $rel)" \
		apt-get install -y -q $debs
	run "dpkg: symtab and symtab-dkms installed" \
		dpkg-query -W symtab symtab-dkms
	run "symtab --version" symtab --version
	run "dkms status: symtab installed for $rel" \
		sh -c "dkms status symtab -k $rel | grep -q ': installed'"
	run "modinfo symtab: dkms's file for $rel" \
		sh -c "modinfo -n symtab | grep -q '^/lib/modules/$rel/updates/dkms/'"
	run "modprobe symtab" modprobe symtab
	run "symtab.ko is loaded, /proc/symtab is there" \
		sh -c "grep -q '^symtab ' /proc/modules && [ -e /proc/symtab ]"
	run "modprobe -r symtab" modprobe -r symtab
	run "symtab.ko is unloaded" not_loaded symtab
}

# user_pkg NAME MODULE: a user's module as its own dkms package in
# /usr/src/NAME-1.0, built against the installed symtab with its make
# fragment; the consumers name the exporter (and all symtab) in
# BUILD_DEPENDS, so dkms builds them in order for every kernel.
user_pkg() {
	local name=$1 mod=$2 src=/usr/src/$1-1.0 mk deps=symtab
	mk=$(symtab_mk)
	[ "$name" = symtest-export ] || deps="symtab symtest-export"
	mkdir -p "$src"
	cp "$X/modules/$mod"/*.c "$X/modules/include"/*.h "$src/"
	printf 'obj-m := %s.o\nccflags-y := -I$(src)\n' "$mod" >"$src/Kbuild"
	{
		echo "PACKAGE_NAME=\"$name\""
		echo 'PACKAGE_VERSION="1.0"'
		echo "BUILT_MODULE_NAME[0]=\"$mod\""
		echo 'DEST_MODULE_LOCATION[0]="/updates/dkms"'
		# dkms puts KERNELRELEASE= after a leading "make", where
		# symtab.mk then defines nothing ("No targets"): env hides it.
		echo "MAKE[0]=\"env make -f $mk M=\${dkms_tree}/$name/1.0/build KVER=\${kernelver}\""
		echo 'CLEAN="rm -f *.o *.ko .*.cmd"'
		local i=0 d
		for d in $deps; do
			echo "BUILD_DEPENDS[$i]=\"$d\""
			i=$((i + 1))
		done
		echo 'AUTOINSTALL="yes"'
	} >"$src/dkms.conf"
	dkms add "$name/1.0"
}

# flow_user_pkgs: the exporter, its consumer and a stale consumer (built
# against an old header) as three dkms packages.
flow_user_pkgs() {
	local p
	[ -n "$(symtab_mk)" ] || { not_ok "symtab package installs symtab.mk"; return 1; }
	for p in $USER_PKGS; do
		run "dkms add ${p%%:*}" user_pkg "${p%%:*}" "${p#*:}"
		timed "dkms install ${p%%:*} for $rel" dkms install "${p%%:*}/1.0" -k "$rel" ||
			cat "/var/lib/dkms/${p%%:*}/1.0/build/make.log" >>"$LOG" 2>&1
	done
}

# flow_chain: plain modprobe of the consumer loads symtab.ko and the
# exporter first (the consumer's softdep); modprobe -r unloads all three.
flow_chain() {
	run "modprobe --show-depends symtest_consumer plans the exporter first" \
		sh -c "modprobe --show-depends symtest_consumer | grep -n . |
			awk -F: '/symtest_export/ { e = \$1 } /symtest_consumer/ { c = \$1 }
				END { exit !(e && c && e < c) }'"
	run "modprobe symtest_consumer" modprobe symtest_consumer
	run "symtab, symtest_export and symtest_consumer are loaded" \
		sh -c 'for m in symtab symtest_export symtest_consumer; do grep -q "^$m " /proc/modules || exit 1; done'
	run "modprobe -r symtest_consumer" modprobe -r symtest_consumer
	run "modprobe -r unloaded the consumer, the exporter and symtab" \
		sh -c 'for m in symtest_consumer symtest_export symtab; do ! grep -q "^$m " /proc/modules || exit 1; done'
}

# flow_stale: the stale consumer is refused by symtab.ko, the kernel's line
# is in the journal, and the tools name the member behind it.
flow_stale() {
	local why="member 'long y' changed to 'int y'" f e rc
	run "modprobe symtest_export" modprobe symtest_export
	fails "modprobe symtest_stale is refused" modprobe symtest_stale
	run "symtest_stale is not loaded" not_loaded symtest_stale
	run "journalctl -k: symtab's refusal of symtest_stale" \
		sh -c "journalctl -k -b -q --no-pager | grep 'symtab: symtest_stale: disagrees about version of symbol symtest_move'"
	# explain compares two builds of a consumer: the current one and the
	# stale one, built against the old header.
	f=$(modfile symtest_stale) e=$(modfile symtest_consumer)
	if [ -z "$f" ] || [ -z "$e" ]; then
		not_ok "modinfo finds symtest_stale and symtest_consumer: the tools not run"
		return 1
	fi
	symtab check "$f" >"$X/out/check.out" 2>&1
	rc=$?
	tap "$([ $rc -eq 1 ] && echo 0 || echo 1)" "symtab check $(basename "$f") refuses it"
	run "symtab check names the member" grep -qF "$why" "$X/out/check.out"
	symtab explain "$e" "$f" >"$X/out/explain.out" 2>&1
	rc=$?
	tap "$([ $rc -eq 1 ] && echo 0 || echo 1)" "symtab explain $(basename "$e") $(basename "$f") finds a difference"
	run "symtab explain names the member" \
		sh -c "grep -F \"'long y'\" '$X/out/explain.out' | grep -qF \"'int y'\""
	run "modprobe -r symtest_export" modprobe -r symtest_export
}

# flow_kernel_log: nothing went wrong in the kernel during the stage.
flow_kernel_log() {
	local bad
	bad=$(journalctl -k -b -q --no-pager | grep -E 'BUG[: ]|WARNING:|Oops|general protection|Kernel panic|UBSAN|Call Trace' | head -3)
	if [ -z "$bad" ]; then ok "kernel log clean (no BUG/WARNING/Oops)"
	else not_ok "kernel log clean: $bad"; fi
}

# flow_boot_chain: /etc/modules-load.d/symtest.conf (left by the first
# stage) had systemd-modules-load load the chain at boot; then unload it.
flow_boot_chain() {
	run "systemd-modules-load ran without failure" \
		systemctl is-active -q systemd-modules-load.service
	run "the chain was loaded at boot (symtab, symtest_export, symtest_consumer)" \
		sh -c 'for m in symtab symtest_export symtest_consumer; do grep -q "^$m " /proc/modules || exit 1; done'
	run "journal: systemd-modules-load inserted symtest_consumer" \
		sh -c "journalctl -b -q --no-pager -o cat | grep -q \"Inserted module 'symtest_consumer'\""
	run "modprobe -r symtest_consumer after boot" modprobe -r symtest_consumer
	run "the chain is unloaded" \
		sh -c 'for m in symtest_consumer symtest_export symtab; do ! grep -q "^$m " /proc/modules || exit 1; done'
}

# flow_dkms_for KERNEL: symtab.ko and the user's modules built by dkms for
# KERNEL, compressed as that kernel's own modules are.
flow_dkms_for() {
	local k=$1 p m f ext
	ext=$(find "/lib/modules/$k/kernel" -name '*.ko*' 2>/dev/null | head -1)
	ext=${ext##*.ko}
	for p in symtab:symtab $USER_PKGS; do
		run "dkms status: ${p%%:*} installed for $k" \
			sh -c "dkms status ${p%%:*} -k $k | grep -q ': installed'"
		m=${p#*:}
		f=$(modinfo -k "$k" -n "$m" 2>/dev/null)
		run "$m for $k: $f (compressed as the kernel's modules: .ko$ext)" \
			sh -c "case '$f' in /lib/modules/$k/updates/dkms/$m.ko$ext) ;; *) false ;; esac"
	done
}

# flow_purge: the user's dkms packages removed, both symtab packages purged;
# no file of theirs, no module, no dkms tree is left.
flow_purge() {
	local files p left
	files=$(dpkg-query -L symtab symtab-dkms 2>/dev/null | while read -r f; do
		[ -d "$f" ] || echo "$f"; done)
	for p in $USER_PKGS; do
		run "dkms remove ${p%%:*}" dkms remove "${p%%:*}/1.0" --all
		rm -rf "/usr/src/${p%%:*}-1.0"
	done
	rm -f /etc/modules-load.d/symtest.conf
	timed "apt-get purge symtab symtab-dkms" apt-get purge -y -q symtab symtab-dkms
	run "dpkg: neither package is left" \
		sh -c '! dpkg-query -W -f="\${Status}\n" symtab symtab-dkms 2>/dev/null | grep -qv "not-installed"'
	left=$(for f in $files; do [ -e "$f" ] && echo "$f"; done | head -3)
	tap "$([ -z "$left" ] && echo 0 || echo 1)" "no file of the packages is left${left:+: $left}"
	left=$(find /lib/modules -name 'symtab.ko*' -o -name 'symtest_*.ko*' | head -3)
	tap "$([ -z "$left" ] && echo 0 || echo 1)" "no symtab module is left in /lib/modules${left:+: $left}"
	left=$(ls -d /var/lib/dkms/symtab* /var/lib/dkms/symtest* /usr/src/symtab* \
		/usr/lib/symtab /usr/share/symtab /usr/include/symtab 2>/dev/null | head -3)
	tap "$([ -z "$left" ] && echo 0 || echo 1)" "no dkms tree, source or data of symtab is left${left:+: $left}"
	# A new shell: this one's hash table still has the path it ran before.
	fails "no symtab tool on PATH" sh -c 'command -v symtab'
}
