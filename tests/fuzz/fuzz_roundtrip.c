/*
 * The round trip of artkit(5): the records of any input, in any format,
 * turned to article text as artsplit -r writes it, and that text read
 * again, give the same records, their origin aside; reading the text
 * loses nothing (no warning of lost text).
 *
 * Records read as records are passed on as they came, ids and all, and
 * need not be what artsplit would write; for them it is the records read
 * back from their text that must come back from the round trip.
 *
 * The last byte of an input sets the first reading up: the low three
 * bits the size of its line buffer, the next two a bound on the line
 * length, the top three the format asked for (any of them, or told as
 * artsplit tells it).  The text is read with the usual buffer and no
 * bound: its lines, one to a paragraph, are longer than those of the
 * input.
 */
#include <string.h>

#include "article.h"
#include "buf.h"
#include "fuzz.h"
#include "input.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };
static const enum artfmt fmts[8] = { FMT_AUTO, FMT_TEXT, FMT_RECORDS,
	FMT_TREC, FMT_REUTERS, FMT_MBOX, FMT_MAIL, FMT_AUTO };

/* Fails the input on a warning of lost text. */
static void
nolost(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg, (void)file, (void)line, (void)msg;
	FUZZ_ASSERT(!lost);
}

/*
 * Reads bytes in a format into records, one line each, and returns the
 * format read.  strict: no text may be lost.
 */
static enum artfmt
readrecs(const void *p, size_t n, enum artfmt fmt, size_t cap, size_t max,
    int strict, struct buf *recs)
{
	struct artin *in;
	struct article *a;
	enum artfmt told;
	int r;

	recs->n = 0;
	in = fuzz_open(p, n, fmt, cap, max);
	if (strict)
		artin_onwarn(in, nolost, NULL);
	while ((r = artin_next(in, &a)) == 1) {
		/* Records are passed on as they came, whole or not. */
		if (artin_format(in) == FMT_RECORDS)
			FUZZ_ASSERT(tsv_put(recs, a) == 0);
		else
			fuzz_addrecord(recs, a);
	}
	FUZZ_ASSERT(r == 0);
	told = artin_format(in);
	artin_close(in);
	return told;
}

/* Turns records to article text, as artsplit -r does. */
static void
totext(const struct buf *recs, struct buf *text)
{
	struct artin *in;
	struct article *a;
	int r, first = 1;

	text->n = 0;
	in = fuzz_open(recs->p, recs->n, FMT_RECORDS, 0, 0);
	artin_onwarn(in, nolost, NULL);
	while ((r = artin_next(in, &a)) == 1) {
		FUZZ_ASSERT(first || buf_addc(text, '\n') == 0);
		FUZZ_ASSERT(article_puttext(text, a) == 0);
		first = 0;
	}
	FUZZ_ASSERT(r == 0);
	artin_close(in);
}

/* Copies record lines without their origin column, the fifth. */
static void
noorigin(const struct buf *recs, struct buf *out)
{
	const char *p, *end;
	int col = 0;

	out->n = 0;
	if (recs->n == 0)
		return;
	for (p = recs->p, end = p + recs->n; p < end; p++) {
		if (*p == '\n')
			col = 0;
		else if (*p == '\t' && ++col == 4)
			continue;
		if (col != 4)
			FUZZ_ASSERT(buf_addc(out, *p) == 0);
	}
}

/* Whether two streams of records are the same, origins aside. */
static int
same(const struct buf *a, const struct buf *b)
{
	static struct buf x, y;

	noorigin(a, &x);
	noorigin(b, &y);
	return x.n == y.n && (x.n == 0 || memcmp(x.p, y.p, x.n) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf r1, t1, r2, t2, r3;
	enum artfmt told;
	unsigned cfg;

	if (size == 0)
		return 0;
	cfg = data[--size];
	told = readrecs(data, size, fmts[cfg >> 5 & 7], caps[cfg & 7],
	    maxes[cfg >> 3 & 3], 0, &r1);
	totext(&r1, &t1);
	FUZZ_ASSERT(readrecs(t1.p, t1.n, FMT_AUTO, 0, 0, 1, &r2) == FMT_TEXT ||
	    t1.n == 0);
	if (told != FMT_RECORDS) {
		FUZZ_ASSERT(same(&r1, &r2));
		return 0;
	}
	totext(&r2, &t2);
	readrecs(t2.p, t2.n, FMT_AUTO, 0, 0, 1, &r3);
	FUZZ_ASSERT(same(&r2, &r3));
	return 0;
}
