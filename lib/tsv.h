/*
 * tsv.h: the record codec.
 *
 * A record is one line of six tab-separated columns.  Inside a column a
 * backslash, tab, newline, carriage return and NUL are written \\, \t, \n,
 * \r and \0; every other byte stands for itself.
 */
#ifndef ART_TSV_H
#define ART_TSV_H

#include <stddef.h>

#include "article.h"
#include "buf.h"
#include "hash.h"

/* The header line that -H writes, without its newline. */
extern const char tsv_header[];

/*
 * Appends n bytes with the record escapes applied.  Returns 0, or -1 with
 * errno set to ENOMEM.
 */
int	tsv_escape(struct buf *, const char *, size_t n);

/* Feeds n bytes, with the record escapes applied, to a hash. */
void	tsv_hash(struct hash64 *, const char *, size_t n);

/*
 * Undoes the record escapes in place and returns the new length.  A
 * backslash before any other byte, or at the very end, is kept as it is.
 */
size_t	tsv_unescape(char *, size_t n);

/*
 * Tells whether the n bytes of a line are a record: six tab-separated
 * columns, the first of them 16 lowercase hex digits.  Returns 1 or 0.
 */
int	tsv_isrecord(const char *, size_t n);

/* Tells whether n bytes are an id: 16 lowercase hex digits.  1 or 0. */
int	tsv_isid(const char *, size_t n);

/* Tells whether a line is the header line (a trailing CR aside). */
int	tsv_isheader(const char *, size_t n);

/*
 * Splits a record line (its newline already gone) into the columns of an
 * article, in place; the columns keep their escapes.  Returns the number
 * of columns found: the article is filled only when that is NCOLS.
 */
int	tsv_split(struct article *, char *, size_t n);

/*
 * Appends an article as one record line, newline included.  Returns 0, or
 * -1 with errno set to ENOMEM.
 */
int	tsv_put(struct buf *, struct article *);

#endif
