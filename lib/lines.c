#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lines.h"
#include "out.h"

#define LINES_BLOCK	(256 * 1024)

int
lines_init(struct lines *ln, int fd)
{
	memset(ln, 0, sizeof(*ln));
	ln->fd = fd;
	ln->cap = LINES_BLOCK;
	ln->findat = LINES_NOFIND;
	out_widenpipe(fd);
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

/* Notes a byte that stops the scan; returns 1 at the newline. */
static inline int
stopat(struct lines *ln, const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c == '\n') {
		ln->scan = (size_t)(p - ln->buf);
		return 1;
	}
	if (c < 0x0a || c == '\r' || c == '\\') {
		ln->nspec++;
		ln->lastspec = (size_t)(p - ln->buf);
	}
	return 0;
}

/*
 * The bytes that stop the scan: those below 0x0e (the newline, NUL, tab
 * and CR among them) and the backslash.  With SSE2 (every x86-64) a mask
 * of them is had for 32 bytes at a time, as memchr does it; elsewhere the
 * test runs on 64-bit words and the block is then read byte by byte.
 */
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#include <emmintrin.h>

/* Returns a bit for each byte of p[0..32) that stops the scan. */
static inline uint32_t
stop32(const char *p)
{
	const __m128i lim = _mm_set1_epi8(0x0d), bs = _mm_set1_epi8('\\');
	__m128i a, b;

	a = _mm_loadu_si128((const __m128i *)(const void *)p);
	b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
	a = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, lim), a),
	    _mm_cmpeq_epi8(a, bs));
	b = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(b, lim), b),
	    _mm_cmpeq_epi8(b, bs));
	return (uint32_t)_mm_movemask_epi8(a) |
	    (uint32_t)_mm_movemask_epi8(b) << 16;
}

/* Handles the stopping bytes of a 32-byte block; 1 at a newline. */
static inline int
stopblock(struct lines *ln, const char *p, uint32_t m)
{
	for (; m != 0; m &= m - 1)
		if (stopat(ln, p + __builtin_ctz(m)))
			return 1;
	return 0;
}
#else
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

static inline uint64_t
stop8(const char *p)
{
	uint64_t x, y;

	memcpy(&x, p, 8);
	y = x ^ (ONES * '\\');
	return (((x - ONES * 0x0e) & ~x) | ((y - ONES) & ~y)) & HIGHS;
}

static inline uint32_t
stop32(const char *p)
{
	return (stop8(p) | stop8(p + 8) | stop8(p + 16) | stop8(p + 24)) != 0;
}

static int
stopblock(struct lines *ln, const char *p, uint32_t m)
{
	const char *end = p + 32;
	unsigned char c;

	(void)m;
	for (; p < end; p++) {
		c = (unsigned char)*p;
		if ((c < 0x0e || c == '\\') && stopat(ln, p))
			return 1;
	}
	return 0;
}
#endif

/*
 * Looks for the newline from ln->scan on, counting on the way the bytes
 * that records escape: one pass finds both, where a memchr for the
 * newline and one for each escaped byte would cost five.  Returns the
 * newline, or NULL when the buffer ends first.
 */
static char *
scanline(struct lines *ln)
{
	char *p = ln->buf + ln->scan, *end = ln->buf + ln->end;
	uint32_t m;

	if (ln->records) {
		p = memchr(p, '\n', (size_t)(end - p));
		ln->scan = p != NULL ? (size_t)(p - ln->buf) : ln->end;
		return p;
	}
	for (; end - p >= 32; p += 32)
		if ((m = stop32(p)) != 0 && stopblock(ln, p, m))
			return ln->buf + ln->scan;
	for (; p < end; p++)
		if (((unsigned char)*p < 0x0e || *p == '\\') && stopat(ln, p))
			return ln->buf + ln->scan;
	ln->scan = ln->end;
	return NULL;
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
		ln->scan -= ln->pos;
		ln->lastspec -= ln->nspec > 0 ? ln->pos : 0;
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
	if (r > 0)
		ln->end += (size_t)r;
	return r;
}

/* Starts the scan of a new line at pos. */
static void
newline(struct lines *ln)
{
	ln->scan = ln->pos;
	ln->nspec = 0;
}

