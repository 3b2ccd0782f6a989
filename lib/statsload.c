/*
 * Reading partials back and merging them into a state.  The input may be
 * anything, so every line is checked before it is counted: its length,
 * its type, its columns, its numbers, the groups it names, its place in
 * the order of its kind, and at the end line the sums that must agree.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "field.h"
#include "hash.h"
#include "htab.h"
#include "out.h"
#include "stats.h"
#include "statsint.h"
#include "tsv.h"

#define MAXCOL		12
#define BLOCK		(256 * 1024)

static const char *const tablename[] = { "terms", "bigrams", "names",
    "near" };

/*
 * The lines of partials, read by blocks.  A line longer than the bound
 * is found as soon as that many bytes are in without a newline, so that
 * an endless line costs no more memory and time than the bound.
 */
struct plines {
	int		 fd;
	size_t		 max;		/* the longest line, 0 for no bound */
	struct buf	 b;		/* b.n: the bytes read */
	size_t		 pos;		/* the first byte not handed out */
	size_t		 scan;		/* no newline from pos to here */
	int		 eof;
	unsigned long	 lineno;
};

/* The kinds of lines that come in the order of their keys. */
enum { K_G, K_L, K_I, K_T, K_B, K_N, NKIND };

/* The key of the last line of a kind: the next one must sort after it. */
struct lastkey {
	int		 set;
	uint64_t	 g;	/* the group, as the partial numbers it */
	uint64_t	 v;	/* L: the words; I: the id */
	struct buf	 w[2];	/* G: the key; T, N: the text; B: the words */
};

/* What is known of one group of the partial being read. */
struct lgroup {
	uint32_t	 g;		/* its index in the merged state */
	int		 hass;		/* its S line was read */
	uint64_t	 articles;	/* from the S line */
	uint64_t	 lens;		/* articles in its L lines */
	uint64_t	 ids;		/* articles in its I lines */
};

struct loader {
	struct stats	*st;
	struct sterr	*e;
	unsigned long	 line;
	int		 inpart;	/* between a header and its end line */
	uint64_t	 lines;		/* lines of the partial so far */
	struct lgroup	*lg;
	size_t		 nlg;
	size_t		 caplg;
	char		*col[MAXCOL];
	size_t		 len[MAXCOL];
	int		 ncol;
	struct lastkey	 last[NKIND];
};

static int
bad(struct loader *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(l->e->msg, sizeof(l->e->msg), fmt, ap);
	va_end(ap);
	l->e->line = l->line;
	errno = EINVAL;
	return -1;
}

/* Fails for errno set by the state: ERANGE is the input's fault. */
static int
failed(struct loader *l)
{
	if (errno == ERANGE)
		return bad(l, "a count overflows when added to the others");
	l->e->line = 0;
	return -1;
}

/* Moves the bytes not handed out to the front, and reads more. */
static ssize_t
pfill(struct plines *r)
{
	ssize_t got;

	if (r->pos > 0) {
		memmove(r->b.p, r->b.p + r->pos, r->b.n - r->pos);
		r->b.n -= r->pos;
		r->scan -= r->pos;
		r->pos = 0;
	}
	if (buf_grow(&r->b, BLOCK) == -1)
		return -1;
	do
		got = read(r->fd, r->b.p + r->b.n, r->b.cap - r->b.n - 1);
	while (got == -1 && errno == EINTR);
	if (got > 0)
		r->b.n += (size_t)got;
	return got;
}

/*
 * Hands out the next line in *p and *n, without its newline or a CR
 * before it, and NUL-terminated.  Returns 1, 0 at the end, or -1: with
 * errno set on a read error, or when the line is longer than the bound.
 */
static int
nextline(struct loader *l, struct plines *r, char **p, size_t *n)
{
	char *q;
	ssize_t got;

	*p = NULL;
	*n = 0;
	for (;;) {
		if (r->scan < r->b.n && (q = memchr(r->b.p + r->scan, '\n',
		    r->b.n - r->scan)) != NULL)
			break;
		q = NULL;
		r->scan = r->b.n;
		if (r->max > 0 && r->b.n - r->pos > r->max)
			break;
		if (r->eof) {
			if (r->pos == r->b.n)
				return 0;
			q = r->b.p + r->b.n;
			break;
		}
		if ((got = pfill(r)) == -1)
			return failed(l);
		r->eof = got == 0;
	}
	l->line = ++r->lineno;
	if (q == NULL || (r->max > 0 && (size_t)(q - r->b.p) - r->pos >
	    r->max))
		return bad(l, "line longer than %zu bytes, the bound of -L",
		    r->max);
	*p = r->b.p + r->pos;
	*n = (size_t)(q - *p);
	r->pos = r->scan = r->pos + *n + (q < r->b.p + r->b.n);
	if (*n > 0 && (*p)[*n - 1] == '\r')
		(*n)--;
	(*p)[*n] = '\0';
	return 1;
}

