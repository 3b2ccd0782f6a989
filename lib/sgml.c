/*
 * The readers of SGML news collections: TREC and LDC (<DOC>: AP, WSJ,
 * LA Times, FBIS, Gigaword) and Reuters-21578 (<REUTERS>).
 *
 * Both are one engine with a table of the elements that matter: each
 * element has a role (title, byline, dateline, date, document id, text),
 * and the text inside an element goes to the part of the article its role
 * names.  Text in elements of no role (FILEID, TOPICS, UNKNOWN ...) is
 * metadata and is left out; inside a text element every character is
 * kept.  The input is read a line at a time and no more than one article
 * is held, its parts in the record escapes, as the text reader holds
 * them.  A '<' starts a tag only when a letter, '/', '!' or '?' follows
 * and a '>' ends it on the same line; any other '<' is text.
 */
#include <sys/types.h>

#include <errno.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "newsdate.h"
#include "reader.h"

enum role {
	R_OUT,		/* outside every article */
	R_NONE,		/* metadata, left out */
	R_TITLE,
	R_XHEAD,	/* a second headline, kept as a paragraph */
	R_BYLINE,
	R_DATELINE,
	R_DATE,
	R_DOCNO,
	R_TEXT,
	NROLE
};

struct elem {
	const char	*name;
	enum role	 role;
};

static const struct elem trecel[] = {
	{ "DOCNO", R_DOCNO }, { "HEADLINE", R_TITLE }, { "HEAD", R_TITLE },
	{ "HL", R_TITLE }, { "TITLE", R_TITLE }, { "TI", R_TITLE },
	{ "H3", R_TITLE }, { "BYLINE", R_BYLINE }, { "AUTHOR", R_BYLINE },
	{ "DATELINE", R_DATELINE }, { "DATE", R_DATE },
	{ "DATE_TIME", R_DATE }, { "DD", R_DATE }, { "DATE1", R_DATE },
	{ "TEXT", R_TEXT }, { NULL, R_NONE }
};

static const struct elem reutel[] = {
	{ "TITLE", R_TITLE }, { "AUTHOR", R_BYLINE },
	{ "DATELINE", R_DATELINE }, { "DATE", R_DATE }, { "TEXT", R_TEXT },
	{ "BODY", R_TEXT }, { NULL, R_NONE }
};

struct dialect {
	const char		*doc;	/* the article element */
	const struct elem	*el;
	int			 entflags;
};

static const struct dialect trec = { "DOC", trecel, 0 };
/* Reuters-21578 marks the start and end of text with &#2; and &#3;. */
static const struct dialect reuters = { "REUTERS", reutel, ENT_MARKS };

enum { S_START, S_JOIN, S_IN };

/* Where the text of one role goes, and how pieces of it are joined. */
struct sink {
	struct buf	*b;
	const char	*sep;	/* between paragraphs or elements */
	size_t		 seplen;
	int		 state;	/* S_START: a paragraph begins */
};

#define MAXDEPTH	16

struct sgst {
	const struct dialect	*dl;
	struct sink		 sk[NROLE];
	enum role		 role[MAXDEPTH];
	int			 el[MAXDEPTH];	/* index in dl->el */
	int			 depth;
	int			 inp;		/* <P> elements open */
	int			 have;		/* inside an article */
	int			 outwarned;
	unsigned long		 start;
	unsigned long		 no;		/* the line being read */
	unsigned long		 ctlno;		/* the last one warned of */
	unsigned long		 dateno;	/* the line of the date */
	int			 toolong;	/* over artin_setmax(): dropped */
	unsigned long		 longno;	/* a line over it, or 0 */
};

static inline int
isws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static inline int
upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static inline int
nameeq(const char *p, size_t n, const char *name)
{
	size_t i;

	if (n == 0 || upper((unsigned char)p[0]) != name[0])
		return n == 0 && name[0] == '\0';
	for (i = 1; i < n && name[i] != '\0'; i++)
		if (upper((unsigned char)p[i]) != name[i])
			return 0;
	return i == n && name[i] == '\0';
}

/*
 * Trims white space at the end of a part, which holds the record escapes:
 * a tab or carriage return there is \t or \r, after an even number of
 * other backslashes.
 */
