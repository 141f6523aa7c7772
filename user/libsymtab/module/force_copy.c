// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "force_copy.h"
#include "module_compress.h"

void make_imports_versionless(const struct module_file *mf,
			      unsigned char *image)
{
	const struct module_block *mb;
	size_t i;

	for (i = 0; i < mf->nr_blocks; i++) {
		mb = &mf->blocks[i];
		if (mb->blk.kind == BLOCK_IMPORT)
			image[mb->file_offset + block_record_offset(0) +
			      BLOCK_REC_FLAGS] &= ~SYMTAB_REC_VERSIONED;
	}
}

static int write_copy(const char *path, const unsigned char *data,
		      size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	while (size) {
		n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			n = -errno;
			close(fd);
			return n;
		}
		data += n;
		size -= n;
	}
	return close(fd) ? -errno : 0;
}

int force_copy_create(const struct module_file *mf, char **copy_path,
		      struct symtab_error *err)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir = NULL, *path = NULL, *base;
	unsigned char *image;
	size_t keep;
	int ret;

	base = strrchr(mf->path, '/');
	base = base ? base + 1 : mf->path;
	image = malloc(mf->size + 1);
	if (!image || asprintf(&dir, "%s/symtab-force.XXXXXX",
			       tmpdir && *tmpdir ? tmpdir : "/tmp") < 0) {
		free(image);
		return error_set(err, ENOMEM, "out of memory");
	}
	if (!mkdtemp(dir)) {
		ret = error_set(err, errno, "%s: %s", dir, strerror(errno));
		goto out;
	}
	/* Written uncompressed: foo.ko.xz's copy is foo.ko. */
	keep = strlen(base) - module_name_suffix(base);
	if (asprintf(&path, "%s/%.*s%s", dir, (int)keep, base,
		     keep < strlen(base) ? ".ko" : "") < 0) {
		path = NULL;
		ret = error_set(err, ENOMEM, "out of memory");
		rmdir(dir);
		goto out;
	}
	memcpy(image, mf->image, mf->size);
	make_imports_versionless(mf, image);
	ret = write_copy(path, image, mf->size);
	if (ret) {
		error_set(err, -ret, "%s: %s", path, strerror(-ret));
		unlink(path);
		rmdir(dir);
		free(path);
		path = NULL;
	}
out:
	free(image);
	free(dir);
	*copy_path = path;
	return ret;
}

void force_copy_remove(char *copy_path)
{
	if (!copy_path)
		return;
	unlink(copy_path);
	rmdir(dirname(copy_path));
	free(copy_path);
}
