/*
 * The multi-string searcher: its strings, the rules of a match (folding,
 * words, lines, the empty string) and the choice of an engine.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpat.h"
#include "mpatint.h"
#include "text.h"

static inline int
iscont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

size_t
mpat_encode(char *d, uint32_t c)
{
	static const unsigned char lead[5] = { 0, 0, 0xc0, 0xe0, 0xf0 };
	size_t n, i;

	n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	if (n == 1) {
		d[0] = (char)c;
		return 1;
	}
	for (i = n - 1; i > 0; i--, c >>= 6)
		d[i] = (char)(0x80 | (c & 0x3f));
	d[0] = (char)(lead[n] | c);
	return n;
}

size_t
mpat_foldunit(const char *p, const char *end, char *out, size_t *outlen)
{
	uint32_t c, f;
	size_t l;

	l = text_decode(p, end, &c);
	f = c == TEXT_BADBYTE ? c : text_foldcp(c);
	if (f == c) {
		memcpy(out, p, l);
		*outlen = l;
	} else
		*outlen = mpat_encode(out, f);
	return l;
}

int
mpat_boundary(const char *t, size_t n, size_t from, size_t p)
{
	uint32_t c;
	size_t k;

	if (p <= from || p >= n || !iscont((unsigned char)t[p]))
		return 1;
	/* The nearest byte that is not a continuation byte, if any. */
	for (k = 1; k <= 3 && k <= p - from; k++)
		if (!iscont((unsigned char)t[p - k]))
			return text_decode(t + p - k, t + n, &c) <= k;
	return 1;
}

/* Tells whether a letter or digit ends just before offset at. */
static int
wordbefore(const char *t, size_t at)
{
	size_t i, k;
	uint32_t c;

	if (at == 0)
		return 0;
	i = at - 1;
	for (k = 0; k < 3 && i > 0 && iscont((unsigned char)t[i]); k++)
		i--;
	if (text_decode(t + i, t + at, &c) != at - i)
		c = TEXT_BADBYTE;
	return text_isalnum(c);
}

/* Tells whether a letter or digit begins at offset at. */
static int
wordafter(const char *t, size_t n, size_t at)
{
	uint32_t c;

	if (at >= n)
		return 0;
	text_decode(t + at, t + n, &c);
	return text_isalnum(c);
}

int
mpat_startok(const struct mpat *m, const char *t, size_t so)
{
	if (m->flags & MPAT_LINE)
		return so == 0 || t[so - 1] == '\n';
	if (m->flags & MPAT_WORD)
		return !wordbefore(t, so);
	return 1;
}

int
mpat_endok(const struct mpat *m, const char *t, size_t n, size_t eo)
{
	if (m->flags & MPAT_LINE)
		return eo == n || t[eo] == '\n';
	if (m->flags & MPAT_WORD)
		return !wordafter(t, n, eo);
	return 1;
}

int
mpat_bounded(const struct mpat *m, const char *t, size_t n, size_t so,
    size_t eo)
{
	return mpat_startok(m, t, so) && mpat_endok(m, t, n, eo);
}

/*
 * Tells whether the characters at q fold to the len bytes at s, and
 * stores where they end in *eo.
 */
static int
foldeq(const char *t, size_t n, size_t q, const char *s, size_t len,
    size_t *eo)
{
	unsigned char b;
	char f[4];
	size_t i = 0, l, fl;

	while (i < len) {
		if (q >= n)
			return 0;
		b = (unsigned char)t[q];
		if (b < 0x80) {
			if ((b >= 'A' && b <= 'Z' ? b + 32 : b) !=
			    (unsigned char)s[i])
				return 0;
			q++, i++;
			continue;
		}
		l = mpat_foldunit(t + q, t + n, f, &fl);
		if (fl > len - i || memcmp(f, s + i, fl) != 0)
			return 0;
		q += l, i += fl;
	}
	*eo = q;
	return 1;
}

