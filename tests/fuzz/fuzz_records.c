/*
 * The records reader: any bytes read as records give either whole
 * records, passed on as they came, or a warning and nothing.
 *
 * The last byte of an input sets the reader up, as for fuzz_article.
 */
#include <string.h>

#include "article.h"
#include "date.h"
#include "fuzz.h"
#include "input.h"
#include "tsv.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };

static void
checkarticle(struct article *a, struct buf *b)
{
	const char *p, *line = a->line;
	size_t n, linelen = a->linelen;
	int i;

	FUZZ_ASSERT(tsv_isid(a->col[COL_ID].p, a->col[COL_ID].n));
	FUZZ_ASSERT(a->col[COL_DATE].n == 0 || date_check(a->col[COL_DATE].p,
	    a->col[COL_DATE].n, NULL, NULL, NULL) == DATE_OK);
	b->n = 0;
	FUZZ_ASSERT(tsv_put(b, a) == 0);
	fuzz_checkrecord(b->p, b->n, 0);
	if (line != NULL)
		FUZZ_ASSERT(b->n == linelen + 1 &&
		    memcmp(b->p, line, linelen) == 0);
	for (i = 0; i < NCOLS; i++) {
		p = article_text(a, (enum column)i, &n);
		FUZZ_ASSERT(p[n] == '\0' || n == 0);
	}
	/* Once unescaped, the columns are escaped again on the way out. */
	b->n = 0;
	FUZZ_ASSERT(tsv_put(b, a) == 0);
	fuzz_checkrecord(b->p, b->n, 1);
	b->n = 0;
	FUZZ_ASSERT(article_puttext(b, a) == 0);
}

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg, (void)file, (void)lost;
	FUZZ_ASSERT(line > 0 && msg[0] != '\0');
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
	in = fuzz_open(data, size, FMT_RECORDS, caps[cfg & 7],
	    maxes[cfg >> 3 & 3]);
	artin_onwarn(in, onwarn, NULL);
	while ((r = artin_next(in, &a)) == 1)
		checkarticle(a, &b);
	FUZZ_ASSERT(r == 0);
	artin_close(in);
	return 0;
}
