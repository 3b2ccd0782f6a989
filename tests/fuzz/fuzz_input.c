/*
 * Telling the format, then reading: any bytes, in any format asked for,
 * give whole records.  The last byte of an input sets the reader up: the
 * low three bits the buffer size, the next two a bound on lines, the top
 * three the format asked for, any of them.
 */
#include "article.h"
#include "fuzz.h"
#include "input.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };
static const enum artfmt fmts[8] = { FMT_AUTO, FMT_TEXT, FMT_RECORDS,
	FMT_TREC, FMT_REUTERS, FMT_MBOX, FMT_MAIL, FMT_AUTO };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf b;
	struct artin *in;
	struct article *a;
	enum artfmt fmt;
	unsigned cfg;
	int r;

	if (size == 0)
		return 0;
	cfg = data[--size];
	fmt = fmts[cfg >> 5 & 7];
	in = fuzz_open(data, size, fmt, caps[cfg & 7], maxes[cfg >> 3 & 3]);
	while ((r = artin_next(in, &a)) == 1) {
		FUZZ_ASSERT(artin_format(in) != FMT_AUTO);
		b.n = 0;
		FUZZ_ASSERT(tsv_put(&b, a) == 0);
		fuzz_checkrecord(b.p, b.n, artin_format(in) != FMT_RECORDS);
	}
	FUZZ_ASSERT(r == 0);
	FUZZ_ASSERT(fmt == FMT_AUTO || artin_format(in) == fmt);
	artin_close(in);
	return 0;
}
