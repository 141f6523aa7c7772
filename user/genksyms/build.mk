# SPDX-License-Identifier: GPL-2.0-only
# genksyms: build/bin/genksyms, and a sanitized copy for the tests.
#
#   $(BUILD)/lib/libgenksyms.a   lexer, parser, expansion: all but the
#                                command (the CRC is user/common's)
#                                (also san/ and fuzz/ builds)
#   $(BIN)/genksyms              the tool
#   $(BUILD)/san/genksyms        the same under ASan/UBSan, for the tests
#   $(BUILD)/fuzz/genksyms_fuzz  the libFuzzer harness tests/fuzz/genksyms_fuzz.c
GENKSYMS_DIR		:= user/genksyms
GENKSYMS_CMD_SRCS	:= $(GENKSYMS_DIR)/main.c $(GENKSYMS_DIR)/diff_mode.c
GENKSYMS_LIB_SRCS	:= $(filter-out $(GENKSYMS_CMD_SRCS), \
			   $(wildcard $(GENKSYMS_DIR)/*.c))

USER_SRCS += $(GENKSYMS_LIB_SRCS) $(GENKSYMS_CMD_SRCS) tests/fuzz/genksyms_fuzz.c
USER_BINS += $(BIN)/genksyms

# kbuild runs genksyms once per object file, so start-up counts: linked
# statically, it skips the dynamic loader (about 5% of a run over lib/).
# Empty it for a toolchain without static libraries.
GENKSYMS_LDFLAGS ?= -static

# Link-time optimization: the parser calls the lexer's and the table's
# small functions across files for every token (about 9% fewer instructions
# over a preprocessed file).  Fat objects, so that an archiver without the
# LTO plugin still makes a usable library.  Empty it to build without.
GENKSYMS_LTO ?= -flto=auto -ffat-lto-objects
# The CRC (user/common/crc32.c) runs over every byte of every expansion,
# and the expansion stack grows through array_grow() at every step.
$(call objs,$(BUILD),$(GENKSYMS_LIB_SRCS) $(GENKSYMS_CMD_SRCS) \
	user/common/crc32.c user/common/array_grow.c): \
	EXTRA_CFLAGS += $(GENKSYMS_LTO)

$(BUILD)/lib/libgenksyms.a: $(call objs,$(BUILD),$(GENKSYMS_LIB_SRCS))
$(BUILD)/san/lib/libgenksyms.a: $(call objs,$(BUILD)/san,$(GENKSYMS_LIB_SRCS))
$(BUILD)/fuzz/lib/libgenksyms.a: $(call objs,$(BUILD)/fuzz,$(GENKSYMS_LIB_SRCS))

# --diff is the explain library's (user/explain/build.mk): from the
# archive, only the members --diff needs are linked in.
$(BIN)/genksyms: LDLIBS = $(GENKSYMS_LTO) $(GENKSYMS_LDFLAGS) $(EXPLAIN_LIBS)
$(BIN)/genksyms: $(call objs,$(BUILD),$(GENKSYMS_CMD_SRCS)) \
		$(BUILD)/lib/libgenksyms.a $(BUILD)/lib/libexplain.a \
		$(BUILD)/lib/libcommon.a
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/san/genksyms: LDLIBS = $(EXPLAIN_LIBS)
$(BUILD)/san/genksyms: $(call objs,$(BUILD)/san,$(GENKSYMS_CMD_SRCS)) \
		$(BUILD)/san/lib/libgenksyms.a $(BUILD)/san/lib/libexplain.a \
		$(BUILD)/san/lib/libcommon.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/fuzz/obj/tests/fuzz/genksyms_fuzz.o: EXTRA_CFLAGS = -I$(GENKSYMS_DIR)
$(BUILD)/fuzz/genksyms_fuzz: $(BUILD)/fuzz/obj/tests/fuzz/genksyms_fuzz.o \
		$(BUILD)/fuzz/lib/libgenksyms.a $(BUILD)/fuzz/lib/libcommon.a
	@mkdir -p $(@D)
	$(FUZZ_LINK)

.PHONY: genksyms-san
genksyms-san: $(BUILD)/san/genksyms