int
mpat_verify(const struct mpat *m, uint32_t id, const char *t, size_t n,
    size_t from, size_t p, size_t *eo)
{
	const struct mstr *s = &m->str[id];
	const char *b = m->bytes + s->off;

	if (!(m->flags & MPAT_ICASE)) {
		if (n - p < s->len || memcmp(t + p, b, s->len) != 0)
			return 0;
		*eo = p + s->len;
		return 1;
	}
	/*
	 * A string that is valid UTF-8 can only stand where a character
	 * begins; one that is not must be told so.
	 */
	return foldeq(t, n, p, b, s->len, eo) &&
	    (!s->ragged || mpat_boundary(t, n, from, p));
}

static int
paircmp(const void *a, const void *b)
{
	const struct foldpair *x = a, *y = b;

	if (x->fold != y->fold)
		return x->fold < y->fold ? -1 : 1;
	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/*
 * Made once and kept: the same for every searcher, and its making (a
 * call of text_foldcp() for each code point) costs more than building a
 * small searcher does.
 */
const struct foldpair *
mpat_foldpairs(size_t *np)
{
	static struct foldpair *pair;
	static size_t npair;
	struct foldpair *p = NULL, *q;
	size_t n = 0, cap = 0;
	uint32_t c, f;

	if (pair != NULL) {
		*np = npair;
		return pair;
	}
	/* text_foldcp() folds nothing past the Basic Multilingual Plane. */
	for (c = 0; c < 0x10000; c++) {
		if ((c >= 0xd800 && c <= 0xdfff) || (f = text_foldcp(c)) == c)
			continue;
		if (n == cap) {
			cap = cap > 0 ? cap * 2 : 512;
			if ((q = realloc(p, cap * sizeof(*p))) == NULL) {
				free(p);
				return NULL;
			}
			p = q;
		}
		p[n].fold = f;
		p[n++].cp = c;
	}
	qsort(p, n, sizeof(*p), paircmp);
	pair = p;
	*np = npair = n;
	return pair;
}

struct mpat *
mpat_new(int flags)
{
	struct mpat *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->flags = flags;
	m->empty = NONE;
	return m;
}

void
mpat_free(struct mpat *m)
{
	if (m == NULL)
		return;
	mpat_acfree(m);
	if (m->td != NULL)
		free(m->td->ids);
	free(m->td);
	free(m->str);
	free(m->bytes);
	free(m);
}

/* Tells whether one more string of len bytes would make the set too big. */
static int
toobig(const struct mpat *m, size_t len)
{
	size_t room = (MPAT_MAXMEM - MPAT_FIXMEM) / MPAT_BYTEMEM;

	return len > room || m->nbytes + len + (m->nstr + 1) * MPAT_STRMEM /
	    MPAT_BYTEMEM > room;
}

/*
 * Returns p grown to hold need items of size bytes (doubling *cap), or
 * NULL when memory ran out, p still valid.
 */
static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap > 0 ? *cap : 16;

	if (need <= *cap)
		return p;
	while (c < need)
		c *= 2;
	if ((p = realloc(p, c * size)) != NULL)
		*cap = c;
	return p;
}

/* Tells whether n bytes hold a byte that is not valid UTF-8. */
static int
ragged(const char *s, size_t n)
{
	const char *end = s + n;
	uint32_t c;

	while (s < end) {
		s += text_decode(s, end, &c);
		if (c == TEXT_BADBYTE)
			return 1;
	}
	return 0;
}

