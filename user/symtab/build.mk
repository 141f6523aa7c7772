# SPDX-License-Identifier: GPL-2.0-only
# The `symtab` multi-call tool.  Included by the top Makefile, which sets
# BUILD, BIN, the compile and link rules and the objs function.
#
#   $(BIN)/symtab          the tool
#   $(BUILD)/san/symtab    the same under ASan/UBSan, for tests/symtab
#
# symtab.c (the dispatcher), command.c, the commands (cmd_<name>.c, one per
# line of commands.def) and kabi_report.c (what `symtab kabi compare`
# prints), over libmodtypes.a (user/modtypes), libsymtab.a (user/libsymtab)
# and libexplain.a (user/explain).

SYMTAB_DIR	:= user/symtab
SYMTAB_SRCS	:= $(wildcard $(SYMTAB_DIR)/*.c)

USER_SRCS	+= $(SYMTAB_SRCS)
USER_BINS	+= $(BIN)/symtab

$(call objs,$(BUILD),$(SYMTAB_SRCS)) $(call objs,$(BUILD)/san,$(SYMTAB_SRCS)): \
	EXTRA_CFLAGS = $(LIBSYMTAB_CFLAGS)

$(BIN)/symtab: LDLIBS = $(LIBSYMTAB_LIBS) $(EXPLAIN_LIBS)
$(BIN)/symtab: $(call objs,$(BUILD),$(SYMTAB_SRCS)) \
		$(BUILD)/lib/libmodtypes.a $(BUILD)/lib/libsymtab.a \
		$(BUILD)/lib/libexplain.a $(BUILD)/lib/libcommon.a
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/san/symtab: LDLIBS = $(LIBSYMTAB_LIBS) $(EXPLAIN_LIBS)
$(BUILD)/san/symtab: $(call objs,$(BUILD)/san,$(SYMTAB_SRCS)) \
		$(BUILD)/san/lib/libmodtypes.a $(BUILD)/san/lib/libsymtab.a \
		$(BUILD)/san/lib/libexplain.a $(BUILD)/san/lib/libcommon.a
	@mkdir -p $(@D)
	$(SAN_LINK)

# `symtab kabi extract` runs scripts/kabi/extract.sh, from the build tree or
# from where make install puts it.
$(call objs,$(BUILD),$(SYMTAB_DIR)/cmd_kabi.c) \
$(call objs,$(BUILD)/san,$(SYMTAB_DIR)/cmd_kabi.c): \
	EXTRA_CFLAGS += -DSYMTAB_SHARE_DIR='"$(PREFIX)/share/symtab"'
