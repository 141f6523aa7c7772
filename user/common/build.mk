# SPDX-License-Identifier: GPL-2.0-only
# What the libraries and tools share: the error convention (error.h:
# struct symtab_error, error_set() returning -errno), reading a whole file
# (whole_file.h) and the symtypes kinds (symtypes_kind.h, header only).
# Included by the top Makefile, which sets BUILD, the compile rules and the
# objs function.
#
#   $(BUILD)/lib/libcommon.a   (also san/ and fuzz/ builds)
#
# Its users include its headers as "../common/NAME.h" and link
# libcommon.a after libsymtab.a and libexplain.a.

COMMON_DIR	:= user/common
COMMON_SRCS	:= $(wildcard $(COMMON_DIR)/*.c)

USER_SRCS	+= $(COMMON_SRCS)

$(BUILD)/lib/libcommon.a: $(call objs,$(BUILD),$(COMMON_SRCS))
$(BUILD)/san/lib/libcommon.a: $(call objs,$(BUILD)/san,$(COMMON_SRCS))
$(BUILD)/fuzz/lib/libcommon.a: $(call objs,$(BUILD)/fuzz,$(COMMON_SRCS))
