// SPDX-License-Identifier: GPL-2.0-only
#define STRESS_ID 7
#include "stress_use.h"
