// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "target_build.h"

char *target_build(const struct module_file *mf, const char *release,
		   char *const *built, size_t nr_built,
		   const struct kernel_target *t)
{
	char name[256], other[256], own[256], *path;
	const char *vermagic, *at;
	size_t i, n;

	if (module_name_of(mf->path, name, sizeof(name)))
		return NULL;
	for (i = 0; i < nr_built; i++)
		if (!module_name_of(built[i], other, sizeof(other)) &&
		    !strcmp(other, name))
			return strdup(built[i]);
	vermagic = modinfo_get(&mf->kernel, "vermagic", 0);
	n = vermagic ? strcspn(vermagic, " ") : 0;
	if (n && n + 2 < sizeof(own) &&
	    (strlen(release) != n || strncmp(vermagic, release, n))) {
		/* "/REL/" inside the path, or "REL/" at its start. */
		snprintf(own, sizeof(own), "/%.*s/", (int)n, vermagic);
		if (!strncmp(mf->path, own + 1, n + 1))
			at = mf->path + n + 1;		/* after "REL/" */
		else if ((at = strstr(mf->path, own)))
			at += n + 2;			/* after "/REL/" */
		if (at && asprintf(&path, "%.*s%s/%s",
				   (int)(at - mf->path) - (int)n - 1,
				   mf->path, release, at) >= 0) {
			if (access(path, R_OK) == 0)
				return path;
			free(path);
		}
	}
	for (i = 0; i < t->nr_installed; i++)
		if (!module_name_of(t->installed[i]->path, other,
				    sizeof(other)) &&
		    !strcmp(other, name) &&
		    strcmp(t->installed[i]->path, mf->path))
			return strdup(t->installed[i]->path);
	return NULL;
}
