# SPDX-License-Identifier: GPL-2.0-only
#
# symtab: genksyms symbol versions and register_symtab() tables for today's
# kernels.  `make` builds the userspace tools into build/bin/ and symtab.ko
# into build/<release>/ for every kernel whose headers are installed.
#
#   make [KVERS="6.1.0-56-amd64 ..."]   tools and symtab.ko
#   make test                          unit, differential and VM tests
#   make demo                          the whole story in a VM
#   make bench                         benchmarks (ratios against references)
#   make conformance                   genksyms against the kernel's on whole
#                                      Linux 6.1 and 6.12 trees (long)
#   make modules M=DIR [KVER=release] [SYMTAB_TYPES=0]
#                                      build and version an external module
#                                      (SYMTAB_TYPES=0: without .symtab_types)
#   make fuzz [FUZZ_SECONDS=120]       run the fuzzers for a while
#   make install                       tools, man pages, symtab.ko, depmod

BUILD	:= $(CURDIR)/build
BIN	:= $(BUILD)/bin
KVERS	?= $(shell cd /lib/modules 2>/dev/null && for k in *; do \
		[ -e $$k/build/Makefile ] && echo $$k; done)
PREFIX	?= /usr/local

CC	?= gcc
CFLAGS	?= -O2 -g
CFLAGS	+= -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE -I$(CURDIR)/include
LDFLAGS	?=

# Sanitizer build of the same sources, for the unit tests.
SAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

.PHONY: all user kmod testmodules test vmtest demo bench conformance fuzz install clean modules
all: user kmod

# Each userspace component describes itself in its own fragment.
include $(wildcard user/*/build.mk)

user: $(USER_BINS)

kmod: $(foreach k,$(KVERS),$(BUILD)/$(k)/kmod/symtab.ko)

# Kbuild writes objects beside the sources, so each kernel gets its own tree
# of symlinks to them.
$(BUILD)/%/kmod/symtab.ko: FORCE
	@mkdir -p $(BUILD)/$*/kmod
	@for f in $(CURDIR)/kmod/*; do ln -sf $$f $(BUILD)/$*/kmod/; done
	$(MAKE) -C /lib/modules/$*/build M=$(BUILD)/$*/kmod \
		SYMTAB_INCLUDE=$(CURDIR)/include modules

FORCE:

# make modules M=DIR [KVER=release]: build and version an external module.
MOD_KVERS = $(if $(KVER),$(KVER),$(KVERS))
modules: user kmod
	@[ -n "$(M)" ] || { echo "usage: make modules M=DIR [KVER=release]" >&2; exit 2; }
	@set -e; for k in $(MOD_KVERS); do \
		scripts/kbuild/build-module.sh $$k $(M) \
			$(BUILD)/$$k/modules/$(notdir $(abspath $(M))); \
		echo "  VERSIONED $(BUILD)/$$k/modules/$(notdir $(abspath $(M)))"; \
	done

# The test modules, built exactly like any user's module.
TEST_MODULES := $(patsubst %/,%,$(dir $(wildcard tests/modules/*/Kbuild)))
testmodules: user kmod
	@set -e; for k in $(KVERS); do for m in $(TEST_MODULES); do \
		SYMTAB_KCFLAGS=-I$(CURDIR)/tests/modules/include \
		scripts/kbuild/build-module.sh $$k $$m \
			$(BUILD)/$$k/modules/$$(basename $$m); \
	done; done

test: all testmodules
	tests/run.sh

vmtest: all testmodules
	tests/run.sh vm

demo:
	scripts/deps.sh
	$(MAKE) all testmodules
	scripts/demo.sh

bench: all
	scripts/bench.sh

# Every exporting file of both Debian kernel sources, preprocessed as Kbuild
# does (cached under ~/.cache/symtab), through ours and the kernel's tool.
conformance: user
	scripts/corpus/conformance.sh 6.1 6.12

# libFuzzer runs of FUZZ_SECONDS each: genksyms' parser, the module reader,
# the explain library.  Crash inputs go to build/fuzz/.
FUZZ_SECONDS ?= 120
fuzz:
	tests/fuzz/genksyms-fuzz.sh $(FUZZ_SECONDS)
	tests/fuzz/elf_fuzz.sh $(FUZZ_SECONDS)
	tests/fuzz/explain-fuzz.sh $(FUZZ_SECONDS)

# Tools, man pages, headers for module builds, and symtab.ko for every
# kernel built (DESTDIR for staging; depmod only for a real install).
install: all
	install -D -m 755 $(BIN)/genksyms $(DESTDIR)$(PREFIX)/bin/genksyms
	install -D -m 755 $(BIN)/symtab $(DESTDIR)$(PREFIX)/sbin/symtab
	install -d $(DESTDIR)$(PREFIX)/share/man/man8 $(DESTDIR)$(PREFIX)/include/symtab
	install -m 644 man/*.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 644 include/symtab/*.h $(DESTDIR)$(PREFIX)/include/symtab/
	@set -e; for k in $(KVERS); do \
		install -D -m 644 $(BUILD)/$$k/kmod/symtab.ko \
			$(DESTDIR)/lib/modules/$$k/extra/symtab.ko; \
		[ -n "$(DESTDIR)" ] || depmod -a $$k; \
	done

clean:
	rm -rf $(BUILD)
