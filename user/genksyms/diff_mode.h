/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _GENKSYMS_DIFF_MODE_H
#define _GENKSYMS_DIFF_MODE_H

/* `genksyms --diff ...`: argv holds the words after --diff. */
int genksyms_diff_main(int argc, char **argv);

#endif
