// SPDX-License-Identifier: GPL-2.0-only
#include <symtest_fixture.h>
#include <beta.c>

SYMTEST_FIXTURE_MODULE(beta_symtab);