static inline void
trimend(struct buf *b)
{
	size_t k;
	int c;

	/* Most parts end in a letter or a stop: say so at once. */
	if (b->n == 0 || ((c = (unsigned char)b->p[b->n - 1]) > ' ' &&
	    c != 't' && c != 'r'))
		return;
	for (;;) {
		if (b->n > 0 && isws((unsigned char)b->p[b->n - 1])) {
			b->n--;
			continue;
		}
		if (b->n < 2 || b->p[b->n - 2] != '\\' ||
		    (b->p[b->n - 1] != 't' && b->p[b->n - 1] != 'r'))
			return;
		for (k = 2; k < b->n && b->p[b->n - k - 1] == '\\'; k++)
			;
		if (k % 2 != 0)
			return;
		b->n -= 2;
	}
}

/* Drops the white space at b->p[at] and after, in record escapes. */
static void
trimstart(struct buf *b, size_t at)
{
	size_t k = at;

	for (;;) {
		if (k < b->n && isws((unsigned char)b->p[k]))
			k++;
		else if (k + 1 < b->n && b->p[k] == '\\' &&
		    (b->p[k + 1] == 't' || b->p[k + 1] == 'r'))
			k += 2;
		else
			break;
	}
	memmove(b->p + at, b->p + k, b->n - k);
	b->n -= k - at;
}

static inline void
sink_eol(struct sink *s)
{
	trimend(s->b);
	if (s->state == S_IN)
		s->state = S_JOIN;
}

static inline void
sink_para(struct sink *s)
{
	trimend(s->b);
	s->state = S_START;
}

static void
ctlwarn(struct artin *in, struct sgst *st, long ctl)
{
	if (st->ctlno == st->no)
		return;
	st->ctlno = st->no;
	if (ctl == 0)
		reader_warn(in, st->no, 0, "NUL byte kept as \\0");
	else
		reader_warn(in, st->no, 0, "control character U+%04lX kept "
		    "as written", (unsigned long)ctl);
}

/*
 * Adds a piece of text to a sink: white space at the start of a
 * paragraph or line is dropped, a line end inside a paragraph becomes one
 * space, and the separator goes in only once text follows it.  With tags
 * it stops before a '<'.  Returns the bytes of p used, or -1.
 */
static inline ssize_t
sink_text(struct artin *in, struct sgst *st, struct sink *s, const char *p,
    size_t n, int tags)
{
	struct buf *b = s->b;
	size_t mark = b->n, at, skip = 0;
	ssize_t used;
	long ctl;

	if (in->ln.max > 0 && b->n + n >= in->ln.max) {
		st->toolong = 1;
		return 0;
	}
	if (s->state != S_IN) {
		while (skip < n && isws((unsigned char)p[skip]))
			skip++;
		if (skip == n || (tags && p[skip] == '<'))
			return (ssize_t)skip;
		p += skip;
		n -= skip;
		if (s->state == S_JOIN) {
			if (buf_addc(b, ' ') == -1)
				return -1;
		} else if (b->n > 0 && buf_add(b, s->sep, s->seplen) == -1)
			return -1;
	}
	at = b->n;
	/*
	 * Always escaped: a line without a byte that records escape can
	 * still make one of a reference (&#9;, &#92;).
	 */
	if ((used = entity_decode(b, p, n, st->dl->entflags | ENT_ESCAPE |
	    (tags ? ENT_TAGS : 0), &ctl)) == -1)
		return -1;
	if (ctl != -1)
		ctlwarn(in, st, ctl);
	/* A reference may make white space where a line is trimmed. */
	if (s->state != S_IN && b->n > at && (isws((unsigned char)b->p[at]) ||
	    b->p[at] == '\\'))
		trimstart(b, at);
	if (b->n == at)
		b->n = mark;
	else
		s->state = S_IN;
	return (ssize_t)skip + used;
}

static inline enum role
cur(const struct sgst *st)
{
	if (!st->have)
		return R_OUT;
	return st->depth > 0 ? st->role[st->depth - 1] : R_NONE;
}

static inline int
blank(const char *p, size_t n)
{
	while (n > 0 && isws((unsigned char)*p))
		p++, n--;
	return n == 0;
}

