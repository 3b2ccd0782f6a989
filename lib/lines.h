/*
 * lines.h: a line reader over a file descriptor.
 *
 * It reads in large blocks and hands out each line in place, so that a
 * line costs one memchr and no copy.  A line longer than the buffer makes
 * the buffer grow to hold it.
 */
#ifndef ART_LINES_H
#define ART_LINES_H

#include <stddef.h>

struct lines {
	int		 fd;
	char		*buf;
	size_t		 cap;
	size_t		 pos;	/* first byte not yet handed out */
	size_t		 end;	/* end of the bytes read */
	size_t		 scan;	/* where the search for the newline goes on */
	size_t		 nspec;	/* bytes records escape, from pos to scan */
	size_t		 lastspec; /* offset of the last of them */
	size_t		 max;	/* longest line accepted, 0 for no bound */
	unsigned long	 lineno; /* number of the line last handed out */
	int		 eof;
	int		 records; /* lines are records: only their newlines are
				    looked for, not other bytes */
	int		 hasnul; /* the line last handed out holds a NUL */
	int		 hasesc; /* it may hold a byte that records escape
				    (a CR just before its newline aside) */
	int		 nonl;	/* the line last handed out had no newline */
	unsigned long	 gen;	/* changes whenever buffered bytes move */
	size_t		 findat; /* lines_find(): where in the line last
				    handed out its find is, or LINES_NOFIND */
	size_t		 plainnext; /* lines_plain(): where the line after
				       the one it found begins */
	size_t		 cutat;	/* where the cut of a long line begins */
	int		 cutff;	/* the blanks at the end of that line hold a
				   form feed */
};

#define LINES_NOFIND	((size_t)-1)

/*
 * Prepares to read lines from fd, which stays the caller's.  Returns 0, or
 * -1 with errno set when no buffer could be had.
 */
int	lines_init(struct lines *, int fd);

/* Releases the buffer; the descriptor is left open. */
void	lines_free(struct lines *);

/*
 * Hands out the next line, without its newline, in *p and *n; the line is
 * followed by a NUL in the buffer and stays valid until the next call.
 * The last line of a file may lack its newline.  Returns 1 for a line, 0 at
 * the end of the input, -1 with errno set on a read error or when no
 * memory could be had (ENOMEM), or when a line is longer than max (EFBIG).
 * Such a line is cut: *p and *n hold its first max bytes, followed by a
 * NUL, so that a reader can tell what the line began, cutff says whether
 * the blanks at its end (spaces, tabs, CRs, form feeds, vertical tabs)
 * hold a form feed, and the rest of it is passed over; the next call goes
 * on after it.
 */
int	lines_next(struct lines *, char **p, size_t *n);

/*
 * A search over the buffered bytes [p, end), which are whole lines but
 * perhaps the last: returns a pointer into the first line worth handing
 * out, or NULL when no line there is.  gen is the reader's: while it
 * stays the same the bytes before end have not changed, and what the
 * search learned about them still holds.
 */
typedef const char *lines_findfn(void *arg, const char *p, const char *end,
    unsigned long gen);

/*
 * Like lines_next(), but passes over the lines in which find() finds
 * nothing, without handing them out; they are still counted in lineno.
 * A line may be handed out that find() would pass over (one longer than
 * the buffer is), never the other way round.  findat tells where in the
 * line the find is.  Returns as lines_next().
 */
int	lines_find(struct lines *, lines_findfn *find, void *arg, char **p,
	    size_t *n);

/*
 * Looks at the next line, without handing it out, when it is plain and
 * whole in the buffer: a line that holds no control byte below 0x0e (but
 * a CR just before its newline) and no backslash, and is not longer
 * than max; an empty line is plain.
 * With markup set a plain line holds no other control byte, no DEL, no
 * '<' and no '&' either.  Returns 1 with the line, without its newline or
 * CR, in *p and *n, or 0 when the next line is not such a line, or not
 * yet read; lines_next() then hands it out.  The pointer stays valid
 * until the next call of any function here.  Lines of wrapped prose are
 * mostly such lines, which a reader can take as they are, a little
 * faster.
 */
int	lines_plain(struct lines *, const char **p, size_t *n, int markup);

/* Hands out the line lines_plain() found: it counts as read. */
void	lines_take(struct lines *);

#endif
