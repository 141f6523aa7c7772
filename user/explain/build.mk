# SPDX-License-Identifier: GPL-2.0-only
# The explain library (symtypes parsing, diffing, explanations, the
# .symtab_types section) and its test driver.  Included by the top Makefile,
# which sets BUILD, BIN, CC, CFLAGS, LDFLAGS and SAN_CFLAGS.
#
#   $(BIN)/symtypes-diff        symtypes-diff OLD NEW [--json]
#   $(BUILD)/san/symtypes-diff  the same under ASan/UBSan, for tests/explain
#
# Other tools link the library by compiling EXPLAIN_LIB_SRCS and linking
# EXPLAIN_LIBS; `symtab explain` (user/symtab/cmd_explain.c) does so below.

EXPLAIN_DIR		:= user/explain
EXPLAIN_LIB_SRCS	:= $(filter-out $(EXPLAIN_DIR)/symtypes_diff.c, \
			   $(wildcard $(EXPLAIN_DIR)/*.c))
EXPLAIN_DEPS		:= $(EXPLAIN_LIB_SRCS) $(wildcard $(EXPLAIN_DIR)/*.h) \
			   include/symtab/types_section.h $(EXPLAIN_DIR)/build.mk
EXPLAIN_LIBS		:= -lz

USER_BINS	+= $(BIN)/symtypes-diff

$(BIN)/symtypes-diff: $(EXPLAIN_DIR)/symtypes_diff.c $(EXPLAIN_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(EXPLAIN_LIB_SRCS) $(LDFLAGS) $(EXPLAIN_LIBS)

$(BUILD)/san/symtypes-diff: $(EXPLAIN_DIR)/symtypes_diff.c $(EXPLAIN_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN_CFLAGS) -o $@ $< $(EXPLAIN_LIB_SRCS) $(LDFLAGS) \
		$(EXPLAIN_LIBS)

# `symtab explain` (user/symtab/cmd_explain.c) is built into the symtab tool
# with this library: add it to that link, whatever order the fragments are
# included in.
$(BIN)/symtab $(BUILD)/san/symtab: SYMTAB_SRCS += $(EXPLAIN_LIB_SRCS)
$(BIN)/symtab $(BUILD)/san/symtab: SYMTAB_LIBS += $(EXPLAIN_LIBS)
$(BIN)/symtab $(BUILD)/san/symtab: $(EXPLAIN_DEPS)
