/*
 * match.h: finding patterns in text, as artgrep does.
 *
 * A matcher holds a list of patterns, fixed strings or POSIX extended
 * regular expressions, with grep's options: folding case (ASCII and the
 * UTF-8 letters that text.h folds), whole words (no letter or digit of any
 * script right before or after) and whole lines.  In the text searched a
 * line is a paragraph: '\n' ends it, and no match crosses one.
 *
 * A fixed string is looked for with memchr on its rarest byte.  A regular
 * expression is run only on paragraphs that hold a string that every match
 * of it holds; an alternation of plain words is searched as fixed strings.
 * The same strings can be looked for in raw record lines, so that a
 * reader passes over the records that cannot match (match_scan()), when
 * the fields looked in are such that it may (match_scanfor()).
 *
 * Regular expressions are compiled with regcomp(3) in the locale that is
 * current, which should be a UTF-8 one (C.UTF-8) so that . and bracket
 * expressions take characters, not bytes.  One that would cost too much
 * to compile or to run is refused (recost.h measures it), and regexec(3)
 * is given a few kilobytes of text at a time: a match of at most 2048
 * bytes is found as it is in a paragraph of any length (artgrep(1),
 * CAVEATS).
 */
#ifndef ART_MATCH_H
#define ART_MATCH_H

#include <stddef.h>

#include "article.h"
#include "field.h"

#define MATCH_FIXED	0x01	/* the patterns are fixed strings (-F) */
#define MATCH_ICASE	0x02	/* fold case (-i) */
#define MATCH_WORD	0x04	/* whole words only (-w) */
#define MATCH_LINE	0x08	/* whole lines only (-x); over MATCH_WORD */

/* Any pattern, for match_scanprep(). */
#define MATCH_ANY	((size_t)-1)

struct matcher;

struct match {
	size_t	so, eo;		/* the bytes matched: [so, eo) */
	size_t	pat;		/* the pattern, numbered from 0 as added */
};

/* Returns a new matcher without patterns, or NULL with errno set. */
struct matcher	*match_new(int flags);

/* Frees a matcher. */
void		 match_free(struct matcher *);

/*
 * Adds a pattern of n bytes; one that holds newlines adds a pattern for
 * each line, as grep does.  Returns 0, or -1 with errno set: ENOMEM, or
 * EINVAL for a regular expression that does not compile or would cost
 * too much, which match_error() then explains.
 */
int		 match_add(struct matcher *, const char *, size_t n);

/* The reason of the last EINVAL from match_add(). */
const char	*match_error(const struct matcher *);

/* The number of patterns added. */
size_t		 match_npat(const struct matcher *);

/*
 * Finds the first match at or after offset from in the n bytes of text
 * (the bytes before from still tell whether a word or a line begins
 * there): the leftmost match of any pattern, the longest of those that
 * start there, and stores it in *mp.  Returns 1, 0 when there is none, or
 * -1 with errno set when regexec(3) ran out of memory.
 */
int		 match_find(struct matcher *, const char *, size_t n,
		    size_t from, struct match *mp);

/* The same for one pattern, given by its number. */
int		 match_findpat(struct matcher *, size_t pat, const char *,
		    size_t n, size_t from, struct match *mp);

/*
 * Returns the pattern whose strings are likely the rarest in news text:
 * the one to look for first when every pattern must match.
 */
size_t		 match_rarest(const struct matcher *);

/*
 * Prepares match_scan() to look for the strings of one pattern, or of
 * every pattern (MATCH_ANY).  Returns 0, or -1 when one of those patterns
 * has no string that all its matches hold (it may match empty text, or
 * holds only bytes that records escape), so that no record can be passed
 * over; errno is then 0, or ENOMEM.
 */
int		 match_scanprep(struct matcher *, size_t pat);

/*
 * Looks in the bytes [p, end) of record lines, still escaped, for the
 * strings that match_scanprep() chose, and returns a pointer to the first
 * one found, or NULL: a record that holds none of them cannot match.  A
 * lines_findfn: gen tells when the bytes have changed since the last call,
 * and what was learned about them must be forgotten.
 */
const char	*match_scan(void *matcher, const char *p, const char *end,
		    unsigned long gen);

/*
 * Tells whether the last find of match_scan() is a match by itself: a
 * whole fixed string of a pattern (or of an alternation of plain words),
 * without -w or -x, so that a record that holds it in a field looked in,
 * not inside an escape, matches.  Stores its length in *n.  Returns 1 or
 * 0.
 */
int		 match_scanlast(const struct matcher *, size_t *n);

/*
 * Prepares match_scan() for a search of records that selects those in
 * which any pattern matches, or with all set every pattern, in one of the
 * nfield fields given, and tells whether a reader may then pass over the
 * records in which match_scan() finds nothing: returns 0 when none of
 * them can be selected so (the reasons are in match.c); -1 when one may
 * be, so that every record must be read (errno 0), or when memory ran
 * out (ENOMEM).
 */
int		 match_scanfor(struct matcher *, const enum field *,
		    size_t nfield, int all);

/*
 * For a record read through match_scanfor() and match_scan(), its find
 * at offset at of the line (artin_findat()): tells whether that find
 * alone selects the article, a whole pattern in a stored column among
 * the nfield fields and not inside an escape, so that nothing needs to be
 * unescaped or looked for again.  Returns 1, or 0 when it does not tell
 * (at is LINES_NOFIND, the line has changed, the find is a part of a
 * pattern or in another column, or all patterns must match).
 */
int		 match_scanfound(const struct matcher *, const struct article *,
		    size_t at, const enum field *, size_t nfield);

#endif
