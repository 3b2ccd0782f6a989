/*
 * The article text reader: any bytes, read through buffers of any size,
 * give whole records whose columns keep the promises of artkit(5).
 *
 * The last byte of an input is not text but sets the reader up: the low
 * three bits pick the size of the line buffer, the next two a bound on
 * the line length.
 */
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "date.h"
#include "fuzz.h"
#include "hash.h"
#include "input.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };

static int
isblank_(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A column of text is trimmed, and so is each of its paragraphs. */
static void
checktrimmed(const char *p, size_t n, int paragraphs)
{
	const char *q, *end = p + n;

	for (; p < end; p = q + 1) {
		q = paragraphs ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		if (q == NULL)
			q = end;
		FUZZ_ASSERT(q > p);
		FUZZ_ASSERT(!isblank_((unsigned char)p[0]));
		FUZZ_ASSERT(!isblank_((unsigned char)q[-1]));
		if (!paragraphs)
			FUZZ_ASSERT(memchr(p, '\n', n) == NULL);
		if (q == end)
			break;
	}
}

static void
checkarticle(struct article *a, struct buf *b)
{
	uint64_t id;
	const char *p;
	size_t n;

	p = article_text(a, COL_ID, &n);
	FUZZ_ASSERT(n == 16 && hash_unhex(p, 16, &id) == 0);
	FUZZ_ASSERT(article_id(a) == id);
	b->n = 0;
	FUZZ_ASSERT(tsv_put(b, a) == 0);
	fuzz_checkrecord(b->p, b->n, 1);
	b->n = 0;
	FUZZ_ASSERT(article_puttext(b, a) == 0);
	FUZZ_ASSERT(b->n >= 7 && memcmp(b->p, "date ", 5) == 0);
	FUZZ_ASSERT(b->p[b->n - 1] == '\n');

	p = article_text(a, COL_DATE, &n);
	FUZZ_ASSERT(n == 0 || date_check(p, n, NULL, NULL, NULL) == DATE_OK);
	p = article_text(a, COL_TITLE, &n);
	if (n > 0)
		checktrimmed(p, n, 0);
	p = article_text(a, COL_BYLINE, &n);
	if (n > 0)
		checktrimmed(p, n, 0);
	p = article_text(a, COL_BODY, &n);
	if (n > 0)
		checktrimmed(p, n, 1);
	p = article_text(a, COL_ORIGIN, &n);
	FUZZ_ASSERT(n > 2 && p[n] == '\0');
	/* The id does not depend on whether the columns were unescaped. */
	FUZZ_ASSERT(article_id(a) == id);
}

/* The warnings of a reading, one line each, number and message. */
static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	struct buf *w = arg;
	char no[32];

	(void)file;
	FUZZ_ASSERT(line > 0 && msg[0] != '\0');
	snprintf(no, sizeof(no), "%lu %d ", line, lost);
	FUZZ_ASSERT(buf_adds(w, no) == 0 && buf_adds(w, msg) == 0 &&
	    buf_addc(w, '\n') == 0);
}

/*
 * Reads the input through a buffer of cap bytes (0: the usual size) into
 * recs, the records, and warns, the warnings.
 */
static void
readall(const uint8_t *data, size_t size, size_t cap, size_t max,
    struct buf *recs, struct buf *warns)
{
	static struct buf b;
	struct artin *in;
	struct article *a;
	int r;

	recs->n = warns->n = 0;
	in = fuzz_open(data, size, FMT_TEXT, cap, max);
	artin_onwarn(in, onwarn, warns);
	while ((r = artin_next(in, &a)) == 1) {
		checkarticle(a, &b);
		FUZZ_ASSERT(tsv_put(recs, a) == 0);
	}
	FUZZ_ASSERT(r == 0);
	FUZZ_ASSERT(artin_format(in) == FMT_TEXT);
	artin_close(in);
}

/*
 * The records and warnings do not depend on the size of the buffer: a
 * small one sends most lines the general way, the usual one most plain
 * lines through lines_plain().
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf r1, w1, r2, w2;
	unsigned cfg;

	if (size == 0)
		return 0;
	cfg = data[--size];
	readall(data, size, caps[cfg & 7], maxes[cfg >> 3 & 3], &r1, &w1);
	readall(data, size, 0, maxes[cfg >> 3 & 3], &r2, &w2);
	FUZZ_ASSERT(r1.n == r2.n &&
	    (r1.n == 0 || memcmp(r1.p, r2.p, r1.n) == 0));
	FUZZ_ASSERT(w1.n == w2.n &&
	    (w1.n == 0 || memcmp(w1.p, w2.p, w1.n) == 0));
	return 0;
}
