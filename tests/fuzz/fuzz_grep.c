/*
 * artgrep's selection on records, read twice: through match_scan(), as
 * artgrep reads them when match_scanfor() allows it, and every line with
 * no find at all.  Both readings must select the same records, on the
 * same lines: a record passed over or taken on its find alone
 * (match_scanfound()) is one that the patterns, looked for in the fields'
 * values, leave out or select.
 *
 * The first byte of an input holds the options: -F, -i, -w, -x (as
 * match_new() has them), -a, whether the records are made from the
 * input's lines or are the input as it is, and how many fields are looked
 * in, named by the bytes that follow (a field's number, modulo their
 * count).  Then come the patterns, one a line, up to the first NUL; then
 * the lines the records are made of; the last byte sets the reader up as
 * for fuzz_records.
 *
 * A made record takes its columns from the tab-separated parts of a line:
 * the date (one byte picks a date from a list, so that weekdays, years
 * and months have values), the title, the byline, the origin and the
 * body, as they stand, escapes and all; its id is its number.  The
 * header line comes first: the reader reads the first line without
 * match_scan(), to tell its format.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "fuzz.h"
#include "input.h"
#include "match.h"
#include "tsv.h"

#define OPT_ALL		0x10	/* -a */
#define OPT_MAKE	0x20	/* make records of the lines */
#define MAXFIELDS	4
#define MAXPAT		64

static const size_t caps[8] = { 0, 1, 2, 3, 7, 16, 64, 100 };
static const size_t maxes[4] = { 0, 8, 40, 200 };
static const char *const dates[8] = {
	"2023-08-23", "2023-08-29", "", "2024-02-29", "2023-02-29",
	"1999-12-31", "2025-12-07", "20230823"
};

struct grep {
	struct matcher	*m;
	struct fieldctx	*fc;
	enum field	 f[MAXFIELDS];
	size_t		 nf;
	int		 all;
};

/* Makes a record of each line of [p, end) into b. */
static void
makerecords(struct buf *b, const char *p, const char *end)
{
	const char *e, *t, *col[5];
	size_t len[5], i, n;
	unsigned long no = 0;
	char id[17];

	FUZZ_ASSERT(buf_adds(b, tsv_header) == 0 && buf_addc(b, '\n') == 0);
	for (; p < end; p = e + 1, no++) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		for (i = 0, t = p; i < 5; i++) {
			col[i] = t;
			if (i == 4 || (t = memchr(col[i], '\t',
			    (size_t)(e - col[i]))) == NULL)
				t = e;
			len[i] = (size_t)(t - col[i]);
			if (t < e)
				t++;
		}
		/* The body ends at a tab: a record's body holds none. */
		if ((t = memchr(col[4], '\t', len[4])) != NULL)
			len[4] = (size_t)(t - col[4]);
		snprintf(id, sizeof(id), "%016lx", no);
		FUZZ_ASSERT(buf_add(b, id, 16) == 0);
		for (i = 0; i < 5; i++) {
			FUZZ_ASSERT(buf_addc(b, '\t') == 0);
			if (i == 0 && len[0] <= 1) {
				n = len[0] == 1 ? (unsigned char)*col[0] % 8 : 2;
				FUZZ_ASSERT(buf_adds(b, dates[n]) == 0);
			} else
				FUZZ_ASSERT(buf_add(b, col[i], len[i]) == 0);
		}
		FUZZ_ASSERT(buf_addc(b, '\n') == 0);
		if (e == end)
			break;
	}
}

