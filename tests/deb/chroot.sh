# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/deb/run.sh with $tools and $dkms (the two .deb files) and
# $tmp: the packages installed for real in a throwaway Debian 12 chroot made
# by mmdebstrap from the package archive (cached in ~/.cache/symtab/; about
# 10 minutes to make the first time).  apt installs both, dkms builds
# symtab.ko for the kernel whose headers are there, a module builds and is
# versioned against the installed symtab, a new kernel's headers get their
# own symtab.ko, and apt purge leaves nothing of symtab.  Nothing is loaded
# (no kernel runs in a chroot); nothing outside the chroot is touched.
chroot_tar=${SYMTAB_CACHE:-$HOME/.cache/symtab}/deb-chroot-bookworm.tar
# The kernel headers a new kernel brings, installed after the packages.
NEW_HEADERS=${NEW_HEADERS:-linux-headers-6.12-amd64}

make_chroot_tar() {
	local part=${chroot_tar%.tar}.part.tar sources
	# The host's own apt sources, so the chroot sees the same archive.
	for sources in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
		[ -s "$sources" ] && break
	done
	mkdir -p "$(dirname "$chroot_tar")"
	nice -n 10 mmdebstrap --variant=apt \
		--include=dkms,linux-headers-amd64,kmod \
		bookworm "$part" "$sources" >"$tmp/mmdebstrap.log" 2>&1 &&
		mv "$part" "$chroot_tar"
}

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }

root=
chroot_cleanup() {
	[ -n "$root" ] && [ -d "$root" ] || return 0
	umount "$root/dev" "$root/proc" 2>/dev/null
	# Never into the host's /dev, should an unmount have failed.
	if mountpoint -q "$root/dev" || mountpoint -q "$root/proc"; then
		echo "# chroot: $root/dev or /proc still mounted: $root left" >&2
		return 1
	fi
	rm -rf --one-file-system "$root"
}

