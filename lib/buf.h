/*
 * buf.h: growable byte buffers.
 *
 * A buffer always keeps one spare byte past its contents, so that the
 * contents can be terminated with a NUL for the C string functions
 * without another allocation.
 */
#ifndef ART_BUF_H
#define ART_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char	*p;
	size_t	 n;	/* bytes in use */
	size_t	 cap;	/* bytes allocated, always > n once allocated */
};

/*
 * Makes room for need more bytes (plus the spare one).  Returns 0, or -1
 * with errno set to ENOMEM; the contents are unchanged either way.
 */
int	buf_grow(struct buf *, size_t need);

/* Releases the memory of a buffer and leaves it empty and reusable. */
void	buf_free(struct buf *);

/* Appends n bytes.  Returns 0, or -1 with errno set to ENOMEM. */
static inline int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->n <= n && buf_grow(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	return 0;
}

/* Appends one byte.  Returns 0, or -1 with errno set to ENOMEM. */
static inline int
buf_addc(struct buf *b, int c)
{
	if (b->cap - b->n <= 1 && buf_grow(b, 1) == -1)
		return -1;
	b->p[b->n++] = (char)c;
	return 0;
}

/* Appends a C string.  Returns 0, or -1 with errno set to ENOMEM. */
static inline int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

/*
 * Appends the decimal form of an unsigned number.  Returns 0, or -1 with
 * errno set to ENOMEM.
 */
int	buf_addu(struct buf *, unsigned long long);

/* Terminates the contents with a NUL in the spare byte (not counted). */
static inline void
buf_nul(struct buf *b)
{
	if (b->p != NULL)
		b->p[b->n] = '\0';
}

#endif
