/*
 * The field engine: the value of every named field of one article.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "byline.h"
#include "date.h"
#include "field.h"
#include "hash.h"
#include "simhash.h"
#include "text.h"

/* Words a minute of reading, for readmin. */
#define READ_RATE	230

static const char *const names[NFIELDS] = {
	"id", "date", "title", "byline", "origin", "body", "year", "month",
	"weekday", "author", "agency", "lead", "paragraphs", "sentences",
	"words", "chars", "bytes", "quotes", "readmin", "flesch", "simhash"
};

static const char *const weekdays[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

struct fieldctx {
	struct article	*a;
	uint32_t	 have;		/* fields whose value is in val/len */
	const char	*val[NFIELDS];
	size_t		 len[NFIELDS];
	double		 num[NFIELDS];
	char		 numtext[NFIELDS][24];
	int		 counted;	/* 0, 1 (counts), 2 (and syllables) */
	struct textcount tc;
	struct buf	 authors;
	struct buf	 agencies;
};

int
field_byname(const char *s, size_t n)
{
	int i;

	for (i = 0; i < NFIELDS; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return -1;
}

const char *
field_name(enum field f)
{
	return (unsigned)f < NFIELDS ? names[f] : "?";
}

const char *
field_names(void)
{
	return "id, date, title, byline, origin, body, year, month, weekday, "
	    "author, agency, lead, paragraphs, sentences, words, chars, bytes, "
	    "quotes, readmin, flesch, simhash";
}

int
field_isnumber(enum field f)
{
	return f >= FIELD_PARAGRAPHS && f <= FIELD_FLESCH;
}

int
field_ismulti(enum field f)
{
	return f == FIELD_AUTHOR || f == FIELD_AGENCY;
}

struct fieldctx *
field_new(void)
{
	return calloc(1, sizeof(struct fieldctx));
}

void
field_free(struct fieldctx *c)
{
	if (c == NULL)
		return;
	buf_free(&c->authors);
	buf_free(&c->agencies);
	free(c);
}

void
field_reset(struct fieldctx *c, struct article *a)
{
	c->a = a;
	c->have = 0;
	c->counted = 0;
}

static void
set(struct fieldctx *c, enum field f, const char *p, size_t n)
{
	c->val[f] = p;
	c->len[f] = n;
	c->have |= (uint32_t)1 << f;
}

/* Sets a score, and its text with one decimal. */
static void
setscore(struct fieldctx *c, enum field f, double v)
{
	int n;

	/* No "-0.0": a score that rounds to zero is zero. */
	if (v > -0.05 && v < 0.05)
		v = 0;
	c->num[f] = v;
	n = snprintf(c->numtext[f], sizeof(c->numtext[f]), "%.1f", v);
	set(c, f, c->numtext[f], (size_t)n);
}

/* Sets a count, and its text in decimal. */
static void
setcount(struct fieldctx *c, enum field f, size_t v)
{
	char *e = c->numtext[f] + sizeof(c->numtext[f]), *p = e;

	c->num[f] = (double)v;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	set(c, f, p, (size_t)(e - p));
}

/* The date parts: year, month and weekday, or empty without a date. */
static void
dateparts(struct fieldctx *c)
{
	const char *d;
	size_t n;
	int y, m, dd;

	d = article_text(c->a, COL_DATE, &n);
	if (date_check(d, n, &y, &m, &dd) != DATE_OK) {
		set(c, FIELD_YEAR, "", 0);
		set(c, FIELD_MONTH, "", 0);
		set(c, FIELD_WEEKDAY, "", 0);
		return;
	}
	set(c, FIELD_YEAR, d, 4);
	set(c, FIELD_MONTH, d, 7);
	d = weekdays[date_weekday(y, m, dd)];
	set(c, FIELD_WEEKDAY, d, strlen(d));
}

static int
bylineparts(struct fieldctx *c)
{
	const char *p;
	size_t n;

	p = article_text(c->a, COL_BYLINE, &n);
	c->authors.n = c->agencies.n = 0;
	if (byline_parse(p, n, &c->authors, &c->agencies) == -1)
		return -1;
	/*
	 * regexec(3) under the sanitizers reads a text up to a NUL, whatever
	 * REG_STARTEND says: the other values have one after them, or further
	 * on in the same memory; these need their own.
	 */
	buf_nul(&c->authors);
	buf_nul(&c->agencies);
	set(c, FIELD_AUTHOR, c->authors.p != NULL ? c->authors.p : "",
	    c->authors.n);
	set(c, FIELD_AGENCY, c->agencies.p != NULL ? c->agencies.p : "",
	    c->agencies.n);
	return 0;
}

static int
blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The first paragraph: the first line that is not blank, trimmed. */
static void
lead(struct fieldctx *c)
{
	const char *p, *end, *e, *next;
	size_t n;

	p = article_text(c->a, COL_BODY, &n);
	for (end = p + n; p < end; p = next) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		next = e < end ? e + 1 : end;
		while (p < e && blank((unsigned char)*p))
			p++;
		while (e > p && blank((unsigned char)e[-1]))
			e--;
		if (p < e) {
			set(c, FIELD_LEAD, p, (size_t)(e - p));
			return;
		}
	}
	set(c, FIELD_LEAD, "", 0);
}

/*
 * The counts of the body, all in one pass; the syllables only when the
 * Flesch score is asked for.
 */
static void
count(struct fieldctx *c, int syllables)
{
	const struct textcount *tc = &c->tc;
	const char *p;
	size_t n;
	double w, s;

	if (c->counted >= 1 + syllables)
		return;
	p = article_text(c->a, COL_BODY, &n);
	text_count(p, n, &c->tc, syllables ? TC_SYLLABLES : 0);
	c->counted = 1 + syllables;
	setcount(c, FIELD_PARAGRAPHS, tc->paragraphs);
	setcount(c, FIELD_SENTENCES, tc->sentences);
	setcount(c, FIELD_WORDS, tc->words);
	setcount(c, FIELD_QUOTES, tc->quotes);
	setcount(c, FIELD_READMIN, (tc->words + READ_RATE - 1) / READ_RATE);
	if (!syllables)
		return;
	/* Every word lies in a sentence: sentences > 0 when words > 0. */
	w = (double)tc->words;
	s = (double)tc->sentences;
	setscore(c, FIELD_FLESCH, tc->words == 0 ? 0 : 206.835 -
	    1.015 * (w / s) - 84.6 * ((double)tc->syllables / w));
}

static void
compute(struct fieldctx *c, enum field f)
{
	const char *p;
	size_t n;

	switch (f) {
	case FIELD_YEAR:
	case FIELD_MONTH:
	case FIELD_WEEKDAY:
		dateparts(c);
		break;
	case FIELD_LEAD:
		lead(c);
		break;
	case FIELD_PARAGRAPHS:
		p = article_text(c->a, COL_BODY, &n);
		setcount(c, f, text_paragraphs(p, n));
		break;
	case FIELD_CHARS:
		p = article_text(c->a, COL_BODY, &n);
		setcount(c, f, text_chars(p, n));
		break;
	case FIELD_BYTES:
		article_text(c->a, COL_BODY, &n);
		setcount(c, f, n);
		break;
	case FIELD_SIMHASH:
		p = article_text(c->a, COL_BODY, &n);
		hash_hex(c->numtext[f], simhash_text(p, n));
		set(c, f, c->numtext[f], 16);
		break;
	case FIELD_FLESCH:
		count(c, 1);
		break;
	default:
		count(c, 0);
		break;
	}
}

const char *
field_text(struct fieldctx *c, enum field f, size_t *n)
{
	if (f < FIELD_YEAR)
		return article_text(c->a, (enum column)f, n);
	if (!(c->have & (uint32_t)1 << f)) {
		if (f == FIELD_AUTHOR || f == FIELD_AGENCY) {
			if (bylineparts(c) == -1)
				return NULL;
		} else
			compute(c, f);
	}
	*n = c->len[f];
	return c->val[f];
}

double
field_number(struct fieldctx *c, enum field f)
{
	size_t n;

	if (!field_isnumber(f))
		return 0;
	field_text(c, f, &n);
	return c->num[f];
}
