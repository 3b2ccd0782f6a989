/*
 * SimHash over the distinct words of a text.
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

/* Remembers a word's hash; tells whether it was seen before: 1 or 0. */
static int
seen(struct simhash *s, uint64_t h)
{
	size_t i = (size_t)(h % SIMHASH_SLOTS);

	while (s->seen[i] != 0) {
		if (s->seen[i] == h)
			return 1;
		i = (i + 1) % SIMHASH_SLOTS;
	}
	if (s->nused == SIMHASH_MAXSEEN)
		return 0;
	s->seen[i] = h;
	s->used[s->nused++] = (uint16_t)i;
	return 0;
}

void
simhash_word(struct simhash *s, const char *p, size_t n)
{
	char f[SIMHASH_WORD];
	uint64_t h;
	int bit;

	h = hash64(f, text_fold(f, sizeof(f), p, n), 0);
	if (h == 0)
		h = 1;	/* 0 marks a free slot */
	if (seen(s, h))
		return;
	for (bit = 0; bit < 64; bit++)
		s->v[bit] += (h >> bit & 1) ? 1 : -1;
}

uint64_t
simhash_final(struct simhash *s)
{
	uint64_t h = 0;
	size_t i;
	int bit;

	for (bit = 0; bit < 64; bit++) {
		if (s->v[bit] > 0)
			h |= (uint64_t)1 << bit;
		s->v[bit] = 0;
	}
	for (i = 0; i < s->nused; i++)
		s->seen[s->used[i]] = 0;
	s->nused = 0;
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
