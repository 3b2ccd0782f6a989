/*
 * The canonical article text (artsplit -r), written so that reading it
 * gives the same article again, and what the readers of the other
 * formats do so that their articles can be written so.
 *
 * Each paragraph is one line, after a blank line, where a paragraph may
 * begin: there a line that begins with `date` and a blank is a header,
 * and a first paragraph that reads as a byline is the byline.  Such a
 * paragraph is broken over lines at a single space between words, which
 * the reader makes a single space again: `date` alone is no header, nor
 * is a line of a paragraph but its first, unless a date or `-` follows
 * its `date`.  The first paragraph of an article without a byline may
 * instead follow the header line without a blank line, where, too, only
 * a date or `-` makes a header.  What even so cannot be written, article
 * text cannot hold, and the readers do not store it (text_fit()).
 */
#include <string.h>

#include "article.h"
#include "buf.h"
#include "reader.h"
#include "tsv.h"

static inline int
isblank_(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Whether a paragraph can be written where a paragraph may begin
 * (parastart) or not: as long as what is left of it would read as a
 * header, its `date` must be followed by a single space and a word, for
 * `date` to go on a line of its own.
 */
static int
sayable(const char *p, size_t n, int parastart)
{
	for (; text_isheader(p, n, parastart); p += 5, n -= 5, parastart = 0)
		if (p[4] != ' ' || isblank_((unsigned char)p[5]))
			return 0;
	return 1;
}

/* Appends a paragraph, with the line breaks after `date` sayable() needs. */
static int
putpara(struct buf *b, const char *p, size_t n, int parastart)
{
	for (; text_isheader(p, n, parastart) && p[4] == ' ' &&
	    !isblank_((unsigned char)p[5]); p += 5, n -= 5, parastart = 0)
		if (buf_adds(b, "date\n") == -1)
			return -1;
	return buf_add(b, p, n);
}

/* Whether a paragraph can be broken at p[i], a single space between words. */
static int
breakable(const char *p, size_t n, size_t i)
{
	return i + 1 < n && p[i] == ' ' && !isblank_((unsigned char)p[i - 1]) &&
	    !isblank_((unsigned char)p[i + 1]) &&
	    sayable(p + i + 1, n - i - 1, 0);
}

/*
 * Where a first paragraph that reads as a byline can be broken, so that
 * it is not one: after the word that follows By, or, where it cannot be,
 * after By.  Returns the offset of the space, or 0 when there is none.
 */
static size_t
bylinebreak(const char *p, size_t n)
{
	size_t i;

	for (i = 3; i + 1 < n; i++)
		if (breakable(p, n, i))
			return i;
	return breakable(p, n, 2) ? 2 : 0;
}

/*
 * Appends a paragraph of the body and the blank line before it; first
 * says that it is the first of an article without a byline.
 */
static int
putbody(struct buf *b, const char *p, size_t n, int first)
{
	size_t i;

	if (first && text_isbyline(p, n, 0) && (i = bylinebreak(p, n)) > 0)
		return buf_addc(b, '\n') == -1 || buf_add(b, p, i) == -1 ||
		    buf_addc(b, '\n') == -1 ||
		    putpara(b, p + i + 1, n - i - 1, 0) == -1 ? -1 : 0;
	if (first && !sayable(p, n, 1))
		return putpara(b, p, n, 0);
	return buf_addc(b, '\n') == -1 ? -1 : putpara(b, p, n, 1);
}

/* Appends text with its newlines turned to spaces: a title is one line. */
static int
putline(struct buf *b, const char *p, size_t n)
{
	size_t at = b->n, i;

	if (buf_add(b, p, n) == -1)
		return -1;
	for (i = at; i < b->n; i++)
		if (b->p[i] == '\n')
			b->p[i] = ' ';
	return 0;
}

int
article_puttext(struct buf *b, struct article *a)
{
	const char *p, *q, *end;
	size_t n, bn;
	int first = 1;

	p = article_text(a, COL_DATE, &n);
	if (buf_adds(b, "date ") == -1 ||
	    (n > 0 ? buf_add(b, p, n) : buf_addc(b, '-')) == -1)
		return -1;
	p = article_text(a, COL_TITLE, &n);
	if ((n > 0 && (buf_addc(b, ' ') == -1 || putline(b, p, n) == -1)) ||
	    buf_addc(b, '\n') == -1)
		return -1;
	p = article_text(a, COL_BYLINE, &bn);
	if (bn > 0 && (buf_addc(b, '\n') == -1 || putline(b, p, bn) == -1 ||
	    buf_addc(b, '\n') == -1))
		return -1;
	p = article_text(a, COL_BODY, &n);
	for (end = p + n; p < end; p = q + 1, first = 0) {
		if ((q = memchr(p, '\n', (size_t)(end - p))) == NULL)
			q = end;
		if (putbody(b, p, (size_t)(q - p), first && bn == 0) == -1 ||
		    buf_addc(b, '\n') == -1)
			return -1;
	}
	return 0;
}

/*
 * The readers of the other formats.  Their columns may be in record
 * escapes (in->colesc), where paragraphs are separated by \n and a tab is
 * \t; a paragraph is unescaped only when it may need a change, when it
 * begins with `date` or, as the first one, with By.
 */

static void
swap(struct buf *a, struct buf *b)
{
	struct buf t = *a;

	*a = *b;
	*b = t;
}

/* Where the paragraph of a body that begins at at ends. */
static size_t
paraend(const struct buf *b, size_t at, int esc)
{
	const char *q;

	if (!esc)
		return (q = memchr(b->p + at, '\n', b->n - at)) != NULL ?
		    (size_t)(q - b->p) : b->n;
	for (; at < b->n; at += 2) {
		if ((q = memchr(b->p + at, '\\', b->n - at)) == NULL)
			break;
		at = (size_t)(q - b->p);
		if (at + 1 < b->n && b->p[at + 1] == 'n')
			return at;
	}
	return b->n;
}

/* Whether a blank, a tab perhaps escaped, is at p[0], with p[1] there. */
static int
blankat(const char *p, int esc)
{
	return p[0] == ' ' || p[0] == '\t' ||
	    (esc && p[0] == '\\' && p[1] == 't');
}

/* Whether a paragraph begins with `date` and a blank. */
static int
beginsdate(const char *p, size_t n, int esc)
{
	return n > 5 && memcmp(p, "date", 4) == 0 && blankat(p + 4, esc);
}

/* Whether a paragraph begins with By, in any case, and a blank. */
static int
beginsby(const char *p, size_t n, int esc)
{
	return n > 3 && (p[0] == 'B' || p[0] == 'b') &&
	    (p[1] == 'Y' || p[1] == 'y') && blankat(p + 2, esc);
}

/* Copies the paragraph from at to end to t, unescaped. */
static int
plain(struct artin *in, struct buf *t, size_t at, size_t end)
{
	t->n = 0;
	if (buf_add(t, in->body.p + at, end - at) == -1)
		return -1;
	if (in->colesc)
		t->n = tsv_unescape(t->p, t->n);
	return 0;
}

/*
 * Puts the text t, plain, in the body in place of what is from at to
 * end; *end is then where it ends.
 */
static int
splice(struct artin *in, size_t at, size_t *end, const struct buf *t)
{
	struct buf *b = &in->body, *s = &in->aux[5];
	size_t n;

	s->n = 0;
	if (buf_add(s, b->p, at) == -1 || (in->colesc ?
	    tsv_escape(s, t->p, t->n) : buf_add(s, t->p, t->n)) == -1)
		return -1;
	n = s->n;
	if (buf_add(s, b->p + *end, b->n - *end) == -1)
		return -1;
	swap(b, s);
	*end = n;
	return 0;
}

/*
 * A byline that article text would not read as one opens the body, as
 * reader_byline() has it: that counts the length of mail's plain bylines
 * without the escapes, which article text counts.
 */
static int
unbyline(struct artin *in)
{
	struct buf *s = &in->aux[5];

	s->n = 0;
	if (buf_add(s, in->byline.p, in->byline.n) == -1 ||
	    (in->body.n > 0 && (buf_adds(s, in->colesc ? "\\n" : "\n") == -1 ||
	    buf_add(s, in->body.p, in->body.n) == -1)))
		return -1;
	swap(&in->body, s);
	in->byline.n = 0;
	return 0;
}

/*
 * A first paragraph that reads as a byline, where there is none, and that
 * cannot be broken (bylinebreak()) is the byline, as article text would
 * read it.
 */
static int
tobyline(struct artin *in)
{
	struct buf *b = &in->body, *t = &in->aux[4];
	size_t end, next;

	if (!beginsby(b->p, b->n, in->colesc))
		return 0;
	end = paraend(b, 0, in->colesc);
	if (plain(in, t, 0, end) == -1)
		return -1;
	if (!text_isbyline(t->p, t->n, 0) || bylinebreak(t->p, t->n) > 0)
		return 0;
	if (buf_add(&in->byline, b->p, end) == -1)
		return -1;
	next = end < b->n ? end + (in->colesc ? 2 : 1) : end;
	memmove(b->p, b->p + next, b->n - next);
	b->n -= next;
	return 0;
}

/*
 * A paragraph that begins with `date` and cannot be written as it stands
 * (sayable()) has the blanks after each `date` that must end a line made
 * one space.
 */
static int
fitdate(struct artin *in, size_t at, size_t *end, int first)
{
	struct buf *t = &in->aux[4];
	size_t k, j;
	int ps;

	if (plain(in, t, at, *end) == -1)
		return -1;
	if (sayable(t->p, t->n, 1) || (first && sayable(t->p, t->n, 0)))
		return 0;
	ps = !first;
	for (k = 0; text_isheader(t->p + k, t->n - k, ps); k += 5, ps = 0) {
		for (j = k + 4; j < t->n && isblank_((unsigned char)t->p[j]);
		    j++)
			;
		t->p[k + 4] = ' ';
		memmove(t->p + k + 5, t->p + j, t->n - j);
		t->n -= j - (k + 5);
	}
	return splice(in, at, end, t);
}

int
text_fit(struct artin *in)
{
	struct buf *b = &in->body;
	size_t at, end;
	int first;

	if (in->byline.n > 0 &&
	    !text_isbyline(in->byline.p, in->byline.n, in->colesc) &&
	    unbyline(in) == -1)
		return -1;
	if (in->byline.n == 0 && tobyline(in) == -1)
		return -1;
	first = in->byline.n == 0;
	for (at = 0; at < b->n; at = end + (in->colesc ? 2 : 1), first = 0) {
		end = paraend(b, at, in->colesc);
		if (beginsdate(b->p + at, end - at, in->colesc) &&
		    fitdate(in, at, &end, first) == -1)
			return -1;
	}
	return 0;
}
