/*
 * entity.h: SGML and HTML character references (&amp;, &#163;, &#xA3;)
 * and the control characters that text should not carry.
 */
#ifndef ART_ENTITY_H
#define ART_ENTITY_H

#include <sys/types.h>

#include <stddef.h>

#include "buf.h"

/* Flags of entity_decode(). */
#define ENT_MARKS	1	/* drop &#2; and &#3;, start and end marks */
#define ENT_ESCAPE	2	/* write what it appends in record escapes */
#define ENT_TAGS	4	/* stop before a '<' */

/*
 * Reads one character reference at the start of the n bytes at p, which
 * begin with '&': a named one (the five of XML and the HTML 4 names of
 * Latin-1 and of common punctuation), a decimal &#163; or a hexadecimal
 * &#xA3;, each ending in ';'.  A decimal or hexadecimal reference to
 * 128-159 means the Windows-1252 character, as browsers read it.  Stores
 * the code point in *cp and returns the length of the reference, or 0
 * when there is none there (an unknown name, no ';', a number that is no
 * Unicode scalar value).
 */
size_t	entity_ref(const char *p, size_t n, long *cp);

/*
 * Tells whether a code point is a control character that text should not
 * carry: C0 and C1 controls and DEL, except tab, line feed and carriage
 * return.  Returns 1 or 0.
 */
int	entity_isctl(long cp);

/*
 * Appends the n bytes at p to b with the character references decoded to
 * UTF-8.  A reference to a line feed or carriage return becomes a space,
 * as a line end inside a paragraph does.  What cannot be decoded is kept
 * as written: an unknown or malformed reference, and a reference to a
 * control character (entity_isctl), so that no control character is made
 * where there was none.  Control bytes in the input are kept as they are.
 * *ctl is set to the first control character met, reference or byte, or
 * to -1.  With ENT_ESCAPE what is appended has the record escapes of
 * tsv.h (\\, \t, \r, \0).  With ENT_TAGS it stops before the first '<'.
 * Returns the number of bytes of p used (n, or the offset of that '<'),
 * or -1 with errno set to ENOMEM.
 */
ssize_t	entity_decode(struct buf *b, const char *p, size_t n, int flags,
	    long *ctl);

/*
 * Returns the length of the run of bytes at the start of the n at p that
 * entity_decode() with these flags would copy as they are: it stops at
 * '&', a control byte, and what ENT_ESCAPE and ENT_TAGS look for.
 */
size_t	entity_plain(const char *p, size_t n, int flags);

/*
 * Appends the n bytes at p to b when entity_plain() would take them all,
 * as entity_decode() would but more quickly, and returns 1; returns 0,
 * having appended nothing, when it would not, and -1 with errno set to
 * ENOMEM.
 */
int	entity_addplain(struct buf *b, const char *p, size_t n, int flags);

/*
 * Returns the first control byte (entity_isctl) among the n bytes at p,
 * NUL included, or -1 when there is none.
 */
long	entity_ctl(const char *p, size_t n);

/* Appends a code point as UTF-8.  Returns 0, or -1 (ENOMEM). */
int	entity_pututf8(struct buf *, long cp);

#endif