/* Sends a piece of text to the part of the article it belongs to. */
static inline int
text(struct artin *in, struct sgst *st, const char *p, size_t n)
{
	enum role r = cur(st);

	if (r == R_NONE || n == 0)
		return 0;
	if (r != R_OUT)
		return sink_text(in, st, &st->sk[r], p, n, 0) == -1 ? -1 : 0;
	if (!st->outwarned && !blank(p, n)) {
		st->outwarned = 1;
		reader_warn(in, st->no, 1, "text outside <%s> left out",
		    st->dl->doc);
	}
	return 0;
}

static void
begin(struct artin *in, struct sgst *st)
{
	static const enum role roles[] = {
		R_TITLE, R_XHEAD, R_BYLINE, R_DATELINE, R_DATE, R_DOCNO, R_TEXT
	};
	static const char *const seps[] = {
		" ", "\\n", ", ", " ", " ", " ", "\\n"
	};
	struct buf *bufs[] = {
		&in->title, &in->aux[0], &in->byline, &in->aux[1], &in->aux[2],
		&in->aux[3], &in->body
	};
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		st->sk[roles[i]].b = bufs[i];
		st->sk[roles[i]].sep = seps[i];
		st->sk[roles[i]].seplen = strlen(seps[i]);
		st->sk[roles[i]].state = S_START;
		bufs[i]->n = 0;
	}
	st->have = 1;
	st->depth = 0;
	st->inp = 0;
	st->outwarned = 0;
	st->start = st->no;
}

/* Finds the value of the id attribute in the text of a tag. */
static int
idattr(const char *p, const char *end, const char **v, size_t *vn)
{
	const char *q, *e;
	char quote = 0;

	for (q = p; q + 3 < end; q++) {
		if (!isws((unsigned char)q[0]) || upper((unsigned char)q[1]) !=
		    'I' || upper((unsigned char)q[2]) != 'D')
			continue;
		for (q += 3; q < end && isws((unsigned char)*q); q++)
			;
		if (q == end || *q != '=')
			continue;
		for (q++; q < end && isws((unsigned char)*q); q++)
			;
		if (q < end && (*q == '"' || *q == '\''))
			quote = *q++;
		for (e = q; e < end && (quote ? *e != quote :
		    !isws((unsigned char)*e)); e++)
			;
		*v = q;
		*vn = (size_t)(e - q);
		return 1;
	}
	return 0;
}

enum { T_ERR = -1, T_GO, T_DONE };

/* Keeps the rest of a line for the next call. */
static void
holdrest(struct artin *in, struct sgst *st, char *p, char *end)
{
	if (blank(p, (size_t)(end - p)))
		return;
	in->held = p;
	in->heldn = (size_t)(end - p);
	in->heldno = st->no;
	in->heldmid = 1;
	in->heldcut = 0;
	in->hashold = 1;
}

static int
docstart(struct artin *in, struct sgst *st, char *t, char *gt, char *end)
{
	const char *v;
	size_t vn;

	if (st->have) {
		reader_warn(in, st->no, 0, "no </%s> ends the article begun "
		    "at line %lu; it ends here", st->dl->doc, st->start);
		holdrest(in, st, t, end);
		return T_DONE;
	}
	begin(in, st);
	if (idattr(t, gt, &v, &vn) &&
	    sink_text(in, st, &st->sk[R_DOCNO], v, vn, 0) == -1)
		return T_ERR;
	return T_GO;
}

static void
push(struct sgst *st, int k)
{
	enum role r = st->dl->el[k].role, top = cur(st);

	if (r == R_TITLE && top != R_TITLE && st->sk[R_TITLE].b->n > 0)
		r = R_XHEAD;
	if (r == R_DATE && st->sk[R_DATE].b->n == 0)
		st->dateno = st->no;
	if (top > R_NONE)
		sink_eol(&st->sk[top]);
	if (r != top)
		sink_para(&st->sk[r]);
	if (st->depth == MAXDEPTH)
		return;
	st->role[st->depth] = r;
	st->el[st->depth] = k;
	st->depth++;
}

/* Closes the innermost open element k and those inside it. */
static void
pop(struct sgst *st, int k)
{
	int i;

	for (i = st->depth - 1; i >= 0 && st->el[i] != k; i--)
		;
	while (i >= 0 && st->depth > i) {
		st->depth--;
		sink_eol(&st->sk[st->role[st->depth]]);
	}
}

static int
isnamec(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    c == ':';
}

