/*
 * The article: its columns, its id, and the parser of article text.  The
 * canonical text, which the parser reads back the same, is in canon.c.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "reader.h"
#include "tsv.h"

static inline int
isblank_(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

const char *const article_colname[NCOLS] = {
	"id", "date", "title", "byline", "origin", "body"
};

/* The longest paragraph that can still be a byline, in bytes. */
#define BYLINE_MAX	120

const char *
article_text(struct article *a, enum column c, size_t *n)
{
	struct span *s = &a->col[c];

	if (c == COL_ID && a->idlater) {
		hash_hex(a->idhex, article_id(a));
		a->idlater = 0;
	}
	if (s->esc) {
		s->n = tsv_unescape(s->p, s->n);
		s->esc = 0;
		a->line = NULL;
	}
	if (s->p[s->n] != '\0') {
		/*
		 * A column split from a record line ends at its tab.  The id
		 * and the date have room of their own, which keeps the line
		 * whole; elsewhere a NUL takes the place of the tab.
		 */
		if (c == COL_ID && s->n < sizeof(a->idhex))
			s->p = memcpy(a->idhex, s->p, s->n);
		else if (c == COL_DATE && s->n < sizeof(a->date))
			s->p = memcpy(a->date, s->p, s->n);
		else
			a->line = NULL;
		s->p[s->n] = '\0';
	}
	*n = s->n;
	return s->p;
}

uint64_t
article_id(struct article *a)
{
	static const enum column cols[] = {
		COL_DATE, COL_TITLE, COL_BYLINE, COL_BODY
	};
	struct hash64 h;
	struct span *s;
	size_t i;

	hash64_init(&h, 0);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		s = &a->col[cols[i]];
		if (i > 0)
			hash64_update(&h, "\t", 1);
		if (s->esc)
			hash64_update(&h, s->p, s->n);
		else
			tsv_hash(&h, s->p, s->n);
	}
	return hash64_final(&h);
}

/*
 * The parser of article text.
 */

/* A trimmed input line, and the form feeds in what was trimmed. */
struct tline {
	char		*p;
	size_t		 n;
	unsigned long	 no;
	int		 esc;		/* may hold bytes records escape */
	int		 ffbefore;
	int		 ffafter;
	int		 cut;		/* over the bound: its first bytes */
};

static int
getline_(struct artin *in, struct tline *l)
{
	char *s, *e;
	size_t n;
	int r, cutff;

	memset(l, 0, sizeof(*l));
	cutff = in->hashold ? in->heldff : 0;
	if (in->hashold) {
		in->hashold = 0;
		s = in->held;
		n = in->heldn;
		l->no = in->heldno;
		l->esc = in->heldesc;
		l->cut = in->heldcut;
		if (in->heldtrim) {
			l->ffafter = in->heldff;
			l->p = s;
			l->n = n;
			return 1;
		}
	} else {
		if ((r = reader_line(in, &s, &n)) != 1)
			return r;
		l->no = in->ln.lineno;
		l->esc = in->ln.hasesc;
		l->cut = in->cut;
		cutff = in->ln.cutff;
		if (in->ln.hasnul && !l->cut)
			reader_warn(in, l->no, 0, "NUL byte kept as \\0");
	}
	for (e = s + n; s < e && isblank_((unsigned char)*s); s++)
		if (*s == '\f')
			l->ffbefore = 1;
	while (e > s && isblank_((unsigned char)e[-1]))
		if (*--e == '\f')
			l->ffafter = 1;
	/* A cut line does not end where it was cut: the line reader saw. */
	if (l->cut)
		l->ffafter = cutff;
	l->p = s;
	l->n = (size_t)(e - s);
	return 1;
}

enum hdr {
	HDR_NONE,
	HDR_OK,
	HDR_IMPOSSIBLE,	/* YYYY-MM-DD, but no such day */
	HDR_SHAPE,	/* a date in some other form */
	HDR_NODATE	/* `date` and the title */
};

static int
isdatetoken(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || p[i] == '-' ||
		    p[i] == '/' || p[i] == '.'))
			return 0;
	return 1;
}

