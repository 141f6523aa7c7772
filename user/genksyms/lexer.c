// SPDX-License-Identifier: GPL-2.0-only
/* The lexer over one memory-mapped (or read) buffer. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer.h"
#include "util.h"

static const char *buf, *pos, *end;
static size_t map_len;		/* non-zero when buf is mapped */
static bool at_line_start = true;
static const char *cur_file = "<stdin>";
static const char *main_file;
static bool cur_in_main;
static uint32_t cur_line = 1;

#define RING	16		/* lookahead window, a power of two */
static struct token ring[RING];
static unsigned int ring_head, ring_count;

static bool read_all(int fd)
{
	size_t cap = 1 << 16, len = 0;
	char *b = xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (len == cap) {
			cap *= 2;
			b = xrealloc(b, cap + 1);
		}
		n = read(fd, b + len, cap - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(b);
			return false;
		}
		if (n == 0)
			break;
		len += n;
	}
	buf = b;
	end = b + len;
	return true;
}

bool lexer_open(const char *path)
{
	int fd = 0;
	struct stat st;
	bool ok;

	if (path && strcmp(path, "-")) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return false;
		cur_file = path;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		void *m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (m != MAP_FAILED) {
			madvise(m, st.st_size, MADV_SEQUENTIAL);
			buf = m;
			map_len = st.st_size;
			end = buf + map_len;
			pos = buf;
			if (fd)
				close(fd);
			return true;
		}
	}
	ok = read_all(fd);
	if (fd)
		close(fd);
	pos = buf;
	return ok;
}

static bool buf_borrowed;

static void reset_state(void)
{
	at_line_start = true;
	cur_file = "<stdin>";
	main_file = NULL;
	cur_in_main = false;
	cur_line = 1;
	ring_head = ring_count = 0;
}

void lexer_open_buffer(const char *data, size_t len)
{
	reset_state();
	buf = pos = data;
	end = data + len;
	map_len = 0;
	buf_borrowed = true;
}

void lexer_close(void)
{
	if (map_len)
		munmap((void *)buf, map_len);
	else if (!buf_borrowed)
		free((void *)buf);
	buf = pos = end = NULL;
	map_len = 0;
	buf_borrowed = false;
}

static bool is_ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static const char *skip_to_eol(const char *p)
{
	const char *nl = memchr(p, '\n', end - p);

	return nl ? nl : end;
}

/* `# 12 "file" 1 3` or `#line 12 "file"`; anything else is ignored. */
static void line_marker(void)
{
	const char *p = pos + 1, *eol = skip_to_eol(pos);
	uint32_t line = 0;
	bool have_line = false;

	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	if (eol - p >= 4 && !memcmp(p, "line", 4))
		p += 4;
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	while (p < eol && is_digit(*p)) {
		if (line < 100000000)
			line = line * 10 + (*p - '0');
		have_line = true;
		p++;
	}
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	if (have_line && p < eol && *p == '"') {
		const char *q = ++p;

		while (q < eol && *q != '"')
			q += (*q == '\\' && q + 1 < eol) ? 2 : 1;
		cur_file = ident_intern(p, q - p)->name;
		if (!main_file)
			main_file = cur_file;
		cur_in_main = cur_file == main_file;
	}
	if (have_line)
		cur_line = line - 1;	/* the newline below adds one */
	pos = eol;
}

/* From the "/" of a block comment to past its end, counting lines. */
static const char *skip_block_comment(const char *p)
{
	for (p += 2; p + 1 < end; p++) {
		if (*p == '\n')
			cur_line++;
		if (p[0] == '*' && p[1] == '/')
			return p + 2;
	}
	return end;
}

static const char *skip_quoted(const char *p, char quote)
{
	for (p++; p < end && *p != quote && *p != '\n'; p++)
		if (*p == '\\' && p + 1 < end)
			p++;
	return p < end && *p == quote ? p + 1 : p;
}

static const char *const puncts3[] = { "...", "<<=", ">>=" };
static const char *const puncts2[] = {
	"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
	"*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
};

