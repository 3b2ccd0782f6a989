/*
 * out.h: output in large blocks.
 *
 * The tools gather their output in a buffer and hand it to stdio in
 * blocks of OUT_BLOCK bytes, which stdio then writes straight through.
 */
#ifndef ART_OUT_H
#define ART_OUT_H

#include <stdio.h>

#include "buf.h"

#define OUT_BLOCK	(256 * 1024)

struct out {
	FILE		*fp;
	struct buf	 b;
};

/*
 * Prepares output to fp.  When fp is a pipe, asks the system for a larger
 * pipe buffer (where there is a way to), which lets the reader at the
 * other end run in step instead of waking for every 64 KiB.
 */
void	out_init(struct out *, FILE *fp);

/* Writes what is buffered.  Returns 0, or -1 with errno set. */
int	out_flush(struct out *);

/* Writes what is buffered once a block is full.  0, or -1 with errno. */
static inline int
out_check(struct out *o)
{
	return o->b.n >= OUT_BLOCK ? out_flush(o) : 0;
}

/* Frees the buffer (without writing it). */
void	out_free(struct out *);

/*
 * Asks for a larger pipe buffer when fd is a pipe; does nothing
 * otherwise, or where the system has no way to.
 */
void	out_widenpipe(int fd);

#endif
