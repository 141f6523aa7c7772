#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Before a package is built in a copy: does anything in it refer, by a
# relative path, to an existing file outside the copied tree?  Such a module
# would go missing or fail in the copy (a Kbuild test on $(src)/../x.c, an
# #include "../../staging/x.h"), so say so instead of building.
#
#   escapes.sh ROOT SRC     exit 0: nothing leaves ROOT; 1: message printed
set -euo pipefail
root=$1 src=$2
bad=0
# Makefiles and C files name ../ paths relative to their own directory
# ($(src) is the Kbuild file's directory).
while IFS=: read -r file ref; do
	dir=$(dirname "$file")
	case "$ref" in \$*) ref=${ref#*/} ;; esac
	target=$(realpath -m "$dir/$ref")
	case "$target/" in "$root"/*) continue ;; esac
	[ -e "$target" ] || continue
	echo "build-module: $src: ${file#"$root"/} refers to $target, outside the copied tree $root:" \
		"pass the package's top directory as ROOT=, or build in place (IN_PLACE=1)" >&2
	bad=1
done < <(grep -rEo --include=Kbuild --include='Makefile*' --include='*.mk' \
	--include='*.c' --include='*.h' \
	'(\$[({](src|obj|M|PWD|CURDIR)[)}]/|")?(\.\./)+[A-Za-z0-9_.+/-]*' "$root" 2>/dev/null |
	sed -e 's/:"/:/' | sort -u)
exit $bad
