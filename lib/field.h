/*
 * field.h: the named fields of an article, one engine for every tool.
 *
 * artfields prints them, artgrep matches on them and artstat groups by
 * them, so a name means the same everywhere.  The first six are the
 * stored columns, in record order; the others are derived from them.
 * Derived values are computed on first use and kept until the context
 * moves to another article.
 */
#ifndef ART_FIELD_H
#define ART_FIELD_H

#include <stddef.h>

#include "article.h"

enum field {
	FIELD_ID,		/* the stored columns, as enum column */
	FIELD_DATE,
	FIELD_TITLE,
	FIELD_BYLINE,
	FIELD_ORIGIN,
	FIELD_BODY,
	FIELD_YEAR,		/* YYYY */
	FIELD_MONTH,		/* YYYY-MM */
	FIELD_WEEKDAY,		/* Monday ... Sunday */
	FIELD_AUTHOR,		/* names in the byline, joined by | */
	FIELD_AGENCY,		/* agencies in the byline, joined by | */
	FIELD_LEAD,		/* the first paragraph */
	FIELD_PARAGRAPHS,
	FIELD_SENTENCES,
	FIELD_WORDS,
	FIELD_CHARS,		/* code points of the body */
	FIELD_BYTES,		/* bytes of the body */
	FIELD_QUOTES,		/* direct quotations */
	FIELD_READMIN,		/* reading minutes */
	FIELD_FLESCH,		/* Flesch reading ease */
	FIELD_SIMHASH,		/* 64-bit near-duplicate fingerprint, hex */
	NFIELDS
};

/* Returns the field of a name (n bytes), or -1 when there is none. */
int		 field_byname(const char *, size_t n);

/* Returns the name of a field. */
const char	*field_name(enum field);

/* All the names, separated by ", ", for messages and usage. */
const char	*field_names(void);

/* Tells whether a field has a numeric value (words, quotes, ...): 1 or 0. */
int		 field_isnumber(enum field);

/*
 * Tells whether a field may hold several values, joined by "|" (author,
 * agency): 1 or 0.  No value holds a "|" itself.
 */
int		 field_ismulti(enum field);

struct fieldctx;

/* Returns a new context, or NULL with errno set. */
struct fieldctx	*field_new(void);

/* Frees a context. */
void		 field_free(struct fieldctx *);

/*
 * Moves the context to an article, forgetting the values of the last one.
 * The article must stay valid while the context is used on it.
 */
void		 field_reset(struct fieldctx *, struct article *);

/*
 * Returns the value of a field as text, not escaped, and stores its length
 * in *n; numbers are written in decimal.  The text stays valid until the
 * next field_reset().  Returns NULL with errno set when memory ran out.
 */
const char	*field_text(struct fieldctx *, enum field, size_t *n);

/*
 * Returns the value of a numeric field.  For other fields the result is
 * 0.
 */
double		 field_number(struct fieldctx *, enum field);

#endif
