#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make test-packages: make modules on small packages made here (cases.sh),
# then on real Debian DKMS source packages (real.sh [PACKAGE...]), then the
# real ABI case: modules built against Debian 6.1 ABIs -50 and -57,
# explained (abi.sh; installs the older headers as test material).  Too slow
# for `make test` (about 10 minutes on 2 cores): a target of its own.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rc=0
"$here/cases.sh" || rc=1
"$here/real.sh" "$@" || rc=1
[ $# -gt 0 ] || "$here/abi.sh" || rc=1
exit $rc
