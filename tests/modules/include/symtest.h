/* SPDX-License-Identifier: GPL-2.0-only */
/* The API symtest_export registers, shared with its consumers. */
#ifndef _TEST_SYMTEST_H
#define _TEST_SYMTEST_H

struct symtest_point {
	int x;
	int y;
};

int symtest_add(int a, int b);
int symtest_move(struct symtest_point *p, int dx);
extern int symtest_value;

#endif
