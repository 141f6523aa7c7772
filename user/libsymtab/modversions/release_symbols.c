// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "release_symbols.h"
#include "../module/module_dir.h"

/* Where depmod looks for modules that are not the kernel's own. */
static const char *const out_of_tree_dirs[] = { "extra", "updates" };

static int add_installed(struct kernel_target *t, const char *path,
			 struct symtab_error *err)
{
	struct module_file *mf, **grown;
	struct symtab_error ignored;

	if (module_file_open(path, &mf, &ignored))
		return 0;
	grown = reallocarray(t->installed, t->nr_installed + 1,
			     sizeof(*grown));
	if (!grown) {
		module_file_free(mf);
		return error_set(err, ENOMEM, "out of memory");
	}
	t->installed = grown;
	t->installed[t->nr_installed++] = mf;
	return 0;
}

static int scan_installed(struct kernel_target *t, const char *release,
			  struct symtab_error *err)
{
	struct module_paths found;
	char *dir;
	size_t d, i;
	int ret = 0;

	for (d = 0; !ret && d < sizeof(out_of_tree_dirs) /
				 sizeof(*out_of_tree_dirs); d++) {
		if (asprintf(&dir, "%s/%s/%s", KERNEL_MODULES_ROOT, release,
			     out_of_tree_dirs[d]) < 0)
			return error_set(err, ENOMEM, "out of memory");
		if (!module_dir_list(dir, true, &found, NULL)) {
			for (i = 0; !ret && i < found.nr; i++)
				ret = add_installed(t, found.paths[i], err);
			module_paths_release(&found);
		}
		free(dir);
	}
	return ret;
}

static bool running_kernel(const char *release)
{
	struct utsname u;

	return !uname(&u) && !strcmp(u.release, release);
}

int kernel_release_open(struct kernel_release *kr, const char *release,
			const char *symvers, struct symtab_error *err)
{
	int ret;

	memset(kr, 0, sizeof(*kr));
	kr->symvers_path = symvers ? strdup(symvers) :
				     kernel_symvers_path(release);
	if (!kr->symvers_path)
		return error_set(err, ENOMEM, "out of memory");
	ret = kernel_symvers_load(&kr->symvers, kr->symvers_path, err);
	if (!ret)
		kr->target.symvers = &kr->symvers;
	else if (ret != -ENOENT)
		return ret;
	ret = scan_installed(&kr->target, release, err);
	if (ret || !running_kernel(release))
		return ret;
	/* Without it (no /proc), loaded modules are simply not known. */
	if (!loaded_symbols_load(&kr->loaded, KALLSYMS_PATH, NULL))
		kr->target.loaded = &kr->loaded;
	return 0;
}

void kernel_release_close(struct kernel_release *kr)
{
	size_t i;

	for (i = 0; i < kr->target.nr_installed; i++)
		module_file_free(kr->target.installed[i]);
	free(kr->target.installed);
	kernel_symvers_release(&kr->symvers);
	loaded_symbols_release(&kr->loaded);
	free(kr->symvers_path);
	memset(kr, 0, sizeof(*kr));
}
