/*
 * XXH64, written from the published description of the algorithm.  It
 * hashes several gigabytes a second in plain C, which keeps the id off the
 * profile of artsplit.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"

#define P1	0x9E3779B185EBCA87ULL
#define P2	0xC2B2AE3D27D4EB4FULL
#define P3	0x165667B19E3779F9ULL
#define P4	0x85EBCA77C2B2AE63ULL
#define P5	0x27D4EB2F165667C5ULL

static inline uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian loads; compilers turn these into single moves. */
static inline uint64_t
rd64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

static inline uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static inline uint64_t
round64(uint64_t acc, uint64_t in)
{
	acc += in * P2;
	acc = rotl(acc, 31);
	return acc * P1;
}

static inline uint64_t
merge64(uint64_t acc, uint64_t v)
{
	acc ^= round64(0, v);
	return acc * P1 + P4;
}

/* Mixes the bytes left after the 32-byte stripes into h. */
static uint64_t
tail(uint64_t h, const unsigned char *p, const unsigned char *end)
{
	for (; end - p >= 8; p += 8) {
		h ^= round64(0, rd64(p));
		h = rotl(h, 27) * P1 + P4;
	}
	if (end - p >= 4) {
		h ^= (uint64_t)rd32(p) * P1;
		h = rotl(h, 23) * P2 + P3;
		p += 4;
	}
	for (; p < end; p++) {
		h ^= *p * P5;
		h = rotl(h, 11) * P1;
	}
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

static uint64_t
converge(const uint64_t v[4])
{
	uint64_t h;
	int i;

	h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
	for (i = 0; i < 4; i++)
		h = merge64(h, v[i]);
	return h;
}

/* Runs the stripes of p over v; returns the bytes used, a multiple of 32. */
static size_t
stripes(uint64_t v[4], const unsigned char *p, size_t n)
{
	const unsigned char *start = p, *end = p + n;

	while (end - p >= 32) {
		v[0] = round64(v[0], rd64(p));
		v[1] = round64(v[1], rd64(p + 8));
		v[2] = round64(v[2], rd64(p + 16));
		v[3] = round64(v[3], rd64(p + 24));
		p += 32;
	}
	return (size_t)(p - start);
}

void
hash64_init(struct hash64 *s, uint64_t seed)
{
	s->v[0] = seed + P1 + P2;
	s->v[1] = seed + P2;
	s->v[2] = seed;
	s->v[3] = seed - P1;
	s->seed = seed;
	s->total = 0;
	s->memn = 0;
}

void
hash64_update(struct hash64 *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t k;

	s->total += n;
	if (s->memn > 0) {
		k = 32 - s->memn < n ? 32 - s->memn : n;
		memcpy(s->mem + s->memn, p, k);
		s->memn += k;
		p += k;
		n -= k;
		if (s->memn < 32)
			return;
		stripes(s->v, s->mem, 32);
		s->memn = 0;
	}
	k = stripes(s->v, p, n);
	memcpy(s->mem, p + k, n - k);
	s->memn = n - k;
}

uint64_t
hash64_final(const struct hash64 *s)
{
	uint64_t h;

	h = s->total >= 32 ? converge(s->v) : s->seed + P5;
	return tail(h + s->total, s->mem, s->mem + s->memn);
}

uint64_t
hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t v[4], h;
	size_t k = 0;

	if (n >= 32) {
		v[0] = seed + P1 + P2;
		v[1] = seed + P2;
		v[2] = seed;
		v[3] = seed - P1;
		k = stripes(v, p, n);
		h = converge(v);
	} else
		h = seed + P5;
	return tail(h + (uint64_t)n, p + k, p + n);
}

void
hash_hex(char *s, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		s[i] = hex[v & 15];
		v >>= 4;
	}
	s[16] = '\0';
}

int
hash_unhex(const char *s, size_t n, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;
	int c;

	if (n != 16)
		return -1;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return -1;
		x = x << 4 | (uint64_t)c;
	}
	*v = x;
	return 0;
}
