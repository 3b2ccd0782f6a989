#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lines.h"

#define LINES_BLOCK	(256 * 1024)

int
lines_init(struct lines *ln, int fd)
{
	memset(ln, 0, sizeof(*ln));
	ln->fd = fd;
	ln->cap = LINES_BLOCK;
	if ((ln->buf = malloc(ln->cap + 1)) == NULL)
		return -1;
	return 0;
}

void
lines_free(struct lines *ln)
{
	free(ln->buf);
	ln->buf = NULL;
}

static void
findnul(struct lines *ln, size_t from)
{
	char *q;

	q = memchr(ln->buf + from, '\0', ln->end - from);
	ln->nul = q != NULL ? (size_t)(q - ln->buf) : ln->end;
}

/*
 * Moves the unread bytes to the front and reads more behind them, growing
 * the buffer when a line fills it.  Returns the bytes read, 0 at end of
 * file, -1 on error.
 */
static ssize_t
fill(struct lines *ln)
{
	size_t keep = ln->end - ln->pos, cap;
	ssize_t r;
	char *p;

	if (ln->pos > 0) {
		memmove(ln->buf, ln->buf + ln->pos, keep);
		ln->nul -= ln->pos;
		ln->pos = 0;
		ln->end = keep;
	}
	if (ln->end == ln->cap) {
		if (ln->cap > SIZE_MAX / 4) {
			errno = ENOMEM;
			return -1;
		}
		cap = ln->cap * 2;
		if ((p = realloc(ln->buf, cap + 1)) == NULL)
			return -1;
		ln->buf = p;
		ln->cap = cap;
	}
	ln->gen++;
	do
		r = read(ln->fd, ln->buf + ln->end, ln->cap - ln->end);
	while (r == -1 && errno == EINTR);
	if (r > 0) {
		ln->end += (size_t)r;
		if (ln->nul == ln->end - (size_t)r)
			findnul(ln, ln->nul);
	}
	return r;
}

/* Skips the rest of an overlong line, up to and past its newline. */
static int
skipline(struct lines *ln)
{
	char *q;
	ssize_t r;

	for (;;) {
		q = memchr(ln->buf + ln->pos, '\n', ln->end - ln->pos);
		if (q != NULL) {
			ln->pos = (size_t)(q - ln->buf) + 1;
			findnul(ln, ln->pos);
			return 0;
		}
		ln->pos = ln->end = 0;
		ln->nul = 0;
		ln->gen++;
		do
			r = read(ln->fd, ln->buf, ln->cap);
		while (r == -1 && errno == EINTR);
		if (r <= 0) {
			ln->eof = 1;
			return (int)r;
		}
		ln->end = (size_t)r;
		findnul(ln, 0);
	}
}

int
lines_next(struct lines *ln, char **p, size_t *n)
{
	size_t len, scan = ln->pos;
	char *q;
	ssize_t r;

	for (;;) {
		q = memchr(ln->buf + scan, '\n', ln->end - scan);
		if (q != NULL)
			break;
		if (ln->max > 0 && ln->end - ln->pos > ln->max) {
			ln->lineno++;
			if (skipline(ln) == -1)
				return -1;
			errno = EFBIG;
			return -1;
		}
		if (ln->eof) {
			if (ln->pos == ln->end)
				return 0;
			q = ln->buf + ln->end;
			break;
		}
		scan = ln->end - ln->pos;
		if ((r = fill(ln)) == -1)
			return -1;
		if (r == 0)
			ln->eof = 1;
	}
	len = (size_t)(q - ln->buf) - ln->pos;
	if (ln->max > 0 && len > ln->max) {
		ln->lineno++;
		ln->pos += len + (q != ln->buf + ln->end);
		findnul(ln, ln->pos);
		errno = EFBIG;
		return -1;
	}
	ln->nonl = q == ln->buf + ln->end;
	*p = ln->buf + ln->pos;
	*n = len;
	ln->hasnul = ln->nul < ln->pos + len;
	*q = '\0';
	ln->pos += len + !ln->nonl;
	if (ln->hasnul)
		findnul(ln, ln->pos);
	ln->lineno++;
	return 1;
}

/* Passes over the whole lines before h, counting them. */
static void
passlines(struct lines *ln, const char *h)
{
	const char *q;

	while ((q = memchr(ln->buf + ln->pos, '\n',
	    (size_t)(h - (ln->buf + ln->pos)))) != NULL) {
		ln->lineno++;
		ln->pos = (size_t)(q - ln->buf) + 1;
	}
	if (ln->nul < ln->pos)
		findnul(ln, ln->pos);
}

int
lines_find(struct lines *ln, lines_findfn *find, void *arg, char **p,
    size_t *n)
{
	const char *h;
	ssize_t r;

	for (;;) {
		if (ln->pos < ln->end) {
			h = find(arg, ln->buf + ln->pos, ln->buf + ln->end,
			    ln->gen);
			passlines(ln, h != NULL ? h : ln->buf + ln->end);
			if (h != NULL)
				break;
		}
		/* What is left is a part of a line without a find. */
		if (ln->eof) {
			if (ln->pos < ln->end) {
				ln->lineno++;
				ln->pos = ln->nul = ln->end;
			}
			return 0;
		}
		/* A line as long as the buffer: lines_next() grows it. */
		if (ln->pos == 0 && ln->end == ln->cap)
			break;
		if ((r = fill(ln)) == -1)
			return -1;
		if (r == 0)
			ln->eof = 1;
	}
	return lines_next(ln, p, n);
}
