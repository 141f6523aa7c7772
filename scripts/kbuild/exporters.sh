# SPDX-License-Identifier: GPL-2.0-only
# Sourced by build-module.sh (after layout.sh): where the exporters of a
# module's imports are found, so that its .modinfo can name them in a
# softdep (symtab stamp -e) and modprobe loads them first.  An exporter's
# record is a line "0x<crc> <symbol> <module> symtab", as Module.symvers
# has them; they are searched in this order, the first match winning:
#
#  1. the modules of the same build (Module.symtab, written here beside
#     them: the next build of a consumer finds it);
#  2. SYMTAB_EXTRA_SYMBOLS: words naming Module.symtab files, module files
#     (.ko, .ko.xz, .ko.zst, .ko.gz) or directories (every Module.symtab
#     under them), in their order, as KBUILD_EXTRA_SYMBOLS names
#     Module.symvers files for modpost;
#  3. the modules installed for the kernel: under SYMTAB_MODULES_DIR
#     (default /lib/modules/<release>; "none": no installed module), every
#     module that modules.dep says needs symtab.ko and every module under
#     extra/ and updates/ (where dkms and `make modules_install` put
#     out-of-tree modules).  The module file is the record: whatever
#     installed it (dkms, a package, modules_install), nothing else needs
#     to be kept in step with it.

# The name the kernel and modprobe know a module file by.
module_name() {
	local n=${1##*/}
	n=${n%%.ko*}
	echo "${n//-/_}"
}

# build_records KO VERSIONS_LIST: the records of KO's exports, their CRCs
# from the genksyms output files VERSIONS_LIST names (KO is not stamped yet).
build_records() {
	local ko=$1 list=$2 f
	while read -r f; do [ ! -s "$f" ] || cat "$f"; done <"$list" \
		>"$ko.symtab-crcs"
	"$SYMTAB" dump "$ko" | awk -v mod="$(module_name "$ko")" \
		-v crcs="$ko.symtab-crcs" '
		BEGIN { while ((getline l <crcs) > 0) {
				split(l, w, " ")
				if (w[1] == "#SYMVER") crc[w[2]] = w[3] } }
		$3 == "export" { printf "%s\t%s\t%s\tsymtab\n",
			($2 in crc) ? crc[$2] : $1, $2, mod }'
	local rc=${PIPESTATUS[0]}
	rm -f "$ko.symtab-crcs"
	return "$rc"
}

# ko_records FILE: the records of a module file's exports (compressed as
# kmod installs them, or not: symtab reads either), CRCs as stamped.  A file
# symtab cannot read gives no record.
ko_records() {
	"$SYMTAB" dump "$1" 2>/dev/null |
		awk -v mod="$(module_name "$1")" '$3 == "export" {
			printf "%s\t%s\t%s\tsymtab\n", $1, $2, mod }'
}

# installed_modules DIR: the module files under DIR that may hold symtab
# exports, relative to DIR, sorted.
installed_modules() {
	local dir=$1 s
	{
		[ ! -f "$dir/modules.dep" ] || awk -F: '{
			n = split($2, d, " ")
			for (i = 1; i <= n; i++)
				if (d[i] ~ /(^|\/)symtab\.ko(\.(xz|zst|gz))?$/) {
					print $1; break
				}
		}' "$dir/modules.dep"
		for s in extra updates; do
			[ ! -d "$dir/$s" ] || (cd "$dir" && find "$s" \
				\( -name '*.ko' -o -name '*.ko.xz' \
				-o -name '*.ko.zst' -o -name '*.ko.gz' \) -print)
		done
	} | sed "s|^$dir/||" | sort -u
}

# known_records KVER MDIR: the record files to search after MDIR's own
# Module.symtab, one path a line, in order; records of module files are
# written to MDIR/.symtab-exporters.N.  Fails, saying why, on a
# SYMTAB_EXTRA_SYMBOLS word that names nothing.
known_records() {
	local kver=$1 mdir=$2 w i=0 dir f
	for w in ${SYMTAB_EXTRA_SYMBOLS:-}; do
		if [ -d "$w" ]; then
			find "$w" -name Module.symtab | sort |
				grep -vxF "$mdir/Module.symtab"
		elif [ ! -f "$w" ]; then
			echo "build-module: SYMTAB_EXTRA_SYMBOLS: no such file or directory: $w" >&2
			return 1
		else
			case "$w" in
			*.ko | *.ko.xz | *.ko.zst | *.ko.gz)
				i=$((i + 1))
				ko_records "$w" >"$mdir/.symtab-exporters.$i" ||
					return 1
				echo "$mdir/.symtab-exporters.$i" ;;
			*) echo "$w" ;;
			esac
		fi
	done
	dir=${SYMTAB_MODULES_DIR:-/lib/modules/$kver}
	[ "$dir" != none ] && [ -d "$dir" ] || return 0
	while read -r f; do
		case "$f" in /*) ;; *) f=$dir/$f ;; esac
		ko_records "$f"
	done < <(installed_modules "$dir") >"$mdir/.symtab-exporters.installed"
	echo "$mdir/.symtab-exporters.installed"
}