chroot_tests() {
	if ! command -v mmdebstrap >/dev/null; then
		skip "install in a Debian 12 chroot" "mmdebstrap not installed"
		return
	fi
	if [ "$(id -u)" != 0 ]; then
		skip "install in a Debian 12 chroot" "needs root (chroot, mount)"
		return
	fi
	local start=$SECONDS st k kvers found
	if [ ! -s "$chroot_tar" ]; then
		make_chroot_tar
		st=$?
		[ $st -eq 0 ] || sed 's/^/# /' "$tmp/mmdebstrap.log" | tail -20
		tap $st "mmdebstrap: a bookworm chroot with dkms and kernel headers ($((SECONDS - start)) s, cached)"
		[ $st -eq 0 ] || return
	fi
	root=$tmp/root
	mkdir "$root"
	tar -C "$root" -xf "$chroot_tar" || { not_ok "unpack $chroot_tar"; return; }
	mount -t proc proc "$root/proc" && mount --bind /dev "$root/dev" ||
		{ not_ok "mount /proc and /dev in the chroot"; return; }
	cp /etc/resolv.conf "$root/etc/" 2>/dev/null
	cp "$tools" "$dkms" "$root/tmp/"

	in_root apt-get install -y -q "/tmp/$(basename "$tools")" \
		"/tmp/$(basename "$dkms")" >"$tmp/apt-install.log" 2>&1
	st=$?
	sed 's/^/# /' "$tmp/apt-install.log" | grep -iE 'dkms|symtab|error|warn' | head -30
	tap $st "apt-get install ./symtab_*.deb ./symtab-dkms_*.deb in the chroot"
	kvers=$(cd "$root/lib/modules" && for k in *; do
		[ -e "$k/build/Makefile" ] && echo "$k"; done)
	expect "the chroot has kernel headers ($kvers)" [ -n "$kvers" ]
	for k in $kvers; do
		found=$(cd "$root" && ls lib/modules/"$k"/updates/dkms/symtab.ko* 2>/dev/null)
		expect "$k: dkms installed symtab.ko ($found)" [ -n "$found" ]
		expect "$k: its MODULE_VERSION is $version" \
			sh -c "[ \"\$(chroot '$root' modinfo -F version /$found)\" = '$version' ]"
		expect "$k: POST_BUILD put Module.symvers in /usr/lib/symtab/$k/" \
			grep -q 'register_symtab' "$root/usr/lib/symtab/$k/Module.symvers"
		expect "$k: dkms status says installed" \
			sh -c "chroot '$root' dkms status symtab/$version -k '$k' | grep -q ': installed'"
	done
	k=${kvers%%$'\n'*}

	# A user's exporter, built and versioned against the installed symtab.
	mkdir -p "$root/tmp/mymod"
	cat >"$root/tmp/mymod/mymod.c" <<'MOD'
// SPDX-License-Identifier: GPL-2.0-only
#include <linux/module.h>
#include <symtab/symtab.h>

int mymod_value(int x);
int mymod_value(int x)
{
	return x + 1;
}

static struct symbol_table mymod_symtab = {
#include <symtab/symtab_begin.h>
	X(mymod_value),
#include <symtab/symtab_end.h>
};

static int __init mymod_init(void) { return register_symtab(&mymod_symtab); }
static void __exit mymod_exit(void) { unregister_symtab(&mymod_symtab); }
module_init(mymod_init);
module_exit(mymod_exit);
MODULE_LICENSE("GPL");
MOD
	echo 'obj-m := mymod.o' >"$root/tmp/mymod/Kbuild"
	in_root make -f /usr/share/symtab/symtab.mk M=/tmp/mymod KVER="$k" \
		>"$tmp/mymod.log" 2>&1
	st=$?
	[ $st -eq 0 ] || sed 's/^/# /' "$tmp/mymod.log" | tail -20
	tap $st "$k: a module builds with /usr/share/symtab/symtab.mk"
	in_root symtab dump /tmp/mymod/mymod.ko >"$tmp/dump.out" 2>&1
	sed 's/^/# /' "$tmp/dump.out"
	expect "$k: symtab dump shows its export versioned" \
		awk -F '\t' '$1 ~ /^0x[0-9a-f]+$/ && $2 == "mymod_value" &&
			$3 == "export" { found = 1 } END { exit !found }' "$tmp/dump.out"

	# A new kernel: its headers' postinst has dkms build symtab.ko there.
	# Only the headers the metapackage names, not its kernel image
	# (whose initramfs takes minutes): header_postinst.d has dkms build.
	in_root sh -c "apt-get update -q && apt-get install -y -q \$(apt-cache depends \
		--important $NEW_HEADERS | awk '/Depends: linux-headers-/ { print \$2; exit }')" \
		>"$tmp/apt-new.log" 2>&1
	st=$?
	[ $st -eq 0 ] || sed 's/^/# /' "$tmp/apt-new.log" | tail -20
	tap $st "apt-get install $NEW_HEADERS in the chroot"
	local new
	new=$(cd "$root/lib/modules" && for n in *; do
		[ -e "$n/build/Makefile" ] && ! echo "$kvers" | grep -qx "$n" && echo "$n"; done)
	if [ -n "$new" ]; then
		found=$(cd "$root" && ls lib/modules/"$new"/updates/dkms/symtab.ko* 2>/dev/null)
		expect "$new (new kernel): dkms built and installed symtab.ko ($found)" [ -n "$found" ]
		expect "$new (new kernel): Module.symvers in /usr/lib/symtab/$new/" \
			[ -f "$root/usr/lib/symtab/$new/Module.symvers" ]
	else
		not_ok "$NEW_HEADERS brought no new kernel headers"
	fi

	in_root apt-get purge -y -q symtab symtab-dkms >"$tmp/apt-purge.log" 2>&1
	tap $? "apt-get purge symtab symtab-dkms"
	local left
	left=$(cd "$root" && ls -d usr/src/symtab-* var/lib/dkms/symtab usr/lib/symtab \
		usr/share/symtab usr/include/symtab usr/share/doc/symtab* \
		usr/sbin/symtab usr/bin/genksyms lib/modules/*/updates/dkms/symtab.ko* \
		2>/dev/null)
	expect "purge leaves nothing of symtab${left:+ (left: $(echo $left))}" [ -z "$left" ]
	expect "modules.dep names symtab.ko no more" \
		sh -c "! grep -q symtab '$root'/lib/modules/*/modules.dep 2>/dev/null"
}
