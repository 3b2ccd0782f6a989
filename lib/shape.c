/*
 * Bylines read from the marked-up formats, put in the shape article text
 * gives them, so that records of them survive the round trip through
 * article text (artsplit -r | artsplit): a byline is one short line that
 * begins with "By" and does not end like a sentence.
 */
#include <string.h>

#include "buf.h"
#include "reader.h"

/* The longest byline the text reader takes, as lib/article.c has it. */
#define BYLINE_MAX	120

/* Whether text ends like a sentence: . ! ? or ... before closers. */
static int
sentencelike(const char *p, size_t n)
{
	unsigned char c;

	while (n > 0) {
		c = (unsigned char)p[n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			n--;
		else if (n >= 3 && (unsigned char)p[n - 3] == 0xe2 &&
		    (unsigned char)p[n - 2] == 0x80 && (c == 0x9d || c == 0x99))
			n -= 3;
		else
			break;
	}
	if (n == 0)
		return 0;
	if (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?')
		return 1;
	return n >= 3 && (unsigned char)p[n - 3] == 0xe2 &&
	    (unsigned char)p[n - 2] == 0x80 && (unsigned char)p[n - 1] == 0xa6;
}

static void
swap(struct buf *a, struct buf *b)
{
	struct buf t = *a;

	*a = *b;
	*b = t;
}

int
reader_byline(struct artin *in)
{
	struct buf *b = &in->byline, *s = &in->aux[4];
	int by;

	if (b->n == 0)
		return 0;
	by = b->n >= 4 && (b->p[0] == 'B' || b->p[0] == 'b') &&
	    (b->p[1] == 'Y' || b->p[1] == 'y') &&
	    (b->p[2] == ' ' || b->p[2] == '\t');
	s->n = 0;
	if (b->n + (by ? 0 : 3) > BYLINE_MAX || sentencelike(b->p, b->n)) {
		/* No byline could say it: it opens the body instead. */
		if (buf_add(s, b->p, b->n) == -1 || (in->body.n > 0 &&
		    (buf_adds(s, in->colesc ? "\\n" : "\n") == -1 ||
		    buf_add(s, in->body.p, in->body.n) == -1)))
			return -1;
		swap(&in->body, s);
		b->n = 0;
		return 0;
	}
	if (by)
		return 0;
	if (buf_adds(s, "By ") == -1 || buf_add(s, b->p, b->n) == -1)
		return -1;
	swap(b, s);
	return 0;
}
