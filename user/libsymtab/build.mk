# SPDX-License-Identifier: GPL-2.0-only
# libsymtab: everything the `symtab` commands (user/symtab) do, as a library
# that needs libelf, libkmod, and liblzma, libzstd and zlib for compressed
# modules.  One folder a concern:
#
#   module/       a module file: reading, ELF checks, blocks, sections,
#                 stamping, compression, writing it back
#   formats/      the text formats: Module.symvers, exporters' records,
#                 genksyms' #SYMVER lines, softdep entries
#   resident/     resolution against symtab.ko's registry (/proc/symtab,
#                 /proc/symtab_users, /proc/kallsyms)
#   modversions/  the kernel's own modversions: reading them from a module,
#                 checking modules against a kernel release
#   load/         load planning, inserting and removing through libkmod,
#                 the kernel's words from /dev/kmsg
#   kabi/         two kernels' exports compared under severity rules
#
# Included by the top Makefile, which sets BUILD, BIN, the compile and link
# rules and the objs function.
#
#   $(BUILD)/lib/libsymtab.a          the library (also san/ and fuzz/ builds)
#   $(BUILD)/san/test/symtab-unit     tests/symtab/unit.c over it
#   $(BUILD)/san/test/elf_fuzz        tests/fuzz/elf_fuzz.c as a plain
#                                     program, replaying its inputs
#   $(BUILD)/test/elf_edit            tests/symtab/elf_edit.c, a test helper
#   $(BUILD)/fuzz/elf_fuzz            the libFuzzer harness
#
# Its users add LIBSYMTAB_CFLAGS to their EXTRA_CFLAGS, include its headers
# as "FOLDER/NAME.h" and link libcommon.a (user/common), then
# LIBSYMTAB_LIBS, after the archive.

LIBSYMTAB_DIR		:= user/libsymtab
LIBSYMTAB_SRCS		:= $(wildcard $(LIBSYMTAB_DIR)/*/*.c)
LIBSYMTAB_CFLAGS	:= -I$(LIBSYMTAB_DIR)
LIBSYMTAB_LIBS		:= -pthread $(shell pkg-config --libs libelf libkmod \
			     liblzma libzstd zlib 2>/dev/null)

USER_SRCS	+= $(LIBSYMTAB_SRCS) tests/symtab/unit.c \
		   tests/symtab/elf_edit.c tests/fuzz/elf_fuzz.c

$(BUILD)/lib/libsymtab.a: $(call objs,$(BUILD),$(LIBSYMTAB_SRCS))
$(BUILD)/san/lib/libsymtab.a: $(call objs,$(BUILD)/san,$(LIBSYMTAB_SRCS))
$(BUILD)/fuzz/lib/libsymtab.a: $(call objs,$(BUILD)/fuzz,$(LIBSYMTAB_SRCS))

# Test drivers: the library's API, without the commands.
$(BUILD)/san/obj/tests/symtab/unit.o: EXTRA_CFLAGS = $(LIBSYMTAB_CFLAGS)
$(BUILD)/san/test/symtab-unit: LDLIBS = $(LIBSYMTAB_LIBS)
$(BUILD)/san/test/symtab-unit: $(BUILD)/san/obj/tests/symtab/unit.o \
		$(BUILD)/san/lib/libsymtab.a \
		$(BUILD)/san/lib/libcommon.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/san/obj/tests/fuzz/elf_fuzz.o: EXTRA_CFLAGS = $(LIBSYMTAB_CFLAGS) \
	-DELF_FUZZ_MAIN
$(BUILD)/san/test/elf_fuzz: LDLIBS = $(LIBSYMTAB_LIBS)
$(BUILD)/san/test/elf_fuzz: $(BUILD)/san/obj/tests/fuzz/elf_fuzz.o \
		$(BUILD)/san/lib/libsymtab.a \
		$(BUILD)/san/lib/libcommon.a
	@mkdir -p $(@D)
	$(SAN_LINK)

$(BUILD)/test/elf_edit: LDLIBS = -lelf
$(BUILD)/test/elf_edit: $(BUILD)/obj/tests/symtab/elf_edit.o
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/fuzz/obj/tests/fuzz/elf_fuzz.o: EXTRA_CFLAGS = $(LIBSYMTAB_CFLAGS)
$(BUILD)/fuzz/elf_fuzz: LDLIBS = $(LIBSYMTAB_LIBS)
$(BUILD)/fuzz/elf_fuzz: $(BUILD)/fuzz/obj/tests/fuzz/elf_fuzz.o \
		$(BUILD)/fuzz/lib/libsymtab.a \
		$(BUILD)/fuzz/lib/libcommon.a
	@mkdir -p $(@D)
	$(FUZZ_LINK)
