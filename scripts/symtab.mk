# SPDX-License-Identifier: GPL-2.0-only
# Build and version a module directory with Kbuild, in place, from the symtab
# source tree or from an installed symtab (PREFIX/share/symtab/symtab.mk):
#
#	make -f PREFIX/share/symtab/symtab.mk M=DIR [KVER=release] [ROOT=PKGDIR]
#		[MODULE_MAKEFLAGS="VAR=value ..."]
#
# or add `include /path/to/symtab.mk` to the module's Makefile and run
# `make symtab-modules` there (M defaults to the current directory).  Every
# module Kbuild produces under M gets genksyms CRCs stamped in (symtab stamp),
# as `make modules M=...` does from the symtab tree, and a softdep naming
# the modules it imports from, for modprobe: found in the same build, in
# SYMTAB_EXTRA_SYMBOLS (Module.symtab files, directories, module files),
# then among the modules installed for KVER (kbuild/exporters.sh).
# Kbuild reads a module's Makefile with obj and src set: then this is
# nothing.  KERNELRELEASE alone says nothing: dkms passes it to every make.
ifeq ($(obj)$(src),)
# kbuild/ lies beside this file in both the source and the installed tree.
SYMTAB_KBUILD := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))/kbuild
KVER ?= $(shell uname -r)
M ?= $(CURDIR)

# Included at the top of a Makefile, do not steal its default goal.
_symtab_goal := $(.DEFAULT_GOAL)

.PHONY: symtab-modules
symtab-modules:
	+$(SYMTAB_KBUILD)/build-module.sh $(if $(ROOT),--root $(ROOT)) \
		$(KVER) $(M) $(or $(ROOT),$(M)) $(MODULE_MAKEFLAGS)

ifneq ($(_symtab_goal),)
.DEFAULT_GOAL := $(_symtab_goal)
endif
endif
