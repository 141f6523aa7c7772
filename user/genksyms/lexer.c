// SPDX-License-Identifier: GPL-2.0-only
/* The lexer over one memory-mapped (or read) buffer. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/whole_file.h"
#include "lexer.h"
#include "util.h"

static const char *buf, *pos, *end;
static size_t map_len;		/* non-zero when buf is mapped */
static bool at_line_start = true;
static const char *cur_file = "<stdin>";
static const char *main_file;
static bool cur_in_main;
static uint32_t cur_line = 1;

struct token lex_ring[LEX_RING];
unsigned int lex_ring_head, lex_ring_count;

/* A pipe's contents, read whole: errno says why not. */
static bool read_all(int fd)
{
	unsigned char *data;
	size_t len;

	if (read_whole_fd(fd, cur_file, &data, &len, NULL))
		return false;
	buf = (const char *)data;
	end = buf + len;
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
			/*
			 * A preprocessed file has a new name in about
			 * every 130 bytes: size the table for that.
			 */
			ident_reserve(st.st_size / 128);
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
	lex_ring_head = lex_ring_count = 0;
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

/* Character classes, by table: the lexer asks for every byte. */
#define C_IDENT		1	/* letters, digits, '_' and '$' */
#define C_DIGIT		2
#define C_SPACE		4	/* blanks other than newline */
#define C_SPECIAL	8	/* what else lex_one() steps over may start with */

static const unsigned char char_class[256] = {
	['0' ... '9'] = C_IDENT | C_DIGIT,
	['a' ... 'z'] = C_IDENT,
	['A' ... 'Z'] = C_IDENT,
	['_'] = C_IDENT,
	['$'] = C_IDENT,
	[' '] = C_SPACE, ['\t'] = C_SPACE, ['\r'] = C_SPACE,
	['\f'] = C_SPACE, ['\v'] = C_SPACE,
	['\n'] = C_SPECIAL, ['#'] = C_SPECIAL, ['/'] = C_SPECIAL,
	['\\'] = C_SPECIAL,
};

static bool is_ident_char(unsigned char c)
{
	return char_class[c] & C_IDENT;
}

static bool is_digit(unsigned char c)
{
	return char_class[c] & C_DIGIT;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Bit i set when byte i of the 16 at @p is in [@lo, @hi]. */
static inline __m128i in_range(__m128i v, char lo, char hi)
{
	__m128i biased = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));

	return _mm_cmplt_epi8(biased,
			      _mm_set1_epi8((char)(0x80 + hi - lo + 1)));
}

/* Bit i set when byte i of the 16 at @p is not an identifier character. */
static inline unsigned int non_ident_mask(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i m = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');

	m = _mm_or_si128(m, in_range(v, '0', '9'));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
	return ~_mm_movemask_epi8(m) & 0xffff;
}
#endif

/*
 * Past the identifier characters from @p on.  Sixteen bytes at a time where
 * SSE2 is (every x86-64): a byte loop's exit, at a different length each
 * time, was mispredicted for nearly every name.
 */
