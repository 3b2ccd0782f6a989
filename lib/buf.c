#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"

int
buf_grow(struct buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (need > SIZE_MAX / 2 - b->n) {
		errno = ENOMEM;
		return -1;
	}
	if (b->cap > b->n + need)
		return 0;
	cap = b->cap < 256 ? 256 : b->cap;
	while (cap <= b->n + need)
		cap *= 2;
	if ((p = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

int
buf_addu(struct buf *b, unsigned long long v)
{
	char tmp[24], *s = tmp + sizeof(tmp);

	do {
		*--s = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return buf_add(b, s, (size_t)(tmp + sizeof(tmp) - s));
}