/* The blanks article text trims from the ends of a line. */
static inline int
isblank_(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Notes in cutff whether the blanks at the end of the bytes of a line
 * seen so far hold a form feed, the bytes p[0..n) following those before.
 */
static void
tailff(struct lines *ln, const char *p, size_t n)
{
	int ff = 0;

	while (n > 0) {
		if (p[--n] == '\f')
			ff = 1;
		else if (!isblank_((unsigned char)p[n])) {
			ln->cutff = ff;
			return;
		}
	}
	ln->cutff |= ff;
}

/*
 * Cuts a line longer than max that goes on past the bytes read: the line
 * so far goes to the front of the buffer, its first max bytes stay there,
 * followed by a NUL, and the rest is read behind them and passed over,
 * up to and past the newline.  Returns 0, or -1 with errno set when a read
 * failed or no memory could be had.
 */
static int
cutlong(struct lines *ln)
{
	size_t at = ln->max + 1;
	ssize_t r;
	char *p, *q;

	memmove(ln->buf, ln->buf + ln->pos, ln->end - ln->pos);
	tailff(ln, ln->buf, ln->end - ln->pos);
	ln->cutat = 0;
	ln->gen++;
	if (ln->cap <= at) {
		if ((p = realloc(ln->buf, 2 * at + 1)) == NULL)
			return -1;
		ln->buf = p;
		ln->cap = 2 * at;
	}
	ln->buf[ln->max] = '\0';
	ln->pos = ln->end = at;
	for (;;) {
		do
			r = read(ln->fd, ln->buf + at, ln->cap - at);
		while (r == -1 && errno == EINTR);
		if (r == -1)
			return -1;
		ln->end = at + (size_t)r;
		if (r == 0) {
			ln->eof = ln->nonl = 1;
			return 0;
		}
		if ((q = memchr(ln->buf + at, '\n', (size_t)r)) != NULL) {
			tailff(ln, ln->buf + at, (size_t)(q - ln->buf) - at);
			ln->pos = (size_t)(q - ln->buf) + 1;
			ln->nonl = 0;
			return 0;
		}
		tailff(ln, ln->buf + at, (size_t)r);
	}
}

/*
 * Cuts a line longer than max: its first max bytes stay in the buffer,
 * followed by a NUL, and the rest is passed over.  q is where the line
 * ends, its newline or the end of the input, or NULL when the line goes
 * on past the bytes read.  Returns 0, or -1 with errno set.
 */
static int
cut(struct lines *ln, char *q)
{
	ln->cutff = 0;
	if (q == NULL)
		return cutlong(ln);
	tailff(ln, ln->buf + ln->pos, (size_t)(q - ln->buf) - ln->pos);
	ln->cutat = ln->pos;
	ln->nonl = q == ln->buf + ln->end;
	ln->pos = (size_t)(q - ln->buf) + !ln->nonl;
	ln->buf[ln->cutat + ln->max] = '\0';
	return 0;
}

/*
 * Hands out the cut of a line longer than max (cut()), with EFBIG: the
 * reader may still want to know how the line begins.
 */
static int
handcut(struct lines *ln, char *q, char **p, size_t *n)
{
	ln->lineno++;
	if (cut(ln, q) == -1) {
		newline(ln);
		return -1;
	}
	newline(ln);
	*p = ln->buf + ln->cutat;
	*n = ln->max;
	ln->hasesc = 1;
	ln->hasnul = memchr(*p, '\0', *n) != NULL;
	ln->findat = LINES_NOFIND;
	errno = EFBIG;
	return -1;
}

/* Hands out the line that ends at q, the newline or the end of input. */
static void
handout(struct lines *ln, char *q, char **p, size_t *n)
{
	size_t len = (size_t)(q - ln->buf) - ln->pos;

	ln->nonl = q == ln->buf + ln->end;
	*p = ln->buf + ln->pos;
	*n = len;
	/* A CR just before the newline is trimmed by every reader. */
	ln->hasesc = ln->nspec > 1 || (ln->nspec == 1 &&
	    !(ln->lastspec + 1 == ln->pos + len &&
	    ln->buf[ln->lastspec] == '\r'));
	ln->hasnul = ln->hasesc && memchr(*p, '\0', len) != NULL;
	ln->findat = LINES_NOFIND;
	*q = '\0';
	ln->pos += len + !ln->nonl;
	ln->lineno++;
	newline(ln);
}

int
lines_next(struct lines *ln, char **p, size_t *n)
{
	char *q;
	ssize_t r;

	for (;;) {
		if ((q = scanline(ln)) != NULL)
			break;
		if (ln->max > 0 && ln->end - ln->pos > ln->max)
			return handcut(ln, NULL, p, n);
		if (ln->eof) {
			if (ln->pos == ln->end)
				return 0;
			q = ln->buf + ln->end;
			break;
		}
		if ((r = fill(ln)) == -1)
			return -1;
		if (r == 0)
			ln->eof = 1;
	}
	if (ln->max > 0 && (size_t)(q - ln->buf) - ln->pos > ln->max)
		return handcut(ln, q, p, n);
	handout(ln, q, p, n);
	return 1;
}

/*
 * Whether a byte keeps a line from being plain (lines_plain()): one that
 * stops the scan of lines_next() (the newline, CR, tab and NUL among
 * them) and, in markup, any other control byte, DEL, and the '<' and '&'
 * of tags and character references.
 */
static inline int
unplain(unsigned char c, int markup)
{
	if (c < 0x0e || c == '\\')
		return 1;
	return markup && (c < 0x20 || c == 0x7f || c == '<' || c == '&');
}

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
/* Returns a bit for each byte of p[0..16) that unplain() holds to. */
static inline unsigned
unplain16(const char *p)
{
	const __m128i ctl = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f),
	    lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'),
	    bs = _mm_set1_epi8('\\');
	__m128i a, m;

	a = _mm_loadu_si128((const __m128i *)(const void *)p);
	m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, ctl), a),
	    _mm_or_si128(_mm_cmpeq_epi8(a, del), _mm_cmpeq_epi8(a, bs)));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(a, lt),
	    _mm_cmpeq_epi8(a, amp)));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * The first byte at or after p, before end, that unplain() holds to, or
 * NULL: with SSE2, 32 bytes at a time (without markup these are the bytes
 * of lines_next()'s scan), then one at a time.
 */
static const char *
unplainat(const char *p, const char *end, int markup)
{
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
	uint32_t m;

	if (markup) {
		for (; end - p >= 32; p += 32)
			if ((m = unplain16(p) | unplain16(p + 16) << 16) != 0)
				return p + __builtin_ctz(m);
	} else
		for (; end - p >= 32; p += 32)
			if ((m = stop32(p)) != 0)
				return p + __builtin_ctz(m);
#endif
	for (; p < end; p++)
		if (unplain((unsigned char)*p, markup))
			return p;
	return NULL;
}

int
lines_plain(struct lines *ln, const char **p, size_t *n, int markup)
{
	const char *s = ln->buf + ln->pos, *end = ln->buf + ln->end, *q;
	size_t len;

	if ((q = unplainat(s, end, markup)) == NULL)
		return 0;
	ln->plainnext = (size_t)(q - ln->buf) + 1;
	if (*q == '\r' && q + 1 < end && q[1] == '\n')
		ln->plainnext++;
	else if (*q != '\n')
		return 0;
	len = (size_t)(q - s);
	if (ln->max > 0 && len > ln->max)
		return 0;
	*p = s;
	*n = len;
	return 1;
}

void
lines_take(struct lines *ln)
{
	ln->pos = ln->plainnext;
	ln->lineno++;
	ln->hasesc = ln->hasnul = ln->nonl = 0;
	ln->findat = LINES_NOFIND;
	newline(ln);
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
	newline(ln);
}

int
lines_find(struct lines *ln, lines_findfn *find, void *arg, char **p,
    size_t *n)
{
	const char *h = NULL;
	size_t at = LINES_NOFIND;
	ssize_t r;
	int got;

	for (;;) {
		if (ln->pos < ln->end) {
			h = find(arg, ln->buf + ln->pos, ln->buf + ln->end,
			    ln->gen);
			passlines(ln, h != NULL ? h : ln->buf + ln->end);
			if (h != NULL) {
				at = (size_t)(h - (ln->buf + ln->pos));
				break;
			}
		}
		/* What is left is a part of a line without a find. */
		if (ln->eof) {
			if (ln->pos < ln->end) {
				ln->lineno++;
				ln->pos = ln->end;
				newline(ln);
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
	if ((got = lines_next(ln, p, n)) == 1)
		ln->findat = at;
	return got;
}
