# SPDX-License-Identifier: GPL-2.0-only
# The explain library (symtypes parsing, diffing, explanations, the
# .symtab_types section) and its test driver.  Included by the top Makefile,
# which sets BUILD, BIN, the compile and link rules and the objs function.
#
#   $(BUILD)/lib/libexplain.a   the library (also san/ and fuzz/ builds)
#   $(BIN)/symtypes-diff        symtypes-diff OLD NEW [--json]
#   $(BUILD)/san/symtypes-diff  the same under ASan/UBSan, for tests/explain
#   $(BUILD)/fuzz/explain_fuzz  the libFuzzer harness tests/fuzz/explain_fuzz.c
#
# Other tools link libexplain.a and libcommon.a, then EXPLAIN_LIBS: `symtab explain`
# (user/symtab/build.mk) and `genksyms --diff` (user/genksyms/build.mk).

EXPLAIN_DIR		:= user/explain
EXPLAIN_CMD_SRCS	:= $(EXPLAIN_DIR)/symtypes_diff.c
EXPLAIN_LIB_SRCS	:= $(filter-out $(EXPLAIN_CMD_SRCS), \
			   $(wildcard $(EXPLAIN_DIR)/*.c))
EXPLAIN_LIBS		:= -lz

USER_SRCS	+= $(EXPLAIN_LIB_SRCS) $(EXPLAIN_CMD_SRCS) tests/fuzz/explain_fuzz.c
USER_BINS	+= $(BIN)/symtypes-diff

$(BUILD)/lib/libexplain.a: $(call objs,$(BUILD),$(EXPLAIN_LIB_SRCS))
$(BUILD)/san/lib/libexplain.a: $(call objs,$(BUILD)/san,$(EXPLAIN_LIB_SRCS))
$(BUILD)/fuzz/lib/libexplain.a: $(call objs,$(BUILD)/fuzz,$(EXPLAIN_LIB_SRCS))

$(BIN)/symtypes-diff: LDLIBS = $(EXPLAIN_LIBS)
$(BIN)/symtypes-diff: $(call objs,$(BUILD),$(EXPLAIN_CMD_SRCS)) \
		$(BUILD)/lib/libexplain.a \
		$(BUILD)/lib/libcommon.a
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/san/symtypes-diff: LDLIBS = $(EXPLAIN_LIBS)
$(BUILD)/san/symtypes-diff: $(call objs,$(BUILD)/san,$(EXPLAIN_CMD_SRCS)) \
		$(BUILD)/san/lib/libexplain.a \
		$(BUILD)/san/lib/libcommon.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/fuzz/explain_fuzz: LDLIBS = $(EXPLAIN_LIBS)
$(BUILD)/fuzz/explain_fuzz: $(BUILD)/fuzz/obj/tests/fuzz/explain_fuzz.o \
		$(BUILD)/fuzz/lib/libexplain.a \
		$(BUILD)/fuzz/lib/libcommon.a
	@mkdir -p $(@D)
	$(FUZZ_LINK)
