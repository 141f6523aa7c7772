# SPDX-License-Identifier: GPL-2.0-only
# genksyms: build/bin/genksyms, and a sanitized copy for the tests.
GENKSYMS_SRCS := $(wildcard user/genksyms/*.c)
GENKSYMS_HDRS := $(wildcard user/genksyms/*.h)
USER_BINS += $(BIN)/genksyms

# kbuild runs genksyms once per object file, so start-up counts: linked
# statically, it skips the dynamic loader (about 5% of a run over lib/).
# Empty it for a toolchain without static libraries.
GENKSYMS_LDFLAGS ?= -static

# --diff is the explain library's: user/explain/build.mk, included before
# this fragment (the Makefile includes them in sorted order).
$(BIN)/genksyms: $(GENKSYMS_SRCS) $(GENKSYMS_HDRS) $(EXPLAIN_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(GENKSYMS_SRCS) $(EXPLAIN_LIB_SRCS) $(LDFLAGS) \
		$(GENKSYMS_LDFLAGS) $(EXPLAIN_LIBS)

$(BUILD)/san/genksyms: $(GENKSYMS_SRCS) $(GENKSYMS_HDRS) $(EXPLAIN_DEPS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -O2,$(CFLAGS)) $(SAN_CFLAGS) -o $@ $(GENKSYMS_SRCS) \
		$(EXPLAIN_LIB_SRCS) $(LDFLAGS) $(EXPLAIN_LIBS)

.PHONY: genksyms-san
genksyms-san: $(BUILD)/san/genksyms
