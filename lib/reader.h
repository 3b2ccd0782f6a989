/*
 * reader.h: what the format readers behind input.h share.  Not part of
 * the library's interface.
 */
#ifndef ART_READER_H
#define ART_READER_H

#include "article.h"
#include "buf.h"
#include "input.h"
#include "lines.h"

struct artin {
	struct lines	 ln;
	int		 fd;
	const char	*name;
	enum artfmt	 fmt;
	artin_warnfn	*warn;
	void		*warnarg;
	struct article	 a;

	/* A line read but not yet used: the next article's first line. */
	char		*held;
	size_t		 heldn;
	unsigned long	 heldno;
	int		 hashold;
	int		 heldtrim;	/* already trimmed */
	int		 heldff;	/* a form feed followed it */
	int		 heldesc;	/* may hold bytes records escape */
	size_t		 heldtabs;	/* tabs in it */
	int		 ioerr;		/* errno to return after the article */
	lines_findfn	*find;		/* records: which lines to look at */
	void		*findarg;

	/*
	 * The columns of the article in hand.  A reader may fill them with
	 * plain text, or set colesc and fill them with the record escapes
	 * already applied, which spares the writer a scan.
	 */
	int		 colesc;
	struct buf	 title;
	struct buf	 byline;
	struct buf	 body;
	struct buf	 origin;
};

/* Reports a problem at a line of the input; printf-style message. */
void	reader_warn(struct artin *, unsigned long line, int lost,
	    const char *fmt, ...)
#if defined(__GNUC__)
	    __attribute__((format(printf, 4, 5)))
#endif
	    ;

/*
 * Fills the stored columns of in->a from the parser's buffers and the
 * date, and computes the id and the origin.  Returns 0 or -1 (ENOMEM).
 */
int	reader_finish(struct artin *, const char *date, unsigned long line);

/*
 * Reads the next line as lines_next() does, reporting and skipping a line
 * over the bound.
 */
int	reader_line(struct artin *, char **p, size_t *n);

/* The readers: the same contract as artin_next(). */
int	text_next(struct artin *, struct article **);
int	records_next(struct artin *, struct article **);

#endif
