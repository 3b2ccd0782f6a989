/*
 * SimHash over word shingles.
 */
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "simhash.h"
#include "text.h"

void
simhash_init(struct simhash *s)
{
	memset(s, 0, sizeof(*s));
}

/* Votes with the hash of the shingle of the last k words. */
static void
vote(struct simhash *s, size_t k)
{
	unsigned char b[SIMHASH_K * 8];
	uint64_t h, x;
	size_t i, j;
	int bit;

	/* Bytes in a fixed order, so the hash is the same everywhere. */
	for (i = 0; i < k; i++) {
		x = s->last[(s->nwords - k + i) % SIMHASH_K];
		for (j = 0; j < 8; j++)
			b[i * 8 + j] = (unsigned char)(x >> (8 * j));
	}
	h = hash64(b, k * 8, 0);
	for (bit = 0; bit < 64; bit++)
		s->v[bit] += (h >> bit & 1) ? 1 : -1;
}

void
simhash_word(struct simhash *s, const char *p, size_t n)
{
	char f[SIMHASH_WORD];
	size_t fn;

	fn = text_fold(f, sizeof(f), p, n);
	s->last[s->nwords % SIMHASH_K] = hash64(f, fn, 0);
	s->nwords++;
	if (s->nwords >= SIMHASH_K)
		vote(s, SIMHASH_K);
}

uint64_t
simhash_final(struct simhash *s)
{
	uint64_t h = 0;
	int bit;

	if (s->nwords == 0)
		return 0;
	if (s->nwords < SIMHASH_K)
		vote(s, s->nwords);
	for (bit = 0; bit < 64; bit++)
		if (s->v[bit] > 0)
			h |= (uint64_t)1 << bit;
	return h;
}

uint64_t
simhash_text(const char *p, size_t n)
{
	struct simhash s;
	struct textscan ts;
	struct texttok t;

	simhash_init(&s);
	text_start(&ts, p, n);
	while (text_scan(&ts, &t) != TT_END)
		if (t.type == TT_WORD)
			simhash_word(&s, t.p, t.n);
	return simhash_final(&s);
}

int
simhash_distance(uint64_t a, uint64_t b)
{
	uint64_t x = a ^ b;
	int n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}
