/*
 * simhash.h: a 64-bit fingerprint of a text, near for near texts.
 *
 * The features are the distinct words of the text, folded to lower case,
 * each hashed with hash64() so that a fingerprint is the same on every
 * machine; each bit of the fingerprint is the majority vote of that bit
 * over the features' hashes (Charikar's SimHash).  Texts that share most
 * words differ in few bits, unrelated texts in about half of them.
 *
 * Words rather than runs of words, and each word once however often it
 * stands: one word changed then moves at most two votes of each bit,
 * which keeps a copy with a word changed within a few bits (over the BBC
 * corpus 99.8% within 6), while unrelated articles stay 16 bits or more
 * apart (99.9% of pairs).  Runs of two or three words as features are
 * about as far apart for unrelated texts but several times as unstable.
 */
#ifndef ART_SIMHASH_H
#define ART_SIMHASH_H

#include <stddef.h>
#include <stdint.h>

#define SIMHASH_WORD	64	/* bytes of a folded word that count */
#define SIMHASH_SLOTS	2048	/* room for the distinct words */
#define SIMHASH_MAXSEEN	(SIMHASH_SLOTS / 4 * 3)

struct simhash {
	int32_t		 v[64];
	uint64_t	 seen[SIMHASH_SLOTS];	/* hashes of the words, 0: none */
	uint16_t	 used[SIMHASH_MAXSEEN];	/* the slots in use */
	size_t		 nused;
};

/*
 * Starts a fingerprint, clearing the whole state (some 19 KB); after
 * simhash_final() the state is ready for the next text without it.
 */
void		simhash_init(struct simhash *);

/*
 * Adds the next word of the text, as written: it is folded here.  A word
 * seen before in the text adds nothing; past SIMHASH_MAXSEEN (1,536)
 * distinct words, more than the longest BBC article holds (1,273), each
 * further word counts as new.
 */
void		simhash_word(struct simhash *, const char *, size_t n);

/*
 * Returns the fingerprint of the words added, 0 for none, and makes the
 * state ready for another text.
 */
uint64_t	simhash_final(struct simhash *);

/* The fingerprint of the words of a text, as text.h finds them. */
uint64_t	simhash_text(const char *, size_t n);

/* Returns the number of bits in which two fingerprints differ. */
int		simhash_distance(uint64_t, uint64_t);

#endif
