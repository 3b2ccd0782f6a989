/*
 * The SGML readers (TREC and LDC <DOC>, Reuters-21578 <REUTERS>) and the
 * character references they decode: any bytes give whole records with
 * every byte that records escape escaped, and the dates they find are
 * real days.
 *
 * The last byte of an input sets the reader up: the low three bits the
 * buffer size, the next two a bound on lines, the top bit the format.
 */
#include <sys/types.h>

#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "entity.h"
#include "fuzz.h"
#include "input.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };

static void
checkentities(const uint8_t *data, size_t size, struct buf *b)
{
	const char *p = (const char *)data, *q, *end = p + size;
	size_t n;
	long ctl, cp;

	const char *lt = memchr(p, '<', size);
	ssize_t used;
	int r;

	b->n = 0;
	FUZZ_ASSERT(entity_decode(b, p, size, ENT_MARKS, &ctl) ==
	    (ssize_t)size);
	FUZZ_ASSERT(ctl == -1 || ctl >= 0);
	b->n = 0;
	FUZZ_ASSERT(entity_decode(b, p, size, ENT_ESCAPE, &ctl) ==
	    (ssize_t)size);
	for (n = 0; n < b->n; n++)
		FUZZ_ASSERT(b->p[n] != '\t' && b->p[n] != '\r');
	/* With ENT_TAGS it stops before the first '<'. */
	b->n = 0;
	used = entity_decode(b, p, size, ENT_TAGS | ENT_ESCAPE, &ctl);
	FUZZ_ASSERT(used == (lt != NULL ? lt - p : (ssize_t)size));
	n = entity_plain(p, size, ENT_TAGS | ENT_ESCAPE);
	FUZZ_ASSERT(n <= (size_t)used);
	/*
	 * The quick way takes bytes as they are only where they are plain;
	 * it may decline bytes that are.
	 */
	b->n = 0;
	r = entity_addplain(b, p, size, ENT_TAGS | ENT_ESCAPE);
	FUZZ_ASSERT(r == 0 || r == 1);
	FUZZ_ASSERT(r == 0 ? b->n == 0 : n == size && b->n == size &&
	    memcmp(b->p, p, size) == 0);
	for (q = p; (q = memchr(q, '&', (size_t)(end - q))) != NULL; q++) {
		n = entity_ref(q, (size_t)(end - q), &cp);
		FUZZ_ASSERT(n <= (size_t)(end - q));
		FUZZ_ASSERT(n == 0 || (cp >= 0 && cp <= 0x10ffff &&
		    q[n - 1] == ';'));
	}
}

/*
 * Reads the input through a buffer of cap bytes (0: the usual size) and
 * returns the records in recs, checking each.
 */
static void
readall(const uint8_t *data, size_t size, enum artfmt fmt, size_t cap,
    size_t max, struct buf *recs)
{
	struct artin *in;
	struct article *a;
	int r;

	recs->n = 0;
	in = fuzz_open(data, size, fmt, cap, max);
	while ((r = artin_next(in, &a)) == 1)
		fuzz_addrecord(recs, a);
	FUZZ_ASSERT(r == 0);
	artin_close(in);
}

/*
 * The records do not depend on the size of the buffer: a small one sends
 * most lines the general way, the usual one most plain lines of text
 * through lines_plain().
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf b, r1, r2;
	enum artfmt fmt;
	unsigned cfg;

	if (size == 0)
		return 0;
	cfg = data[--size];
	checkentities(data, size, &b);
	fmt = cfg & 0x80 ? FMT_REUTERS : FMT_TREC;
	readall(data, size, fmt, caps[cfg & 7], maxes[cfg >> 3 & 3], &r1);
	readall(data, size, fmt, 0, maxes[cfg >> 3 & 3], &r2);
	FUZZ_ASSERT(r1.n == r2.n &&
	    (r1.n == 0 || memcmp(r1.p, r2.p, r1.n) == 0));
	return 0;
}
