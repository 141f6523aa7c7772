/* SPDX-License-Identifier: GPL-2.0-only */
/* A three-module chain for the loader tests: chain_c -> chain_b -> chain_a. */
#ifndef _TEST_CHAIN_H
#define _TEST_CHAIN_H

struct chain_link {
	int depth;
	const char *by;
};

int chain_a_value(struct chain_link *link);
int chain_b_value(struct chain_link *link);

#endif
