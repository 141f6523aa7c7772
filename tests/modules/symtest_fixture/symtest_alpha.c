// SPDX-License-Identifier: GPL-2.0-only
#include <symtest_fixture.h>
#include <alpha.c>

SYMTEST_FIXTURE_MODULE(alpha_symtab);