int
mpat_add(struct mpat *m, const char *s, size_t n)
{
	struct mstr *st;
	void *p;

	if (m->built || (n > 0 && memchr(s, '\n', n) != NULL)) {
		errno = EINVAL;
		return -1;
	}
	if (toobig(m, n)) {
		errno = E2BIG;
		return -1;
	}
	if ((p = grow(m->str, &m->capstr, m->nstr + 1, sizeof(*m->str))) ==
	    NULL)
		return -1;
	m->str = p;
	if ((p = grow(m->bytes, &m->capbytes, m->nbytes + n + 1, 1)) == NULL)
		return -1;
	m->bytes = p;
	st = &m->str[m->nstr];
	st->off = m->nbytes;
	if (m->flags & MPAT_ICASE)
		n = text_fold(m->bytes + m->nbytes, n, s, n);
	else if (n > 0)
		memcpy(m->bytes + m->nbytes, s, n);
	st->len = (uint32_t)n;
	st->ragged = (m->flags & MPAT_ICASE) && ragged(m->bytes + st->off, n);
	m->nbytes += n;
	if (n == 0 && m->empty == NONE)
		m->empty = (uint32_t)m->nstr;
	if (n > 0 && (m->nfull == 0 || n < m->minlen))
		m->minlen = n;
	if (n > 0)
		m->nfull++;
	m->nstr++;
	return 0;
}

/* The widest form the processor has, and the flags allow. */
static enum mpatform
pickform(int flags)
{
#ifdef MPAT_X86
	if (flags & MPAT_NOSIMD)
		return FORM_PORTABLE;
#ifdef MPAT_X86AVX2
	if (!(flags & (MPAT_NOAVX2 | MPAT_NOSSSE3)) &&
	    __builtin_cpu_supports("avx2"))
		return FORM_AVX2;
#endif
	if (!(flags & MPAT_NOSSSE3) && __builtin_cpu_supports("ssse3"))
		return FORM_SSSE3;
	return FORM_SSE2;
#else
	(void)flags;
	return FORM_PORTABLE;
#endif
}

/* Gives back the room the strings were given to grow into. */
static void
shrink(struct mpat *m)
{
	void *p;

	if (m->nstr > 0 && m->nstr < m->capstr &&
	    (p = realloc(m->str, m->nstr * sizeof(*m->str))) != NULL) {
		m->str = p;
		m->capstr = m->nstr;
	}
	if (m->nbytes > 0 && m->nbytes < m->capbytes &&
	    (p = realloc(m->bytes, m->nbytes)) != NULL) {
		m->bytes = p;
		m->capbytes = m->nbytes;
	}
}

/*
 * Tells whether Teddy is the faster engine: as measured on news text,
 * up to 64 strings that begin with a capital or a sign, up to 24 that
 * begin with a small letter or a space (with MPAT_ICASE all letters are
 * small), which pass its filter far more often.
 */
static int
teddyfits(const struct mpat *m)
{
	size_t i, w = 0;
	unsigned char c;

	for (i = 0; i < m->nstr; i++) {
		if (m->str[i].len == 0)
			continue;
		c = (unsigned char)m->bytes[m->str[i].off];
		w += (c >= 'a' && c <= 'z') || c == ' ' ? 8 : 3;
	}
	return w <= 3 * MPAT_TEDDYMAX;
}

int
mpat_build(struct mpat *m)
{
	int r;

	if (m->built) {
		errno = EINVAL;
		return -1;
	}
	shrink(m);
	m->form = pickform(m->flags);
	if (m->nfull == 0)
		m->engine = ENG_NONE;
	else if (!(m->flags & MPAT_NOTEDDY) && m->form >= FORM_SSSE3 &&
	    ((m->flags & MPAT_TEDDY) || teddyfits(m)))
		m->engine = ENG_TEDDY;
	else
		m->engine = ENG_AC;
	if (m->engine == ENG_TEDDY)
		r = mpat_teddybuild(m);
	else if (m->engine == ENG_AC)
		r = mpat_acbuild(m);
	else
		r = 0;
	if (r == -1)
		return -1;
	m->built = 1;
	return 0;
}

size_t
mpat_npat(const struct mpat *m)
{
	return m->nstr;
}

size_t
mpat_size(const struct mpat *m)
{
	size_t n;

	n = sizeof(*m) + m->capstr * sizeof(*m->str) + m->capbytes +
	    m->ac.ntab * sizeof(*m->ac.tab);
	if (m->td != NULL)
		n += sizeof(*m->td) + m->nfull * sizeof(*m->td->ids);
	return n;
}

