/*
 * The cost of a regular expression, read as regcomp(3) of glibc reads
 * it: groups, alternations, bracket expressions, anchors, and the
 * repetition counts that it writes out copy by copy.
 *
 * glibc turns the expression into positions: one for each character,
 * set or anchor, two for each group, one for each alternation.  It
 * looks for a match by trying each place of the text in turn, reading
 * on from there while any position may still match: a step reads one
 * character and moves every position held to the next ones, and takes
 * time in the number held, more when a position can read a character
 * of more than one byte and there is one.  Each set of positions it
 * meets is kept, with a table of where each byte leads.  These costs
 * are measured here from the expression's parts, upward.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "recost.h"
#include "text.h"

/* Bigger than this the text written out is not worth the copying. */
#define RC_TEXT		(1 << 20)

/* The plain strings that matches begin or end with, kept at most. */
#define NHEAD		16
#define HEADLEN		32

/*
 * Sets of bytes.
 */

/*
 * The bytes that a position may read first of a character: the bytes
 * of characters other than ASCII are all in a set, or none.
 */
struct bset {
	uint64_t	w[4];
};

static void
bsadd(struct bset *s, unsigned lo, unsigned hi)
{
	for (; lo <= hi && lo < 256; lo++)
		s->w[lo >> 6] |= (uint64_t)1 << (lo & 63);
}

static int
bshas(const struct bset *s, unsigned c)
{
	return (s->w[c >> 6] >> (c & 63)) & 1;
}

static void
bsor(struct bset *a, const struct bset *b)
{
	int i;

	for (i = 0; i < 4; i++)
		a->w[i] |= b->w[i];
}

static void
bsnot(struct bset *s)
{
	int i;

	for (i = 0; i < 4; i++)
		s->w[i] = ~s->w[i];
}

static int
bsmeet(const struct bset *a, const struct bset *b)
{
	int i;

	for (i = 0; i < 4; i++)
		if (a->w[i] & b->w[i])
			return 1;
	return 0;
}

/* Adds the other case of each ASCII letter of the set. */
static void
bsfold(struct bset *s)
{
	unsigned c;

	for (c = 'A'; c <= 'Z'; c++)
		if (bshas(s, c) || bshas(s, c + 32)) {
			bsadd(s, c, c);
			bsadd(s, c + 32, c + 32);
		}
}

/*
 * Adds a class, [:name:] with a name of n bytes; in UTF-8 each has
 * characters other than ASCII ones but digit and xdigit.  Returns -1
 * for a name that is none.
 */
static int
bsclass(struct bset *s, const char *name, size_t n)
{
	static const struct {
		char	name[7];
		char	ranges[9];	/* pairs of bytes, low and high */
	} cls[] = {
		{ "alnum", "09AZaz" }, { "alpha", "AZaz" },
		{ "blank", "\t\t  " }, { "cntrl", "\1\37\177\177" },
		{ "digit", "09" }, { "graph", "!~" },
		{ "lower", "az" }, { "print", " ~" },
		{ "punct", "!/:@[`{~" }, { "space", "\t\r  " },
		{ "upper", "AZ" }, { "xdigit", "09AFaf" }
	};
	const char *r;
	size_t i;

	for (i = 0; i < sizeof(cls) / sizeof(cls[0]); i++) {
		if (strlen(cls[i].name) != n || memcmp(cls[i].name, name, n) != 0)
			continue;
		for (r = cls[i].ranges; *r != '\0'; r += 2)
			bsadd(s, (unsigned char)r[0], (unsigned char)r[1]);
		if (name[0] == 'c')
			bsadd(s, 0, 0);
		if (name[0] != 'd' && name[0] != 'x')
			bsadd(s, 128, 255);
		return 0;
	}
	return -1;
}

/*
 * Reads the bracket expression [p, q), q just past its ']', into a set:
 * a range or a member that is not ASCII stands for every character that
 * is not.  Returns 1 when it is plain ASCII characters, which glibc
 * matches byte by byte, or 0.
 */
