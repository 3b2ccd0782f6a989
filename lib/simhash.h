/*
 * simhash.h: a 64-bit fingerprint of a text, near for near texts.
 *
 * The features are the shingles of the text: every run of SIMHASH_K
 * consecutive words, folded to lower case, each hashed with hash64() so
 * that a fingerprint is the same on every machine.  Each bit of the
 * fingerprint is the majority vote of that bit over the shingles'
 * hashes.  Texts that share most shingles differ in few bits; unrelated
 * texts in about half of them.
 */
#ifndef ART_SIMHASH_H
#define ART_SIMHASH_H

#include <stddef.h>
#include <stdint.h>

#define SIMHASH_K	3	/* words in a shingle */
#define SIMHASH_WORD	64	/* bytes of a folded word that count */

struct simhash {
	int32_t		 v[64];
	uint64_t	 last[SIMHASH_K];	/* hashes of the last words */
	size_t		 nwords;
};

/* Starts a fingerprint. */
void		simhash_init(struct simhash *);

/* Adds the next word of the text (as written: it is folded here). */
void		simhash_word(struct simhash *, const char *, size_t n);

/*
 * Returns the fingerprint of the words added.  A text of fewer than
 * SIMHASH_K words is one shingle; a text of none has the fingerprint 0.
 */
uint64_t	simhash_final(struct simhash *);

/* The fingerprint of the words of a text, as text.h finds them. */
uint64_t	simhash_text(const char *, size_t n);

/* Returns the number of bits in which two fingerprints differ. */
int		simhash_distance(uint64_t, uint64_t);

#endif
