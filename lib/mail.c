/*
 * The readers of mail and news: one RFC 5322 message to a file (a Usenet
 * article, a saved message, a file of the 20 Newsgroups collection), and
 * mbox files of many messages, each begun by a From line.
 *
 * The title is the Subject field, the byline the name in the From field,
 * the date the Date field (else the date of the mbox From line); other
 * fields are not part of the article.  The body's paragraphs are split at
 * blank lines.  No MIME decoding is done: the body is taken as written.
 */
#include <errno.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "newsdate.h"
#include "reader.h"

enum { H_OTHER, H_SUBJECT, H_FROM, H_DATE, H_CLEN };

struct mst {
	int			 mbox;
	int			 hdr;		/* the field being read */
	int			 inpara;
	int			 hasclen;
	unsigned long long	 clen;		/* its Content-Length */
	unsigned long long	 got;		/* bytes of body read */
	unsigned long		 start;
	unsigned long		 no;		/* the line being read */
	unsigned long		 ctlno;		/* the last one warned of */
	unsigned long		 dateno;
	char			 fromdate[11];	/* of the mbox From line */
	int			 toolong;	/* over artin_setmax(): dropped */
	unsigned long		 longno;	/* a line over it, or 0 */
	int			 cut;		/* the line in hand is cut */
};

static int
isws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int
blank(const char *p, size_t n)
{
	while (n > 0 && isws((unsigned char)*p))
		p++, n--;
	return n == 0;
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && isws((unsigned char)**p))
		(*p)++, (*n)--;
	while (*n > 0 && isws((unsigned char)(*p)[*n - 1]))
		(*n)--;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
caseeq(const char *p, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n && s[i] != '\0'; i++)
		if (lower((unsigned char)p[i]) != s[i])
			return 0;
	return i == n && s[i] == '\0';
}

/* Returns the length of the field name of a header line, or 0. */
static size_t
fieldname(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)p[i] > ' ' &&
	    (unsigned char)p[i] < 127 && p[i] != ':'; i++)
		;
	return i > 0 && i < n && p[i] == ':' ? i : 0;
}

/*
 * Tells an mbox From line: "From ", the sender, and a date
 * (From jane@example.org Tue Dec  3 10:00:00 2025).  Stores the date in
 * iso when it is a real one.
 */
static int
fromline(const char *p, size_t n, char iso[11])
{
	size_t i;

	iso[0] = '\0';
	if (n < 5 || memcmp(p, "From ", 5) != 0)
		return 0;
	for (i = 5; i < n && p[i] == ' '; i++)
		;
	for (; i < n && p[i] != ' ' && p[i] != '\t'; i++)
		;
	return newsdate_parse(p + i, n - i, iso) != DATE_SHAPE;
}

static void
ctlwarn(struct artin *in, struct mst *st, const char *p, size_t n)
{
	long ctl;

	if (st->ctlno == st->no || (ctl = entity_ctl(p, n)) == -1)
		return;
	st->ctlno = st->no;
	if (ctl == 0)
		reader_warn(in, st->no, 0, "NUL byte kept as \\0");
	else
		reader_warn(in, st->no, 0, "control character U+%04lX kept",
		    (unsigned long)ctl);
}

/*
 * The next line, or the one held.  A line over the bound comes cut to its
 * first bytes (st->cut): enough to tell where it stands, a field, a From
 * line, but the message it is part of is passed over (keep()).
 */
static int
getl(struct artin *in, struct mst *st, char **p, size_t *n)
{
	int r;

	if (in->hashold) {
		in->hashold = 0;
		*p = in->held;
		*n = in->heldn;
		st->no = in->heldno;
		st->cut = in->heldcut;
		return 1;
	}
	if ((r = reader_line(in, p, n)) == 1) {
		st->no = in->ln.lineno;
		st->cut = in->cut;
	}
	return r;
}

/* Holds the line in hand back, for the next call of getl(). */
static void
hold(struct artin *in, struct mst *st, char *p, size_t n)
{
	in->held = p;
	in->heldn = n;
	in->heldno = st->no;
	in->heldcut = st->cut;
	in->hashold = 1;
}

/* Takes the line in hand as part of the message: one cut drops it. */
static void
keep(struct mst *st)
{
	if (!st->cut)
		return;
	st->toolong = 1;
	if (st->longno == 0)
		st->longno = st->no;
}

/* Whether the line in hand is blank; one cut never is. */
static int
blankl(const struct mst *st, const char *p, size_t n)
{
	return !st->cut && blank(p, n);
}

/* Adds (a line of) the value of a field to its part of the article. */
static int
value(struct artin *in, struct mst *st, const char *p, size_t n)
{
	struct buf *b;
	size_t i;

	trim(&p, &n);
	if (n == 0)
		return 0;
	ctlwarn(in, st, p, n);
	switch (st->hdr) {
	case H_SUBJECT:
		b = &in->title;
		break;
	case H_FROM:
		b = &in->byline;
		break;
	case H_DATE:
		b = &in->aux[2];
		if (b->n == 0)
			st->dateno = st->no;
		break;
	case H_CLEN:
		for (i = 0, st->clen = 0; i < n && p[i] >= '0' && p[i] <= '9' &&
		    i < 18; i++)
			st->clen = st->clen * 10 + (unsigned)(p[i] - '0');
		st->hasclen = i == n;
		return 0;
	default:
		return 0;
	}
	if (in->ln.max > 0 && b->n + n >= in->ln.max) {
		st->toolong = 1;
		return 0;
	}
	if (b->n > 0 && buf_addc(b, ' ') == -1)
		return -1;
	return buf_add(b, p, n);
}