static int
bsbracket(struct bset *s, const char *p, const char *q)
{
	const char *e;
	int neg, plain = 1;

	memset(s, 0, sizeof(*s));
	if ((neg = q - p > 1 && p[1] == '^'))
		p++;
	for (p++, q--; p < q; p = e) {
		if (*p == '[' && p + 1 < q && strchr(":=.", p[1]) != NULL) {
			for (e = p + 2; e + 1 < q && !(e[0] == p[1] &&
			    e[1] == ']'); e++)
				;
			if (p[1] != ':' || bsclass(s, p + 2,
			    (size_t)(e - p - 2)) == -1)
				goto all;
			e += 2;
			plain = 0;
		} else if (p + 2 < q && p[1] == '-' && p[2] != ']') {
			bsadd(s, (unsigned char)p[0], (unsigned char)p[2]);
			if ((unsigned char)p[2] >= 128)
				bsadd(s, 128, 255);
			e = p + 3;
			plain = 0;
		} else {
			bsadd(s, (unsigned char)*p, (unsigned char)*p);
			if ((unsigned char)*p >= 128) {
				bsadd(s, 128, 255);
				plain = 0;
			}
			e = p + 1;
		}
	}
	if (q[0] != ']')
		goto all;
	if (neg) {
		bsnot(s);
		bsadd(s, 128, 255);
	}
	return plain && !neg;
all:
	/* Equivalence classes and the like: anything. */
	bsadd(s, 0, 255);
	return 0;
}

/*
 * Parts of an expression.
 */

enum atomkind { CHAR, SET, ANCHOR };

/*
 * What a part of an expression makes.  The positions held at once are
 * counted for one place where the search began; a closure is what one
 * step reaches without reading: f from the part's start, e the largest
 * after a position of the part has read, t the largest of those that
 * reach the part's end (-1: there are none).
 */
struct part {
	uint64_t	n;		/* positions, ends of groups too */
	uint64_t	min, max;	/* characters a match takes */
	uint64_t	width;		/* positions held at once */
	uint64_t	nany, wany;	/* of them, those that may read a
					   character of more bytes than one */
	uint64_t	sets;		/* log2 of the sets of them held */
	uint64_t	f;
	int64_t		e, t;
	/*
	 * The most anchors on one path that reads nothing: from the start
	 * to the end (-1: none), from the start, from a position that has
	 * read to the end (-1: none), and on any.
	 */
	int64_t		az, af, at, ac;
	struct bset	cs;		/* what its positions read */
	struct bset	fs;		/* what it reads first */
	struct bset	ct;		/* what it may read on after a match */
	int		sel;		/* a position may fail (not a dot) */
	int		lit;		/* its only match is the string tail */
	size_t		tn;		/* every match ends with tail */
	char		tail[HEADLEN];
};

static const struct part empty = { 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0,
    -1, 0, { { 0 } }, { { 0 } }, { { 0 } }, 0, 1, 0, "" };

static uint64_t
add(uint64_t a, uint64_t b)
{
	return a + b > RECOST_INF ? RECOST_INF : a + b;
}

static uint64_t
mul(uint64_t a, uint64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	return a > RECOST_INF / b ? RECOST_INF : a * b;
}

