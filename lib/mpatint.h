/*
 * mpatint.h: what the parts of the multi-string searcher share: the
 * strings (mpat.c), the automaton (mpatac.c) and the SIMD searches
 * (mpatsimd.c).  Not part of the library's interface.
 */
#ifndef ART_MPATINT_H
#define ART_MPATINT_H

#include <stddef.h>
#include <stdint.h>

#include "mpat.h"

/*
 * The SIMD forms: SSE2 on every x86-64, SSSE3 and AVX2 where the
 * processor has them, told at run time.  -DARTKIT_NO_SIMD builds the
 * portable form alone, -DARTKIT_NO_AVX2 leaves AVX2 out.
 */
#if defined(__GNUC__) && defined(__x86_64__) && defined(__SSE2__) && \
    !defined(ARTKIT_NO_SIMD)
#define MPAT_X86
#if !defined(ARTKIT_NO_AVX2)
#define MPAT_X86AVX2
#endif
#endif

enum mpatform {
	FORM_PORTABLE,
	FORM_SSE2,
	FORM_SSSE3,
	FORM_AVX2
};

enum mpatengine {
	ENG_NONE,		/* no string but empty ones */
	ENG_AC,
	ENG_TEDDY
};

#define NONE		UINT32_MAX
#define NOCLASS		256u

/* A string: its bytes (folded with MPAT_ICASE) in mpat.bytes. */
struct mstr {
	size_t		 off;
	uint32_t	 len;
	uint32_t	 ragged;	/* not valid UTF-8 (MPAT_ICASE) */
};

/*
 * The automaton.  A state is the offset of its words in tab.  A state
 * near the start is a row: the next state for each class of byte, then
 * its depth, the string that ends at it (or NONE) and its dictionary link
 * (the nearest state down its failure links at which a string ends, or
 * NONE).  Deeper states are records (AC_* below): their transitions as a
 * list, followed by the failure link when the byte has none.  Offset 0
 * is no state: a row sends a byte that must be folded there (ESC).  The
 * rows come in this order: the start when it is searched for with a
 * filter, the rows at which strings end, the others (the fast ones, that
 * the inner loop stays in), then the records.
 */
struct acauto {
	uint32_t	*tab;
	size_t		 ntab;
	uint32_t	 start;
	uint32_t	 matchlo;	/* first row at which strings end */
	uint32_t	 fastlo;	/* first fast row */
	uint32_t	 fastspan;	/* words of the fast rows */
	uint32_t	 sparselo;	/* first record */
	uint32_t	 nclass;
	uint32_t	 esc;		/* class of bytes to fold, or NOCLASS */
	uint8_t		 cls[256];	/* class of a byte of the text */
	uint8_t		 fcls[256];	/* class of a byte of folded text */
	int		 skip;		/* the start is searched for */
	uint8_t		 skipset[256];	/* bytes that leave the start */
	uint8_t		 skipbyte[3];	/* those bytes, when three or less */
	int		 nskipbyte;
	uint8_t		 tlo[16];	/* the set, as pshufb tables */
	uint8_t		 thi[16];
};

/* The words of a record before its list of classes. */
#define AC_HEAD		5
#define AC_NT(r)	((r)[0] & 0xffffu)
#define AC_OUT		0x80000000u	/* a string ends here or below */

/* Teddy: masks of the first k bytes, eight buckets of strings. */
#define TEDDY_BUCKETS	8

struct teddy {
	int		 k;
	uint8_t		 lo[3][16];	/* bit b: bucket b has a byte with */
	uint8_t		 hi[3][16];	/* that low (high) nibble there */
	uint32_t	 first[TEDDY_BUCKETS + 1];	/* into ids */
	uint32_t	*ids;		/* each bucket's strings, longest
					   first */
};

struct mpat {
	int		 flags;
	int		 built;
	enum mpatform	 form;
	enum mpatengine	 engine;
	struct mstr	*str;
	size_t		 nstr, capstr;
	char		*bytes;
	size_t		 nbytes, capbytes;
	uint32_t	 empty;		/* the first empty string, or NONE */
	size_t		 nfull;		/* strings that are not empty */
	size_t		 minlen;	/* of those */
	struct acauto	 ac;
	struct teddy	*td;
};

/* A code point that case folding maps to another. */
struct foldpair {
	uint32_t	 fold;
	uint32_t	 cp;
};

/*
 * mpat.c: characters, folding and boundaries.
 */

/* Writes code point c as UTF-8 at d; returns its length. */
size_t	mpat_encode(char *d, uint32_t c);

/* Folds the character at p (before end) into out; returns its length. */
size_t	mpat_foldunit(const char *p, const char *end, char *out,
	    size_t *outlen);

/* Tells whether offset p begins a character when reading from from. */
int	mpat_boundary(const char *t, size_t n, size_t from, size_t p);

/* Tells whether [so, eo) passes MPAT_WORD and MPAT_LINE. */
int	mpat_bounded(const struct mpat *, const char *t, size_t n, size_t so,
	    size_t eo);

/* The same for the end alone, and for the start alone. */
int	mpat_endok(const struct mpat *, const char *t, size_t n, size_t eo);
int	mpat_startok(const struct mpat *, const char *t, size_t so);

/*
 * Tells whether string id stands at p, folded as the searcher folds,
 * and stores its end in *eo.
 */
int	mpat_verify(const struct mpat *, uint32_t id, const char *t,
	    size_t n, size_t from, size_t p, size_t *eo);

/*
 * The code points that fold to another, sorted by what they fold to (*np
 * of them), or NULL when memory ran out.  The array is the library's.
 */
const struct foldpair *mpat_foldpairs(size_t *np);

/*
 * mpatac.c: the automaton.  A search finds the leftmost-longest match
 * that starts at or before limit.
 */
int	mpat_acbuild(struct mpat *);
void	mpat_acfree(struct mpat *);
int	mpat_acfind(const struct mpat *, const char *t, size_t n, size_t from,
	    size_t limit, struct mpatmatch *);

/*
 * mpatsimd.c: Teddy, and the search for the bytes that leave the start
 * of the automaton.
 */
int	mpat_teddybuild(struct mpat *);
int	mpat_teddyfind(const struct mpat *, const char *t, size_t n,
	    size_t from, size_t limit, struct mpatmatch *);
size_t	mpat_skip(const struct mpat *, const char *t, size_t pos, size_t n);

#endif