/* Acts on the tag from t to gt (its '>'); end is the end of the line. */
static int
tag(struct artin *in, struct sgst *st, char *t, char *gt, char *end)
{
	const char *name = t + 1;
	size_t nn;
	int close = 0, k;
	enum role r;

	if (*name == '/')
		close = 1, name++;
	for (nn = 0; name + nn < gt && isnamec((unsigned char)name[nn]); nn++)
		;
	if (nameeq(name, nn, st->dl->doc)) {
		if (!close)
			return docstart(in, st, t, gt, end);
		if (!st->have)
			return T_GO;
		holdrest(in, st, gt + 1, end);
		return T_DONE;
	}
	if (!st->have)
		return T_GO;
	if (nameeq(name, nn, "P")) {
		if (!close)
			st->inp++;
		else if (st->inp > 0)
			st->inp--;
		if ((r = cur(st)) > R_NONE)
			sink_para(&st->sk[r]);
		return T_GO;
	}
	for (k = 0; st->dl->el[k].name != NULL; k++)
		if (nameeq(name, nn, st->dl->el[k].name))
			break;
	if (st->dl->el[k].name == NULL)
		return T_GO;
	if (close)
		pop(st, k);
	else
		push(st, k);
	return T_GO;
}

/* Finds the '>' of a tag that begins at the '<' at p, or NULL. */
static char *
tagend(char *p, char *end)
{
	int c;

	if (end - p < 3)
		return NULL;
	c = (unsigned char)p[1];
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
	    c == '!' || c == '?'))
		return NULL;
	return memchr(p + 2, '>', (size_t)(end - p - 2));
}

/*
 * Adds a line of text that holds nothing but plain text, the common case,
 * straight to the body.  Returns 1 when it did, 0 when the line needs the
 * general path, -1 on error.
 */
static inline int
plainline(struct artin *in, struct sgst *st, const char *p, size_t n)
{
	struct sink *s = &st->sk[R_TEXT];
	struct buf *b = s->b;
	size_t k = 0, e = n, mark;
	int r, flags = ENT_TAGS | ENT_ESCAPE;

	/* The general way notes an article grown too long. */
	if (in->ln.max > 0 && b->n + n >= in->ln.max)
		return 0;
	while (k < n && isws((unsigned char)p[k]))
		k++;
	while (e > k && isws((unsigned char)p[e - 1]))
		e--;
	if (k == e) {
		sink_para(s);
		return 1;
	}
	if (k > 0 && st->inp == 0)
		sink_para(s);
	mark = b->n;
	if (s->state != S_IN && b->n > 0 && (s->state == S_JOIN ?
	    buf_addc(b, ' ') : buf_add(b, s->sep, s->seplen)) == -1)
		return -1;
	if ((r = entity_addplain(b, p + k, e - k, flags)) != 1) {
		b->n = mark;
		return r;
	}
	s->state = S_JOIN;
	return 1;
}

/*
 * Reads on through the plain lines (lines_plain()) that follow a line of
 * text, as plainline() would take them: a blank line ends a paragraph,
 * so does white space before a line outside <P>; any other line goes
 * on the paragraph open, or begins one.  Such lines, most of the wrapped
 * text of a story, need no decoding and no escapes.
 */
static int
plainlines(struct artin *in, struct sgst *st)
{
	struct sink *s = &st->sk[R_TEXT];
	struct buf *b = s->b;
	const char *p;
	size_t n, need;

	if (in->hashold || cur(st) != R_TEXT)
		return 0;
	while (lines_plain(&in->ln, &p, &n, 1) == 1) {
		/* The bound as plainline() and sink_text() apply it. */
		if (in->ln.max > 0 && b->n + n >= in->ln.max)
			break;
		for (; n > 0 && p[0] == ' '; p++, n--)
			if (st->inp == 0)
				sink_para(s);
		if (n == 0) {
			sink_para(s);
			lines_take(&in->ln);
			continue;
		}
		if (p[n - 1] == ' ')
			break;
		need = n + (b->n == 0 ? 0 : s->state == S_JOIN ? 1 : s->seplen);
		if (b->cap - b->n <= need && buf_grow(b, need) == -1)
			return -1;
		if (b->n > 0 && s->state == S_JOIN)
			b->p[b->n++] = ' ';
		else if (b->n > 0) {
			memcpy(b->p + b->n, s->sep, s->seplen);
			b->n += s->seplen;
		}
		memcpy(b->p + b->n, p, n);
		b->n += n;
		s->state = S_JOIN;
		lines_take(&in->ln);
	}
	return 0;
}

