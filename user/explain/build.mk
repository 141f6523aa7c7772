# SPDX-License-Identifier: GPL-2.0-only
# The explain library (symtypes parsing, diffing, explanations, the
# .symtab_types section).  Included by the top Makefile, which sets BUILD,
# BIN, the compile and link rules and the objs function.
#
#   $(BUILD)/lib/libexplain.a      the library (also san/ and fuzz/ builds)
#   $(BUILD)/test/explain-driver   the test driver tests/explain/explain_driver.c
#                                  (--crc, --subset, --pack, --unpack)
#   $(BUILD)/san/explain-driver    the same under ASan/UBSan, for the tests
#   $(BUILD)/fuzz/explain_fuzz     the libFuzzer harness tests/fuzz/explain_fuzz.c
#
# Other tools link libexplain.a and libcommon.a, then EXPLAIN_LIBS: `symtab explain`
# (user/symtab/build.mk) and `genksyms --diff` (user/genksyms/build.mk).

EXPLAIN_DIR		:= user/explain
EXPLAIN_LIB_SRCS	:= $(wildcard $(EXPLAIN_DIR)/*.c)
EXPLAIN_DRIVER_SRCS	:= tests/explain/explain_driver.c
EXPLAIN_LIBS		:= -lz

USER_SRCS	+= $(EXPLAIN_LIB_SRCS) $(EXPLAIN_DRIVER_SRCS) \
		   tests/fuzz/explain_fuzz.c

$(BUILD)/lib/libexplain.a: $(call objs,$(BUILD),$(EXPLAIN_LIB_SRCS))
$(BUILD)/san/lib/libexplain.a: $(call objs,$(BUILD)/san,$(EXPLAIN_LIB_SRCS))
$(BUILD)/fuzz/lib/libexplain.a: $(call objs,$(BUILD)/fuzz,$(EXPLAIN_LIB_SRCS))

$(BUILD)/test/explain-driver: LDLIBS = $(EXPLAIN_LIBS)
$(BUILD)/test/explain-driver: $(call objs,$(BUILD),$(EXPLAIN_DRIVER_SRCS)) \
		$(BUILD)/lib/libexplain.a \
		$(BUILD)/lib/libcommon.a
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/san/explain-driver: LDLIBS = $(EXPLAIN_LIBS)
$(BUILD)/san/explain-driver: $(call objs,$(BUILD)/san,$(EXPLAIN_DRIVER_SRCS)) \
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
