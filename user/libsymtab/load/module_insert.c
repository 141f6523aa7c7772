// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdarg.h>
#include <libkmod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kmsg.h"
#include "module_insert.h"
#include "../module/module_compress.h"

/* What insmod would say for errno @errnum of init_module(). */
static const char *insert_strerror(int errnum)
{
	switch (errnum) {
	case ENOEXEC:
		return "Invalid module format";
	case ENOENT:
		return "Unknown symbol in module, or unknown parameter (see dmesg)";
	case EINVAL:
		return "Invalid argument: a symbol version disagrees, or a parameter is invalid (see dmesg)";
	case EEXIST:
		return "Module already in kernel, or a symbol it exports is already resident";
	case ENOSPC:
		return "No space left on device (too many resident symbols?)";
	case EPERM:
		return "Operation not permitted";
	case EKEYREJECTED:
		return "Key was rejected by service (module signature)";
	}
	return strerror(errnum);
}

/* What rmmod would say for errno @errnum of delete_module(). */
static const char *remove_strerror(int errnum)
{
	switch (errnum) {
	case ENOENT:
		return "Module is not loaded";
	case EBUSY:
	case EAGAIN:
		return "Module is in use";
	case EPERM:
		return "Operation not permitted";
	}
	return strerror(errnum);
}

/* libkmod's own log lines: none.  The commands say what went wrong. */
static void silent_log(void *data __attribute__((unused)),
		       int priority __attribute__((unused)),
		       const char *file __attribute__((unused)),
		       int line __attribute__((unused)),
		       const char *fn __attribute__((unused)),
		       const char *format __attribute__((unused)),
		       va_list args __attribute__((unused)))
{
}

/* A libkmod context that logs nothing to the user's terminal. */
static struct kmod_ctx *quiet_kmod_new(void)
{
	struct kmod_ctx *ctx = kmod_new(NULL, NULL);

	if (ctx)
		kmod_set_log_fn(ctx, silent_log, NULL);
	return ctx;
}

static int new_context(struct kmod_ctx **ctx, struct symtab_error *err)
{
	*ctx = quiet_kmod_new();
	if (!*ctx)
		return error_set(err, ENOMEM, "libkmod: cannot create a context");
	return 0;
}

int module_name_of(const char *name, char *buf, size_t len)
{
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	int ret;

	ctx = quiet_kmod_new();
	if (!ctx)
		return -ENOMEM;
	if (module_name_suffix(name))
		ret = kmod_module_new_from_path(ctx, name, &mod);
	else
		ret = kmod_module_new_from_name(ctx, name, &mod);
	if (!ret) {
		snprintf(buf, len, "%s", kmod_module_get_name(mod));
		kmod_module_unref(mod);
	}
	kmod_unref(ctx);
	return ret;
}

static int loaded(struct kmod_module *mod)
{
	int state = kmod_module_get_initstate(mod);

	if (state == -ENOENT)
		return 0;
	return state < 0 ? state : 1;
}

int module_loaded_from_path(const char *path, struct symtab_error *err)
{
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	int ret;

	ret = new_context(&ctx, err);
	if (ret)
		return ret;
	ret = kmod_module_new_from_path(ctx, path, &mod);
	if (ret) {
		error_set(err, -ret, "%s: %s", path, strerror(-ret));
	} else {
		ret = loaded(mod);
		kmod_module_unref(mod);
	}
	kmod_unref(ctx);
	return ret;
}

int module_loaded_by_name(const char *name)
{
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	int ret;

	ctx = quiet_kmod_new();
	if (!ctx)
		return -ENOMEM;
	ret = kmod_module_new_from_name(ctx, name, &mod);
	if (!ret) {
		ret = loaded(mod);
		kmod_module_unref(mod);
	}
	kmod_unref(ctx);
	return ret;
}

/* A libkmod context and the module @what (a file when @by_path). */
static int module_open(const char *what, bool by_path, const char *shown,
		       struct kmod_ctx **kctx, struct kmod_module **mod,
		       struct symtab_error *err)
{
	int ret;

	ret = new_context(kctx, err);
	if (ret)
		return ret;
	if (by_path)
		ret = kmod_module_new_from_path(*kctx, what, mod);
	else
		ret = kmod_module_new_from_name(*kctx, what, mod);
	if (ret) {
		error_set(err, -ret, "%s: %s", shown, strerror(-ret));
		kmod_unref(*kctx);
	}
	return ret;
}