static uint64_t
max64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static uint64_t
min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static int64_t
maxs(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* A closure grown by f positions, if there is one. */
static int64_t
grow(int64_t c, uint64_t f)
{
	return c < 0 ? -1 : (int64_t)add((uint64_t)c, f);
}

/*
 * A position that reads a character of the set (SET: one that may be of
 * more bytes than one), or an anchor.
 */
static struct part
atom(enum atomkind k, const struct bset *set)
{
	struct part x = { 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0,
	    { { 0 } }, { { 0 } }, { { 0 } }, 1, 0, 0, "" };

	x.cs = x.fs = *set;
	/* A dot fails only on a newline, which ends every match. */
	x.sel = set->w[0] != ~((uint64_t)1 << '\n') || set->w[1] != ~0ULL ||
	    set->w[2] != ~0ULL || set->w[3] != ~0ULL;
	if (k == SET)
		x.nany = x.wany = 1;
	if (k == ANCHOR) {
		x.min = x.max = 0;
		x.e = x.t = x.at = -1;
		x.az = x.af = x.ac = 1;
		x.sel = 1;
		x.lit = 1;
	}
	return x;
}

/* An ASCII character c read plain: a string of one. */
static struct part
plain(const struct bset *set, char c)
{
	struct part x = atom(CHAR, set);

	x.lit = 1;
	x.tail[0] = c;
	x.tn = 1;
	return x;
}

/* Tells whether the n bytes at s may overlap themselves. */
static int
selfover(const char *s, size_t n)
{
	size_t d;

	for (d = 1; d < n; d++)
		if (memcmp(s + d, s, n - d) == 0)
			return 1;
	return 0;
}

/*
 * What ab reads.  A match of ab goes on in b; in a, or into b, when b
 * may be empty; and in either when a may go on with what b begins with
 * (then a match of ab splits between a and b at more places than one).
 */
static void
catsets(struct part *x, const struct part *a, const struct part *b)
{
	x->cs = a->cs;
	bsor(&x->cs, &b->cs);
	x->fs = a->fs;
	if (a->min == 0)
		bsor(&x->fs, &b->fs);
	x->ct = b->ct;
	if (b->min == 0) {
		bsor(&x->ct, &a->ct);
		bsor(&x->ct, &b->fs);
	}
	if (bsmeet(&a->ct, &b->fs))
		bsor(&x->ct, &x->cs);
	x->sel = a->sel || b->sel;
	x->lit = a->lit && b->lit && a->tn + b->tn <= HEADLEN;
	x->tn = 0;
	if (b->lit) {
		/* The last HEADLEN bytes of a's string and b's. */
		x->tn = min64(a->tn + b->tn, HEADLEN);
		memcpy(x->tail, a->tail + (a->tn + b->tn - x->tn), x->tn -
		    b->tn);
		memcpy(x->tail + x->tn - b->tn, b->tail, b->tn);
	} else if (b->min > 0) {
		x->tn = b->tn;
		memcpy(x->tail, b->tail, b->tn);
	}
}

/*
 * What ab holds at once.  While a match of a may still grow, b may have
 * begun at each place where a match of a ended, less than the longest
 * match of b ago: those of b are held at each, and their sets may be
 * many.  Not so when a match of a has one length, nor when what b
 * begins with a cannot read on after a match: where b begins, a ends.
 */
static void
catwidth(struct part *x, const struct part *a, const struct part *b)
{
	uint64_t k;

	x->sets = add(a->sets, b->sets);
	if (a->min == a->max || !bsmeet(&a->ct, &b->fs)) {
		x->width = max64(a->width, b->width);
		x->wany = max64(a->wany, b->wany);
		return;
	}
	/*
	 * Matches of a that end with a string which cannot overlap itself
	 * end as many bytes apart as it is long.
	 */
	k = a->max - a->min;
	if (a->tn > 0 && !selfover(a->tail, a->tn))
		k /= a->tn;
	k = min64(add(k, 1), add(b->max, 1));
	x->width = add(a->width, min64(b->n, mul(b->width, k)));
	x->wany = add(a->wany, min64(b->nany, mul(b->wany, k)));
	if (b->sel)
		x->sets = add(x->sets, min64(b->n, k));
}

/* What ab reaches without reading: closures, and anchors in a row. */
static void
catreach(struct part *x, const struct part *a, const struct part *b)
{
	x->f = a->min == 0 ? add(a->f, b->f) : a->f;
	x->e = maxs(maxs(a->e, b->e), grow(a->t, b->f));
	x->t = maxs(b->t, b->min == 0 ? grow(a->t, b->f) : -1);
	x->az = a->az >= 0 && b->az >= 0 ? a->az + b->az : -1;
	x->af = maxs(a->af, a->az >= 0 ? a->az + b->af : -1);
	x->at = maxs(b->at, a->at >= 0 && b->az >= 0 ? a->at + b->az : -1);
	x->ac = maxs(maxs(a->ac, b->ac), maxs(maxs(x->af, x->at),
	    a->at >= 0 ? a->at + b->af : -1));
}

/* a then b. */
static struct part
cat(struct part a, struct part b)
{
	struct part x;

	x.n = add(a.n, b.n);
	x.min = add(a.min, b.min);
	x.max = add(a.max, b.max);
	x.nany = add(a.nany, b.nany);
	catsets(&x, &a, &b);
	catwidth(&x, &a, &b);
	catreach(&x, &a, &b);
	return x;
}

/* a or b; glibc adds a position that chooses. */
static struct part
alt(struct part a, struct part b)
{
	struct part x;

	x.n = add(add(a.n, b.n), 1);
	x.min = min64(a.min, b.min);
	x.max = max64(a.max, b.max);
	x.width = add(a.width, b.width);
	x.nany = add(a.nany, b.nany);
	x.wany = add(a.wany, b.wany);
	x.sets = add(a.sets, b.sets);
	x.f = add(add(a.f, b.f), 1);
	x.e = maxs(a.e, b.e);
	x.t = maxs(a.t, b.t);
	x.az = maxs(a.az, b.az);
	x.af = maxs(a.af, b.af);
	x.at = maxs(a.at, b.at);
	x.ac = maxs(a.ac, b.ac);
	x.cs = a.cs;
	bsor(&x.cs, &b.cs);
	x.fs = a.fs;
	bsor(&x.fs, &b.fs);
	/* A match of one may go on as one of the other. */
	x.ct = a.ct;
	bsor(&x.ct, &b.ct);
	if (a.min == 0)
		bsor(&x.ct, &b.fs);
	if (b.min == 0)
		bsor(&x.ct, &a.fs);
	if (bsmeet(&a.fs, &b.fs))
		bsor(&x.ct, &x.cs);
	x.sel = a.sel || b.sel;
	x.lit = 0;
	x.tn = 0;
	return x;
}

/* (a): two positions more, its ends. */
static struct part
group(struct part a)
{
	a.n = add(a.n, 2);
	a.f = add(a.f, a.min == 0 ? 2 : 1);
	a.e = maxs(a.e, grow(a.t, 1));
	a.t = grow(a.t, 1);
	return a;
}

static struct part
opt(struct part a)
{
	a.min = 0;
	a.az = maxs(a.az, 0);
	a.lit = 0;
	a.tn = 0;
	return a;
}

/*
 * a*: after a match of a, a may begin again.  Its positions are held at
 * once at as many places as a has lengths.
 */
static struct part
star(struct part a)
{
	struct part x = a;

	x.min = 0;
	x.max = a.max > 0 ? RECOST_INF : 0;
	x.width = a.min == a.max ? a.width : a.n;
	x.wany = a.min == a.max ? a.wany : a.nany;
	if (a.min != a.max && a.sel && bsmeet(&a.ct, &a.fs))
		x.sets = add(a.sets, min64(a.n, add(a.max, 1)));
	x.ct = a.cs;
	x.lit = 0;
	x.tn = 0;
	x.e = maxs(a.e, grow(a.t, a.f));
	x.t = grow(a.t, a.f);
	x.az = maxs(a.az, 0);
	x.at = maxs(a.at, a.at >= 0 && a.az >= 0 ? a.at + a.az : -1);
	x.ac = maxs(a.ac, a.at >= 0 ? a.at + a.af : -1);
	return x;
}

/* a{m}, m copies of a one after the other. */
static struct part
times(struct part a, uint64_t m)
{
	struct part x = a;
	uint64_t i;

	if (m == 0)
		return empty;
	for (i = 1; i < m; i++)
		x = cat(x, a);
	return x;
}

/*
 * a{0,k} as glibc is given it here, (a(a(a)?)?)?: the copies can only be
 * taken in order, so that a search holds one of them at a time when a
 * match of a has one length.  flat is glibc's own form, a?a?a? in
 * effect, which lets any copy be the first.
 */
static struct part
upto(struct part a, uint64_t k, int flat)
{
	struct part x = empty;
	uint64_t i;

	for (i = 0; i < k; i++)
		x = flat ? cat(x, opt(a)) : opt(group(cat(a, x)));
	return x;
}

/*
 * Reading.
 */

struct rd {
	const char	*p, *end;
	struct buf	*out;		/* the expression written out */
	int		 icase;
	int		 mb;		/* glibc matches character by character */
	int		 depth, maxdepth;
	uint64_t	 made, maxmade;	/* positions written out */
	enum recost_err	 err;
};

static void	ralt(struct rd *, struct part *);

/*
 * Counts k positions more against the bound of those written out.
 * Returns 0, or -1 when the bound is passed.
 */
static int
charge(struct rd *rd, uint64_t k)
{
	rd->made = add(rd->made, k);
	if (rd->made <= rd->maxmade)
		return 0;
	rd->err = RECOST_COPIES;
	return -1;
}

/* Copies the bytes [p, q) of the expression into what is written out. */
static void
emit(struct rd *rd, const char *p, const char *q)
{
	if (rd->err == RECOST_OK && buf_add(rd->out, p, (size_t)(q - p)) == -1)
		rd->err = RECOST_NOMEM;
}

const char *
recost_bracket(const char *p, const char *end)
{
	const char *q = p + 1;
	char k;

	if (q < end && *q == '^')
		q++;
	if (q < end && *q == ']')
		q++;
	while (q < end) {
		if (*q == '[' && q + 1 < end && (q[1] == ':' || q[1] == '=' ||
		    q[1] == '.')) {
			k = q[1];
			for (q += 2; q + 1 < end && !(q[0] == k && q[1] == ']');
			    q++)
				;
			q = q + 1 < end ? q + 2 : end;
		} else if (*q++ == ']')
			return q;
	}
	return end;
}

const char *
recost_group(const char *p, const char *end)
{
	int depth = 0;

	while (p < end) {
		switch (*p) {
		case '\\':
			p = p + 1 < end ? p + 2 : end;
			continue;
		case '[':
			p = recost_bracket(p, end);
			continue;
		case '(':
			depth++;
			break;
		case ')':
			if (--depth == 0)
				return p + 1;
			break;
		}
		p++;
	}
	return end;
}

/* Reads a group, its '(' at rd->p. */
static void
rgroup(struct rd *rd, struct part *x)
{
	if (rd->depth >= rd->maxdepth) {
		rd->err = RECOST_DEEP;
		return;
	}
	emit(rd, rd->p, rd->p + 1);
	charge(rd, 2);
	rd->p++;
	rd->depth++;
	ralt(rd, x);
	rd->depth--;
	if (rd->p < rd->end && *rd->p == ')') {
		emit(rd, rd->p, rd->p + 1);
		rd->p++;
	}
	*x = group(*x);
}

/*
 * Reads the set at p: a bracket expression, a dot, or \w, \W, \s or \S.
 * Returns its end, or NULL when there is none at p.
 */
static const char *
rset(struct rd *rd, const char *p, struct bset *set)
{
	const char *q = p + 1;

	memset(set, 0, sizeof(*set));
	if (*p == '[') {
		q = recost_bracket(p, rd->end);
		if (!bsbracket(set, p, q))
			rd->mb = 1;
	} else if (*p == '.') {
		bsadd(set, 0, 255);
		set->w[0] &= ~((uint64_t)1 << '\n');
	} else if (*p == '\\' && q < rd->end && *q != '\0' &&
	    strchr("wWsS", *q) != NULL) {
		if (*q == 'w' || *q == 'W') {
			bsclass(set, "alnum", 5);
			bsadd(set, '_', '_');
		} else
			bsclass(set, "space", 5);
		/* Either has characters other than ASCII ones. */
		if (*q == 'W' || *q == 'S')
			bsnot(set);
		bsadd(set, 128, 255);
		rd->mb = 1;
		q++;
	} else
		return NULL;
	if (rd->icase)
		bsfold(set);
	return q;
}

/*
 * Reads a character at p, plain or escaped, into the set.  Returns its
 * end.
 */
static const char *
rchar(struct rd *rd, const char *p, struct bset *set)
{
	uint32_t c;

	if (*p == '\\' && p + 1 < rd->end)
		p++;
	bsadd(set, (unsigned char)*p, (unsigned char)*p);
	if ((unsigned char)*p >= 128)
		bsadd(set, 128, 255);
	if (rd->icase)
		bsfold(set);
	return p + text_decode(p, rd->end, &c);
}

/* Reads an atom: a character, a set, an anchor or a group. */
static void
ratom(struct rd *rd, struct part *x)
{
	const char *p = rd->p, *end = rd->end, *q;
	struct bset set;
	char c;

	if (*p == '(') {
		rgroup(rd, x);
		return;
	}
	if ((q = rset(rd, p, &set)) != NULL) {
		/* With -i, a letter may stand for one of more bytes. */
		*x = atom(bshas(&set, 128) || (rd->icase &&
		    (set.w[1] & 0x07fffffe07fffffeULL)) ? SET : CHAR, &set);
	} else if (*p == '^' || *p == '$' || (*p == '\\' && p + 1 < end &&
	    p[1] != '\0' && strchr("bB<>`'", p[1]) != NULL)) {
		if (*p == '\\' && strchr("bB<>", p[1]) != NULL)
			rd->mb = 1;
		q = p + 1 + (*p == '\\');
		*x = atom(ANCHOR, &set);
	} else if (*p == '\\' && p + 1 < end && p[1] >= '1' && p[1] <= '9') {
		rd->err = RECOST_BACKREF;
		return;
	} else {
		q = rchar(rd, p, &set);
		c = p[q - p - 1];
		if (q - p <= 2 && (unsigned char)c < 128)
			*x = plain(&set, rd->icase && c >= 'A' && c <= 'Z' ?
			    (char)(c + 32) : c);
		else
			*x = atom(CHAR, &set);
	}
	emit(rd, p, q);
	rd->p = q;
	charge(rd, 1);
}

/* Reads a number of a repetition count, at most 2^20. */
static uint64_t
rnum(struct rd *rd, int *digits)
{
	uint64_t v = 0;

	*digits = 0;
	for (; rd->p < rd->end && *rd->p >= '0' && *rd->p <= '9'; rd->p++) {
		v = v * 10 + (uint64_t)(*rd->p - '0');
		if (v > (1 << 20))
			v = 1 << 20;
		*digits = 1;
	}
	return v;
}

/*
 * Reads a quantifier: *, +, ?, {m}, {m,} or {m,n} (m may be left out,
 * as glibc allows).  Returns 1 with its bounds, hi RECOST_INF for none,
 * or 0 when there is none (a '{' that begins no count is a character,
 * and regcomp refuses it).
 */
static int
rquant(struct rd *rd, uint64_t *lo, uint64_t *hi)
{
	const char *p = rd->p;
	int d1, d2;

	if (p >= rd->end || *p == '\0' || strchr("*+?{", *p) == NULL)
		return 0;
	rd->p++;
	*lo = *p == '+';
	*hi = *p == '?' ? 1 : RECOST_INF;
	if (*p != '{')
		return 1;
	*lo = *hi = rnum(rd, &d1);
	if (rd->p < rd->end && *rd->p == ',') {
		rd->p++;
		*hi = rnum(rd, &d2);
		if (!d2)
			*hi = RECOST_INF;
		d1 = 1;
	}
	if (rd->p < rd->end && *rd->p == '}' && d1 && *lo <= *hi) {
		rd->p++;
		return 1;
	}
	rd->p = p;
	return 0;
}

/*
 * Writes out {lo,hi} after c, the o.. bytes written last: c lo times,
 * then (c(c...)?)?.  Returns 0, or -1 when that would be too long to be
 * worth it.
 */
static int
rewrite(struct rd *rd, size_t o, uint64_t lo, uint64_t hi)
{
	struct buf *b = rd->out;
	size_t c = b->n - o, i;
	uint64_t need = mul(hi, c + 3);

	if (need > RC_TEXT || rd->err != RECOST_OK)
		return -1;
	/* With the room made, no buf_add() below moves the bytes. */
	if (buf_grow(b, (size_t)need) == -1) {
		rd->err = RECOST_NOMEM;
		return -1;
	}
	for (i = 1; i < lo; i++)
		buf_add(b, b->p + o, c);
	for (i = lo; i < hi; i++) {
		buf_addc(b, '(');
		buf_add(b, b->p + o, c);
	}
	for (i = lo; i < hi; i++)
		buf_add(b, ")?", 2);
	if (lo == 0) {
		memmove(b->p + o, b->p + o + c, b->n - o - c);
		b->n -= c;
	}
	return 0;
}

/* Puts the o.. bytes written last in a group of their own. */
static void
wrap(struct rd *rd, size_t o)
{
	struct buf *b = rd->out;

	if (rd->err != RECOST_OK)
		return;
	if (buf_grow(b, 2) == -1) {
		rd->err = RECOST_NOMEM;
		return;
	}
	memmove(b->p + o + 1, b->p + o, b->n - o);
	b->p[o] = '(';
	b->n++;
	buf_addc(b, ')');
}

/*
 * Applies the quantifier q to x, whose text begins at o.  glibc writes
 * out a{m,n} as n copies of a, a{m,} as m + 1 (the last starred), a+ as
 * two: a bounded count is written out here instead, in the form that
 * glibc matches in fewer positions.  *single tells whether the text of
 * x is one atom, which a quantifier may follow.
 */
static void
quantify(struct rd *rd, struct part *x, size_t o, const char *q,
    int *single)
{
	uint64_t lo = 0, hi = 0, k;

	if (!rquant(rd, &lo, &hi))
		return;
	k = hi != RECOST_INF ? hi : lo + 1;
	if (k > 1 && charge(rd, mul(x->n, k - 1)) == -1)
		return;
	if (x->n > 0 && hi != RECOST_INF && hi > lo &&
	    rewrite(rd, o, lo, hi) == 0) {
		/* Each copy but the first lo comes in a group. */
		charge(rd, 2 * (hi - lo));
		*x = cat(times(*x, lo), upto(*x, hi - lo, 0));
		*single = 0;
		return;
	}
	if (!*single)
		wrap(rd, o);
	emit(rd, q, rd->p);
	if (x->n == 0 || k == 0)
		*x = empty;
	else if (hi == RECOST_INF)
		*x = lo == 0 ? star(*x) : cat(times(*x, lo), star(*x));
	else
		*x = cat(times(*x, lo), upto(*x, hi - lo, 1));
}

/* Reads an atom and its quantifiers. */
static void
rpiece(struct rd *rd, struct part *x)
{
	size_t o = rd->out->n;
	int single = 1;
	const char *q;

	*x = empty;
	ratom(rd, x);
	while (rd->err == RECOST_OK && rd->p < rd->end) {
		q = rd->p;
		quantify(rd, x, o, q, &single);
		if (rd->p == q)
			break;
	}
}

/* Reads a branch: pieces up to a '|', a ')' that closes, or the end. */
static void
rbranch(struct rd *rd, struct part *x)
{
	struct part y;

	*x = empty;
	while (rd->err == RECOST_OK && rd->p < rd->end && *rd->p != '|' &&
	    !(*rd->p == ')' && rd->depth > 0)) {
		rpiece(rd, &y);
		*x = cat(*x, y);
	}
}

/* Reads branches separated by '|'. */
static void
ralt(struct rd *rd, struct part *x)
{
	struct part y;

	rbranch(rd, x);
	while (rd->err == RECOST_OK && rd->p < rd->end && *rd->p == '|') {
		emit(rd, rd->p, rd->p + 1);
		charge(rd, 1);
		rd->p++;
		rbranch(rd, &y);
		*x = alt(*x, y);
	}
}

/*
 * The strings that matches begin with.  A search tries each place of
 * the text, but reads far only from those where one of them stands:
 * when no string of the set can overlap another, nor itself, such
 * places are at least as many bytes apart as the shortest is long.
 */

struct heads {
	char	s[NHEAD][HEADLEN];
	size_t	len[NHEAD];
	int	n;
};

static const char special[] = ".[]()*+?{}|^$\\";

/* Returns the end of the branch that begins at p, at its '|' or ')'. */
static const char *
branchend(const char *p, const char *end)
{
	while (p < end && *p != '|' && *p != ')') {
		if (*p == '(')
			p = recost_group(p, end);
		else if (*p == '[')
			p = recost_bracket(p, end);
		else
			p += *p == '\\' && p + 1 < end ? 2 : 1;
	}
	return p;
}

/*
 * Reads the plain character at p into c (folded with icase; an escaped
 * special character is plain).  Returns its end, or NULL when it is not
 * a plain ASCII character, or a quantifier follows.
 */
static const char *
plainchar(const char *p, const char *end, int icase, char *c)
{
	const char *q;

	if (*p == '\\' && p + 1 < end && p[1] != '\0' &&
	    strchr(special, p[1]) != NULL)
		p++;
	else if (*p == '\0' || strchr(special, *p) != NULL)
		return NULL;
	if ((unsigned char)*p >= 128)
		return NULL;
	*c = icase && *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
	q = p + 1;
	if (q < end && strchr("*+?{", *q) != NULL)
		return NULL;
	return q;
}

/* Appends the strings of b to those of a, each to each. */
static int
headcat(struct heads *a, const struct heads *b)
{
	struct heads x;
	int i, j;

	if (a->n * b->n > NHEAD)
		return -1;
	x.n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			if (a->len[i] + b->len[j] > HEADLEN)
				return -1;
			memcpy(x.s[x.n], a->s[i], a->len[i]);
			memcpy(x.s[x.n] + a->len[i], b->s[j], b->len[j]);
			x.len[x.n++] = a->len[i] + b->len[j];
		}
	*a = x;
	return 0;
}

