/*
 * input.h: reading articles from a file in any of the formats artkit
 * knows, one article at a time.
 */
#ifndef ART_INPUT_H
#define ART_INPUT_H

#include "article.h"
#include "lines.h"

enum artfmt {
	FMT_AUTO,	/* tell by the first non-blank line */
	FMT_TEXT,	/* article text (the header-line format) */
	FMT_RECORDS,	/* artkit records */
	FMT_TREC,	/* TREC and LDC SGML: <DOC> (AP, WSJ, Gigaword) */
	FMT_REUTERS,	/* Reuters-21578 SGML: <REUTERS> */
	FMT_MBOX,	/* mbox: mail messages, each after a From line */
	FMT_MAIL,	/* one mail message or Usenet article (RFC 5322) */
	NFMT
};

/*
 * Called for input that was recovered or dropped.  file and line say
 * where; lost is 1 when text was left out (a record skipped), 0 when it
 * was kept with a change (an impossible date dropped, a NUL kept escaped).
 */
typedef void artin_warnfn(void *arg, const char *file, unsigned long line,
    int lost, const char *msg);

struct artin;

/*
 * Opens a file for reading articles; "-" is standard input, which is never
 * closed.  fmt names the format or asks to tell it (FMT_AUTO).  Returns
 * NULL with errno set when the file cannot be opened.
 */
struct artin	*artin_open(const char *path, enum artfmt fmt);

/* Sends warnings about the input to fn (the default ignores them). */
void		 artin_onwarn(struct artin *, artin_warnfn *fn, void *arg);

/*
 * Sets the longest line, and so the largest article, the reader holds
 * (0: no bound, the default).  A longer line is reported as lost and
 * skipped; so is an article of article text whose title, byline and body
 * grow longer, up to the next article.
 */
void		 artin_setmax(struct artin *, size_t);

/* The bound the tools set unless told otherwise (-L): 64 MiB. */
#define ARTIN_MAXDEFAULT	((size_t)64 << 20)

/*
 * Reads a size for artin_setmax(): a decimal number of bytes, with an
 * optional suffix k, M or G (KiB, MiB, GiB).  Returns 0, or -1 with errno
 * set to EINVAL when the text is not a size, ERANGE when it is too large.
 */
int		 artin_parsesize(const char *, size_t *);

/*
 * Reads the next article into *ap; it stays valid until the next call.
 * Returns 1 for an article, 0 at the end of the file, -1 with errno set on
 * a read error or when memory ran out.
 */
int		 artin_next(struct artin *, struct article **ap);

/*
 * For records: passes over, unread and unchecked, the lines in which
 * find() finds nothing (see lines_find()), so that a tool that looks for
 * strings reads only the records that hold them.  Article text is read
 * whole all the same.  NULL reads every line again.
 */
void		 artin_setfind(struct artin *, lines_findfn *find, void *arg);

/*
 * For the record last read through find(): where in its line (a->line)
 * the find is, or LINES_NOFIND when the line was read without one.
 */
size_t		 artin_findat(const struct artin *);

/* The format being read: the one asked for, or the one told. */
enum artfmt	 artin_format(const struct artin *);

/* Closes the file (not standard input) and frees the reader. */
void		 artin_close(struct artin *);

/*
 * The name of a format ("text", "records", "trec", "reuters", "mbox",
 * "mail"), and the reverse (-1: none).
 */
const char	*artfmt_name(enum artfmt);
int		 artfmt_byname(const char *);

#endif