/* A parsed header line. */
struct hline {
	char		 date[11];
	const char	*tok;		/* the date as written */
	size_t		 tokn;
	const char	*title;
	size_t		 titlen;
};

/*
 * Tells whether a trimmed line is a header.  A line with an ISO date or -
 * is one wherever it stands; `date` followed by some other word is one
 * only where a paragraph could begin, since a wrapped line of prose may
 * well begin with the word.
 */
static enum hdr
header(const char *p, size_t n, int parastart, struct hline *h)
{
	const char *end = p + n;
	enum datecheck dc;

	if (n < 6 || memcmp(p, "date", 4) != 0 || (p[4] != ' ' &&
	    p[4] != '\t'))
		return HDR_NONE;
	for (p += 5; p < end && isblank_((unsigned char)*p); p++)
		;
	for (h->tok = p; p < end && !isblank_((unsigned char)*p); p++)
		;
	h->tokn = (size_t)(p - h->tok);
	for (; p < end && isblank_((unsigned char)*p); p++)
		;
	h->title = p;
	h->titlen = (size_t)(end - p);
	h->date[0] = '\0';
	if (h->tokn == 1 && *h->tok == '-')
		return HDR_OK;
	dc = date_check(h->tok, h->tokn, NULL, NULL, NULL);
	if (dc == DATE_OK) {
		memcpy(h->date, h->tok, 10);
		h->date[10] = '\0';
		return HDR_OK;
	}
	if (dc == DATE_IMPOSSIBLE)
		return HDR_IMPOSSIBLE;
	if (!parastart)
		return HDR_NONE;
	if (isdatetoken(h->tok, h->tokn))
		return HDR_SHAPE;
	h->title = h->tok;
	h->titlen = (size_t)(end - h->tok);
	return HDR_NODATE;
}

int
article_isheader(const char *p, size_t n)
{
	struct hline h;
	enum hdr k;
	const char *e = p + n;

	for (; p < e && isblank_((unsigned char)*p); p++)
		;
	while (e > p && isblank_((unsigned char)e[-1]))
		e--;
	k = header(p, (size_t)(e - p), 0, &h);
	return k == HDR_OK || k == HDR_IMPOSSIBLE;
}

/* Says what was made of a header whose date could not be used. */
static void
headerwarn(struct artin *in, unsigned long no, enum hdr k,
    const struct hline *h)
{
	int tn = h->tokn > 40 ? 40 : (int)h->tokn;

	if (k == HDR_IMPOSSIBLE)
		reader_warn(in, no, 0, "%.*s is not a real date; the article "
		    "is kept without a date", tn, h->tok);
	else if (k == HDR_SHAPE)
		reader_warn(in, no, 0, "date %.*s is not of the form "
		    "YYYY-MM-DD; the article is kept without a date", tn,
		    h->tok);
	else if (k == HDR_NODATE)
		reader_warn(in, no, 0, "header has no date; the article is "
		    "kept without one");
	if (h->titlen == 0)
		reader_warn(in, no, 0, "header has no title");
}

/* What the parser knows of the article in hand. */
struct tstate {
	int		 have;		/* an article has begun */
	int		 inpara;	/* a paragraph is open */
	int		 npara;
	int		 paralines;	/* lines of the open paragraph */
	int		 parastart;	/* the next line may begin a paragraph */
	int		 skip;		/* passing over an article too long */
	unsigned long	 start;		/* line of the header or title */
	char		 date[11];
};

/* Whether a paragraph ends like a sentence: . ! ? or … before closers. */
static int
sentencelike(const char *p, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)p[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']')
			n--;
		else if (n >= 3 && (unsigned char)p[n - 3] == 0xe2 &&
		    (unsigned char)p[n - 2] == 0x80 &&
		    (c == 0x9d || c == 0x99))	/* ” ’ */
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

/* The length of text once in record escapes. */
static size_t
escapedlen(const char *p, size_t n)
{
	size_t i, k = n;

	for (i = 0; i < n; i++)
		if (p[i] == '\\' || p[i] == '\t' || p[i] == '\n' ||
		    p[i] == '\r' || p[i] == '\0')
			k++;
	return k;
}

