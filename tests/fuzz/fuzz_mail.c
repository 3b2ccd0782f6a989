/*
 * The mail readers (mbox, one RFC 5322 message or Usenet article) and the
 * date forms of news and mail: any bytes give whole records with every
 * byte that records escape escaped, and the dates they find are real
 * days; whatever newsdate accepts is a real day.
 *
 * The last byte of an input sets the reader up: the low three bits the
 * buffer size, the next two a bound on lines, the top bit the format.
 */
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "fuzz.h"
#include "input.h"
#include "newsdate.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };

static void
checkdates(const uint8_t *data, size_t size)
{
	char iso[11];

	if (newsdate_parse((const char *)data, size, iso) == DATE_OK)
		FUZZ_ASSERT(date_check(iso, strlen(iso), NULL, NULL, NULL) ==
		    DATE_OK);
	if (newsdate_fromid((const char *)data, size, iso) == DATE_OK)
		FUZZ_ASSERT(date_check(iso, strlen(iso), NULL, NULL, NULL) ==
		    DATE_OK);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf b;
	struct artin *in;
	struct article *a;
	unsigned cfg;
	int r;

	if (size == 0)
		return 0;
	cfg = data[--size];
	checkdates(data, size);
	in = fuzz_open(data, size, cfg & 0x80 ? FMT_MAIL : FMT_MBOX,
	    caps[cfg & 7], maxes[cfg >> 3 & 3]);
	while ((r = artin_next(in, &a)) == 1) {
		b.n = 0;
		fuzz_addrecord(&b, a);
	}
	FUZZ_ASSERT(r == 0);
	artin_close(in);
	return 0;
}