/*
 * Reads a group's inside [p, q) when it is plain strings, one a branch.
 * Returns 0, or -1.
 */
static int
groupheads(const char *p, const char *q, int icase, struct heads *h)
{
	const char *e;
	size_t *len;

	for (h->n = 0; ; p++) {
		if (h->n == NHEAD)
			return -1;
		len = &h->len[h->n];
		for (*len = 0; p < q && *p != '|'; p = e) {
			if (*len == HEADLEN || (e = plainchar(p, q, icase,
			    &h->s[h->n][*len])) == NULL)
				return -1;
			(*len)++;
		}
		if (*len == 0)
			return -1;
		h->n++;
		if (p >= q)
			return 0;
	}
}

/*
 * Reads the strings that the branch [p, q) begins with: plain
 * characters, anchors, and groups of plain strings, up to anything else.
 */
static void
branchheads(const char *p, const char *q, int icase, struct heads *h)
{
	struct heads g;
	const char *e;

	h->n = 1;
	h->len[0] = 0;
	while (p < q) {
		if (*p == '^' || *p == '$' || (*p == '\\' && p + 1 < q &&
		    p[1] != '\0' && strchr("bB<>`'", p[1]) != NULL)) {
			p += *p == '\\' ? 2 : 1;
			continue;
		}
		g.n = 1;
		g.len[0] = 1;
		if ((e = plainchar(p, q, icase, &g.s[0][0])) == NULL &&
		    (*p != '(' || (e = recost_group(p, q)) - p < 2 ||
		    e[-1] != ')' || (e < q && strchr("*+?{", *e) != NULL) ||
		    groupheads(p + 1, e - 1, icase, &g) == -1))
			return;
		if (headcat(h, &g) == -1)
			return;
		p = e;
	}
}