static void module_close(struct kmod_ctx *kctx, struct kmod_module *mod)
{
	kmod_module_unref(mod);
	kmod_unref(kctx);
}

/* The kernel's log lines about @name go to @fn when @say, else nowhere. */
static void log_finish(int log, bool say, const char *name, kernel_log_fn fn,
		       void *ctx)
{
	if (say)
		kernel_log_drain(log, name, fn, ctx);
	else if (log >= 0)
		close(log);
}

/*
 * A compressed module goes to init_module(2) uncompressed here, as kmod 30
 * does itself: the kernel takes one only through finit_module(2)'s
 * MODULE_INIT_COMPRESSED_FILE, on kernels built with MODULE_DECOMPRESS
 * (Debian's 6.1 is not), and Debian's libkmod reads no gzip.
 * Return: 1 when @path is not compressed (libkmod inserts it), 0 when
 * inserted, -errno from the kernel, or -errno with @err set when @path
 * cannot be read.
 */
static int insert_compressed(const char *path, const char *params,
			     bool *unreadable, struct symtab_error *err)
{
	enum module_compression c;
	unsigned char *image;
	size_t size;
	int ret;

	ret = module_read_image(path, &image, &size, &c, err);
	*unreadable = ret != 0;
	if (ret)
		return ret;
	if (c == MODULE_PLAIN)
		ret = 1;
	else if (syscall(SYS_init_module, image, size, params ? params : ""))
		ret = -errno;
	free(image);
	return ret;
}

int module_insert(const char *path, const char *shown, const char *params,
		  bool log_always, kernel_log_fn fn, void *ctx,
		  struct symtab_error *err)
{
	struct kmod_module *mod;
	struct kmod_ctx *kctx;
	bool unreadable;
	int ret, log;

	ret = module_open(path, true, shown, &kctx, &mod, err);
	if (ret)
		return ret;
	log = kernel_log_open();
	ret = insert_compressed(path, params, &unreadable, err);
	if (ret == 1)
		ret = kmod_module_insert_module(mod, 0, params);
	if (ret && !unreadable)
		error_set(err, -ret, "could not insert module %s: %s", shown,
			  insert_strerror(-ret));
	log_finish(log, ret || log_always, kmod_module_get_name(mod), fn, ctx);
	module_close(kctx, mod);
	return ret;
}

int module_probe(const char *name, kernel_log_fn fn, void *ctx,
		 struct symtab_error *err)
{
	struct kmod_module *mod;
	struct kmod_ctx *kctx;
	int ret, log;

	ret = module_open(name, false, name, &kctx, &mod, err);
	if (ret)
		return ret;
	log = kernel_log_open();
	ret = kmod_module_probe_insert_module(mod, KMOD_PROBE_IGNORE_LOADED,
					      NULL, NULL, NULL, NULL);
	if (ret > 0)	/* blacklisted, or a configured command */
		ret = -EPERM;
	if (ret)
		error_set(err, -ret, "could not load module %s: %s", name,
			  insert_strerror(-ret));
	log_finish(log, ret, name, fn, ctx);
	module_close(kctx, mod);
	return ret;
}

int module_remove(const char *name, struct symtab_error *err)
{
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	int ret;

	ret = module_open(name, module_name_suffix(name) > 0, name, &ctx,
			  &mod, err);
	if (ret)
		return ret;
	ret = loaded(mod);
	if (ret == 0)
		ret = -ENOENT;
	if (ret > 0)
		ret = kmod_module_remove_module(mod, 0);
	if (ret)
		error_set(err, -ret, "could not remove module %s: %s",
			  kmod_module_get_name(mod), remove_strerror(-ret));
	module_close(ctx, mod);
	return ret;
}

char *module_path_by_name(const char *name)
{
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	char *path = NULL;

	ctx = quiet_kmod_new();
	if (!ctx)
		return NULL;
	if (!kmod_module_new_from_name(ctx, name, &mod)) {
		const char *p = kmod_module_get_path(mod);

		if (p)
			path = strdup(p);
		kmod_module_unref(mod);
	}
	kmod_unref(ctx);
	return path;
}