static const char *ident_end(const char *p)
{
#ifdef __SSE2__
	while (end - p >= 16) {
		unsigned int m = non_ident_mask(p);

		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	while (p < end && is_ident_char(*p))
		p++;
	return p;
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
		const char *q;

		p++;
		q = memchr(p, '"', eol - p);
		/* Byte by byte only if a backslash may escape a quote. */
		if (!q || memchr(p, '\\', q - p))
			for (q = p; q < eol && *q != '"';)
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

/*
 * The length of the punctuator at @p: the longest of "...", "->", "<<",
 * ">>", "<=", ">=", "==", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=",
 * "^=", "|=" and "##" that matches, else 1.  The kernel's tool knows no
 * "!=", "++", "--", "<<=" or ">>=": it writes `! =`, `+ +`, `<< =` (the
 * CRC hashes the spaces between tokens), so they are not tokens here.
 */
static uint32_t punct_len(const char *p)
{
	char c = p[0];
	char d = end - p >= 2 ? p[1] : 0;
	char e = end - p >= 3 ? p[2] : 0;

	switch (c) {
	case '.':
		return d == '.' && e == '.' ? 3 : 1;
	case '<': case '>':
		return d == c || d == '=' ? 2 : 1;
	case '-':
		return d == '>' || d == '=' ? 2 : 1;
	case '&': case '|':
		return d == c || d == '=' ? 2 : 1;
	case '+': case '=': case '*': case '/': case '%': case '^':
		return d == '=' ? 2 : 1;
	case '#':
		return d == '#' ? 2 : 1;
	default:
		return 1;
	}
}

/*
 * One token into @t.  Tests in order of frequency, by character class,
 * rather than a switch: its indirect jump was mispredicted for most tokens.
 */
static void lex_one(struct token *t)
{
	const char *p;
	unsigned int c, cls;

	for (;;) {
		if (pos >= end) {
			*t = (struct token){ .kind = T_EOF, .text = "", .file =
					     cur_file, .line = cur_line };
			return;
		}
		c = (unsigned char)*pos;
		cls = char_class[c];
		if (cls & C_SPACE) {
			pos++;
			continue;
		}
		if (!(cls & C_SPECIAL))
			break;
		if (c == '\n') {
			cur_line++;
			at_line_start = true;
			pos++;
			continue;
		}
		if (c == '#') {
			if (!at_line_start)
				break;
			line_marker();
			continue;
		}
		if (c == '/') {
			if (pos + 1 < end && pos[1] == '/') {
				pos = skip_to_eol(pos);
				continue;
			}
			if (pos + 1 < end && pos[1] == '*') {
				pos = skip_block_comment(pos);
				continue;
			}
			break;
		}
		/* '\\' */
		if (pos + 1 < end && pos[1] == '\n') {
			pos++;
			continue;
		}
		break;
	}
	at_line_start = false;
	*t = (struct token){ .text = pos, .file = cur_file, .line = cur_line,
			     .in_main_file = cur_in_main };
	p = pos;
	if ((cls & (C_IDENT | C_DIGIT)) == C_IDENT) {
		p = ident_end(p + 1);
		t->kind = T_IDENT;
		t->id = end - p >= 16 ? ident_intern_padded(pos, p - pos) :
					ident_intern(pos, p - pos);
	} else if ((cls & C_DIGIT) ||
		   (c == '.' && p + 1 < end && is_digit(p[1]))) {
		for (p++; p < end; p++) {
			if ((*p == '+' || *p == '-') &&
			    ((p[-1] | 0x20) == 'e' || (p[-1] | 0x20) == 'p'))
				continue;
			if (!is_ident_char(*p) && *p != '.')
				break;
		}
		t->kind = T_NUMBER;
	} else if (*p == '"' || *p == '\'') {
		t->kind = *p == '"' ? T_STRING : T_CHAR;
		p = skip_quoted(p, *p);
	} else {
		uint32_t n = punct_len(p);

		t->kind = T_PUNCT;
		t->punct = n == 1 ? (unsigned char)*p :
			   *p == '.' ? P_ELLIPSIS : P_OTHER;
		p += n;
	}
	t->len = p - pos;
	pos = p;
}

const struct token *lex_fill(unsigned int n)
{
	while (lex_ring_count <= n) {
		lex_one(&lex_ring[(lex_ring_head + lex_ring_count) &
				  (LEX_RING - 1)]);
		lex_ring_count++;
	}
	return &lex_ring[(lex_ring_head + n) & (LEX_RING - 1)];
}

/* The bytes lex_skip_braces() stops at; it steps over all others. */
static const bool brace_special[256] = {
	['\n'] = true, ['#'] = true, ['/'] = true, ['\\'] = true,
	['"'] = true, ['\''] = true, ['{'] = true, ['}'] = true,
};

/* The first byte from @p on that lex_skip_braces() stops at, or end. */
static const char *next_brace_special(const char *p)
{
#ifdef __SSE2__
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		__m128i m = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
		unsigned int mask;

		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('#')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('{')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('}')));
		mask = _mm_movemask_epi8(m);
		if (mask)
			return p + __builtin_ctz(mask);
		p += 16;
	}
#endif
	while (p < end && !brace_special[(unsigned char)*p])
		p++;
	return p;
}

static bool only_spaces(const char *p, const char *q)
{
	for (; p < q; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\f' &&
		    *p != '\v')
			return false;
	return true;
}

/*
 * Function bodies are most of a preprocessed file and nothing in them is
 * kept: step over one by counting braces, without making tokens or
 * interning names.  Everything that can hide a brace or move the position
 * (comments, strings, character constants, line markers) is stepped over
 * exactly as lex_one() does.
 */
const char *lex_brace_file;
uint32_t lex_brace_line;

bool lex_skip_braces(void)
{
	const char *p;
	int depth = 0;

	/* The lookahead already lexed comes first. */
	while (lex_ring_count) {
		const struct token *t = &lex_ring[lex_ring_head];

		if (t->kind == T_EOF)
			return false;
		if (t->kind == T_PUNCT && t->punct == '{')
			depth++;
		else if (t->kind == T_PUNCT && t->punct == '}')
			depth--;
		lex_brace_file = t->file;
		lex_brace_line = t->line;
		lex_advance();
		if (depth <= 0)
			return true;
	}
	for (p = pos;;) {
		const char *run = p;

		p = next_brace_special(p);
		if (at_line_start && p > run)
			at_line_start = only_spaces(run, p);
		if (p == end)
			break;
		switch (*p) {
		case '\n':
			cur_line++;
			at_line_start = true;
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
				lex_brace_file = cur_file;
				lex_brace_line = cur_line;
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
