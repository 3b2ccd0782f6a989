/*
 * Near-duplicate clusters over 64-bit fingerprints.
 *
 * Two fingerprints within k bits of each other agree exactly on at least
 * one of any k + 1 disjoint blocks of their bits (pigeonhole).  So for
 * each block the fingerprints are sorted with that block first, and only
 * those that share the block's value are compared.  The fingerprints
 * within k bits are joined with union-find, each set keeping its smallest
 * index as its root, so the result depends on the order given and on
 * nothing else.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "statsint.h"

struct rot {
	uint64_t	 key;	/* the fingerprint rotated, its block on top */
	size_t		 i;
};

static int
cmprot(const void *a, const void *b)
{
	const struct rot *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
popcount64(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_popcountll(x);
#else
	int n;

	for (n = 0; x != 0; n++)
		x &= x - 1;
	return n;
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

static uint64_t
rotl(uint64_t x, unsigned r)
{
	return r == 0 ? x : (x << r) | (x >> (64 - r));
}

/*
 * Compares the fingerprints of a run that agree on a block.  Equal ones
 * are next to each other and joined at once; the distinct ones are
 * compared pairwise.
 */
static void
run(const struct rot *r, size_t n, const uint64_t *h, int bits, size_t *up)
{
	size_t a, b;

	for (a = 0; a < n; a++) {
		if (a > 0 && r[a].key == r[a - 1].key) {
			join(up, r[a - 1].i, r[a].i);
			continue;
		}
		for (b = a + 1; b < n; b++) {
			if (r[b].key == r[b - 1].key)
				continue;
			if (popcount64(h[r[a].i] ^ h[r[b].i]) <= bits)
				join(up, r[a].i, r[b].i);
		}
	}
}

int
near_cluster(const uint64_t *h, size_t n, int bits, size_t *cl)
{
	struct rot *r;
	size_t i, j, k;
	unsigned blk, nblk, lo, width;

	if (bits < 0 || bits > 63) {
		errno = EINVAL;
		return -1;
	}
	for (i = 0; i < n; i++)
		cl[i] = i;
	if (n < 2)
		return 0;
	if (n > SIZE_MAX / sizeof(*r) || (r = malloc(n * sizeof(*r))) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	nblk = (unsigned)bits + 1;
	for (blk = 0, lo = 0; blk < nblk; blk++, lo += width) {
		width = 64 / nblk + (blk < 64 % nblk);
		/* Bits lo .. lo + width - 1 (from the top) move to the top. */
		for (i = 0; i < n; i++) {
			r[i].key = rotl(h[i], lo);
			r[i].i = i;
		}
		qsort(r, n, sizeof(*r), cmprot);
		for (i = 0; i < n; i = j) {
			k = 64 - width;
			for (j = i + 1; j < n &&
			    r[j].key >> k == r[i].key >> k; j++)
				;
			if (j - i > 1)
				run(r + i, j - i, h, bits, cl);
		}
	}
	for (i = 0; i < n; i++)
		cl[i] = find(cl, i);
	free(r);
	return 0;
}
