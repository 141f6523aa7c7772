# SPDX-License-Identifier: GPL-2.0-only
# libmodtypes: the glue between libsymtab (module files) and libexplain
# (genksyms types) that the `symtab` commands call: a module's versioned
# names with its stored types, packing them at stamp time, explaining a
# mismatch, finding the target kernel's build.  Included by the top
# Makefile, which sets BUILD, the compile rules and the objs function.
#
#   $(BUILD)/lib/libmodtypes.a   (also the san/ build)
#
# Its users include "../modtypes/modtypes.h" and link libmodtypes.a before
# libsymtab.a, libexplain.a and libcommon.a.

MODTYPES_DIR	:= user/modtypes
MODTYPES_SRCS	:= $(wildcard $(MODTYPES_DIR)/*.c)

USER_SRCS	+= $(MODTYPES_SRCS)

$(call objs,$(BUILD),$(MODTYPES_SRCS)) \
$(call objs,$(BUILD)/san,$(MODTYPES_SRCS)): EXTRA_CFLAGS = $(LIBSYMTAB_CFLAGS)

$(BUILD)/lib/libmodtypes.a: $(call objs,$(BUILD),$(MODTYPES_SRCS))
$(BUILD)/san/lib/libmodtypes.a: $(call objs,$(BUILD)/san,$(MODTYPES_SRCS))
