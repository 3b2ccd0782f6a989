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
 * reader passes over the records that cannot match (match_scan()).
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

#endif