/*
 * Reads one line, or the rest of one (mid).  Paragraphs of text end at
 * <P> and </P>, at a blank line and, outside <P>, at a line that begins
 * with white space, as the paragraphs of wrapped wire text do.
 */
static int
doline(struct artin *in, struct sgst *st, char *p, size_t n, int mid)
{
	char *end = p + n, *lt, *gt = NULL;
	enum role r = cur(st);
	ssize_t used;
	int k;

	if (!mid && r == R_TEXT) {
		if ((k = plainline(in, st, p, n)) != 0)
			return k == 1 ? T_GO : T_ERR;
	}
	while (p < end) {
		if ((r = cur(st)) > R_NONE) {
			/* Text, decoded up to the next '<' in one pass. */
			if ((used = sink_text(in, st, &st->sk[r], p,
			    (size_t)(end - p), 1)) == -1)
				return T_ERR;
			if ((lt = p + used) == end)
				break;
			if ((gt = tagend(lt, end)) == NULL) {
				if (sink_text(in, st, &st->sk[r], lt, 1, 0) == -1)
					return T_ERR;
				p = lt + 1;
				continue;
			}
		} else {
			for (lt = p; (lt = memchr(lt, '<',
			    (size_t)(end - lt))) != NULL; lt++)
				if ((gt = tagend(lt, end)) != NULL)
					break;
			if (lt == NULL)
				lt = end;
			if (text(in, st, p, (size_t)(lt - p)) == -1)
				return T_ERR;
			if (lt == end)
				break;
		}
		if ((k = tag(in, st, lt, gt, end)) != T_GO)
			return k;
		p = gt + 1;
	}
	if ((r = cur(st)) > R_NONE)
		sink_eol(&st->sk[r]);
	return T_GO;
}

/*
 * Puts the other headlines and the dateline before the body: the
 * headlines as paragraphs, the dateline at the start of the first
 * paragraph, as the paper prints it.
 */
static int
assemble(struct artin *in)
{
	struct buf *x = &in->aux[0], *dl = &in->aux[1], *s = &in->aux[4];
	struct buf *b = &in->body, t;
	size_t i;

	for (i = 0; i < 4; i++)
		trimend(&in->aux[i]);
	trimend(&in->title);
	trimend(&in->byline);
	trimend(b);
	if (x->n == 0 && dl->n == 0)
		return 0;
	s->n = 0;
	if (buf_add(s, x->p, x->n) == -1 ||
	    (x->n > 0 && dl->n + b->n > 0 && buf_adds(s, "\\n") == -1) ||
	    buf_add(s, dl->p, dl->n) == -1 ||
	    (dl->n > 0 && b->n > 0 && buf_addc(s, ' ') == -1) ||
	    buf_add(s, b->p, b->n) == -1)
		return -1;
	t = *b;
	*b = *s;
	*s = t;
	return 0;
}

/* The date: from the date element, else from the document id. */
static void
getdate(struct artin *in, struct sgst *st, char date[11])
{
	struct buf *d = &in->aux[2], *id = &in->aux[3];
	enum datecheck dc = DATE_OK;

	date[0] = '\0';
	if (d->n > 0 && (dc = newsdate_parse(d->p, d->n, date)) == DATE_OK)
		return;
	if (id->n > 0 && newsdate_fromid(id->p, id->n, date) != DATE_OK)
		date[0] = '\0';
	if (dc == DATE_OK)
		return;
	reader_warn(in, st->dateno, 0, "date %.*s %s; %s",
	    d->n > 40 ? 40 : (int)d->n, d->p, dc == DATE_IMPOSSIBLE ?
	    "is not a real day" : "is not of a known form", date[0] != '\0' ?
	    "the date is taken from the document id" :
	    "the article is kept without a date");
}