/*
 * Whether one line of text reads as a byline: short, beginning with By
 * (any case) and a blank, and not ending like a sentence.  esc says the
 * text is in record escapes, where a tab is written \t; the length is
 * always that of the escaped text.
 */
static int
bylinelike(const char *p, size_t n, int esc)
{
	if (n > BYLINE_MAX || n < 4 || (p[0] != 'B' && p[0] != 'b') ||
	    (p[1] != 'Y' && p[1] != 'y'))
		return 0;
	if (p[2] != ' ' && !(esc ? memcmp(p + 2, "\\t", 2) == 0 : p[2] == '\t'))
		return 0;
	if (!esc && escapedlen(p, n) > BYLINE_MAX)
		return 0;
	return !sentencelike(p, n);
}

/*
 * Closes the open paragraph.  The first paragraph of an article becomes
 * its byline when it is one short line that begins with By and does not
 * end like a sentence.
 */
static int
closepara(struct artin *in, struct tstate *st)
{
	struct buf *b = &in->body;

	if (!st->inpara)
		return 0;
	st->inpara = 0;
	if (st->npara != 1 || in->byline.n > 0 || st->paralines != 1 ||
	    !bylinelike(b->p, b->n, 1))
		return 0;
	in->byline.n = 0;
	if (buf_add(&in->byline, b->p, b->n) == -1)
		return -1;
	b->n = 0;
	st->npara = 0;
	return 0;
}

/*
 * Appends text of a line to a column, with the record escapes applied:
 * the text reader keeps its columns escaped (see reader.h), and most
 * lines have nothing to escape.
 */
static int
addtext(struct buf *b, const struct tline *l, const char *p, size_t n)
{
	return l->esc ? tsv_escape(b, p, n) : buf_add(b, p, n);
}

static int
addline(struct artin *in, struct tstate *st, const struct tline *l)
{
	struct buf *b = &in->body;

	if (st->inpara) {
		st->paralines++;
		if (buf_addc(b, ' ') == -1)
			return -1;
	} else {
		if (closepara(in, st) == -1)
			return -1;
		if (st->npara > 0 && buf_add(b, "\\n", 2) == -1)
			return -1;
		st->inpara = 1;
		st->npara++;
		st->paralines = 1;
	}
	return addtext(b, l, l->p, l->n);
}

/*
 * Reads on through the plain lines that follow (lines_plain()): empty
 * lines and lines of prose, which the general way would take one by one
 * to the same end.  A line that may be a header (it begins with `date`),
 * has blanks to trim or would make the article too long is left to the
 * general way.
 */
static int
addplain(struct artin *in, struct tstate *st)
{
	struct buf *b = &in->body;
	size_t n, need;
	const char *p;

	while (lines_plain(&in->ln, &p, &n, 0) == 1) {
		if (n == 0) {
			if (closepara(in, st) == -1)
				return -1;
			st->parastart = 1;
			lines_take(&in->ln);
			continue;
		}
		need = n + (st->inpara ? 1 : st->npara > 0 ? 2 : 0);
		if (p[0] == ' ' || p[n - 1] == ' ' ||
		    (n >= 4 && memcmp(p, "date", 4) == 0) || (in->ln.max > 0 &&
		    in->title.n + in->byline.n + b->n + need > in->ln.max))
			break;
		if (b->cap - b->n <= need && buf_grow(b, need) == -1)
			return -1;
		if (st->inpara) {
			b->p[b->n++] = ' ';
			st->paralines++;
		} else {
			if (st->npara > 0) {
				b->p[b->n++] = '\\';
				b->p[b->n++] = 'n';
			}
			st->inpara = 1;
			st->npara++;
			st->paralines = 1;
		}
		memcpy(b->p + b->n, p, n);
		b->n += n;
		st->parastart = 0;
		lines_take(&in->ln);
	}
	return 0;
}

static void
begin(struct artin *in, struct tstate *st, unsigned long no)
{
	st->have = 1;
	st->start = no;
	in->title.n = in->byline.n = in->body.n = 0;
}

