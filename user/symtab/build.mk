# SPDX-License-Identifier: GPL-2.0-only
# The `symtab` multi-call tool.  Included by the top Makefile, which sets
# BUILD, BIN, CC, CFLAGS, LDFLAGS and SAN_CFLAGS.
#
#   $(BIN)/symtab          the tool
#   $(BUILD)/san/symtab    the same under ASan/UBSan, for tests/symtab

SYMTAB_DIR	:= user/symtab
SYMTAB_SRCS	:= $(wildcard $(SYMTAB_DIR)/*.c)
SYMTAB_DEPS	:= $(SYMTAB_SRCS) $(wildcard $(SYMTAB_DIR)/*.h) \
		   $(SYMTAB_DIR)/commands.def $(wildcard include/symtab/*.h) \
		   $(SYMTAB_DIR)/build.mk
SYMTAB_LIBS	:= $(shell pkg-config --libs libelf libkmod 2>/dev/null)

USER_BINS	+= $(BIN)/symtab

$(BIN)/symtab: $(SYMTAB_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(SYMTAB_SRCS) $(LDFLAGS) $(SYMTAB_LIBS)

$(BUILD)/san/symtab: $(SYMTAB_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN_CFLAGS) -o $@ $(SYMTAB_SRCS) $(LDFLAGS) \
		$(SYMTAB_LIBS)
