/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An older symtest.h, where struct symtest_point had a long y: what a
 * consumer built before the change still sees.  A header, not the .c, holds
 * it because genksyms does not expand structs a source file defines itself.
 */
#ifndef _TEST_SYMTEST_V0_H
#define _TEST_SYMTEST_V0_H

struct symtest_point {
	int x;
	long y;
};

int symtest_move(struct symtest_point *p, int dx);

#endif
