/*
 * Printing the statistics: the summary, per group or not, the top lists
 * and the near-duplicate clusters.  Everything printed is computed from
 * integer counts and ordered by counts and key bytes alone, so that a
 * merged state prints the very bytes of a single run.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "field.h"
#include "hash.h"
#include "htab.h"
#include "stats.h"
#include "statsint.h"
#include "tsv.h"

/* Keys compare as bytes, a prefix first: the order of sort and join. */
/* Appends text as it is; memory running out is the writer's error. */
static void
wraw(struct writer *w, const char *p, size_t n)
{
	if (buf_add(&w->b, p, n) == -1)
		w->err = ENOMEM;
}

static int
keycmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c;

	if ((c = memcmp(a, b, na < nb ? na : nb)) != 0)
		return c;
	return na < nb ? -1 : na > nb;
}

struct gkey {
	const char	*key;
	size_t		 len;
	uint32_t	 g;
};

static int
cmpgkey(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;

	return keycmp(x->key, x->len, y->key, y->len);
}

/* The groups in the order of their keys; NULL when memory ran out. */
static struct gkey *
sortgroups(struct stats *st, size_t *np)
{
	struct gkey *k;
	const struct hent *e;
	size_t i, n = htab_count(&st->groups);

	if ((k = calloc(n + 1, sizeof(*k))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		e = htab_ent(&st->groups, i);
		k[i].key = e->key;
		k[i].len = e->len;
		k[i].g = (uint32_t)i;
	}
	qsort(k, n, sizeof(*k), cmpgkey);
	*np = n;
	return k;
}

/* Time groups: a key's number in its unit, to find the holes. */
enum tunit { T_NONE, T_DAY, T_MONTH, T_YEAR };

static enum tunit
tunit(int field)
{
	switch (field) {
	case FIELD_DATE:
		return T_DAY;
	case FIELD_MONTH:
		return T_MONTH;
	case FIELD_YEAR:
		return T_YEAR;
	default:
		return T_NONE;
	}
}

static size_t
tformat(enum tunit u, long v, char *s)
{
	int y, m, d;

	switch (u) {
	case T_DAY:
		date_civil(v, &y, &m, &d);
		return (size_t)snprintf(s, 16, "%04d-%02d-%02d", y, m, d);
	case T_MONTH:
		return (size_t)snprintf(s, 16, "%04ld-%02ld", v / 12,
		    v % 12 + 1);
	default:
		return (size_t)snprintf(s, 16, "%04ld", v);
	}
}

/* Reads a time key; 0 when it is one in its canonical form, else -1. */
static int
tparse(enum tunit u, const char *k, size_t n, long *v)
{
	char buf[16], s[16];
	int y, m, d;

	if (u == T_NONE || n < 4 || n > 10)
		return -1;
	memcpy(buf, k, n);
	buf[n] = '\0';
	if (u == T_DAY) {
		if (date_check(buf, n, &y, &m, &d) != DATE_OK)
			return -1;
		*v = date_days(y, m, d);
		return 0;
	}
	if (u == T_MONTH) {
		memcpy(buf + n, "-01", 4);
		if (n != 7 || date_check(buf, 10, &y, &m, &d) != DATE_OK)
			return -1;
		*v = (long)y * 12 + m - 1;
	} else {
		memcpy(buf + n, "-01-01", 7);
		if (n != 4 || date_check(buf, 10, &y, &m, &d) != DATE_OK)
			return -1;
		*v = y;
	}
	return tformat(u, *v, s) == n && memcmp(s, k, n) == 0 ? 0 : -1;
}

/*
 * Walks the groups in key order, and with a time unit also the empty
 * periods between the first and the last, calling fn for each: g is
 * the group, or -1 for an empty period whose key is in key/len.
 */
typedef void groupfn(struct stats *, struct writer *, long g,
    const char *key, size_t len, void *arg);

static int
walkgroups(struct stats *st, struct writer *w, enum tunit u, groupfn *fn,
    void *arg)
{
	struct gkey *k;
	char s[16];
	size_t i, n, sn;
	long v, lo = 0, hi = -1, cur;

	if ((k = sortgroups(st, &n)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (st->g[k[i].g].articles > 0 &&
		    tparse(u, k[i].key, k[i].len, &v) == 0) {
			if (hi < lo)
				lo = hi = v;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
	cur = lo;
	for (i = 0; i <= n && w->err == 0; i++) {
		while (cur <= hi && (sn = tformat(u, cur, s)) > 0 &&
		    (i == n || keycmp(s, sn, k[i].key, k[i].len) < 0)) {
			fn(st, w, -1, s, sn, arg);
			cur++;
		}
		if (i == n)
			break;
		if (cur <= hi && tparse(u, k[i].key, k[i].len, &v) == 0 &&
		    v == cur)
			cur++;
		fn(st, w, k[i].g, k[i].key, k[i].len, arg);
	}
	free(k);
	return 0;
}

/* What the summary needs besides the group sums. */
struct lenrow {
	uint32_t	 g;
	uint64_t	 words;
	uint64_t	 count;
};

struct sumctx {
	uint64_t	*distinct;	/* ids per group */
	struct lenrow	*lens;		/* by group, then words */
	size_t		*lstart;	/* a group's first row in lens */
	size_t		 nlens;
	int		 grouped;
};

static int
cmplen(const void *a, const void *b)
{
	const struct lenrow *x = a, *y = b;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return x->words < y->words ? -1 : x->words > y->words;
}

static int
sumprepare(struct stats *st, struct sumctx *c)
{
	const struct hent *e;
	size_t i, ng = htab_count(&st->groups);

	c->nlens = htab_count(&st->lens);
	c->distinct = calloc(ng + 1, sizeof(*c->distinct));
	c->lstart = calloc(ng + 2, sizeof(*c->lstart));
	c->lens = calloc(c->nlens + 1, sizeof(*c->lens));
	if (c->distinct == NULL || c->lstart == NULL || c->lens == NULL)
		return -1;
	for (i = 0; st->ids.mask != 0 && i <= st->ids.mask; i++)
		if (st->ids.slot[i].count > 0 && st->ids.slot[i].g < ng)
			c->distinct[st->ids.slot[i].g]++;
	for (i = 0; i < c->nlens; i++) {
		e = htab_ent(&st->lens, i);
		memcpy(&c->lens[i].g, e->key, 4);
		memcpy(&c->lens[i].words, e->key + 4, 8);
		c->lens[i].count = e->val[0];
	}
	qsort(c->lens, c->nlens, sizeof(*c->lens), cmplen);
	for (i = c->nlens; i-- > 0;)
		if (c->lens[i].g < ng)
			c->lstart[c->lens[i].g] = i;
	return 0;
}

/* The words of the article at 1-based position pos in length order. */
static uint64_t
lenat(const struct sumctx *c, uint32_t g, uint64_t pos)
{
	size_t i;
	uint64_t seen = 0, last = 0;

	for (i = c->lstart[g]; i < c->nlens && c->lens[i].g == g; i++) {
		last = c->lens[i].words;
		if (c->lens[i].count >= pos - seen)
			break;
		seen += c->lens[i].count;
	}
	return last;
}

/* The median: the middle length, or the mean of the two middle ones. */
static void
median(const struct sumctx *c, uint32_t g, uint64_t n, char *s, size_t size)
{
	uint64_t a, b, half, rem;

	if (n == 0) {
		snprintf(s, size, "0");
		return;
	}
	a = lenat(c, g, (n + 1) / 2);
	b = lenat(c, g, n / 2 + 1);
	rem = a % 2 + b % 2;
	half = a / 2 + b / 2 + rem / 2;
	snprintf(s, size, rem % 2 ? "%llu.5" : "%llu",
	    (unsigned long long)half);
}

/* The mean to two decimals, rounded half up, in integers alone. */
static void
mean(uint64_t sum, uint64_t n, char *s, size_t size)
{
	uint64_t whole, rem, hund;

	if (n == 0) {
		snprintf(s, size, "0.00");
		return;
	}
	whole = sum / n;
	rem = sum % n;
	/* Only absurd counts need this; it keeps rem * 200 in range. */
	while (n > UINT64_MAX / 200) {
		n >>= 1;
		rem >>= 1;
	}
	hund = (rem * 200 + n) / (2 * n);
	if (hund == 100) {
		whole++;
		hund = 0;
	}
	snprintf(s, size, "%llu.%02llu", (unsigned long long)whole,
	    (unsigned long long)hund);
}

static const char *const sumnames[] = { "articles", "words", "sentences",
    "paragraphs", "quotes", "bytes", "first", "last", "undated",
    "duplicates", "words_mean", "words_median" };
#define NSUM	(sizeof(sumnames) / sizeof(sumnames[0]))

/* The summary figures of a group (g -1: none) as text. */
static void
figures(struct stats *st, const struct sumctx *c, long g,
    char v[NSUM][32])
{
	static const struct stgroup z;
	const struct stgroup *s = g < 0 ? &z : &st->g[g];
	uint64_t n[] = { s->articles, s->words, s->sentences, s->paragraphs,
	    s->quotes, s->bytes };
	int dated, y, m, d;
	size_t i;

	for (i = 0; i < 6; i++)
		snprintf(v[i], 32, "%llu", (unsigned long long)n[i]);
	dated = s->articles > s->undated;
	v[6][0] = v[7][0] = '\0';
	if (dated) {
		date_civil(s->first, &y, &m, &d);
		snprintf(v[6], 32, "%04d-%02d-%02d", y, m, d);
		date_civil(s->last, &y, &m, &d);
		snprintf(v[7], 32, "%04d-%02d-%02d", y, m, d);
	}
	snprintf(v[8], 32, "%llu", (unsigned long long)s->undated);
	snprintf(v[9], 32, "%llu", (unsigned long long)(g < 0 ? 0 :
	    s->articles - (c->distinct[g] < s->articles ? c->distinct[g] :
	    s->articles)));
	mean(s->words, s->articles, v[10], 32);
	median(c, g < 0 ? 0 : (uint32_t)g, g < 0 ? 0 : s->articles, v[11],
	    32);
}

static void
sumgroup(struct stats *st, struct writer *w, long g, const char *key,
    size_t len, void *arg)
{
	struct sumctx *c = arg;
	char v[NSUM][32];
	size_t i;

	figures(st, c, g, v);
	if (!c->grouped) {
		for (i = 0; i < NSUM; i++) {
			wraw(w, sumnames[i], strlen(sumnames[i]));
			ws(w, v[i], strlen(v[i]), 0);
			wend(w, 1);
		}
		return;
	}
	wraw(w, key, len);
	for (i = 0; i < NSUM; i++)
		ws(w, v[i], strlen(v[i]), 0);
	wend(w, 1);
}

static int
summary(struct stats *st, struct writer *w, int header)
{
	struct sumctx c;
	size_t i;
	int r = -1;

	memset(&c, 0, sizeof(c));
	c.grouped = st->conf.group >= 0;
	if (sumprepare(st, &c) == -1)
		goto out;
	if (header && !c.grouped)
		wraw(w, "name\tvalue\n", 11);
	else if (header) {
		wraw(w, field_name(st->conf.group),
		    strlen(field_name(st->conf.group)));
		for (i = 0; i < NSUM; i++)
			ws(w, sumnames[i], strlen(sumnames[i]), 0);
		wend(w, 0);
	}
	if (!c.grouped && htab_count(&st->groups) == 0)
		sumgroup(st, w, -1, "", 0, &c);
	else if (walkgroups(st, w, tunit(st->conf.group), sumgroup, &c) == -1)
		goto out;
	r = 0;
out:
	free(c.distinct);
	free(c.lstart);
	free(c.lens);
	return r;
}

/* A top list is kept per group in a heap whose root is its worst row. */
struct row {
	uint64_t	 count;
	uint64_t	 df;
	const char	*a;		/* the term, name or first word */
	const char	*b;		/* the second word of a bigram */
	uint32_t	 na;
	uint32_t	 nb;
};

struct heap {
	struct row	*r;
	size_t		 n;
	size_t		 cap;
};

struct topctx {
	struct heap	*h;		/* per group */
	size_t		 limit;		/* 0: no limit */
	int		 grouped;
};

/* More often first; among equals, the key bytes decide. */
static int
better(const struct row *x, const struct row *y)
{
	int c;

	if (x->count != y->count)
		return x->count > y->count;
	if ((c = keycmp(x->a, x->na, y->a, y->na)) != 0)
		return c < 0;
	return keycmp(x->b, x->nb, y->b, y->nb) < 0;
}

static int
cmprow(const void *a, const void *b)
{
	return better(a, b) ? -1 : better(b, a);
}

static void
siftdown(struct heap *h, size_t i)
{
	struct row t;
	size_t c;

	for (; (c = 2 * i + 1) < h->n; i = c) {
		if (c + 1 < h->n && better(&h->r[c], &h->r[c + 1]))
			c++;
		if (!better(&h->r[i], &h->r[c]))
			break;
		t = h->r[i];
		h->r[i] = h->r[c];
		h->r[c] = t;
	}
}

static int
offer(struct heap *h, const struct row *r, size_t limit)
{
	struct row *nr, t;
	size_t i, cap;

	if (limit != 0 && h->n == limit) {
		if (better(r, &h->r[0])) {
			h->r[0] = *r;
			siftdown(h, 0);
		}
		return 0;
	}
	if (h->n == h->cap) {
		cap = h->cap == 0 ? 16 : h->cap * 2;
		if (cap > SIZE_MAX / sizeof(*nr) ||
		    (nr = realloc(h->r, cap * sizeof(*nr))) == NULL) {
			errno = ENOMEM;
			return -1;
		}
		h->r = nr;
		h->cap = cap;
	}
	h->r[h->n] = *r;
	for (i = h->n++; i > 0 && better(&h->r[(i - 1) / 2], &h->r[i]);
	    i = (i - 1) / 2) {
		t = h->r[i];
		h->r[i] = h->r[(i - 1) / 2];
		h->r[(i - 1) / 2] = t;
	}
	return 0;
}

static void
wordof(struct stats *st, uint32_t w, const char **p, uint32_t *n)
{
	const struct hent *e = htab_ent(&st->voc, w);

	*p = e->key;
	*n = e->len;
}

/* Offers every entry of a table to the heap of its group. */
static int
gather(struct stats *st, struct topctx *c, enum streport rep)
{
	const struct htab *t = rep == REP_BIGRAMS ? &st->bigrams :
	    rep == REP_NAMES ? &st->names : st->conf.group < 0 ? &st->voc :
	    &st->terms;
	const struct hent *e;
	struct row r;
	uint32_t k[3];
	size_t i;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < htab_count(t); i++) {
		e = htab_ent(t, i);
		if (e->val[V_COUNT] == 0)
			continue;
		r.count = e->val[V_COUNT];
		r.df = e->val[V_DF];
		k[0] = 0;
		if (t == &st->voc) {
			r.a = e->key;
			r.na = e->len;
		} else if (rep == REP_NAMES) {
			memcpy(k, e->key, 4);
			r.a = e->key + 4;
			r.na = e->len - 4;
		} else {
			memcpy(k, e->key, e->len);
			wordof(st, k[1], &r.a, &r.na);
			if (rep == REP_BIGRAMS)
				wordof(st, k[2], &r.b, &r.nb);
		}
		if (offer(&c->h[k[0]], &r, c->limit) == -1)
			return -1;
	}
	return 0;
}

static void
topgroup(struct stats *st, struct writer *w, long g, const char *key,
    size_t len, void *arg)
{
	struct topctx *c = arg;
	struct heap *h = &c->h[g];
	const struct row *r;
	size_t i;

	(void)st;
	if (h->n == 0)
		return;
	qsort(h->r, h->n, sizeof(*h->r), cmprow);
	for (i = 0; i < h->n; i++) {
		r = &h->r[i];
		if ((c->grouped && (buf_add(&w->b, key, len) == -1 ||
		    buf_addc(&w->b, '\t') == -1)) ||
		    tsv_escape(&w->b, r->a, r->na) == -1 ||
		    (r->b != NULL && (buf_addc(&w->b, ' ') == -1 ||
		    tsv_escape(&w->b, r->b, r->nb) == -1)))
			w->err = ENOMEM;
		wu(w, r->count);
		wu(w, r->df);
		wend(w, 1);
	}
}

static const char *const topnames[] = { "", "term", "bigram", "name" };

static int
top(struct stats *st, struct writer *w, const struct stout *o)
{
	struct topctx c;
	size_t i, ng = htab_count(&st->groups);
	int r = -1;

	memset(&c, 0, sizeof(c));
	c.limit = o->n;
	c.grouped = st->conf.group >= 0;
	if ((c.h = calloc(ng + 1, sizeof(*c.h))) == NULL)
		return -1;
	if (gather(st, &c, o->report) == -1)
		goto out;
	if (o->header) {
		if (c.grouped) {
			wraw(w, field_name(st->conf.group),
			    strlen(field_name(st->conf.group)));
			wraw(w, "\t", 1);
		}
		wraw(w, topnames[o->report], strlen(topnames[o->report]));
		wraw(w, "\tcount\tarticles", 15);
		wend(w, 0);
	}
	if (walkgroups(st, w, T_NONE, topgroup, &c) == -1)
		goto out;
	r = 0;
out:
	for (i = 0; i < ng; i++)
		free(c.h[i].r);
	free(c.h);
	return r;
}

/* Near-duplicates: the ids, earliest first, undated last. */
struct nrow {
	uint64_t	 id;
	uint64_t	 sim;
	uint64_t	 count;
	int32_t		 day;
};

static int
cmpnrow(const void *a, const void *b)
{
	const struct nrow *x = a, *y = b;

	if (x->day != y->day) {
		if (x->day == STATS_NODAY || y->day == STATS_NODAY)
			return x->day == STATS_NODAY ? 1 : -1;
		return x->day < y->day ? -1 : 1;
	}
	return x->id < y->id ? -1 : x->id > y->id;
}

struct member {
	uint64_t	 lead;		/* the id of the cluster's first */
	size_t		 i;
};

static int
cmpmember(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	if (x->lead != y->lead)
		return x->lead < y->lead ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static struct nrow *
nearrows(struct stats *st, size_t *np)
{
	struct nrow *r;
	const struct stid *d;
	size_t i, n = 0;

	if ((r = calloc(st->ids.n + 1, sizeof(*r))) == NULL)
		return NULL;
	for (i = 0; st->ids.mask != 0 && i <= st->ids.mask; i++) {
		d = &st->ids.slot[i];
		if (d->count == 0)
			continue;
		r[n].id = d->id;
		r[n].sim = d->simhash;
		r[n].count = d->count;
		r[n++].day = d->day;
	}
	qsort(r, n, sizeof(*r), cmpnrow);
	*np = n;
	return r;
}

static void
nearline(struct writer *w, const struct nrow *lead, uint64_t size,
    const struct nrow *m)
{
	char s[17];
	uint64_t x = lead->sim ^ m->sim;
	int bits;

	for (bits = 0; x != 0; bits++)
		x &= x - 1;
	hash_hex(s, lead->id);
	wraw(w, s, 16);
	wu(w, size);
	wday(w, lead->day, lead->day != STATS_NODAY);
	whex(w, m->id);
	wday(w, m->day, m->day != STATS_NODAY);
	wu(w, m->count);
	wu(w, (uint64_t)bits);
	wend(w, 1);
}

static int
near(struct stats *st, struct writer *w, const struct stout *o)
{
	struct nrow *r;
	struct member *m = NULL;
	uint64_t *h = NULL, *size = NULL;
	size_t *cl = NULL, i, n, nm = 0;
	int ret = -1;

	if ((r = nearrows(st, &n)) == NULL)
		return -1;
	h = calloc(n + 1, sizeof(*h));
	size = calloc(n + 1, sizeof(*size));
	cl = calloc(n + 1, sizeof(*cl));
	m = calloc(n + 1, sizeof(*m));
	if (h == NULL || size == NULL || cl == NULL || m == NULL)
		goto out;
	for (i = 0; i < n; i++)
		h[i] = r[i].sim;
	if (near_cluster(h, n, o->bits, cl) == -1)
		goto out;
	for (i = 0; i < n; i++)
		size[cl[i]] += r[i].count;
	for (i = 0; i < n; i++)
		if (size[cl[i]] > 1) {
			m[nm].lead = r[cl[i]].id;
			m[nm++].i = i;
		}
	qsort(m, nm, sizeof(*m), cmpmember);
	if (o->header)
		wraw(w, "cluster\tsize\tfirst\tid\tdate\tcopies\tbits\n", 39);
	for (i = 0; i < nm && w->err == 0; i++)
		nearline(w, &r[cl[m[i].i]], size[cl[m[i].i]], &r[m[i].i]);
	ret = 0;
out:
	free(r);
	free(h);
	free(size);
	free(cl);
	free(m);
	return ret;
}

int
stats_print(struct stats *st, FILE *fp, const struct stout *o)
{
	struct writer w;
	int r;

	stats_settle(st);
	memset(&w, 0, sizeof(w));
	w.fp = fp;
	switch (o->report) {
	case REP_SUMMARY:
		r = summary(st, &w, o->header);
		break;
	case REP_NEAR:
		r = near(st, &w, o);
		break;
	default:
		r = top(st, &w, o);
		break;
	}
	if (r == -1 && w.err == 0)
		w.err = errno;
	wflush(&w);
	buf_free(&w.b);
	if (w.err != 0) {
		errno = w.err;
		return -1;
	}
	return 0;
}
