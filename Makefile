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
#   make kabi-bench                    symtab kabi extract/compare on whole
#                                      Debian kernel flavors (long)
#   make conformance                   genksyms against the kernel's on whole
#                                      Linux 6.1 and 6.12 trees (long)
#   make modules M=DIR [KVER=release] [ROOT=PKGDIR] [IN_PLACE=1]
#       [MODULE_MAKEFLAGS="VAR=value ..."] [SYMTAB_TYPES=0]
#                                      build and version an external module
#                                      (SYMTAB_TYPES=0: without .symtab_types)
#   make test-packages                 make modules on real DKMS packages
#   make test-system                   the Debian packages in a real Debian 12
#                                      system (mmdebstrap, systemd, dkms):
#                                      6.1, upgrade to 6.12, purge (long)
#   make fuzz [FUZZ_SECONDS=120]       run the fuzzers for a while
#   make kfuzz [KFUZZ_MUTANTS=2000 KFUZZ_SEED=S KFUZZ_KVERS=...]
#                                      mutants of the test modules loaded
#                                      in the VM, on each kernel (long;
#                                      default: every kernel built for and
#                                      the debug kernel when built)
#   make install                       tools, man pages, symtab.ko, depmod
#                                      (install-tools + install-kmod)
#   make install-dkms                  symtab.ko's source for dkms, in
#                                      /usr/src/symtab-VERSION
#   make uninstall                     remove what make install installed
#   make test-deb                      build the Debian packages, lintian,
#                                      their contents and versions
#   make debug-kernel                  build the KASAN/lockdep/kmemleak kernel
#                                      (cached outside the tree, long)
#   make test-debug                    the VM scenarios on the debug kernel
#   make test-rt                       every VM scenario and the kfuzz share
#                                      on the PREEMPT_RT kernels

BUILD	:= $(CURDIR)/build
BIN	:= $(BUILD)/bin
KVERS	?= $(shell cd /lib/modules 2>/dev/null && for k in *; do \
		[ -e $$k/build/Makefile ] && echo $$k; done)
PREFIX	?= /usr/local
# The one version number of the tree: the tools' --version, symtab.ko's
# MODULE_VERSION, dkms.conf's PACKAGE_VERSION and debian/changelog (checked
# by debian/rules and tests/deb).
VERSION	:= $(shell cat $(CURDIR)/VERSION)
# Warnings are errors in the project's own builds (the package build turns
# this off: users' future compilers may warn about more).
WERROR	?= -Werror

# make predefines CC (cc): gcc unless the environment or command line
# names another.
ifeq ($(origin CC),default)
CC	:= gcc
endif
CFLAGS	?= -O2 -g
CFLAGS	+= -std=gnu11 -Wall -Wextra $(WERROR) -D_GNU_SOURCE -I$(CURDIR)/include \
	   -DSYMTAB_VERSION=\"$(VERSION)\"
CPPFLAGS ?=
LDFLAGS	?=

# Sanitizer build of the same sources, for the unit tests.
SAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
# libFuzzer build of the same sources, for make fuzz (clang only).
FUZZ_CC	?= clang
FUZZ_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all

# The userspace sources are built three times, each in its own tree:
#
#   $(BUILD)/obj/  $(BUILD)/lib/          the tools in $(BIN)
#   $(BUILD)/san/obj/  $(BUILD)/san/lib/  ASan/UBSan, for the tests
#   $(BUILD)/fuzz/obj/ $(BUILD)/fuzz/lib/ libFuzzer, for make fuzz
#
# Objects mirror the source tree (user/common/error.c ->
# $(BUILD)/obj/user/common/error.o) and carry their header dependencies in
# a .d file beside them; libraries are static archives in lib/, so a tool
# links only the members it uses.  The build.mk fragments say which
# sources make which archive and which command, and add every source to
# USER_SRCS.  EXTRA_CFLAGS is for a target's own -I or -D.
SAN_ALL_CFLAGS	= $(filter-out -O2,$(CFLAGS)) $(SAN_CFLAGS)
FUZZ_ALL_CFLAGS	= $(filter-out -O2,$(CFLAGS)) $(FUZZ_CFLAGS)
DEPFLAGS	= -MMD -MP

# objs FLAVOUR-DIR, SOURCES: the objects of SOURCES in that build.
objs = $(patsubst %.c,$(1)/obj/%.o,$(2))

