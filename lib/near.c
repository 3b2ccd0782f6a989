/*
 * Near-duplicate clusters over 64-bit fingerprints.
 *
 * Equal fingerprints are joined first, and only the distinct ones are
 * compared.  Two fingerprints within k bits differ in at most k of any b
 * disjoint blocks of their bits, so they agree on the other b - k blocks
 * (the pigeonhole index of Manku, Jain and Das Sarma, 2007).  So for each
 * choice of b - k blocks out of b, a table, the fingerprints are put into
 * buckets by the bits of those blocks, and only the fingerprints that
 * share a bucket are compared: every pair within k bits shares one in
 * some table, which makes the clusters exact.  More blocks make the keys
 * longer and the buckets smaller, but the tables more; b is chosen for
 * the least work expected from the bits of the fingerprints at hand.
 * The tables grow with k as b choose k does: one reason why k is at most
 * STATS_MAXBITS (artstat(1) gives the other).
 *
 * The fingerprints within k bits are joined with union-find, each set
 * keeping its smallest index as its root, so the result depends on the
 * order given and on nothing else.
 */
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "statsint.h"

#define MAXBLOCKS	64	/* of one bit at least */
#define MAXTABLES	8192
/*
 * A table's work for a fingerprint, its passes of the counting sort and
 * over the buckets, in comparisons of two: from some 4 to 16 as the
 * buckets outgrow the caches.
 */
#define BUILDCOST	8.0

/* The distinct fingerprints, and the first index of each. */
struct distinct {
	uint64_t	 h;
	size_t		 i;
};

/* What the tables of one run share. */
struct index {
	const struct distinct *d;
	uint32_t	 m;		/* distinct fingerprints */
	int		 bits;
	size_t		*up;		/* the union-find, cl */
	unsigned	 shift;		/* 64 - log2 of the buckets */
	uint32_t	*count;		/* a bucket's first place, then its end */
	uint64_t	*bh;		/* the fingerprints, bucket by bucket */
	uint32_t	*bi;		/* and their places in d */
};