/*
 * The lines of a kind come sorted by group and key (artstat(1)), so that
 * a line twice is found next to the line before it.  Checks that a line
 * sorts after the last of its kind, and keeps its key for the next.
 */
static int
inorder(struct loader *l, int kind, uint64_t g, uint64_t v,
    char *const *w, const size_t *wn, int nw)
{
	struct lastkey *k = &l->last[kind];
	int c = 1, i;

	if (k->set) {
		c = g != k->g ? (g > k->g ? 1 : -1) : (v > k->v) - (v < k->v);
		for (i = 0; c == 0 && i < nw; i++)
			c = stats_cmpkey(w[i], wn[i], k->w[i].p, k->w[i].n);
	}
	if (c == 0)
		return bad(l, "%s line: the same key as the %s line before "
		    "it", l->col[0], l->col[0]);
	if (c < 0)
		return bad(l, "%s line out of order: the %s lines of a "
		    "partial are sorted by group and key", l->col[0],
		    l->col[0]);
	k->set = 1;
	k->g = g;
	k->v = v;
	for (i = 0; i < nw; i++) {
		k->w[i].n = 0;
		if (buf_add(&k->w[i], w[i], wn[i]) == -1)
			return failed(l);
	}
	return 0;
}

static void
split(struct loader *l, char *p, size_t n)
{
	char *end = p + n, *t;

	for (l->ncol = 0; l->ncol < MAXCOL; l->ncol++) {
		l->col[l->ncol] = p;
		if ((t = memchr(p, '\t', (size_t)(end - p))) == NULL) {
			l->len[l->ncol++] = (size_t)(end - p);
			return;
		}
		l->len[l->ncol] = (size_t)(t - p);
		*t = '\0';
		p = t + 1;
	}
	l->ncol++;	/* more than MAXCOL: reported as too many */
}

static int
ncols(struct loader *l, int want)
{
	if (l->ncol != want)
		return bad(l, "%c line: expected %d tab-separated columns, "
		    "found %d", l->col[0][0], want, l->ncol);
	return 0;
}