/* Tells whether the patterns match in the fields' values, as artgrep. */
static int
matches(struct grep *g, struct article *a)
{
	char found[MAXPAT];
	struct match mm;
	const char *t;
	size_t i, j, n, npat = match_npat(g->m), left = npat;
	int r;

	field_reset(g->fc, a);
	memset(found, 0, sizeof(found));
	for (i = 0; i < g->nf; i++) {
		FUZZ_ASSERT((t = field_text(g->fc, g->f[i], &n)) != NULL);
		if (!g->all) {
			FUZZ_ASSERT((r = match_find(g->m, t, n, 0, &mm)) >= 0);
			if (r == 1)
				return 1;
			continue;
		}
		for (j = 0; j < npat; j++) {
			if (found[j])
				continue;
			FUZZ_ASSERT((r = match_findpat(g->m, j, t, n, 0,
			    &mm)) >= 0);
			if (r == 1) {
				found[j] = 1;
				left--;
			}
		}
		if (left == 0)
			return 1;
	}
	return 0;
}

/*
 * Reads the records, through match_scan() when scan is set, and writes
 * the line number and record of each one selected into out.
 */
static void
grep(struct grep *g, const char *p, size_t n, unsigned cfg, int scan,
    struct buf *out)
{
	struct artin *in;
	struct article *a;
	size_t at, len;
	int r, sel;

	in = fuzz_open(p, n, FMT_RECORDS, caps[cfg & 7], maxes[cfg >> 3 & 3]);
	if (scan)
		artin_setfind(in, match_scan, g->m);
	while ((r = artin_next(in, &a)) == 1) {
		/* The record as it came, before anything is unescaped. */
		len = out->n;
		FUZZ_ASSERT(buf_addu(out, a->lineno) == 0 &&
		    buf_addc(out, ' ') == 0 && tsv_put(out, a) == 0);
		at = artin_findat(in);
		FUZZ_ASSERT(scan || at == LINES_NOFIND);
		sel = match_scanfound(g->m, a, at, g->f, g->nf);
		/* The find alone selects only where the patterns do. */
		if (!sel || !scan)
			sel = matches(g, a);
		else
			FUZZ_ASSERT(matches(g, a));
		if (!sel)
			out->n = len;
	}
	FUZZ_ASSERT(r == 0);
	artin_close(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf recs, with, without;
	static int once;
	struct grep g;
	const char *p = (const char *)data, *end, *t, *q;
	unsigned opt, cfg;
	size_t i, lines;
	int scan;

	if (!once) {
		once = 1;
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "C");
	}
	if (size < 3)
		return 0;
	opt = data[0];
	cfg = data[size - 1];
	end = p + size - 1;
	memset(&g, 0, sizeof(g));
	g.nf = (opt >> 6) + 1;
	g.all = (opt & OPT_ALL) != 0;
	for (p++, i = 0; i < g.nf && p < end; i++, p++)
		g.f[i] = (enum field)((unsigned char)*p % NFIELDS);
	g.nf = i;
	if ((t = memchr(p, '\0', (size_t)(end - p))) == NULL)
		t = end;
	for (q = p, lines = 1; (q = memchr(q, '\n', (size_t)(t - q))) != NULL;
	    q++)
		if (++lines > MAXPAT)
			return 0;
	FUZZ_ASSERT((g.m = match_new(opt & 0x0f)) != NULL);
	if (match_add(g.m, p, (size_t)(t - p)) == -1) {
		FUZZ_ASSERT(errno == EINVAL);
		match_free(g.m);
		return 0;
	}
	p = t < end ? t + 1 : end;
	recs.n = 0;
	if (opt & OPT_MAKE)
		makerecords(&recs, p, end);
	else
		FUZZ_ASSERT(buf_add(&recs, p, (size_t)(end - p)) == 0);
	FUZZ_ASSERT((g.fc = field_new()) != NULL);
	scan = match_scanfor(g.m, g.f, g.nf, g.all) == 0;
	FUZZ_ASSERT(scan || errno == 0);
	with.n = without.n = 0;
	grep(&g, recs.p != NULL ? recs.p : "", recs.n, cfg, scan, &with);
	grep(&g, recs.p != NULL ? recs.p : "", recs.n, cfg, 0, &without);
	FUZZ_ASSERT(with.n == without.n &&
	    (with.n == 0 || memcmp(with.p, without.p, with.n) == 0));
	field_free(g.fc);
	match_free(g.m);
	return 0;
}