static void lex_one(struct token *t)
{
	const char *p;
	size_t i;

	for (;;) {
		if (pos >= end) {
			*t = (struct token){ .kind = T_EOF, .text = "", .file =
					     cur_file, .line = cur_line };
			return;
		}
		switch (*pos) {
		case '\n':
			cur_line++;
			at_line_start = true;
			pos++;
			continue;
		case ' ': case '\t': case '\r': case '\f': case '\v':
			pos++;
			continue;
		case '#':
			if (at_line_start) {
				line_marker();
				continue;
			}
			break;
		case '/':
			if (pos + 1 < end && pos[1] == '/') {
				pos = skip_to_eol(pos);
				continue;
			}
			if (pos + 1 < end && pos[1] == '*') {
				pos = skip_block_comment(pos);
				continue;
			}
			break;
		case '\\':
			if (pos + 1 < end && pos[1] == '\n') {
				pos++;
				continue;
			}
			break;
		}
		break;
	}
	at_line_start = false;
	*t = (struct token){ .text = pos, .file = cur_file, .line = cur_line,
			     .in_main_file = cur_in_main };
	p = pos;
	if (is_digit(*p) || (*p == '.' && p + 1 < end && is_digit(p[1]))) {
		for (p++; p < end; p++) {
			if ((*p == '+' || *p == '-') &&
			    strchr("eEpP", p[-1]))
				continue;
			if (!is_ident_char(*p) && *p != '.')
				break;
		}
		t->kind = T_NUMBER;
	} else if (is_ident_char(*p)) {
		while (p < end && is_ident_char(*p))
			p++;
		t->kind = T_IDENT;
		t->id = ident_intern(pos, p - pos);
	} else if (*p == '"' || *p == '\'') {
		t->kind = *p == '"' ? T_STRING : T_CHAR;
		p = skip_quoted(p, *p);
	} else {
		t->kind = T_PUNCT;
		t->punct = (unsigned char)*p;
		p++;
		for (i = 0; i < sizeof(puncts3) / sizeof(*puncts3); i++)
			if (end - pos >= 3 && !memcmp(pos, puncts3[i], 3)) {
				p = pos + 3;
				t->punct = i ? P_OTHER : P_ELLIPSIS;
				goto done;
			}
		for (i = 0; i < sizeof(puncts2) / sizeof(*puncts2); i++)
			if (end - pos >= 2 && !memcmp(pos, puncts2[i], 2)) {
				p = pos + 2;
				t->punct = P_OTHER;
				break;
			}
	}
done:
	t->len = p - pos;
	pos = p;
}

const struct token *lex_peek(unsigned int n)
{
	while (ring_count <= n) {
		lex_one(&ring[(ring_head + ring_count) & (RING - 1)]);
		ring_count++;
	}
	return &ring[(ring_head + n) & (RING - 1)];
}

struct token lex_next(void)
{
	struct token t = *lex_peek(0);

	ring_head = (ring_head + 1) & (RING - 1);
	ring_count--;
	return t;
}

/*
 * Function bodies are most of a preprocessed file and nothing in them is
 * kept: step over one by counting braces, without making tokens or
 * interning names.  Everything that can hide a brace or move the position
 * (comments, strings, character constants, line markers) is stepped over
 * exactly as lex_one() does.
 */
bool lex_skip_braces(void)
{
	const char *p;
	int depth = 0;

	/* The lookahead already lexed comes first. */
	while (ring_count) {
		const struct token *t = &ring[ring_head];

		if (t->kind == T_EOF)
			return false;
		if (t->kind == T_PUNCT && t->punct == '{')
			depth++;
		else if (t->kind == T_PUNCT && t->punct == '}')
			depth--;
		ring_head = (ring_head + 1) & (RING - 1);
		ring_count--;
		if (depth <= 0)
			return true;
	}
	for (p = pos; p < end;) {
		switch (*p) {
		case '\n':
			cur_line++;
			at_line_start = true;
			p++;
			continue;
		case ' ': case '\t': case '\r': case '\f': case '\v':
			p++;
			continue;
		case '#':
			if (at_line_start) {
				pos = p;
				line_marker();
				p = pos;
				continue;
			}
			break;
		case '/':
			if (p + 1 < end && p[1] == '/') {
				p = skip_to_eol(p);
				continue;
			}
			if (p + 1 < end && p[1] == '*') {
				p = skip_block_comment(p);
				continue;
			}
			break;
		case '\\':
			if (p + 1 < end && p[1] == '\n') {
				p++;
				continue;
			}
			break;
		case '"': case '\'':
			at_line_start = false;
			p = skip_quoted(p, *p);
			continue;
		case '{':
			depth++;
			break;
		case '}':
			if (--depth <= 0) {
				at_line_start = false;
				pos = p + 1;
				return true;
			}
			break;
		}
		at_line_start = false;
		p++;
	}
	pos = end;
	return false;
}