# Quiet, as Kbuild is: one line a step, "  CC      user/explain/diff_walk.o"
# (the sanitizer and fuzzer builds' objects tagged [S] and [F]), the
# archives and programs named from the top of the tree.  V=1: the
# commands themselves; make -s: nothing.  $(call say,STEP,WHAT) starts a
# recipe line.
ifeq ($(V),1)
say	=
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
say	=
else
say	= @printf '  %-7s %s\n' '$(1)' '$(2)';
endif
shown	= $(patsubst $(CURDIR)/%,%,$@)

# Each command a variable, so that V=1 shows it on one line.
COMPILE		= $(CC) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) $(DEPFLAGS) \
		  -c -o $@ $<
SAN_COMPILE	= $(CC) $(SAN_ALL_CFLAGS) $(EXTRA_CFLAGS) $(DEPFLAGS) -c -o $@ $<
FUZZ_COMPILE	= $(FUZZ_CC) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer-no-link \
		  $(EXTRA_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$*.o)$(COMPILE)

$(BUILD)/san/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC [S],$*.o)$(SAN_COMPILE)

$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC [F],$*.o)$(FUZZ_COMPILE)

%.a:
	@mkdir -p $(@D)
	@rm -f $@
	$(call say,AR,$(shown))$(AR) rcs $@ $^

# Linking: the objects and archives among the prerequisites, in their
# order (an archive before the archives it uses), then LDLIBS.  Each is a
# whole recipe line.
LINK		= $(call say,LD,$(shown))$(CC) $(CFLAGS) -o $@ \
		  $(filter %.o %.a,$^) $(LDFLAGS) $(LDLIBS)
SAN_LINK	= $(call say,LD,$(shown))$(CC) $(SAN_ALL_CFLAGS) -o $@ \
		  $(filter %.o %.a,$^) $(LDFLAGS) $(LDLIBS)
FUZZ_LINK	= $(call say,LD,$(shown))$(FUZZ_CC) $(FUZZ_ALL_CFLAGS) \
		  -fsanitize=fuzzer -o $@ $(filter %.o %.a,$^) $(LDFLAGS) \
		  $(LDLIBS)

.PHONY: all user kmod testmodules test test-packages test-system vmtest demo bench kabi-bench conformance fuzz install clean modules \
	install-tools install-kmod install-dkms uninstall test-deb \
	debug-kernel debug-modules test-debug kfuzz kfuzz-mutate test-rt
all: user kmod

