/*
 * The line reader built a second time without SIMD (lines_portable.o,
 * from lib/lines.c with -DARTKIT_NO_SIMD and these names), so that
 * fuzz_lines can hold the two scans to the same answers.
 */
#ifndef ART_LINES_PORTABLE_H
#define ART_LINES_PORTABLE_H

#include "lines.h"

int	plines_init(struct lines *, int fd);
void	plines_free(struct lines *);
int	plines_next(struct lines *, char **p, size_t *n);
int	plines_plain(struct lines *, const char **p, size_t *n,
	    int markup);
void	plines_take(struct lines *);

#endif
