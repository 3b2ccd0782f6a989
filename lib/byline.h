/*
 * byline.h: the authors and agencies of a byline.
 */
#ifndef ART_BYLINE_H
#define ART_BYLINE_H

#include <stddef.h>

#include "buf.h"

/*
 * Reads a byline as written ("By Janie Gabbett, Reuters") and appends
 * its authors to one buffer and its agencies to the other, several
 * joined by "|".  The leading "By" (any case) is dropped; the rest is cut
 * at commas, semicolons, slashes, bars and the words "and" and "&".  A
 * part is an agency when it is a known one (Reuters, AFP, Agencies...),
 * an acronym, or a name followed by "staff"; an author when it is one to
 * five capitalised words (with particles such as de, van, bin); neither
 * when it names a role (Staff, Moscow correspondent).  A trailing "in
 * Place" is left out of a name.  Returns 0, or -1 with errno set to
 * ENOMEM.
 */
int	byline_parse(const char *, size_t n, struct buf *authors,
	    struct buf *agencies);

#endif