static int
finish(struct artin *in, struct sgst *st, struct article **ap)
{
	char date[11];

	if (assemble(in) == -1 || reader_byline(in) == -1 || text_fit(in) == -1)
		return -1;
	getdate(in, st, date);
	if (in->title.n + in->byline.n + in->body.n == 0)
		reader_warn(in, st->start, 0, "the article has no text");
	if (reader_finish(in, date, st->start) == -1)
		return -1;
	*ap = &in->a;
	return 1;
}

/* Says that an article was passed over for the bound of artin_setmax(). */
static void
toolong(struct artin *in, struct sgst *st)
{
	int e = errno;

	reader_skipped(in, st->start, st->longno);
	errno = e;
}

/*
 * Reads a line, or the rest of one, that was cut at the bound: only its
 * first bytes are known.  Its tags are acted on all the same, so that it
 * begins and ends articles as it would whole, but every article it is
 * part of is passed over; one outside the articles is reported.
 */
static int
cutline(struct artin *in, struct sgst *st, char *p, size_t n, int mid)
{
	int had = st->have, r;

	if ((r = doline(in, st, p, n, 1)) == T_ERR)
		return T_ERR;
	if (st->have || had) {
		st->toolong = 1;
		if (st->longno == 0)
			st->longno = st->no;
	} else if (!mid)
		reader_warn(in, st->no, 1, "line longer than %zu bytes "
		    "skipped", in->ln.max);
	/* The rest of the line, held, is cut too. */
	if (r == T_DONE && in->hashold)
		in->heldcut = 1;
	return r;
}

/* The next line, or what is held of one: 1, 0 at the end, or -1. */
static int
nextline(struct artin *in, struct sgst *st, char **p, size_t *n, int *mid,
    int *cut)
{
	int r;

	if (in->hashold) {
		in->hashold = 0;
		*p = in->held;
		*n = in->heldn;
		st->no = in->heldno;
		*mid = in->heldmid;
		*cut = in->heldcut;
		in->heldmid = in->heldcut = 0;
		return 1;
	}
	if ((r = reader_line(in, p, n)) == 1) {
		st->no = in->ln.lineno;
		*mid = 0;
		*cut = in->cut;
	}
	return r;
}

/* Ends the reading at the end of the input, in an article or not. */
static int
atend(struct artin *in, struct sgst *st, struct article **ap, int r)
{
	if (!st->have)
		return r;
	if (st->toolong) {
		toolong(in, st);
		return r;
	}
	if (r == -1)
		in->ioerr = errno;
	else
		reader_warn(in, in->ln.lineno, 1, "the file ends inside the "
		    "article begun at line %lu (no </%s>); the part read is "
		    "kept", st->start, st->dl->doc);
	return finish(in, st, ap);
}

static int
sgml_next(struct artin *in, struct article **ap, const struct dialect *dl)
{
	struct sgst st;
	char *p;
	size_t n;
	int mid, cut, r;

	memset(&st, 0, sizeof(st));
	st.dl = dl;
	in->colesc = 1;
	for (;;) {
		if ((r = nextline(in, &st, &p, &n, &mid, &cut)) != 1)
			return atend(in, &st, ap, r);
		if (cut)
			r = cutline(in, &st, p, n, mid);
		else
			r = doline(in, &st, p, n, mid);
		if (r == T_ERR || (r == T_GO && plainlines(in, &st) == -1))
			return -1;
		if (r == T_DONE && st.toolong) {
			toolong(in, &st);
			memset(&st, 0, sizeof(st));
			st.dl = dl;
		} else if (r == T_DONE)
			return finish(in, &st, ap);
	}
}

int
trec_next(struct artin *in, struct article **ap)
{
	return sgml_next(in, ap, &trec);
}

int
reuters_next(struct artin *in, struct article **ap)
{
	return sgml_next(in, ap, &reuters);
}

/* Tells whether p begins with the tag name s, in any case. */
static int
istag(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	while (n > 0 && isws((unsigned char)*p))
		p++, n--;
	return n > k && nameeq(p, k, s) &&
	    (p[k] == '>' || isws((unsigned char)p[k]));
}

int
trec_sniff(const char *p, size_t n)
{
	return istag(p, n, "<DOC");
}

int
reuters_sniff(const char *p, size_t n)
{
	while (n > 0 && isws((unsigned char)*p))
		p++, n--;
	return istag(p, n, "<REUTERS") || (istag(p, n, "<!DOCTYPE") &&
	    istag(p + 9, n - 9, "LEWIS"));
}
