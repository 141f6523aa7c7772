# SPDX-License-Identifier: GPL-2.0-only
# What one directory's Kbuild file asks of Kbuild, as make itself reads it
# (its conditionals, $(BITS), $(addprefix ...) and the rest): every
# <name>-y, -m and -objs list (obj-y, lib-y, composite objects),
# ccflags-y, asflags-y, their subdir- forms, CFLAGS_<obj> and AFLAGS_<obj>,
# one "VAR := VALUE" a line, then "kbuild-lists: done".  Run in the
# source tree with a flavor's config:
#   make -s -f kbuild-lists.mk CONF=HDR/include/config/auto.conf DIR=drivers/net
# DIR=. reads the top Kbuild (the directories vmlinux is made of: give it
# ARCH_CORE, ARCH_LIB, ARCH_DRIVERS); DIR=arch prints those three, from
# arch/$(SRCARCH)/Makefile.  No Kbuild function is defined: $(call
# cc-option,...) and the like are empty, which only drops compiler flags.
include $(CONF)
srctree := $(CURDIR)
objtree := $(CURDIR)
ARCH := x86
SRCARCH := x86
ifeq ($(CONFIG_64BIT),y)
BITS := 64
else
BITS := 32
endif
ifeq ($(DIR),arch)
libs-y := lib/
include arch/$(SRCARCH)/Makefile
$(info ARCH_CORE := $(core-y))
$(info ARCH_LIB := $(filter %/,$(libs-y)))
$(info ARCH_DRIVERS := $(drivers-y) $(drivers-m))
else
src := $(DIR)
obj := $(DIR)
include $(or $(wildcard $(DIR)/Kbuild),$(DIR)/Makefile)
$(foreach v,$(sort $(filter %-y %-m %-objs CFLAGS_% AFLAGS_%,$(.VARIABLES))),\
	$(info $(v) := $(strip $($(v)))))
endif
.DEFAULT_GOAL := kbuild-lists
kbuild-lists: ; @echo "kbuild-lists: done"