/* Reads a header line: a field, or the continuation of one. */
static int
field(struct artin *in, struct mst *st, const char *p, size_t n)
{
	static const char *const names[] = {
		"subject", "from", "date", "content-length"
	};
	static const int kinds[] = { H_SUBJECT, H_FROM, H_DATE, H_CLEN };
	size_t k, i;

	if (*p == ' ' || *p == '\t')
		return value(in, st, p, n);
	k = fieldname(p, n);
	st->hdr = H_OTHER;
	for (i = 0; i < 4; i++)
		if (caseeq(p, k, names[i]))
			st->hdr = kinds[i];
	return value(in, st, p + k + 1, n - k - 1);
}

/* Adds a line of the body; a blank line ends a paragraph. */
static int
bodyline(struct artin *in, struct mst *st, const char *p, size_t n)
{
	struct buf *b = &in->body;
	size_t i;

	if (st->mbox && n > 5 && *p == '>') {
		/* mboxrd: >From, >>From ... lost one '>' on the way in. */
		for (i = 0; i < n && p[i] == '>'; i++)
			;
		if (n - i >= 5 && memcmp(p + i, "From ", 5) == 0)
			p++, n--;
	}
	trim(&p, &n);
	if (n == 0) {
		st->inpara = 0;
		return 0;
	}
	ctlwarn(in, st, p, n);
	if (in->ln.max > 0 && b->n + n >= in->ln.max) {
		st->toolong = 1;
		return 0;
	}
	if ((st->inpara ? buf_addc(b, ' ') : b->n > 0 ? buf_addc(b, '\n') :
	    0) == -1)
		return -1;
	st->inpara = 1;
	return buf_add(b, p, n);
}

/* Copies a name, without the quotes and backslashes that quote it. */
static int
unquote(struct buf *s, const char *p, size_t n)
{
	size_t i;

	trim(&p, &n);
	if (n >= 2 && p[0] == '"' && p[n - 1] == '"')
		p++, n -= 2;
	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n)
			i++;
		if (buf_addc(s, p[i]) == -1)
			return -1;
	}
	return 0;
}

/*
 * Makes the byline of the From field: the name, Jane Doe, of
 * "Jane Doe <jd@example.org>" or of "jd@example.org (Jane Doe)", and the
 * address where no name is given.
 */
static int
fromname(struct artin *in)
{
	struct buf *b = &in->byline, *s = &in->aux[4], t;
	const char *p = b->p, *lt, *op;
	size_t n = b->n;

	if (n == 0)
		return 0;
	s->n = 0;
	lt = memchr(p, '<', n);
	op = p[n - 1] == ')' ? memchr(p, '(', n) : NULL;
	if (lt != NULL && lt > p && unquote(s, p, (size_t)(lt - p)) == -1)
		return -1;
	else if (lt == NULL && op != NULL &&
	    unquote(s, op + 1, (size_t)(p + n - 1 - op - 1)) == -1)
		return -1;
	if (s->n == 0) {
		if (lt != NULL) {
			p = lt + 1;
			n = (op = memchr(p, '>', (size_t)(b->p + b->n - p))) !=
			    NULL ? (size_t)(op - p) : (size_t)(b->p + b->n - p);
		} else if (op != NULL)
			n = (size_t)(op - p);
		trim(&p, &n);
		if (buf_add(s, p, n) == -1)
			return -1;
	}
	t = *b;
	*b = *s;
	*s = t;
	return 0;
}

static int
finish(struct artin *in, struct mst *st, struct article **ap)
{
	struct buf *d = &in->aux[2];
	enum datecheck dc = DATE_OK;
	char date[11];

	memcpy(date, st->fromdate, sizeof(date));
	if (d->n > 0 && (dc = newsdate_parse(d->p, d->n, date)) != DATE_OK) {
		memcpy(date, st->fromdate, sizeof(date));
		reader_warn(in, st->dateno, 0, "date %.*s %s; %s",
		    d->n > 40 ? 40 : (int)d->n, d->p,
		    dc == DATE_IMPOSSIBLE ? "is not a real day" :
		    "is not of a known form", date[0] != '\0' ?
		    "the date of the From line is taken" :
		    "the article is kept without a date");
	}
	if (fromname(in) == -1 || reader_byline(in) == -1 || text_fit(in) == -1)
		return -1;
	if (in->title.n + in->byline.n + in->body.n == 0)
		reader_warn(in, st->start, 0, "the article has no text");
	if (reader_finish(in, date, st->start) == -1)
		return -1;
	*ap = &in->a;
	return 1;
}

