/*
 * recost.h: what a POSIX extended regular expression costs the C
 * library, measured before regcomp(3) sees it.
 *
 * glibc compiles an expression into positions (characters, sets,
 * anchors, the ends of groups) and searches by trying each place of the
 * text in turn, moving on each character read every position that may
 * still match: the time a byte of text takes grows with how far a
 * match may run and with the positions held at once; the memory, with
 * the sets of them it meets, and, for compiling, with the positions one
 * step reaches without reading (anchors in a row multiply them).
 * recost_read() estimates these from the expression, and writes it out
 * again with each bounded repetition count X{m,n} spelled X...X and
 * (X(X(X)?)?)?, which glibc searches in fewer positions at once than its
 * own form of it.
 */
#ifndef ART_RECOST_H
#define ART_RECOST_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* A count that stands for no bound (a match of a.* has no longest). */
#define RECOST_INF	((uint64_t)1 << 40)

struct recost {
	uint64_t	copies;		/* positions, as regcomp writes them */
	uint64_t	longest;	/* characters in the longest match */
	uint64_t	width;		/* positions a search holds at once */
	uint64_t	any;		/* of them, those that may read a
					   character of more bytes than one */
	uint64_t	sets;		/* log2 of the sets of them held */
	uint64_t	reach;		/* positions one step reaches without
					   reading */
	uint64_t	chain;		/* anchors (^ $ \b \B \< \> \` \') in a
					   row, nothing read between */
	uint64_t	gap;		/* bytes at least between the places
					   from which a search reads far */
	uint64_t	lead;		/* how far it reads from the others */
	int		mb;		/* glibc matches characters, not bytes:
					   a bracket expression other than of
					   ASCII characters, \w \W \s \S, a word
					   anchor, or icase */
};

enum recost_err {
	RECOST_OK,
	RECOST_NOMEM,		/* errno is ENOMEM */
	RECOST_BACKREF,		/* a back-reference, \1 to \9 */
	RECOST_DEEP,		/* groups nested deeper than the bound */
	RECOST_COPIES		/* more positions than the bound */
};

/*
 * Reads the n bytes of an expression, whose groups nest at most maxdepth
 * deep and whose repetition counts make at most maxcopies positions in
 * all, matched with icase or not, into *c; and writes into out (its
 * bytes replaced, no NUL added) the same expression as glibc should be
 * given it.  An expression that regcomp(3) refuses is read as far as it
 * goes: its measures are then of no use, but they are bounded.
 */
enum recost_err	 recost_read(const char *, size_t n, int icase,
		    int maxdepth, uint64_t maxcopies, struct recost *c,
		    struct buf *out);

/* Returns the end of the bracket expression that begins at p ('['). */
const char	*recost_bracket(const char *p, const char *end);

/* Returns the end of the group that begins at p ('('). */
const char	*recost_group(const char *p, const char *end);

#endif