/* Tells whether a string of the set may overlap one of them. */
static int
overlap(const struct heads *h)
{
	size_t d, k;
	int i, j;

	for (i = 0; i < h->n; i++)
		for (d = 1; d < h->len[i]; d++)
			for (j = 0; j < h->n; j++) {
				k = min64(h->len[i] - d, h->len[j]);
				if (memcmp(h->s[i] + d, h->s[j], k) == 0)
					return 1;
			}
	return 0;
}

/*
 * Measures the strings that the matches of [p, end) begin with, one of
 * them at least: the shortest in *gap (1 when there are none, or they
 * may overlap), the longest in *lead.
 */
static void
rheads(const char *p, const char *end, int icase, uint64_t *gap,
    uint64_t *lead)
{
	struct heads all, h;
	const char *q;
	int i;

	*gap = 1;
	*lead = 0;
	for (all.n = 0; ; p = q + 1) {
		if ((q = branchend(p, end)) < end && *q == ')')
			return;
		branchheads(p, q, icase, &h);
		for (i = 0; i < h.n; i++) {
			if (h.len[i] == 0 || all.n == NHEAD)
				return;
			memcpy(all.s[all.n], h.s[i], h.len[i]);
			all.len[all.n++] = h.len[i];
		}
		if (q == end)
			break;
	}
	if (overlap(&all))
		return;
	*gap = HEADLEN;
	for (i = 0; i < all.n; i++) {
		*gap = min64(*gap, all.len[i]);
		*lead = max64(*lead, all.len[i]);
	}
	if (*gap == 1)
		*lead = 0;
}

enum recost_err
recost_read(const char *s, size_t n, int icase, int maxdepth,
    uint64_t maxcopies, struct recost *c, struct buf *out)
{
	struct rd rd;
	struct part x = empty;

	memset(&rd, 0, sizeof(rd));
	rd.p = s;
	rd.end = s + n;
	rd.out = out;
	rd.icase = icase;
	rd.mb = icase;
	rd.maxdepth = maxdepth;
	rd.maxmade = maxcopies;
	out->n = 0;
	ralt(&rd, &x);
	if (rd.err == RECOST_OK && x.n > maxcopies)
		rd.err = RECOST_COPIES;
	c->copies = x.n;
	c->longest = x.max;
	c->width = x.width;
	c->any = x.wany;
	c->sets = x.sets;
	c->reach = max64(x.f, (uint64_t)maxs(x.e, 0));
	c->chain = (uint64_t)maxs(x.ac, 0);
	c->mb = rd.mb;
	rheads(s, s + n, icase, &c->gap, &c->lead);
	if (rd.err == RECOST_NOMEM)
		errno = ENOMEM;
	return rd.err;
}