/* Says that the file ends where the message cannot have ended. */
static void
truncated(struct artin *in, struct mst *st, const char *where)
{
	reader_warn(in, in->ln.lineno, 1, "the file ends inside the message "
	    "begun at line %lu (%s); the part read is kept", st->start, where);
}

/*
 * Reads the header up to the blank line that ends it.  Returns 1 with the
 * first line of the body in *p when there is one (a line that is not a
 * header line ends the header too), 0 at the end of the file, -1 on error.
 */
static int
header(struct artin *in, struct mst *st, char **p, size_t *n)
{
	int r;

	for (;;) {
		if ((r = getl(in, st, p, n)) != 1) {
			if (r == 0 && (st->mbox || in->ln.nonl))
				truncated(in, st, "in its header");
			return r;
		}
		if (blankl(st, *p, *n))
			return getl(in, st, p, n);
		if (**p != ' ' && **p != '\t' && fieldname(*p, *n) == 0) {
			if (!st->cut)
				reader_warn(in, st->no, 0, "not a header field; "
				    "the body begins here");
			return 1;
		}
		keep(st);
		if (field(in, st, *p, *n) == -1)
			return -1;
	}
}

/* Reads the body, up to the end of the file or the next From line. */
static int
body(struct artin *in, struct mst *st, char *p, size_t n)
{
	int r = 1, prevblank = 1;
	char iso[11];

	for (; r == 1; r = getl(in, st, &p, &n)) {
		if (st->mbox && prevblank && fromline(p, n, iso)) {
			hold(in, st, p, n);
			return 0;
		}
		keep(st);
		st->got += n + 1;
		prevblank = blankl(st, p, n);
		if (bodyline(in, st, p, n) == -1)
			return -1;
	}
	if (r == 0 && st->hasclen && st->got < st->clen)
		truncated(in, st, "short of its Content-Length");
	return r;
}

/* Reads one message into the columns: 1, 0 at the end, or -1. */
static int
message(struct artin *in, struct mst *st, int mbox)
{
	char *p;
	size_t n;
	int r;

	memset(st, 0, sizeof(*st));
	st->mbox = mbox;
	in->colesc = 0;
	do
		if ((r = getl(in, st, &p, &n)) != 1)
			return r;
	while (blankl(st, p, n));
	st->start = st->no;
	in->title.n = in->byline.n = in->body.n = in->aux[2].n = 0;
	if (!mbox || !fromline(p, n, st->fromdate)) {
		hold(in, st, p, n);
		if (mbox && !st->cut)
			reader_warn(in, st->no, 0, "no From line begins this "
			    "message");
	} else
		keep(st);
	if ((r = header(in, st, &p, &n)) == 1)
		r = body(in, st, p, n);
	if (r == -1) {
		if (errno == ENOMEM)
			return -1;
		in->ioerr = errno;
	}
	return 1;
}

/*
 * The next message; one that outgrew the bound of artin_setmax() is
 * reported and passed over.
 */
static int
mailnext(struct artin *in, struct article **ap, int mbox)
{
	struct mst st;
	int r;

	while ((r = message(in, &st, mbox)) == 1 && st.toolong) {
		reader_skipped(in, st.start, st.longno);
		if (in->ioerr != 0) {
			errno = in->ioerr;
			in->ioerr = 0;
			return -1;
		}
	}
	return r == 1 ? finish(in, &st, ap) : r;
}

int
mbox_next(struct artin *in, struct article **ap)
{
	return mailnext(in, ap, 1);
}

int
mail_next(struct artin *in, struct article **ap)
{
	return mailnext(in, ap, 0);
}

/* The bytes up to the next newline, and where the line after begins. */
static int
restline(const char **rest, size_t *rn, const char **p, size_t *n)
{
	const char *q;

	if (*rn == 0 || (q = memchr(*rest, '\n', *rn)) == NULL)
		return 0;
	*p = *rest;
	*n = (size_t)(q - *rest);
	*rn -= *n + 1;
	*rest = q + 1;
	return 1;
}

int
mail_isfield(const char *p, size_t n)
{
	return fieldname(p, n) > 0;
}

int
mbox_sniff(const char *p, size_t n, const char *rest, size_t rn)
{
	char iso[11];

	if (!fromline(p, n, iso))
		return 0;
	return !restline(&rest, &rn, &p, &n) || fieldname(p, n) > 0;
}

/*
 * A header: lines of fields and their continuations up to a blank line,
 * with at least one of the fields that news and mail always carry.
 */
int
mail_sniff(const char *p, size_t n, const char *rest, size_t rn)
{
	static const char *const known[] = {
		"from", "subject", "date", "newsgroups", "message-id"
	};
	size_t k, i;
	int nknown = 0;

	if (fieldname(p, n) == 0)
		return 0;
	do {
		if (blank(p, n))
			break;
		if (*p == ' ' || *p == '\t')
			continue;
		if ((k = fieldname(p, n)) == 0)
			return 0;
		for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			nknown += caseeq(p, k, known[i]);
	} while (restline(&rest, &rn, &p, &n));
	return nknown > 0;
}