# Each userspace component describes itself in its own fragment.
include $(wildcard user/*/build.mk)
-include $(foreach f,$(BUILD) $(BUILD)/san $(BUILD)/fuzz, \
	$(patsubst %.o,%.d,$(call objs,$(f),$(USER_SRCS))))
# The sources that print SYMTAB_VERSION are rebuilt when it changes.
VERSION_SRCS := user/symtab/command.c user/genksyms/main.c
$(foreach f,$(BUILD) $(BUILD)/san $(BUILD)/fuzz,$(call objs,$(f),$(VERSION_SRCS))): VERSION

user: $(USER_BINS)

kmod: $(foreach k,$(KVERS),$(BUILD)/$(k)/kmod/symtab.ko)

# Kbuild writes objects beside the sources, so each kernel gets its own tree
# of symlinks to them.  Rebuilt only when a source changed (Kbuild itself
# only relinks what changed); `+` hands the jobserver down.  KBUILD_DIR: a
# kernel build tree other than /lib/modules/<release>/build (with a single
# release in KVERS).
KMOD_SRCS := $(wildcard kmod/* include/symtab/*.h) VERSION
$(BUILD)/%/kmod/symtab.ko: $(KMOD_SRCS)
	@mkdir -p $(BUILD)/$*/kmod
	@for f in $(CURDIR)/kmod/*; do ln -sf $$f $(BUILD)/$*/kmod/; done
	+$(MAKE) -C $(or $(KBUILD_DIR),/lib/modules/$*/build) M=$(BUILD)/$*/kmod \
		SYMTAB_INCLUDE=$(CURDIR)/include SYMTAB_VERSION=$(VERSION) \
		SYMTAB_WERROR=$(WERROR) modules
	@touch $@

# make modules M=DIR [ROOT=PKGDIR] [KVER=release] [IN_PLACE=1]
#	[MODULE_MAKEFLAGS="VAR=value ..."]: build and version an external
# module, or several Kbuild directories of one package in order (M="a b"),
# each finding the exports of those before it for its softdep.
# Built in a copy of ROOT (default M) under build/<release>/modules/, or in
# place; only symtab.ko of the kernels asked for is (re)built first.
MOD_KVERS = $(if $(KVER),$(KVER),$(KVERS))
modules: user $(foreach k,$(MOD_KVERS),$(BUILD)/$(k)/kmod/symtab.ko)
	@[ -n "$(M)" ] || { echo "usage: make modules M=DIR [ROOT=PKGDIR] [KVER=release] [IN_PLACE=1] [MODULE_MAKEFLAGS='VAR=value ...']" >&2; exit 2; }
	+@set -e; for k in $(MOD_KVERS); do extra=; for m in $(M); do \
		root=$(or $(ROOT),$$m); \
		out=$(BUILD)/$$k/modules/$$(basename $$(realpath $$root)); \
		[ -z "$(IN_PLACE)" ] || out=$$root; \
		SYMTAB_EXTRA_SYMBOLS="$(SYMTAB_EXTRA_SYMBOLS) $$extra" \
		scripts/kbuild/build-module.sh --root $$root $$k $$m $$out \
			$(MODULE_MAKEFLAGS); \
		extra="$$extra $$out"; \
	done; done

# The test modules, built exactly like any user's module but for their
# softdep (SYMTAB_SOFTDEP=0): the VM scenarios insert them with insmod, and
# what they load must not depend on the modules installed here
# (tests/symtab builds its own for modprobe).  A directory with a file
# named STRIP has its modules stripped of local symbols afterwards.
TEST_MODULES := $(patsubst %/,%,$(dir $(wildcard tests/modules/*/Kbuild)))
testmodules: $(foreach k,$(KVERS),testmodules-$(k))
# One make job a (kernel, test module), so that under -j the modules of
# every kernel build side by side (Kbuild runs one module's few objects
# at a time, far from filling the jobs).  The malformed copies need
# symtest_fixture only.
testmodules-%: $(foreach m,$(TEST_MODULES),testmodule/%/$(notdir $(m)))
	@tests/vm/malformed-modules.sh $*

define testmodule_rule
testmodule/$(1)/$(notdir $(2)): user $(BUILD)/$(1)/kmod/symtab.ko
	+@set -e; out=$(BUILD)/$(1)/modules/$(notdir $(2)); \
	SYMTAB_KCFLAGS="-I$(CURDIR)/tests/modules/include -I$(CURDIR)/tests/symtab/fixtures" \
		SYMTAB_SOFTDEP=0 scripts/kbuild/build-module.sh $(1) $(2) $$$$out; \
	[ ! -e $(2)/STRIP ] || for ko in $$$$out/*.ko; do \
		strip --strip-unneeded $$$$ko; done
endef
$(foreach k,$(KVERS),$(foreach m,$(TEST_MODULES), \
	$(eval $(call testmodule_rule,$(k),$(m)))))

# The debug kernel runs the VM scenarios too once it is built and current
# (make debug-kernel); make test never builds it.
# The builds run TEST_JOBS (default: the number of CPUs) at a time; so do
# the suites' QEMU boots (tests/jobs.sh).
TEST_JOBS ?= $(shell nproc)
# The build runs after the background suite has started (TEST_PREPARE):
# the system suite's packages and image need none of it.
TEST_BUILD = $(MAKE) -j$(TEST_JOBS) all testmodules $(BIN)/kfuzz-mutate && \
	{ ! $(DEBUG_KERNEL) --status >/dev/null || $(MAKE) -j$(TEST_JOBS) debug-modules; }
test:
	TEST_JOBS=$(TEST_JOBS) TEST_PREPARE='$(TEST_BUILD)' tests/run.sh

# make modules on real Debian DKMS source packages (fetched into
# ~/.cache/symtab) and on made-up ones: about 10 minutes, so not in `test`.
test-packages: all
	tests/run.sh packages

# The project's packages in a Debian 12 system booted under QEMU
# (tests/system/): make test runs its first boot on 6.1 (making the image,
# cached, when missing); this runs every boot: 6.1, the upgrade to 6.12, the
# reboot into 6.12 and the purge.
test-system:
	SYSTEM_FULL=1 tests/run.sh system

vmtest: all testmodules $(BIN)/kfuzz-mutate
	tests/run.sh vm

# The debug kernel (scripts/debugkernel/): symtab.ko and the test modules
# built against it, and every VM scenario booted on it.
DEBUG_KERNEL := scripts/debugkernel/build.sh
debug-kernel:
	$(DEBUG_KERNEL)

debug-modules: user
	@$(DEBUG_KERNEL) --status
	$(MAKE) kmod testmodules KVERS=$$($(DEBUG_KERNEL) --release) \
		KBUILD_DIR=$$($(DEBUG_KERNEL) --objdir)

test-debug: debug-kernel
	$(MAKE) debug-modules
	KVERS=$$($(DEBUG_KERNEL) --release) tests/run.sh vm

# make test runs only some scenarios on PREEMPT_RT kernels (tests/vm/run.sh).
RT_KVERS = $(filter %-rt-amd64,$(KVERS))
test-rt: all testmodules $(BIN)/kfuzz-mutate
	@[ -n "$(RT_KVERS)" ] || { echo "no PREEMPT_RT kernel headers (linux-headers-rt-amd64)" >&2; exit 1; }
	KVERS="$(RT_KVERS)" tests/run.sh vm kfuzz

demo:
	scripts/deps.sh
	$(MAKE) all testmodules
	scripts/demo/run.sh

bench: all
	scripts/bench/run.sh

# symtab kabi on whole flavors of Debian's kernels: CRCs reproduced from
# source, times, compares (about 45 CPU-minutes a flavor; cached).
kabi-bench: user
	scripts/bench/kabi.sh

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

# The in-kernel fuzzer (tests/kfuzz/): its mutator runs inside the test
# VM, whose initramfs takes every tool in build/bin.  make kfuzz: the long
# run, KFUZZ_MUTANTS of KFUZZ_SEED (default: the time) on each kernel of
# KFUZZ_KVERS (default: every kernel built for, and the debug kernel when
# built; its modules only then); failed mutants join
# tests/kfuzz/regressions.txt.  make test runs a fixed-seed share.
KFUZZ_MUTATE_SRCS := $(wildcard tests/kfuzz/*.c)
$(BIN)/kfuzz-mutate: $(KFUZZ_MUTATE_SRCS) tests/kfuzz/mutate.h \
		include/symtab/abi.h include/symtab/types_section.h
	@mkdir -p $(@D)
	$(call say,CC,$(shown))$(CC) $(CFLAGS) -o $@ $(KFUZZ_MUTATE_SRCS) $(LDFLAGS) -lelf

kfuzz-mutate: $(BIN)/kfuzz-mutate

KFUZZ_MUTANTS	?= 2000
KFUZZ_SEED	?= $(shell date +%s)
# The kernels to fuzz, apart from KVERS (the kernels to build for): the
# debug kernel's modules are built by debug-modules, not from /lib/modules.
KFUZZ_KVERS	?=
kfuzz: all testmodules $(BIN)/kfuzz-mutate
	@if $(DEBUG_KERNEL) --status >/dev/null && { [ -z "$(KFUZZ_KVERS)" ] || \
		echo " $(KFUZZ_KVERS) " | grep -q " $$($(DEBUG_KERNEL) --release) "; }; then \
		$(MAKE) debug-modules; fi
	KVERS="$(KFUZZ_KVERS)" nice -n 10 tests/kfuzz/long.sh $(KFUZZ_SEED) $(KFUZZ_MUTANTS)

# Tools, man pages, headers for module builds (install-tools), and
# symtab.ko for every kernel built (install-kmod); DESTDIR for staging,
# depmod only for a real install.  Module builds against the installed tree
# need, besides the tools and headers: symtab.mk and kbuild/
# (PREFIX/share/symtab/) and symtab.ko's Module.symvers per kernel
# (PREFIX/lib/symtab/<release>/), for modpost.  On Debian, the packages
# (debian/: symtab, symtab-dkms) are the way; when dkms already manages
# symtab.ko, install-kmod leaves it to dkms rather than put a second copy
# beside it.
SHARE := $(DESTDIR)$(PREFIX)/share/symtab
install: install-tools install-kmod

install-tools: user
	install -D -m 755 $(BIN)/genksyms $(DESTDIR)$(PREFIX)/bin/genksyms
	install -D -m 755 $(BIN)/symtab $(DESTDIR)$(PREFIX)/sbin/symtab
	install -d $(DESTDIR)$(PREFIX)/share/man/man8 $(DESTDIR)$(PREFIX)/include/symtab
	install -m 644 man/*.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 644 include/symtab/*.h $(DESTDIR)$(PREFIX)/include/symtab/
	install -d $(SHARE)/kbuild
	install -m 644 scripts/symtab.mk $(SHARE)/
	install -m 755 $(filter-out scripts/kbuild/dkms-%,$(wildcard scripts/kbuild/*.sh)) \
		$(SHARE)/kbuild/
	install -m 644 scripts/kbuild/layout.sh scripts/kbuild/exporters.sh \
		scripts/kbuild/version.mk $(SHARE)/kbuild/
	install -d $(SHARE)/kabi $(SHARE)/corpus
	install -m 755 scripts/kabi/*.sh $(SHARE)/kabi/
	install -m 644 scripts/kabi/*.awk scripts/kabi/*.mk $(SHARE)/kabi/
	install -d $(SHARE)/kabi/include/linux
	install -m 644 scripts/kabi/include/linux/export.h $(SHARE)/kabi/include/linux/
	install -m 755 scripts/corpus/kbuild-cflags.sh $(SHARE)/corpus/
	install -m 755 scripts/corpus/kbuild-object.awk $(SHARE)/corpus/

install-kmod: kmod
	@if [ -z "$(DESTDIR)" ] && [ -d /var/lib/dkms/symtab ]; then \
		echo "install: symtab.ko is managed by dkms (dkms status symtab): not installing a second copy"; \
		exit 0; \
	fi; set -e; for k in $(KVERS); do \
		install -D -m 644 $(BUILD)/$$k/kmod/symtab.ko \
			$(DESTDIR)/lib/modules/$$k/extra/symtab.ko; \
		install -D -m 644 $(BUILD)/$$k/kmod/Module.symvers \
			$(DESTDIR)$(PREFIX)/lib/symtab/$$k/Module.symvers; \
		[ -n "$(DESTDIR)" ] || depmod -a $$k; \
	done

# What make install put there, for every kernel under /lib/modules.  Not
# for PREFIX=/usr on a real system: the packages own that (apt purge).
uninstall:
	@if [ -z "$(DESTDIR)" ] && [ "$(PREFIX)" = /usr ]; then \
		echo "uninstall: PREFIX=/usr is the packages' (apt purge symtab symtab-dkms)" >&2; \
		exit 2; \
	fi
	rm -f $(DESTDIR)$(PREFIX)/bin/genksyms $(DESTDIR)$(PREFIX)/sbin/symtab
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man8/,$(notdir $(wildcard man/*.8)))
	rm -rf $(DESTDIR)$(PREFIX)/include/symtab $(SHARE) $(DESTDIR)$(PREFIX)/lib/symtab
	@set -e; for d in $(DESTDIR)/lib/modules/*/extra/symtab.ko; do \
		[ -e "$$d" ] || continue; \
		rm -f "$$d"; k=$${d%/extra/symtab.ko}; k=$${k##*/}; \
		echo "removed $$d"; [ -n "$(DESTDIR)" ] || depmod -a $$k; \
	done

# symtab.ko's source as dkms wants it, in /usr/src/symtab-VERSION (the
# symtab-dkms package's content): dkms.conf with the version and the
# PREFIX whose lib/symtab/ gets each kernel's Module.symvers.
DKMS_SRC := $(DESTDIR)/usr/src/symtab-$(VERSION)
$(BUILD)/dkms.conf: dkms.conf VERSION FORCE
	@mkdir -p $(@D)
	sed -e 's/#MODULE_VERSION#/$(VERSION)/g' -e 's|#PREFIX#|$(PREFIX)|g' dkms.conf >$@

install-dkms: $(BUILD)/dkms.conf
	install -D -m 644 $(BUILD)/dkms.conf $(DKMS_SRC)/dkms.conf
	install -m 644 Kbuild VERSION $(DKMS_SRC)/
	install -D -m 644 -t $(DKMS_SRC)/kmod kmod/Kbuild kmod/*.c kmod/*.h
	install -D -m 644 -t $(DKMS_SRC)/include/symtab include/symtab/*.h
	install -D -m 755 -t $(DKMS_SRC)/scripts/kbuild \
		scripts/kbuild/dkms-post-build.sh scripts/kbuild/dkms-post-remove.sh

# The Debian packages built from a copy of the tree (dpkg-buildpackage),
# lintian, their contents and versions (about 4 minutes), then installed,
# used and purged in a Debian 12 chroot (about 5 more; making the chroot,
# cached in ~/.cache/symtab, about 10 the first time): not in `test`.
test-deb:
	tests/run.sh deb

FORCE:
.PHONY: FORCE

clean:
	rm -rf $(BUILD)
