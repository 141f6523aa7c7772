// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <symtab/types_section.h>

#include "atomic_file.h"
#include "bytes.h"
#include "section_write.h"
#include "../formats/softdep.h"
#include "stamp.h"

void stamp_image(const struct module_file *mf, const struct version_set *vs,
		 unsigned char *image, stamp_versionless_fn versionless,
		 void *ctx, struct stamp_result *res)
{
	const struct symbol_version *v;
	const struct module_block *mb;
	struct record rec;
	unsigned char *p;
	uint32_t r, imports = 0;
	size_t i;

	res->versioned = res->versionless = 0;
	for (i = 0; i < mf->nr_blocks; i++)
		imports += mf->blocks[i].blk.kind == BLOCK_IMPORT;
	for (i = 0; i < mf->nr_blocks; i++) {
		mb = &mf->blocks[i];
		if (mb->blk.kind == BLOCK_EXPORT_TABLE)
			put_le32(image + mb->file_offset + BLOCK_HDR_COUNT,
				 mb->blk.nr_records);
		else	/* A stripped module's blocks tell their number. */
			put_le32(image + mb->file_offset + BLOCK_HDR_IMPORTS,
				 imports);
		for (r = 0; r < mb->blk.nr_records; r++) {
			block_record(&mb->blk, r, &rec);
			p = image + mb->file_offset + block_record_offset(r);
			v = version_set_find(vs, rec.name);
			if (v) {
				put_le32(p + BLOCK_REC_CRC, v->crc);
				p[BLOCK_REC_FLAGS] |= SYMTAB_REC_VERSIONED;
				res->versioned++;
				continue;
			}
			put_le32(p + BLOCK_REC_CRC, 0);
			p[BLOCK_REC_FLAGS] &= ~SYMTAB_REC_VERSIONED;
			res->versionless++;
			if (versionless)
				versionless(ctx, rec.name, rec.kind);
		}
	}
}

struct stamp_check {
	const unsigned char *image;	/* uncompressed */
	size_t size;
	size_t nr_blocks;
	enum module_compression compression;
};

/*
 * Read the written file back: the same bytes once uncompressed, in the
 * same compression, and still a valid module.
 */
static int check_written(const char *tmp, void *ctx, struct symtab_error *err)
{
	const struct stamp_check *want = ctx;
	struct module_file *mf;
	size_t i;
	int ret;

	ret = module_file_open(tmp, &mf, err);
	if (ret)
		return ret;
	if (mf->size != want->size || memcmp(mf->image, want->image,
					     want->size))
		ret = error_set(err, EIO, "%s: read back different bytes",
				tmp);
	else if (mf->compression != want->compression)
		ret = error_set(err, EIO, "%s: read back %s, not %s", tmp,
				module_compression_name(mf->compression),
				module_compression_name(want->compression));
	else if (mf->nr_blocks != want->nr_blocks)
		ret = error_set(err, EIO, "%s: blocks changed after stamping",
				tmp);
	for (i = 0; !ret && i < mf->nr_blocks; i++) {
		const struct block *b = &mf->blocks[i].blk;

		if (b->kind == BLOCK_EXPORT_TABLE &&
		    b->header_count != b->nr_records)
			ret = error_set(err, EIO, "%s: %s: count not written",
					tmp, mf->blocks[i].symbol);
		else if (b->kind == BLOCK_IMPORT && !b->header_imports)
			ret = error_set(err, EIO,
					"%s: %s: number of import blocks not written",
					tmp, mf->blocks[i].symbol);
	}
	module_file_free(mf);
	return ret;
}

/* The stamped image, in the file's own compression, replacing the file. */
static int write_module(const char *path, struct stamp_check *check,
			struct symtab_error *err)
{
	unsigned char *packed;
	size_t packed_size;
	int ret;

	if (check->compression == MODULE_PLAIN)
		return atomic_replace(path, check->image, check->size,
				      check_written, check, err);
	ret = module_compress(path, check->compression, check->image,
			      check->size, &packed, &packed_size, err);
	if (ret)
		return ret;
	ret = atomic_replace(path, packed, packed_size, check_written, check,
			     err);
	free(packed);
	return ret;
}

/*
 * Give @image (a same-layout copy of @mf's, *@size bytes) the .modinfo
 * softdep @req asks for; when that moved a section, *@now is @image
 * parsed again, for the next change.
 */
static int add_softdep(const struct module_file *mf,
		       const struct version_set *vs,
		       const struct softdep_request *req,
		       unsigned char **image, size_t *size,
		       struct module_file **now, struct symtab_error *err)
{
	unsigned char *grown;
	char *modinfo;
	size_t len;
	int ret;

	ret = softdep_modinfo(mf, vs, req, &modinfo, &len, err);
	if (ret || !modinfo)
		return ret;
	ret = section_replace(mf, *image, MODINFO_SECTION, modinfo, len,
			      &grown, size, err);
	free(modinfo);
	if (ret)
		return ret;
	free(*image);
	*image = grown;
	return module_file_parse(mf->path, grown, *size, now, err);
}

int stamp_module(const char *path, const struct version_set *vs,
		 const void *types, size_t types_len,
		 const struct softdep_request *softdep,
		 stamp_versionless_fn versionless, void *ctx,
		 struct stamp_result *res, struct symtab_error *err)
{
	struct module_file *mf, *now = NULL;
	struct stamp_check check;
	unsigned char *image, *grown;
	const unsigned char *old;
	size_t size, old_len;
	int ret;

	ret = module_file_open(path, &mf, err);
	if (ret)
		return ret;
	image = malloc(mf->size + 1);
	if (!image) {
		module_file_free(mf);
		return error_set(err, ENOMEM, "%s: out of memory", path);
	}
	memcpy(image, mf->image, mf->size);
	size = mf->size;
	stamp_image(mf, vs, image, versionless, ctx, res);
	res->changed = memcmp(image, mf->image, mf->size) != 0;
	if (softdep) {
		ret = add_softdep(mf, vs, softdep, &image, &size, &now, err);
		if (ret)
			goto out;
		res->changed |= now != NULL;
	}
	old = types ? section_find(mf, SYMTAB_TYPES_SECTION, &old_len) : NULL;
	if (types && !(old && old_len == types_len &&
		       !memcmp(old, types, types_len))) {
		ret = section_set(now ? now : mf, image, SYMTAB_TYPES_SECTION,
				  types, types_len, &grown, &size, err);
		if (ret)
			goto out;
		free(image);
		image = grown;
		res->changed = 1;
	}
	if (res->changed) {
		check.image = image;
		check.size = size;
		check.nr_blocks = mf->nr_blocks;
		check.compression = mf->compression;
		ret = write_module(path, &check, err);
	}
out:
	free(image);
	module_file_free(now);
	module_file_free(mf);
	return ret;
}
