# SPDX-License-Identifier: GPL-2.0-only
# genksyms: build/bin/genksyms, and a sanitized copy for the tests.
GENKSYMS_SRCS := $(wildcard user/genksyms/*.c)
GENKSYMS_HDRS := $(wildcard user/genksyms/*.h)
USER_BINS += $(BIN)/genksyms

$(BIN)/genksyms: $(GENKSYMS_SRCS) $(GENKSYMS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(GENKSYMS_SRCS) $(LDFLAGS)

$(BUILD)/san/genksyms: $(GENKSYMS_SRCS) $(GENKSYMS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(filter-out -O2,$(CFLAGS)) $(SAN_CFLAGS) -o $@ $(GENKSYMS_SRCS) $(LDFLAGS)

.PHONY: genksyms-san
genksyms-san: $(BUILD)/san/genksyms
