# SPDX-License-Identifier: GPL-2.0-only
# For module developers who keep building from their own directory: add
#
#	include /path/to/symtab/scripts/symtab.mk
#
# to the module's Makefile, then `make symtab-modules [KVER=release]` builds
# the module there with Kbuild and versions every .ko (genksyms + symtab
# stamp), exactly as `make modules M=...` does from the symtab tree.
ifeq ($(KERNELRELEASE),)
SYMTAB_TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
KVER ?= $(shell uname -r)

.PHONY: symtab-modules
symtab-modules:
	$(SYMTAB_TOP)/scripts/kbuild/build-module.sh $(KVER) $(CURDIR) $(CURDIR)
endif
