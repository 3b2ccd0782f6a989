/*
 * hash.h: the 64-bit hash behind article ids.
 */
#ifndef ART_HASH_H
#define ART_HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * Returns the XXH64 hash of n bytes with the given seed.  The bytes are
 * read as little-endian words whatever the machine, so a value is the same
 * everywhere.
 */
uint64_t	hash64(const void *, size_t, uint64_t seed);

/* The state of a hash computed piece by piece. */
struct hash64 {
	uint64_t	v[4];
	uint64_t	seed;
	uint64_t	total;
	unsigned char	mem[32];
	size_t		memn;
};

/*
 * hash64_init(), then hash64_update() over any number of pieces, then
 * hash64_final() give the hash64() of the pieces joined.
 */
void		hash64_init(struct hash64 *, uint64_t seed);
void		hash64_update(struct hash64 *, const void *, size_t);
uint64_t	hash64_final(const struct hash64 *);

/*
 * Writes v as 16 lowercase hex digits and a NUL into s (17 bytes).
 */
void		hash_hex(char *s, uint64_t v);

/*
 * Reads 16 hex digits (either case) into *v.  Returns 0, or -1 when the
 * n bytes at s are not exactly 16 hex digits.
 */
int		hash_unhex(const char *s, size_t n, uint64_t *v);

#endif
