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
	int		 ioerr;		/* errno to return after the article */
	int		 heldmid;	/* held is the rest of a line */
	int		 heldcut;	/* held is (of) a line cut at the bound */
	int		 cut;		/* the line last read was cut at the bound */
	int		 refused;	/* not of the format named: read no more */
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
	struct buf	 aux[6];	/* more parts, for the marked-up formats */
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
 * Reads the next line as lines_next() does.  A line over the bound comes
 * cut to its first in->ln.max bytes, with in->cut set (and in->ln.cutff
 * saying whether a form feed ends it), for the reader to pass over the
 * article it is part of; in->cut is 0 for any other line.  Returns 1, 0
 * at the end of the input, or -1 with errno set.
 */
int	reader_line(struct artin *, char **p, size_t *n);

/*
 * Reports an article passed over for the bound: one with a line over it,
 * at line longno, or, when longno is 0, one that outgrew it.
 */
void	reader_skipped(struct artin *, unsigned long start,
	    unsigned long longno);

/*
 * The rules of article text (lib/article.c), for its writer: whether a
 * trimmed line is a header, where a paragraph may begin (parastart) or
 * not, and whether a paragraph of one line is a byline when it is the
 * first (esc: it is in record escapes; its length is always counted
 * escaped).  Each returns 1 or 0.
 */
int	text_isheader(const char *, size_t n, int parastart);
int	text_isbyline(const char *, size_t n, int esc);

/*
 * Puts the byline and body of an article of a marked-up format in a form
 * article text can say (artkit(5), THE ROUND TRIP), so that its records
 * come back from the round trip: a byline that article text would not
 * read as one opens the body, a first paragraph that reads as a byline
 * and cannot go over two lines becomes the byline, and a paragraph that
 * begins with `date` and blanks that no layout of article text keeps has
 * them made one space.  Run after reader_byline().  Returns 0, or -1
 * (ENOMEM).
 */
int	text_fit(struct artin *);

/*
 * Puts in->byline in the shape article text gives a byline: "By " goes
 * before one that lacks it, and one that cannot be a byline (too long,
 * ending like a sentence) becomes the first paragraph of the body.
 * Returns 0, or -1 (ENOMEM).
 */
int	reader_byline(struct artin *);

/* The readers: the same contract as artin_next(). */
int	text_next(struct artin *, struct article **);
int	records_next(struct artin *, struct article **);
int	trec_next(struct artin *, struct article **);
int	reuters_next(struct artin *, struct article **);
int	mbox_next(struct artin *, struct article **);
int	mail_next(struct artin *, struct article **);

/*
 * Tell by the first line of a file (not blank, its byte-order mark gone)
 * and, for mail, by the bytes after it (rest, which may be cut short)
 * whether the file is of a format.  Each returns 1 or 0.
 */
int	trec_sniff(const char *, size_t);
int	reuters_sniff(const char *, size_t);
int	mbox_sniff(const char *, size_t, const char *rest, size_t);
int	mail_sniff(const char *, size_t, const char *rest, size_t);

/* Tells whether a line is a header field (Name: value).  1 or 0. */
int	mail_isfield(const char *, size_t);

#endif
