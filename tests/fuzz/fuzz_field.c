/*
 * The field engine: every field of every article of any input has a
 * value, in any order asked, and the values agree with each other and
 * with the columns they come from.
 *
 * The last byte of an input sets the reader up as for fuzz_input; its top
 * bit asks for the fields in reverse order, so that each is computed
 * first as well as after the others.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "field.h"
#include "fuzz.h"
#include "hash.h"
#include "input.h"

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };
static const enum artfmt fmts[4] = { FMT_AUTO, FMT_AUTO, FMT_TEXT,
	FMT_RECORDS };

/* A numeric field's text is its value in decimal. */
static void
checknumber(struct fieldctx *c, enum field f, const char *p, size_t n)
{
	char tmp[64], *end;
	double v;

	FUZZ_ASSERT(n > 0 && n < sizeof(tmp));
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	v = strtod(tmp, &end);
	FUZZ_ASSERT(*end == '\0');
	if (f == FIELD_FLESCH) {
		/* A score, written with one decimal. */
		FUZZ_ASSERT(fabs(field_number(c, f) - v) <= 0.05 + 1e-9);
		return;
	}
	FUZZ_ASSERT(field_number(c, f) == v);
	FUZZ_ASSERT(v >= 0 && strchr(tmp, '.') == NULL);
}

static void
checkarticle(struct fieldctx *c, struct article *a, int reverse)
{
	const char *p, *body, *date;
	size_t n, bodyn, daten;
	uint64_t v;
	int i;
	enum field f;

	field_reset(c, a);
	for (i = 0; i < NFIELDS; i++) {
		f = (enum field)(reverse ? NFIELDS - 1 - i : i);
		p = field_text(c, f, &n);
		FUZZ_ASSERT(p != NULL);
		FUZZ_ASSERT(field_byname(field_name(f),
		    strlen(field_name(f))) == (int)f);
		if (field_isnumber(f))
			checknumber(c, f, p, n);
		else
			FUZZ_ASSERT(field_number(c, f) == 0);
	}
	body = field_text(c, FIELD_BODY, &bodyn);
	date = field_text(c, FIELD_DATE, &daten);
	FUZZ_ASSERT(field_number(c, FIELD_BYTES) == (double)bodyn);
	FUZZ_ASSERT(field_number(c, FIELD_CHARS) <= (double)bodyn);
	FUZZ_ASSERT(field_number(c, FIELD_WORDS) <= (double)bodyn);
	FUZZ_ASSERT(field_number(c, FIELD_SENTENCES) <=
	    field_number(c, FIELD_WORDS));
	FUZZ_ASSERT(field_number(c, FIELD_PARAGRAPHS) <= (double)bodyn);
	p = field_text(c, FIELD_LEAD, &n);
	FUZZ_ASSERT(n <= bodyn && (n == 0 || (p >= body && p + n <=
	    body + bodyn)));
	p = field_text(c, FIELD_YEAR, &n);
	FUZZ_ASSERT(n == (daten > 0 ? 4 : 0) && memcmp(p, date, n) == 0);
	p = field_text(c, FIELD_MONTH, &n);
	FUZZ_ASSERT(n == (daten > 0 ? 7 : 0) && memcmp(p, date, n) == 0);
	p = field_text(c, FIELD_SIMHASH, &n);
	FUZZ_ASSERT(n == 16 && hash_unhex(p, n, &v) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fieldctx *c;
	struct artin *in;
	struct article *a;
	unsigned cfg;
	int r;

	if (size == 0)
		return 0;
	if (c == NULL)
		FUZZ_ASSERT((c = field_new()) != NULL);
	cfg = data[--size];
	in = fuzz_open(data, size, fmts[cfg >> 5 & 3], caps[cfg & 7],
	    maxes[cfg >> 3 & 3]);
	while ((r = artin_next(in, &a)) == 1)
		checkarticle(c, a, cfg >> 7);
	FUZZ_ASSERT(r == 0);
	artin_close(in);
	return 0;
}
