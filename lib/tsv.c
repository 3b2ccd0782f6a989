#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "hash.h"
#include "tsv.h"

const char tsv_header[] = "id\tdate\ttitle\tbyline\torigin\tbody";

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The letter that follows the backslash, or 0 for a byte kept as it is. */
static const unsigned char esctab[256] = {
	['\0'] = '0', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
};

/*
 * Whether eight bytes hold one that may need an escape: a byte below 0x0e
 * (NUL, tab, newline and CR are all there) or a backslash.  A few other
 * control bytes pass this test too; the byte loop sorts them out.
 */
static inline int
special8(const char *p)
{
	uint64_t x, y;

	memcpy(&x, p, 8);
	y = x ^ (ONES * '\\');
	return ((((x - ONES * 0x0e) & ~x) | ((y - ONES) & ~y)) & HIGHS) != 0;
}

int
tsv_escape(struct buf *b, const char *p, size_t n)
{
	const char *end = p + n, *run = p;
	unsigned char e;

	if (buf_grow(b, n + 16) == -1)
		return -1;
	while (p < end) {
		while (end - p >= 8 && !special8(p))
			p += 8;
		if (p == end)
			break;
		e = esctab[(unsigned char)*p];
		if (e == 0) {
			p++;
			continue;
		}
		if (buf_add(b, run, (size_t)(p - run)) == -1 ||
		    buf_addc(b, '\\') == -1 || buf_addc(b, e) == -1)
			return -1;
		run = ++p;
	}
	return buf_add(b, run, (size_t)(end - run));
}

void
tsv_hash(struct hash64 *h, const char *p, size_t n)
{
	const char *end = p + n, *run = p;
	char pair[2] = { '\\', 0 };

	for (; p < end; p++) {
		if ((pair[1] = (char)esctab[(unsigned char)*p]) == 0)
			continue;
		hash64_update(h, run, (size_t)(p - run));
		hash64_update(h, pair, 2);
		run = p + 1;
	}
	hash64_update(h, run, (size_t)(end - run));
}

size_t
tsv_unescape(char *s, size_t n)
{
	char *r, *w, *end = s + n, *q;
	size_t run;

	if ((q = memchr(s, '\\', n)) == NULL)
		return n;
	/* Runs between backslashes move down as blocks. */
	r = w = q;
	while (r < end) {
		if ((q = memchr(r, '\\', (size_t)(end - r))) == NULL)
			q = end;
		run = (size_t)(q - r);
		memmove(w, r, run);
		w += run;
		r = q;
		if (r == end)
			break;
		if (r + 1 == end) {
			*w++ = *r++;
			break;
		}
		switch (r[1]) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case '0': *w++ = '\0'; break;
		default:
			*w++ = r[0];
			*w++ = r[1];
			break;
		}
		r += 2;
	}
	if (w < end)
		*w = '\0';
	return (size_t)(w - s);
}

int
tsv_isid(const char *s, size_t n)
{
	size_t i;

	if (n != 16)
		return 0;
	for (i = 0; i < 16; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

int
tsv_isheader(const char *s, size_t n)
{
	size_t h = sizeof(tsv_header) - 1;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	return n == h && memcmp(s, tsv_header, h) == 0;
}

int
tsv_isrecord(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *t;
	int tabs = 0;

	if (n < 17 || s[16] != '\t' || !tsv_isid(s, 16))
		return 0;
	while ((t = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		if (++tabs > NCOLS - 1)
			return 0;
		p = t + 1;
	}
	return tabs == NCOLS - 1;
}

int
tsv_split(struct article *a, char *s, size_t n)
{
	char *p = s, *end = s + n, *t;
	int i;

	for (i = 0; i < NCOLS; i++) {
		t = i < NCOLS - 1 ? memchr(p, '\t', (size_t)(end - p)) : NULL;
		if (t == NULL) {
			if (i < NCOLS - 1)
				return i + 1;
			t = end;
		}
		a->col[i].p = p;
		a->col[i].n = (size_t)(t - p);
		a->col[i].esc = 1;
		p = t + 1;
	}
	if (memchr(a->col[COL_BODY].p, '\t', a->col[COL_BODY].n) != NULL) {
		/* Count them all, for the message. */
		for (i = NCOLS, p = a->col[COL_BODY].p; (t = memchr(p, '\t',
		    (size_t)(end - p))) != NULL; p = t + 1)
			i++;
		return i;
	}
	a->col[COL_ID].esc = a->col[COL_DATE].esc = 0;
	a->line = s;
	a->linelen = n;
	return NCOLS;
}

int
tsv_put(struct buf *b, struct article *a)
{
	size_t n;
	int i;

	if (a->line != NULL) {
		if (buf_add(b, a->line, a->linelen) == -1)
			return -1;
		return buf_addc(b, '\n');
	}
	article_text(a, COL_ID, &n);
	for (i = 0; i < NCOLS; i++) {
		if (i > 0 && buf_addc(b, '\t') == -1)
			return -1;
		if (a->col[i].esc) {
			if (buf_add(b, a->col[i].p, a->col[i].n) == -1)
				return -1;
		} else if (tsv_escape(b, a->col[i].p, a->col[i].n) == -1)
			return -1;
	}
	return buf_addc(b, '\n');
}
