/*
 * mpat.h: many fixed strings looked for at once.
 *
 * A set of byte strings, numbered from 0 as added, is built once into a
 * searcher that finds in a text the leftmost place where any of them
 * stands, and the longest of those that stand there (the lowest number
 * among equal ones): the rule of match_find().  With MPAT_WORD a match
 * must have no letter or digit of any script (text_isalnum()) right before
 * or after it, with MPAT_LINE it must be a whole line; a place that fails
 * the test does not count, and the search goes on from it, so that only
 * bounded matches are ever found.  '\n' ends a line; no string may hold
 * one, so that no match crosses one.
 *
 * With MPAT_ICASE case is folded as text_fold() folds it: the text is read
 * as UTF-8 characters, from the offset the search starts at, an invalid
 * byte being a character of its own, and a match is a run of whole
 * characters whose fold is the string's fold.  Folding never lengthens
 * but may shorten (U+017F, U+0130, U+1E9E): the offsets of a match are
 * those of the text as given, never of its fold.  Without MPAT_ICASE a
 * match is any run of bytes equal to a string, even inside a character.
 *
 * The empty string matches the empty text at the first place allowed:
 * the offset searched from, or with MPAT_WORD and MPAT_LINE the first
 * character boundary (counted from that offset) with no letter or digit on
 * either side, or the first empty line.  A longer match at the same place
 * wins over it.
 *
 * A few strings (up to MPAT_TEDDYMAX that begin with a capital or a
 * sign, fewer that begin with a small letter or a space, which pass its
 * filter more often), on a processor with SSSE3, are looked for with
 * Teddy (as Hyperscan has it): a SIMD filter on their first three bytes
 * finds the places to check, sixteen or thirty-two at a time.  More, or
 * without SSSE3, go into an Aho-Corasick automaton: its states near the
 * start are rows of a table (one load a byte), deeper ones lists; when
 * the bytes that leave its start state are few and rare in text (no
 * small letter nor space), a SIMD search skips to them, and otherwise a
 * long text is run through in two halves side by side, so that the
 * loads of one overlap those of the other.  Either engine takes time in
 * step with the text and its matches, however many strings there are; a
 * built searcher is only read by a search.
 *
 * Memory: a built searcher holds at most MPAT_BYTEMEM bytes for each byte
 * of its strings, MPAT_STRMEM for each string and MPAT_FIXMEM more, as
 * mpat_size() tells; building it takes up to MPAT_BUILDMEM bytes more for
 * each byte of its strings while it runs.  A set that would hold more
 * than MPAT_MAXMEM is refused.
 */
#ifndef ART_MPAT_H
#define ART_MPAT_H

#include <stddef.h>

#define MPAT_ICASE	0x01	/* fold case as text_fold() does */
#define MPAT_WORD	0x02	/* whole words only */
#define MPAT_LINE	0x04	/* whole lines only; over MPAT_WORD */

/*
 * For tests and benchmarks: the engine and the instructions a searcher
 * may use.  By default it takes the best the processor has.
 */
#define MPAT_NOTEDDY	0x0100	/* the automaton, whatever the number */
#define MPAT_TEDDY	0x0200	/* Teddy wherever it can run */
#define MPAT_NOAVX2	0x0400	/* not AVX2 */
#define MPAT_NOSSSE3	0x0800	/* not SSSE3 nor AVX2: SSE2 at most */
#define MPAT_NOSIMD	0x1000	/* the portable C alone */
#define MPAT_FEWROWS	0x2000	/* the start alone a row of the automaton */
#define MPAT_HALVES	0x4000	/* texts of any length in two halves */

#define MPAT_TEDDYMAX	64
#define MPAT_BYTEMEM	29
#define MPAT_STRMEM	20
#define MPAT_FIXMEM	(516u << 10)
#define MPAT_BUILDMEM	72
#define MPAT_MAXMEM	(64u << 20)

struct mpat;

struct mpatmatch {
	size_t	so, eo;		/* the bytes matched: [so, eo) */
	size_t	pat;		/* the string, numbered from 0 as added */
};

/*
 * Returns a new searcher with no strings and the flags MPAT_*, or NULL
 * with errno set (ENOMEM).
 */
struct mpat	*mpat_new(int flags);

/* Frees a searcher; NULL is allowed. */
void		 mpat_free(struct mpat *);

/*
 * Adds a string of n bytes, which is copied (and folded with MPAT_ICASE).
 * Returns 0, or -1 with errno set: ENOMEM; EINVAL for a string that holds
 * a newline, or after mpat_build(); E2BIG when the strings would take
 * more memory than MPAT_MAXMEM allows.
 */
int		 mpat_add(struct mpat *, const char *, size_t n);

/*
 * Builds the searcher once all strings are added.  Returns 0, or -1 with
 * errno set: ENOMEM; E2BIG when it would take more than MPAT_MAXMEM
 * bytes; EINVAL when it was built before.  A searcher that failed to
 * build is left unbuilt (mpat_find() finds nothing), to be freed.
 */
int		 mpat_build(struct mpat *);

/* The number of strings added. */
size_t		 mpat_npat(const struct mpat *);

/* The bytes the searcher holds, all told. */
size_t		 mpat_size(const struct mpat *);

/* The engine built and the instructions it runs on ("teddy/avx2"...). */
const char	*mpat_engine(const struct mpat *);

/*
 * Finds the first match at or after offset from in the n bytes of text
 * (the bytes before from still tell whether a word or a line begins
 * there) and stores it in *mp.  Returns 1, 0 when there is none (or from
 * is past n).  The searcher must be built.
 */
int		 mpat_find(const struct mpat *, const char *, size_t n,
		    size_t from, struct mpatmatch *mp);

/*
 * Finds the match at or after *from, as mpat_find() does, and moves *from
 * past it (one character past an empty match), so that calls in a row
 * hand out every match of the text, in order, as grep -o does.  Returns
 * 1 or 0.
 */
int		 mpat_next(const struct mpat *, const char *, size_t n,
		    size_t *from, struct mpatmatch *mp);

#endif
