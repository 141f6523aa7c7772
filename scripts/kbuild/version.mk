# SPDX-License-Identifier: GPL-2.0-only
# The genksyms step of build-module.sh as make rules, so it runs in parallel
# under the caller's jobserver and only for objects Kbuild rebuilt.
#
#   make -f version.mk OBJLIST=FILE KBUILD=DIR GENKSYMS=PATH VERSION_OBJECT=PATH
#
# OBJLIST names one object (absolute path) per line; each gets OBJ.symvers
# and OBJ.symtypes beside it (suffix .o replaced).
OBJS := $(shell cat $(OBJLIST))

all: $(OBJS:.o=.symvers)

%.symvers: %.o %.symtab-imports $(GENKSYMS)
	@$(VERSION_OBJECT) $(KBUILD) $(GENKSYMS) $<

.PHONY: all
