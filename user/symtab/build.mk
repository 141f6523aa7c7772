# SPDX-License-Identifier: GPL-2.0-only
# The `symtab` multi-call tool and its library.  Included by the top
# Makefile, which sets BUILD, BIN, the compile and link rules and the objs
# function.
#
#   $(BUILD)/lib/libsymtab.a   module files, ELF, versions, the resident
#                              table, the loader (also san/ and fuzz/ builds)
#   $(BIN)/symtab              the tool: the commands over libsymtab.a and
#                              libexplain.a
#   $(BUILD)/san/symtab        the same under ASan/UBSan, for tests/symtab
#   $(BUILD)/san/test/symtab-unit     tests/symtab/unit.c over libsymtab.a
#   $(BUILD)/san/test/elf_fuzz        tests/fuzz/elf_fuzz.c as a plain
#                                     program, replaying its inputs
#   $(BUILD)/test/elf_edit            tests/symtab/elf_edit.c, a test helper
#   $(BUILD)/fuzz/elf_fuzz     the libFuzzer harness tests/fuzz/elf_fuzz.c
#
# The command layer: symtab.c (the dispatcher), command.c, the commands
# (cmd_<name>.c, one per line of commands.def) and the explanations they
# print (module_types.c, mismatch_explain.c).  Everything else is the
# library, which needs only libelf and libkmod.

SYMTAB_DIR	:= user/symtab
SYMTAB_CMD_SRCS	:= $(SYMTAB_DIR)/symtab.c $(SYMTAB_DIR)/command.c \
		   $(wildcard $(SYMTAB_DIR)/cmd_*.c) \
		   $(SYMTAB_DIR)/module_types.c $(SYMTAB_DIR)/mismatch_explain.c
SYMTAB_LIB_SRCS	:= $(filter-out $(SYMTAB_CMD_SRCS), \
		   $(wildcard $(SYMTAB_DIR)/*.c))
SYMTAB_LIB_LIBS	:= $(shell pkg-config --libs libelf libkmod 2>/dev/null)

USER_SRCS	+= $(SYMTAB_LIB_SRCS) $(SYMTAB_CMD_SRCS) tests/symtab/unit.c \
		   tests/symtab/elf_edit.c tests/fuzz/elf_fuzz.c
USER_BINS	+= $(BIN)/symtab

$(BUILD)/lib/libsymtab.a: $(call objs,$(BUILD),$(SYMTAB_LIB_SRCS))
$(BUILD)/san/lib/libsymtab.a: $(call objs,$(BUILD)/san,$(SYMTAB_LIB_SRCS))
$(BUILD)/fuzz/lib/libsymtab.a: $(call objs,$(BUILD)/fuzz,$(SYMTAB_LIB_SRCS))

$(BIN)/symtab: LDLIBS = $(SYMTAB_LIB_LIBS) $(EXPLAIN_LIBS)
$(BIN)/symtab: $(call objs,$(BUILD),$(SYMTAB_CMD_SRCS)) \
		$(BUILD)/lib/libsymtab.a $(BUILD)/lib/libexplain.a
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/san/symtab: LDLIBS = $(SYMTAB_LIB_LIBS) $(EXPLAIN_LIBS)
$(BUILD)/san/symtab: $(call objs,$(BUILD)/san,$(SYMTAB_CMD_SRCS)) \
		$(BUILD)/san/lib/libsymtab.a $(BUILD)/san/lib/libexplain.a
	@mkdir -p $(@D)
	$(SAN_LINK)

# Test drivers: the library's API, without the commands.
$(BUILD)/san/obj/tests/symtab/unit.o: EXTRA_CFLAGS = -I$(SYMTAB_DIR)
$(BUILD)/san/test/symtab-unit: LDLIBS = $(SYMTAB_LIB_LIBS)
$(BUILD)/san/test/symtab-unit: $(BUILD)/san/obj/tests/symtab/unit.o \
		$(BUILD)/san/lib/libsymtab.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/san/obj/tests/fuzz/elf_fuzz.o: EXTRA_CFLAGS = -I$(SYMTAB_DIR) \
	-DELF_FUZZ_MAIN
$(BUILD)/san/test/elf_fuzz: LDLIBS = $(SYMTAB_LIB_LIBS)
$(BUILD)/san/test/elf_fuzz: $(BUILD)/san/obj/tests/fuzz/elf_fuzz.o \
		$(BUILD)/san/lib/libsymtab.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/test/elf_edit: LDLIBS = -lelf
$(BUILD)/test/elf_edit: $(BUILD)/obj/tests/symtab/elf_edit.o
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/fuzz/obj/tests/fuzz/elf_fuzz.o: EXTRA_CFLAGS = -I$(SYMTAB_DIR)
$(BUILD)/fuzz/elf_fuzz: LDLIBS = $(SYMTAB_LIB_LIBS)
$(BUILD)/fuzz/elf_fuzz: $(BUILD)/fuzz/obj/tests/fuzz/elf_fuzz.o \
		$(BUILD)/fuzz/lib/libsymtab.a
	@mkdir -p $(@D)
	$(FUZZ_LINK)
