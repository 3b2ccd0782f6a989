/*
 * article.h: one news article, as every tool sees it.
 *
 * An article has the six stored columns of a record.  Read from article
 * text its columns hold plain bytes; read from a record they may still
 * hold the record's escapes until someone asks for their text, so that a
 * tool that only passes records on never pays for unescaping them.
 */
#ifndef ART_ARTICLE_H
#define ART_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum column {
	COL_ID,
	COL_DATE,
	COL_TITLE,
	COL_BYLINE,
	COL_ORIGIN,
	COL_BODY,
	NCOLS
};

struct span {
	char	*p;
	size_t	 n;
	int	 esc;	/* still in record escapes */
};

struct article {
	struct span	 col[NCOLS];
	const char	*line;		/* the record line, unchanged, or NULL */
	size_t		 linelen;
	const char	*file;		/* where it was read, for messages */
	unsigned long	 lineno;	/* the line it starts on there */
	char		 idhex[17];
	char		 date[11];
	int		 idlater;	/* idhex is yet to be computed */
};

/* The names of the columns, in order: "id", "date", ... */
extern const char *const article_colname[NCOLS];

/*
 * Returns the text of a column, unescaping it in place the first time (and
 * computing the id of article text the first time it is asked for), and
 * stores its length in *n.  The text stays valid until the article's reader
 * moves on.  The bytes are followed by a NUL not counted in *n.
 */
const char	*article_text(struct article *, enum column, size_t *n);

/*
 * Computes the content id: the hash of the date, title, byline and body,
 * each as plain text.  Layout (line ends, wrapping, blanks at line ends)
 * never reaches those columns, so it never changes the id.
 */
uint64_t	 article_id(struct article *);

/*
 * Appends the article in the canonical text form: the header line, the
 * byline and the paragraphs, separated by blank lines, ending with a
 * newline; a paragraph that would read back as a header or the byline
 * goes over lines, or right after the header line (artkit(5), THE ROUND
 * TRIP), so that the text reads back as the same article.  Returns 0, or
 * -1 with errno set to ENOMEM.
 */
int		 article_puttext(struct buf *, struct article *);

/*
 * Tells whether a line of article text, without its newline, is a header
 * that begins an article wherever it stands, as the reader takes it:
 * `date`, a space or a tab, and an ISO date (a real day or not) or `-'.
 * Article text can be cut before such a line and read in pieces.
 */
int		 article_isheader(const char *, size_t n);

#endif