static int
finish(struct artin *in, struct tstate *st, struct article **ap)
{
	if (closepara(in, st) == -1 ||
	    reader_finish(in, st->date, st->start) == -1)
		return -1;
	*ap = &in->a;
	return 1;
}

static void
hold(struct artin *in, const struct tline *l)
{
	in->held = l->p;
	in->heldn = l->n;
	in->heldno = l->no;
	in->heldesc = l->esc;
	in->heldff = l->ffafter;
	in->heldcut = l->cut;
	in->heldtrim = 1;
	in->hashold = 1;
}

/*
 * Forgets the article in hand, or the one a line begins, and says so: it
 * has a line over the bound on what the reader holds (artin_setmax()),
 * at longno, or, when longno is 0, it has outgrown the bound.  The reader
 * then passes over the rest of it.
 */
static void
drop(struct artin *in, struct tstate *st, unsigned long longno)
{
	reader_skipped(in, st->have ? st->start : longno, longno);
	memset(st, 0, sizeof(*st));
	in->title.n = in->byline.n = in->body.n = 0;
}

/* Whether the article in hand has outgrown the bound. */
static int
toolong(const struct artin *in)
{
	return in->ln.max > 0 &&
	    in->title.n + in->byline.n + in->body.n > in->ln.max;
}

/*
 * Takes a line into an article: the header (h, hl) or the first line of a
 * new one, or a line of the one in hand.
 */
static int
take(struct artin *in, struct tstate *st, const struct tline *l, enum hdr h,
    const struct hline *hl)
{
	if (h != HDR_NONE) {
		begin(in, st, l->no);
		memcpy(st->date, hl->date, sizeof(hl->date));
		headerwarn(in, l->no, h, hl);
		return addtext(&in->title, l, hl->title, hl->titlen);
	}
	if (!st->have) {
		begin(in, st, l->no);
		return addtext(&in->title, l, l->p, l->n);
	}
	return addline(in, st, l);
}

/*
 * Reads the next article.  An article with a line over the bound, or that
 * outgrows it, is passed over whole (skip), up to the next line that
 * begins an article: a header, or any line after a form feed.  A line
 * over the bound is known by its first bytes, which are enough to tell
 * whether it begins an article, and so whether it ends the one before.
 */
int
text_next(struct artin *in, struct article **ap)
{
	struct tstate st;
	struct tline l;
	struct hline hl;
	enum hdr h;
	int r;

	memset(&st, 0, sizeof(st));
	st.parastart = 1;
	in->colesc = 1;
	for (;;) {
		if ((r = getline_(in, &l)) == -1) {
			if (!st.have)
				return -1;
			in->ioerr = errno;
			return finish(in, &st, ap);
		}
		if (r == 0)
			return st.have ? finish(in, &st, ap) : 0;
		if (l.ffbefore && st.have) {
			if (l.n > 0 || l.cut)
				hold(in, &l);
			return finish(in, &st, ap);
		}
		if (l.n == 0 && !l.cut) {
			if (closepara(in, &st) == -1)
				return -1;
			st.parastart = 1;
			st.skip = st.skip && !l.ffbefore;
			continue;
		}
		h = header(l.p, l.n, st.parastart, &hl);
		if (st.skip && h == HDR_NONE && !l.ffbefore) {
			st.skip = !l.ffafter;
			st.parastart = 0;
			continue;
		}
		st.skip = 0;
		if (h != HDR_NONE && st.have) {
			hold(in, &l);
			return finish(in, &st, ap);
		}
		if (l.cut) {
			drop(in, &st, l.no);
			st.skip = !l.ffafter;
			continue;
		}
		if (take(in, &st, &l, h, &hl) == -1)
			return -1;
		st.parastart = 0;
		if (toolong(in)) {
			drop(in, &st, 0);
			st.skip = !l.ffafter;
		} else if (l.ffafter)
			return finish(in, &st, ap);
		else if (addplain(in, &st) == -1)
			return -1;
	}
}

int
text_isheader(const char *p, size_t n, int parastart)
{
	struct hline h;

	return header(p, n, parastart, &h) != HDR_NONE;
}

int
text_isbyline(const char *p, size_t n, int esc)
{
	return bylinelike(p, n, esc);
}
