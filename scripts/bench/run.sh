#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make bench: every benchmark, each reporting ratios against its reference
# measured in the same run.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
echo "== genksyms: ours against the kernel's, lib corpus"
"$top/scripts/bench/genksyms.sh"
echo "== make modules: a real DKMS package against its plain Kbuild build"
"$top/scripts/bench/package.sh"
echo "== genksyms --diff: fs/ of the 6.1 corpus, three core structs changed"
"$top/scripts/bench/explain.sh"
echo "== symtab check -a: every module of each installed kernel"
"$top/scripts/bench/check-all.sh"
echo "== symtab.ko: registry against the kernel's own lookups, in a VM"
"$top/scripts/bench/kmod.sh"