/* A count: decimal digits, no sign, no leading zero, at most 2^64 - 1. */
static int
number(struct loader *l, int c, uint64_t *v)
{
	const char *s = l->col[c];
	size_t i, n = l->len[c];
	uint64_t x = 0;

	if (n == 0 || n > 20 || (n > 1 && s[0] == '0'))
		return bad(l, "column %d is not a count", c + 1);
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' ||
		    x > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return bad(l, "column %d is not a count", c + 1);
		x = x * 10 + (uint64_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

static int
positive(struct loader *l, int c, uint64_t *v)
{
	if (number(l, c, v) == -1)
		return -1;
	if (*v == 0)
		return bad(l, "column %d is 0; an entry counts at least one",
		    c + 1);
	return 0;
}

static int
hex(struct loader *l, int c, uint64_t *v)
{
	if (!tsv_isid(l->col[c], l->len[c]) ||
	    hash_unhex(l->col[c], l->len[c], v) == -1)
		return bad(l, "column %d is not 16 lowercase hex digits",
		    c + 1);
	return 0;
}

/* A date or, where allowed, an empty column (STATS_NODAY). */
static int
day(struct loader *l, int c, int32_t *v)
{
	int y, m, d;

	if (l->len[c] == 0) {
		*v = STATS_NODAY;
		return 0;
	}
	if (date_check(l->col[c], l->len[c], &y, &m, &d) != DATE_OK)
		return bad(l, "column %d is not a date", c + 1);
	*v = (int32_t)date_days(y, m, d);
	return 0;
}

/* The group a line names, as read in column 2. */
static int
group(struct loader *l, struct lgroup **gp)
{
	uint64_t v;

	if (number(l, 1, &v) == -1)
		return -1;
	if (v >= l->nlg)
		return bad(l, "group %llu is not defined by a G line before",
		    (unsigned long long)v);
	*gp = &l->lg[v];
	return 0;
}


static int
parsetables(const char *s, size_t n, int *tables)
{
	const char *end = s + n, *t;
	size_t i, k;

	*tables = 0;
	if (n == 1 && *s == '-')
		return 0;
	while (s < end) {
		if ((t = memchr(s, ',', (size_t)(end - s))) == NULL)
			t = end;
		k = (size_t)(t - s);
		for (i = 0; i < 4; i++)
			if (strlen(tablename[i]) == k &&
			    memcmp(tablename[i], s, k) == 0)
				break;
		if (i == 4 || *tables & 1 << i)
			return -1;
		*tables |= 1 << i;
		s = t < end ? t + 1 : t;
		if (t < end && s == end)
			return -1;
	}
	return *tables == 0 ? -1 : 0;
}

/* Reads the settings of a header line into c. */
static int
header(struct loader *l, struct stconf *c)
{
	int f;

	if (l->ncol < 2 || strcmp(l->col[0], STATS_MAGIC) != 0)
		return bad(l, "not a partial of artstat: no %s line first",
		    STATS_MAGIC);
	if (strcmp(l->col[1], STATS_VERSION) != 0)
		return bad(l, "partial of version %.20s; this artstat reads "
		    "version %s", l->col[1], STATS_VERSION);
	if (ncols(l, 5) == -1)
		return -1;
	if (strncmp(l->col[2], "group=", 6) != 0 ||
	    strncmp(l->col[3], "tables=", 7) != 0 ||
	    strncmp(l->col[4], "stop=", 5) != 0)
		return bad(l, "header: expected group=, tables= and stop=");
	if (strcmp(l->col[2] + 6, "-") == 0)
		c->group = -1;
	else if ((f = field_byname(l->col[2] + 6, l->len[2] - 6)) == -1)
		return bad(l, "header: no field %.40s", l->col[2] + 6);
	else
		c->group = f;
	if (parsetables(l->col[3] + 7, l->len[3] - 7, &c->tables) == -1)
		return bad(l, "header: tables= lists none of terms, bigrams, "
		    "names, near, or one twice");
	if (hash_unhex(l->col[4] + 5, l->len[4] - 5, &c->stophash) == -1)
		return bad(l, "header: stop= wants 16 hex digits");
	if (c->group >= 0 && c->tables & ST_NEAR)
		return bad(l, "header: near-duplicates are not grouped");
	return 0;
}

static const char *
groupname(int g)
{
	return g < 0 ? "nothing" : field_name(g);
}

/* The tables as the header lists them, in s of at least 32 bytes. */
static const char *
tablelist(char *s, int tables)
{
	int i;

	strcpy(s, tables == 0 ? "-" : "");
	for (i = 0; i < 4; i++)
		if (tables & 1 << i) {
			if (*s != '\0')
				strcat(s, ",");
			strcat(s, tablename[i]);
		}
	return s;
}

/* Starts a partial: its settings must be those of the others. */
static int
begin(struct loader *l)
{
	struct stconf c, *s = &l->st->conf;
	char t1[32], t2[32];
	int i;

	if (header(l, &c) == -1)
		return -1;
	if (!l->st->hasconf) {
		*s = c;
		l->st->hasconf = 1;
	} else if (c.group != s->group)
		return bad(l, "partial grouped by %s, the first by %s",
		    groupname(c.group), groupname(s->group));
	else if (c.tables != s->tables)
		return bad(l, "partial with tables=%s, the first with "
		    "tables=%s", tablelist(t1, c.tables),
		    tablelist(t2, s->tables));
	else if (c.stophash != s->stophash &&
	    (c.tables & (ST_TERMS | ST_BIGRAMS | ST_NAMES)))
		return bad(l, "partial counted with other stop words than "
		    "the first");
	l->inpart = 1;
	l->lines = 0;
	l->nlg = 0;
	for (i = 0; i < NKIND; i++)
		l->last[i].set = 0;
	return 0;
}

static int
gline(struct loader *l)
{
	struct lgroup *lg;
	uint64_t v;
	size_t cap, n;
	long g;

	if (ncols(l, 3) == -1 || number(l, 1, &v) == -1)
		return -1;
	if (v != l->nlg)
		return bad(l, "G line %llu out of order; expected group %zu",
		    (unsigned long long)v, l->nlg);
	if (l->st->conf.group < 0 && (v != 0 || l->len[2] != 0))
		return bad(l, "G line: an ungrouped partial has one group, "
		    "0, with an empty key");
	if (inorder(l, K_G, 0, 0, &l->col[2], &l->len[2], 1) == -1)
		return -1;
	if (l->nlg == l->caplg) {
		cap = l->caplg == 0 ? 64 : l->caplg * 2;
		if ((lg = realloc(l->lg, cap * sizeof(*lg))) == NULL)
			return failed(l);
		l->lg = lg;
		l->caplg = cap;
	}
	n = tsv_unescape(l->col[2], l->len[2]);
	if ((g = stats_group(l->st, l->col[2], n)) == -1)
		return failed(l);
	lg = &l->lg[l->nlg++];
	memset(lg, 0, sizeof(*lg));
	lg->g = (uint32_t)g;
	return 0;
}

static int
sline(struct loader *l)
{
	struct stgroup s;
	struct lgroup *lg;
	uint64_t *v[] = { &s.articles, &s.words, &s.sentences,
	    &s.paragraphs, &s.quotes, &s.bytes, &s.undated };
	int i;

	if (ncols(l, 11) == -1 || group(l, &lg) == -1)
		return -1;
	if (lg->hass)
		return bad(l, "a second S line for group %s", l->col[1]);
	for (i = 0; i < 7; i++)
		if (number(l, i + 2, v[i]) == -1)
			return -1;
	if (s.articles == 0 || s.undated > s.articles)
		return bad(l, "S line: no articles, or more undated than all");
	if (day(l, 9, &s.first) == -1 || day(l, 10, &s.last) == -1)
		return -1;
	if ((s.first == STATS_NODAY) != (s.articles == s.undated) ||
	    (s.last == STATS_NODAY) != (s.articles == s.undated) ||
	    s.first > s.last)
		return bad(l, "S line: the first and last dates do not fit "
		    "the undated articles");
	if (s.first == STATS_NODAY) {
		s.first = INT32_MAX;
		s.last = INT32_MIN;
	}
	lg->hass = 1;
	lg->articles = s.articles;
	if (stats_addgroup(l->st, lg->g, &s) == -1)
		return failed(l);
	return 0;
}

static int
lline(struct loader *l)
{
	struct lgroup *lg;
	uint64_t words, count;

	if (ncols(l, 4) == -1 || group(l, &lg) == -1 ||
	    number(l, 2, &words) == -1 || positive(l, 3, &count) == -1 ||
	    inorder(l, K_L, (uint64_t)(lg - l->lg), words, NULL, NULL, 0) ==
	    -1)
		return -1;
	if (addu64(&lg->lens, count) == -1)
		return bad(l, "L line: the counts of group %s overflow",
		    l->col[1]);
	if (stats_addlen(l->st, lg->g, words, count) == -1)
		return failed(l);
	return 0;
}

static int
iline(struct loader *l)
{
	struct lgroup *lg;
	struct stid *d;
	uint64_t id, count, sim = 0;
	int32_t dd = STATS_NODAY;
	int near = (l->st->conf.tables & ST_NEAR) != 0;

	if (ncols(l, near ? 6 : 4) == -1 || group(l, &lg) == -1 ||
	    hex(l, 2, &id) == -1 || positive(l, 3, &count) == -1 ||
	    inorder(l, K_I, (uint64_t)(lg - l->lg), id, NULL, NULL, 0) == -1)
		return -1;
	if (near && (hex(l, 4, &sim) == -1 || day(l, 5, &dd) == -1))
		return -1;
	if (addu64(&lg->ids, count) == -1)
		return bad(l, "I line: the counts of group %s overflow",
		    l->col[1]);
	if ((d = stats_addid(l->st, lg->g, id, count)) == NULL)
		return failed(l);
	if (d->count == count) {
		d->simhash = sim;
		d->day = dd;
	} else if (near && (d->simhash != sim || d->day != dd))
		return bad(l, "I line: id %s has another simhash or date in "
		    "an earlier line", l->col[2]);
	return 0;
}

/* T, B and N lines: a group, one or two words or a name, two counts. */
static int
countline(struct loader *l, int table, int nwords)
{
	struct lgroup *lg;
	uint64_t count, df;
	size_t n[2];
	long w[2];
	int i, stop, c = 2 + nwords;
	char key[12];

	if (!(l->st->conf.tables & table))
		return bad(l, "%s line in a partial without that table",
		    l->col[0]);
	if (ncols(l, c + 2) == -1 || group(l, &lg) == -1 ||
	    positive(l, c, &count) == -1 || positive(l, c + 1, &df) == -1)
		return -1;
	if (df > count)
		return bad(l, "%s line: in more articles than it occurs",
		    l->col[0]);
	for (i = 0; i < nwords; i++) {
		n[i] = tsv_unescape(l->col[2 + i], l->len[2 + i]);
		if (n[i] == 0)
			return bad(l, "%s line: column %d is empty",
			    l->col[0], 3 + i);
	}
	if (inorder(l, table == ST_TERMS ? K_T : table == ST_BIGRAMS ? K_B :
	    K_N, (uint64_t)(lg - l->lg), 0, &l->col[2], n, nwords) == -1)
		return -1;
	if (table == ST_NAMES) {
		l->st->tmp.n = 0;
		if (buf_add(&l->st->tmp, &lg->g, 4) == -1 ||
		    buf_add(&l->st->tmp, l->col[2], n[0]) == -1 ||
		    stats_addcount(l->st, &l->st->names, l->st->tmp.p,
		    l->st->tmp.n, count, df) == -1)
			return failed(l);
		return 0;
	}
	for (i = 0; i < nwords; i++)
		if ((w[i] = stats_word(l->st, l->col[2 + i], n[i], &stop)) ==
		    -1)
			return failed(l);
	if (table == ST_TERMS) {
		if (stats_addterm(l->st, lg->g, (uint32_t)w[0], count, df) ==
		    -1)
			return failed(l);
		return 0;
	}
	twokey(key, lg->g, (uint32_t)w[0]);
	memcpy(key + 8, &(uint32_t){ (uint32_t)w[1] }, 4);
	if (stats_addcount(l->st, &l->st->bigrams, key, 12, count, df) == -1)
		return failed(l);
	return 0;
}

/* The end line: the lines and the sums of the partial must agree. */
static int
end(struct loader *l)
{
	struct lgroup *lg;
	uint64_t v;
	size_t i;

	if (ncols(l, 2) == -1 || number(l, 1, &v) == -1)
		return -1;
	if (v != l->lines)
		return bad(l, "end line counts %llu lines, the partial has "
		    "%llu", (unsigned long long)v,
		    (unsigned long long)l->lines);
	for (i = 0; i < l->nlg; i++) {
		lg = &l->lg[i];
		if (!lg->hass)
			return bad(l, "group %zu has no S line", i);
		if (lg->lens != lg->articles || lg->ids != lg->articles)
			return bad(l, "group %zu: its L and I lines count "
			    "other articles than its S line", i);
	}
	l->inpart = 0;
	return 0;
}

static int
dispatch(struct loader *l)
{
	const char *t = l->col[0];

	if (!l->inpart)
		return begin(l);
	if (strcmp(t, "end") == 0)
		return end(l);
	l->lines++;
	if (strcmp(t, "unread") == 0)
		return bad(l, "the partial lacks input that artstat -p could "
		    "not read");
	if (l->len[0] != 1)
		return bad(l, "unknown line type %.20s", t);
	switch (*t) {
	case 'G':
		return gline(l);
	case 'S':
		return sline(l);
	case 'L':
		return lline(l);
	case 'I':
		return iline(l);
	case 'T':
		return countline(l, ST_TERMS, 1);
	case 'B':
		return countline(l, ST_BIGRAMS, 2);
	case 'N':
		return countline(l, ST_NAMES, 1);
	default:
		return bad(l, "unknown line type %.20s", t);
	}
}

int
stats_load(struct stats *st, int fd, size_t max, struct sterr *e)
{
	struct loader l;
	struct plines r;
	char *p;
	size_t n;
	int i, ret;

	memset(&l, 0, sizeof(l));
	memset(&r, 0, sizeof(r));
	l.st = st;
	l.e = e;
	e->line = 0;
	e->msg[0] = '\0';
	r.fd = fd;
	r.max = max;
	out_widenpipe(fd);
	while ((ret = nextline(&l, &r, &p, &n)) == 1) {
		if (memchr(p, '\0', n) != NULL) {
			ret = bad(&l, "NUL byte in a partial");
			break;
		}
		split(&l, p, n);
		if ((ret = dispatch(&l)) == -1)
			break;
	}
	if (ret == 0 && l.inpart)
		ret = bad(&l, "the partial ends before its end line (cut "
		    "short?)");
	buf_free(&r.b);
	for (i = 0; i < NKIND; i++) {
		buf_free(&l.last[i].w[0]);
		buf_free(&l.last[i].w[1]);
	}
	free(l.lg);
	return ret == -1 ? -1 : 0;
}