static int
cmpdistinct(const void *a, const void *b)
{
	const struct distinct *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Whether two fingerprints differ in at most bits bits. */
static inline int
near(uint64_t x, uint64_t y, int bits)
{
	x ^= y;
#if defined(__GNUC__) && defined(__POPCNT__)
	return __builtin_popcountll(x) <= bits;
#else
	x -= x >> 1 & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + (x >> 2 & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (int)((x * 0x0101010101010101ULL) >> 56) <= bits;
#endif
}

static size_t
find(size_t *up, size_t i)
{
	while (up[i] != i) {
		up[i] = up[up[i]];
		i = up[i];
	}
	return i;
}

static void
join(size_t *up, size_t i, size_t j)
{
	i = find(up, i);
	j = find(up, j);
	if (i < j)
		up[j] = i;
	else if (j < i)
		up[i] = j;
}

/* The bits of block j of b, from the top: the wider blocks first. */
static uint64_t
blockmask(unsigned j, unsigned b)
{
	unsigned lo, w;

	w = 64 / b + (j < 64 % b);
	lo = j * (64 / b) + (j < 64 % b ? j : 64 % b);
	return (w == 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1)) <<
	    (64 - lo - w);
}

/* The tables of b blocks: b choose k, or 0 when more than MAXTABLES. */
static double
tables(unsigned b, unsigned k)
{
	double t = 1;
	unsigned j;

	for (j = 1; j <= k; j++)
		t = t * (b - k + j) / j;
	return t > MAXTABLES ? 0 : t;
}

/*
 * The first choice of t blocks, or the next after c[]; 0 after the
 * last.
 */
static int
nextchoice(unsigned *c, unsigned t, unsigned b, int first)
{
	unsigned j;

	if (first) {
		for (j = 0; j < t; j++)
			c[j] = j;
		return 1;
	}
	for (j = t; j-- > 0;)
		if (c[j] < b - t + j) {
			for (c[j]++; ++j < t;)
				c[j] = c[j - 1] + 1;
			return 1;
		}
	return 0;
}

/*
 * The work that b blocks are expected to take: the tables, and in each
 * the pairs that share a bucket, which they do when they agree on the
 * blocks (each bit alike with chance q[bit], independently) or their
 * keys fall into one bucket all the same.
 */
static double
cost(const double *q, size_t m, unsigned buckets, unsigned b, unsigned k)
{
	double pq[MAXBLOCKS], pairs = 0, alike, nt;
	unsigned c[MAXBLOCKS], j, bit, t = b - k;
	uint64_t mask;
	int more;

	if ((nt = tables(b, k)) == 0)
		return DBL_MAX;
	for (j = 0; j < b; j++) {
		mask = blockmask(j, b);
		for (pq[j] = 1, bit = 0; bit < 64; bit++)
			if (mask >> bit & 1)
				pq[j] *= q[bit];
	}
	for (more = nextchoice(c, t, b, 1); more;
	    more = nextchoice(c, t, b, 0)) {
		for (alike = 1, j = 0; j < t; j++)
			alike *= pq[c[j]];
		pairs += alike + 1.0 / buckets;
	}
	return nt * BUILDCOST * (double)m + pairs * (double)m * (double)m / 2;
}

/* The number of blocks that is expected to take the least work. */
static unsigned
blocks(const struct distinct *d, size_t m, unsigned buckets, unsigned k)
{
	double q[64], p, c, best = DBL_MAX;
	size_t ones[64] = { 0 }, i;
	unsigned b, bit, choice = k + 1;

	for (i = 0; i < m; i++)
		for (bit = 0; bit < 64; bit++)
			ones[bit] += d[i].h >> bit & 1;
	/* The chance that two fingerprints have a bit alike. */
	for (bit = 0; bit < 64; bit++) {
		p = (double)ones[bit] / (double)m;
		q[bit] = p * p + (1 - p) * (1 - p);
	}
	for (b = k + 1; b <= MAXBLOCKS && tables(b, k) != 0; b++)
		if ((c = cost(q, m, buckets, b, k)) < best) {
			best = c;
			choice = b;
		}
	return choice;
}

/* Compares the fingerprints of a bucket, pair by pair. */
static void
bucket(struct index *x, size_t at, size_t end)
{
	size_t a, b;
	uint64_t h;

	for (a = at; a + 1 < end; a++) {
		h = x->bh[a];
		for (b = a + 1; b < end; b++)
			if (near(h, x->bh[b], x->bits))
				join(x->up, x->d[x->bi[a]].i, x->d[x->bi[b]].i);
	}
}

/* The bucket of a fingerprint, by its bits under mask. */
static inline size_t
slot(const struct index *x, uint64_t h, uint64_t mask)
{
	return (size_t)(((h & mask) * 0x9E3779B97F4A7C15ULL) >> x->shift);
}

/*
 * One table: the fingerprints into buckets by their bits under mask (a
 * counting sort), and each bucket compared.
 */
static void
table(struct index *x, uint64_t mask)
{
	size_t i, j, nb = (size_t)1 << (64 - x->shift), at, end;

	for (i = 0; i <= nb; i++)
		x->count[i] = 0;
	for (i = 0; i < x->m; i++)
		x->count[slot(x, x->d[i].h, mask) + 1]++;
	for (i = 1; i <= nb; i++)
		x->count[i] += x->count[i - 1];
	for (i = 0; i < x->m; i++) {
		j = x->count[slot(x, x->d[i].h, mask)]++;
		x->bh[j] = x->d[i].h;
		x->bi[j] = (uint32_t)i;
	}
	/* Each count is now its bucket's end, the one before its start. */
	for (i = 0, at = 0; i < nb; i++, at = end)
		if ((end = x->count[i]) - at > 1)
			bucket(x, at, end);
}

/* Every table of the fingerprints. */
static void
alltables(struct index *x)
{
	unsigned c[MAXBLOCKS], b, j, t;
	uint64_t mask;
	int more;

	b = blocks(x->d, x->m, (unsigned)1 << (64 - x->shift), x->bits);
	t = b - (unsigned)x->bits;
	for (more = nextchoice(c, t, b, 1); more;
	    more = nextchoice(c, t, b, 0)) {
		for (mask = 0, j = 0; j < t; j++)
			mask |= blockmask(c[j], b);
		table(x, mask);
	}
}

/* The distinct fingerprints, each joined by the others equal to it. */
static struct distinct *
distinct(const uint64_t *h, size_t n, size_t *up, size_t *mp)
{
	struct distinct *d;
	size_t i, m;

	if (n > SIZE_MAX / sizeof(*d) || (d = malloc(n * sizeof(*d))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		d[i].h = h[i];
		d[i].i = i;
	}
	qsort(d, n, sizeof(*d), cmpdistinct);
	for (i = 1, m = 1; i < n; i++) {
		if (d[i].h == d[m - 1].h)
			join(up, d[m - 1].i, d[i].i);
		else
			d[m++] = d[i];
	}
	*mp = m;
	return d;
}

int
near_cluster(const uint64_t *h, size_t n, int bits, size_t *cl)
{
	struct index x;
	struct distinct *d;
	size_t i, m;
	unsigned lg;
	int r = -1;

	if (bits < 0 || bits > STATS_MAXBITS) {
		errno = EINVAL;
		return -1;
	}
	for (i = 0; i < n; i++)
		cl[i] = i;
	if (n < 2)
		return 0;
	if (n > UINT32_MAX || (d = distinct(h, n, cl, &m)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	/* About a bucket a fingerprint. */
	for (lg = 4; lg < 24 && ((size_t)1 << lg) < m; lg++)
		;
	x.d = d;
	x.m = (uint32_t)m;
	x.bits = bits;
	x.up = cl;
	x.shift = 64 - lg;
	x.count = malloc((((size_t)1 << lg) + 1) * sizeof(*x.count));
	x.bh = malloc(m * sizeof(*x.bh));
	x.bi = malloc(m * sizeof(*x.bi));
	if (x.count == NULL || x.bh == NULL || x.bi == NULL)
		errno = ENOMEM;
	else {
		if (bits > 0 && m > 1)
			alltables(&x);
		for (i = 0; i < n; i++)
			cl[i] = find(cl, i);
		r = 0;
	}
	free(x.count);
	free(x.bh);
	free(x.bi);
	free(d);
	return r;
}