const char *
mpat_engine(const struct mpat *m)
{
	static const char *const name[3][4] = {
		{ "none", "none", "none", "none" },
		{ "ac/portable", "ac/sse2", "ac/ssse3", "ac/avx2" },
		{ "teddy/portable", "teddy/sse2", "teddy/ssse3", "teddy/avx2" }
	};

	return name[m->engine][m->form];
}

static int
search(const struct mpat *m, const char *t, size_t n, size_t from,
    size_t limit, struct mpatmatch *mp)
{
	switch (m->engine) {
	case ENG_TEDDY:
		return mpat_teddyfind(m, t, n, from, limit, mp);
	case ENG_AC:
		return mpat_acfind(m, t, n, from, limit, mp);
	default:
		return 0;
	}
}

/* The length of the character at offset at, at least 1. */
static size_t
charlen(const char *t, size_t n, size_t at)
{
	uint32_t c;

	return at < n ? text_decode(t + at, t + n, &c) : 1;
}

/*
 * Looks for the first place in [*qp, end] where the empty string may
 * match with MPAT_WORD or MPAT_LINE (an empty line, or a character
 * boundary with no letter or digit on either side), walking characters
 * from *qp.  Returns 1 with it in *qp, or 0 with *qp where the walk
 * stopped: the first character boundary past end, or past n.
 */
static int
emptyin(const struct mpat *m, const char *t, size_t n, size_t *qp,
    size_t end)
{
	const char *nl;
	size_t q = *qp;

	while (q <= end) {
		if (mpat_bounded(m, t, n, q, q)) {
			*qp = q;
			return 1;
		}
		if (q == n)
			q = n + 1;
		else if (!(m->flags & MPAT_LINE))
			q += charlen(t, n, q);
		else if ((nl = memchr(t + q, '\n', n - q)) != NULL)
			q = (size_t)(nl - t) + 1;
		else
			q = n + 1;
	}
	*qp = q;
	return 0;
}

/*
 * With the empty string among the strings: a longer match wins at the
 * same place.  With MPAT_WORD or MPAT_LINE the places where the empty
 * string may match and the other matches are looked for together, in
 * windows that double, so that a search takes time in step with the
 * distance to its match, not to the end of the text.
 */
static int
findempty(const struct mpat *m, const char *t, size_t n, size_t from,
    struct mpatmatch *mp)
{
	size_t p = from, q = from, end, w;
	int found;

	if (!(m->flags & (MPAT_WORD | MPAT_LINE))) {
		if (search(m, t, n, from, from, mp))
			return 1;
	} else
		for (w = 256;; w *= 2) {
			end = n - p > w ? p + w : n;
			found = emptyin(m, t, n, &q, end);
			if (search(m, t, n, p, found ? q : end, mp))
				return 1;
			if (found)
				break;
			if (end == n)
				return 0;
			/*
			 * Folded, no match begins inside a character: go on
			 * from one.  A line begins after a newline anyway.
			 */
			if ((m->flags & (MPAT_ICASE | MPAT_LINE)) == MPAT_ICASE)
				p = q;
			else
				p = end + 1;
		}
	mp->so = mp->eo = q;
	mp->pat = m->empty;
	return 1;
}

int
mpat_find(const struct mpat *m, const char *t, size_t n, size_t from,
    struct mpatmatch *mp)
{
	if (!m->built || from > n)
		return 0;
	if (m->empty == NONE)
		return search(m, t, n, from, n, mp);
	return findempty(m, t, n, from, mp);
}

int
mpat_next(const struct mpat *m, const char *t, size_t n, size_t *from,
    struct mpatmatch *mp)
{
	if (!mpat_find(m, t, n, *from, mp))
		return 0;
	*from = mp->eo > mp->so ? mp->eo : mp->so + charlen(t, n, mp->so);
	return 1;
}
