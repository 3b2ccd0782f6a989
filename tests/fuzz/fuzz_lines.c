/*
 * The line reader: the SIMD scan and the portable one hand out the same
 * lines with the same flags, through buffers of any size, and the lines
 * put back together are the input; a line over the bound comes as its
 * first bytes, with a true word on the form feeds at its end.
 *
 * lines_plain() finds the same plain lines with both scans, and a line
 * it finds and lines_take() takes is the input as well.
 *
 * The last byte of an input sets the readers up: the low four bits the
 * buffer size, the next two a bound on the line length, the next whether
 * lines_plain() looks for markup, the top one whether its lines are taken.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lines.h"
#include "lines_portable.h"

static const size_t caps[16] = {
	0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65
};
static const size_t maxes[4] = { 0, 1, 31, 64 };

/* Whether a line holds a byte that records escape, a CR at its end aside. */
static int
hasesc(const char *p, size_t n)
{
	size_t i;

	if (n > 0 && p[n - 1] == '\r')
		n--;
	for (i = 0; i < n; i++)
		if (p[i] == '\0' || p[i] == '\t' || p[i] == '\r' ||
		    p[i] == '\\')
			return 1;
	return 0;
}

/* Whether a line holds a byte that keeps it from being plain. */
static int
unplain(const char *p, size_t n, int markup)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)p[i];
		if (c < 0x0e || c == '\\' || (markup && (c < 0x20 ||
		    c == 0x7f || c == '<' || c == '&')))
			return 1;
	}
	return 0;
}

/* Whether the blanks at the end of a line hold a form feed. */
static int
endsinff(const uint8_t *p, size_t n)
{
	int ff = 0;

	for (; n > 0; n--) {
		if (p[n - 1] == '\f')
			ff = 1;
		else if (p[n - 1] != ' ' && p[n - 1] != '\t' &&
		    p[n - 1] != '\r' && p[n - 1] != '\v')
			break;
	}
	return ff;
}

/*
 * Checks the cut of a line over the bound against the input at *at and
 * passes over the line there.
 */
static void
checkcut(const struct lines *a, const struct lines *b, const char *p,
    size_t n, const char *q, size_t m, const uint8_t *data, size_t size,
    size_t *at)
{
	const uint8_t *nl;
	size_t len;

	FUZZ_ASSERT(n == a->max && m == n && memcmp(p, q, n) == 0);
	FUZZ_ASSERT(p[n] == '\0' && a->hasnul == b->hasnul &&
	    a->hasnul == (memchr(p, '\0', n) != NULL));
	FUZZ_ASSERT(*at + n <= size && memcmp(data + *at, p, n) == 0);
	nl = memchr(data + *at, '\n', size - *at);
	len = nl != NULL ? (size_t)(nl - (data + *at)) : size - *at;
	FUZZ_ASSERT(len > n);
	FUZZ_ASSERT(a->cutff == b->cutff &&
	    a->cutff == endsinff(data + *at, len));
	FUZZ_ASSERT(a->nonl == b->nonl && a->nonl == (nl == NULL));
	*at += len + (nl != NULL);
}

/*
 * Looks for a plain line with both readers; takes it when take is set
 * and checks it against the input at *at.  Returns 1 when it took one.
 */
static int
plain(struct lines *a, struct lines *b, int markup, int take, size_t max,
    const uint8_t *data, size_t size, size_t *at)
{
	const char *p, *q;
	size_t n, m;
	int r;

	r = lines_plain(a, &p, &n, markup);
	FUZZ_ASSERT(r == plines_plain(b, &q, &m, markup));
	if (r == 0)
		return 0;
	FUZZ_ASSERT(n == m && memcmp(p, q, n) == 0);
	FUZZ_ASSERT(!unplain(p, n, markup) && (max == 0 || n <= max));
	if (!take)
		return 0;
	lines_take(a);
	plines_take(b);
	FUZZ_ASSERT(a->lineno == b->lineno);
	FUZZ_ASSERT(*at + n <= size && memcmp(data + *at, p, n) == 0);
	*at += n;
	if (*at < size && data[*at] == '\r')
		++*at;
	FUZZ_ASSERT(*at < size && data[*at] == '\n');
	++*at;
	return 1;
}

static int
openfd(const char *path, size_t cap, struct lines *ln, int portable)
{
	int fd;

	FUZZ_ASSERT((fd = open(path, O_RDONLY)) != -1);
	FUZZ_ASSERT((portable ? plines_init(ln, fd) : lines_init(ln, fd)) ==
	    0);
	if (cap > 0)
		ln->cap = cap;
	return fd;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines a, b;
	const char *path;
	char *p, *q;
	size_t n, m, at = 0, max;
	int fa, fb, r, s, ea, eb;
	unsigned cfg;

	if (size == 0)
		return 0;
	cfg = data[--size];
	path = fuzz_file(data, size);
	max = maxes[cfg >> 4 & 3];
	fa = openfd(path, caps[cfg & 15], &a, 0);
	fb = openfd(path, caps[cfg & 15], &b, 1);
	a.max = b.max = max;
	do {
		if (plain(&a, &b, cfg >> 6 & 1, cfg >> 7 & 1, max, data, size,
		    &at)) {
			r = 1;
			continue;
		}
		errno = 0;
		r = lines_next(&a, &p, &n);
		ea = errno;
		errno = 0;
		s = plines_next(&b, &q, &m);
		eb = errno;
		FUZZ_ASSERT(r == s && a.lineno == b.lineno);
		if (r == -1) {
			FUZZ_ASSERT(ea == EFBIG && eb == EFBIG);
			checkcut(&a, &b, p, n, q, m, data, size, &at);
			continue;
		}
		if (r == 0)
			break;
		FUZZ_ASSERT(n == m && memcmp(p, q, n) == 0);
		FUZZ_ASSERT(p[n] == '\0' && memchr(p, '\n', n) == NULL);
		FUZZ_ASSERT(max == 0 || n <= max);
		FUZZ_ASSERT(a.hasnul == b.hasnul && a.hasesc == b.hasesc &&
		    a.nonl == b.nonl);
		FUZZ_ASSERT(a.hasnul == (memchr(p, '\0', n) != NULL));
		FUZZ_ASSERT(a.hasesc || !hasesc(p, n));
		FUZZ_ASSERT(at + n <= size && memcmp(data + at, p, n) == 0);
		at += n;
		if (!a.nonl) {
			FUZZ_ASSERT(at < size && data[at] == '\n');
			at++;
		} else
			FUZZ_ASSERT(at == size);
	} while (r != 0);
	FUZZ_ASSERT(at == size);
	FUZZ_ASSERT(lines_next(&a, &p, &n) == 0);
	lines_free(&a);
	plines_free(&b);
	close(fa);
	close(fb);
	return 0;
}
