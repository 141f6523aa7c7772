// SPDX-License-Identifier: GPL-2.0-only
#include <symtest_fixture.h>
#include <gamma.c>

SYMTEST_FIXTURE_MODULE(gamma_symtab);
