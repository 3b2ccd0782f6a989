/*
 * newsdate.h: the date forms of news corpora and mail, read as calendar
 * days.
 *
 * Only the day is kept: a time of day and a zone after it are skipped,
 * and the day is the one written, not moved to UTC.
 */
#ifndef ART_NEWSDATE_H
#define ART_NEWSDATE_H

#include <stddef.h>

#include "date.h"

/*
 * Reads the date at the start of the n bytes at s, after any weekday
 * names, in one of these forms:
 *
 *	2025-12-03, 2025/12/03		year, month, day
 *	3 Dec 2025, 26-FEB-1987		day, month name, year (RFC 5322,
 *					Reuters-21578)
 *	December 3, 2025		month name, day, year
 *	Dec  3 10:00:00 2025		month name, day, time, year (the mbox
 *					From line, asctime)
 *	12/03/25, 12/03/2025		month, day, year (US order)
 *	20251203, 251203		YYYYMMDD, YYMMDD
 *
 * Month names are English, in any case, full or cut to three letters or
 * more.  A two-digit year is 2000-2049 for 00-49 and 1950-1999 for 50-99,
 * as RFC 5322 reads it.  On DATE_OK writes YYYY-MM-DD and a NUL to iso.
 * Returns DATE_SHAPE when no form matches and DATE_IMPOSSIBLE when one
 * does but the day does not exist (31 Apr).
 */
enum datecheck	newsdate_parse(const char *s, size_t n, char iso[11]);

/*
 * Reads the date inside a document identifier: the first run of eight
 * digits (YYYYMMDD, as in the Gigaword id AFP_ENG_19940512.0004) or six
 * (YYMMDD, as in the TREC DOCNO AP880212-0001).  Returns as
 * newsdate_parse() does.
 */
enum datecheck	newsdate_fromid(const char *s, size_t n, char iso[11]);

#endif
