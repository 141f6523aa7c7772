/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * symtest.h as it was before struct symtest_point's y became an int: what a
 * consumer built earlier still sees.  Only that member differs.
 */
#ifndef _TEST_SYMTEST_H
#define _TEST_SYMTEST_H

struct symtest_point {
	int x;
	long y;
};

int symtest_add(int a, int b);
int symtest_move(struct symtest_point *p, int dx);
extern int symtest_value;

#endif
