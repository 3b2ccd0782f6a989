/*
 * Character references.  The names are those of XML, the HTML 4 Latin-1
 * set (which is every name the SGML news collections use) and the common
 * punctuation of HTML 4; they are few enough to search in order.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "entity.h"

struct ent {
	const char	*name;
	long		 cp;
};

/* The Latin-1 names, for 160 to 255 in order. */
static const char *const latin1[96] = {
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
	"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
	"deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
	"cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34",
	"iquest",
	"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
	"Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
	"Icirc", "Iuml",
	"ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml",
	"times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
	"THORN", "szlig",
	"agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
	"ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute",
	"icirc", "iuml",
	"eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
	"divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute",
	"thorn", "yuml"
};

/* The rest; SGML collections also write the XML five in upper case. */
static const struct ent others[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "AMP", '&' }, { "LT", '<' }, { "GT", '>' },
	{ "QUOT", '"' },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201a }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "bdquo", 0x201e }, { "dagger", 0x2020 },
	{ "Dagger", 0x2021 }, { "bull", 0x2022 }, { "hellip", 0x2026 },
	{ "permil", 0x2030 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203a },
	{ "euro", 0x20ac }, { "trade", 0x2122 }, { "OElig", 0x152 },
	{ "oelig", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 },
	{ "Yuml", 0x178 }, { "fnof", 0x192 }, { "circ", 0x2c6 },
	{ "tilde", 0x2dc }, { "ensp", 0x2002 }, { "emsp", 0x2003 },
	{ "thinsp", 0x2009 }, { "minus", 0x2212 }
};

/* Windows-1252 at 128 to 159; 0 where it has no character. */
static const unsigned short cp1252[32] = {
	0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178
};

static int
named(const char *p, size_t n, long *cp)
{
	size_t i;

	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (strlen(others[i].name) == n &&
		    memcmp(others[i].name, p, n) == 0) {
			*cp = others[i].cp;
			return 1;
		}
	for (i = 0; i < 96; i++)
		if (strlen(latin1[i]) == n && memcmp(latin1[i], p, n) == 0) {
			*cp = (long)i + 160;
			return 1;
		}
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the digits of &#...; from p[i]; returns the end or 0. */
static size_t
numeric(const char *p, size_t n, size_t i, long *cp)
{
	int base = 10, v;
	size_t start;

	if (i < n && (p[i] == 'x' || p[i] == 'X')) {
		base = 16;
		i++;
	}
	*cp = 0;
	for (start = i; i < n && (v = hexval(p[i])) >= 0 && v < base; i++) {
		*cp = *cp * base + v;
		if (*cp > 0x10ffff)
			return 0;
	}
	if (i == start || i >= n || p[i] != ';')
		return 0;
	if (*cp >= 128 && *cp < 160 && cp1252[*cp - 128] != 0)
		*cp = cp1252[*cp - 128];
	if (*cp == 0 || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return i + 1;
}

size_t
entity_ref(const char *p, size_t n, long *cp)
{
	size_t i;

	if (n < 3 || p[0] != '&')
		return 0;
	if (p[1] == '#')
		return numeric(p, n, 2, cp);
	for (i = 1; i < n && i < 12 && ((p[i] >= 'a' && p[i] <= 'z') ||
	    (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9'));
	    i++)
		;
	if (i == 1 || i >= n || p[i] != ';' || !named(p + 1, i - 1, cp))
		return 0;
	return i + 1;
}

int
entity_isctl(long cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return 0;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

int
entity_pututf8(struct buf *b, long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return buf_add(b, u, n);
}

/* The bytes entity_decode() must look at: '&' and the control bytes. */
static int
special(unsigned char c, int flags)
{
	if (flags & ENT_ESCAPE)
		if (c == '\\' || c == '\t' || c == '\r')
			return 1;
	if ((flags & ENT_TAGS) && c == '<')
		return 1;
	return c == '&' || (c < 0x20 && c != '\t' && c != '\n' &&
	    c != '\r') || c == 0x7f;
}

/*
 * The scan for bytes that need care: with SSE2 (every x86-64) a mask of
 * them is had for 16 bytes at a time, as memchr does it; elsewhere the
 * test runs on 64-bit words, and a block that may hold one is then read
 * byte by byte.
 */
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#include <emmintrin.h>

/* What to look for: the flags' bytes, or '&' again where they ask none. */
struct care {
	__m128i	 lim, amp, del, esc, tag;
};

static inline void
care_init(struct care *c, int flags)
{
	c->lim = _mm_set1_epi8(0x1f);
	c->amp = _mm_set1_epi8('&');
	c->del = _mm_set1_epi8(0x7f);
	c->esc = _mm_set1_epi8(flags & ENT_ESCAPE ? '\\' : '&');
	c->tag = _mm_set1_epi8(flags & ENT_TAGS ? '<' : '&');
}

/* Marks each byte of p[0..16) that may need care. */
static inline __m128i
carev(const char *p, const struct care *c)
{
	__m128i x;

	x = _mm_loadu_si128((const __m128i *)(const void *)p);
	return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x,
	    c->lim), x), _mm_cmpeq_epi8(x, c->amp)), _mm_or_si128(
	    _mm_cmpeq_epi8(x, c->del), _mm_or_si128(_mm_cmpeq_epi8(x, c->esc),
	    _mm_cmpeq_epi8(x, c->tag))));
}

/* Returns a bit for each byte of p[0..16) that may need care. */
static inline unsigned
care16(const char *p, const struct care *c)
{
	return (unsigned)_mm_movemask_epi8(carev(p, c));
}

/*
 * Whether no byte of p[0..n), n >= 16, may need care; the bytes are
 * copied to d (which has room for them) on the way, blocks of 16 at a
 * time, the last overlapping the one before.
 */
static inline int
nocare(const char *p, size_t n, const struct care *c, char *d)
{
	__m128i acc = _mm_setzero_si128(), x;
	size_t i = 0;

	for (;;) {
		if (i + 16 > n)
			i = n - 16;
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		acc = _mm_or_si128(acc, _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(_mm_min_epu8(x, c->lim), x),
		    _mm_cmpeq_epi8(x, c->amp)), _mm_or_si128(_mm_cmpeq_epi8(x,
		    c->del), _mm_or_si128(_mm_cmpeq_epi8(x, c->esc),
		    _mm_cmpeq_epi8(x, c->tag)))));
		_mm_storeu_si128((__m128i *)(void *)(d + i), x);
		if ((i += 16) >= n)
			break;
	}
	return _mm_movemask_epi8(acc) == 0;
}
#else
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

struct care {
	uint64_t	 esc, tag;
};

static inline void
care_init(struct care *c, int flags)
{
	c->esc = ONES * (flags & ENT_ESCAPE ? '\\' : '&');
	c->tag = ONES * (flags & ENT_TAGS ? '<' : '&');
}

/* Whether a word may hold a byte below 0x20, '&', DEL, or the flags'. */
static inline uint64_t
maybe(uint64_t x, const struct care *c)
{
	uint64_t a = x ^ (ONES * '&'), d = x ^ (ONES * 0x7f), s = x ^ c->esc,
	    t = x ^ c->tag;

	return (((x - ONES * 0x20) & ~x) | ((a - ONES) & ~a) |
	    ((d - ONES) & ~d) | ((s - ONES) & ~s) | ((t - ONES) & ~t)) & HIGHS;
}

static inline unsigned
care16(const char *p, const struct care *c)
{
	uint64_t x, y;

	memcpy(&x, p, 8);
	memcpy(&y, p + 8, 8);
	return maybe(x, c) | maybe(y, c) ? 0xffff : 0;
}

static inline int
nocare(const char *p, size_t n, const struct care *c, char *d)
{
	size_t i;

	for (i = 0; i + 16 < n; i += 16)
		if (care16(p + i, c))
			return 0;
	if (care16(p + n - 16, c))
		return 0;
	memcpy(d, p, n);
	return 1;
}
#endif

/* The number of the lowest bit set in m, which is not 0. */
static inline size_t
lowbit(unsigned m)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctz(m);
#else
	size_t k;

	for (k = 0; (m & 1) == 0; k++)
		m >>= 1;
	return k;
#endif
}

/*
 * Returns the length of the run of bytes at p that need no care, looking
 * at 16 bytes at a time where it can: text is mostly such runs.  The last
 * block of a piece of 16 bytes or more overlaps the one before it.
 */
static size_t
plainrun(const char *p, size_t n, int flags)
{
	struct care c;
	size_t i = 0, at, k;
	unsigned m;

	if (n < 16) {
		for (; i < n; i++)
			if (special((unsigned char)p[i], flags))
				return i;
		return n;
	}
	care_init(&c, flags);
	for (;;) {
		for (; i + 16 <= n; i += 16)
			if ((m = care16(p + i, &c)) != 0)
				break;
		at = i + 16 <= n ? i : n - 16;
		if (at != i) {
			if (i == n)
				return n;
			/* Bit k stands for p[at + k]; those before i were seen. */
			m = care16(p + at, &c) >> (i - at) << (i - at);
		}
		for (; m != 0; m &= m - 1) {
			k = lowbit(m);
			if (special((unsigned char)p[at + k], flags))
				return at + k;
		}
		if ((i = at + 16) >= n)
			return n;
	}
}

size_t
entity_plain(const char *p, size_t n, int flags)
{
	return plainrun(p, n, flags);
}

int
entity_addplain(struct buf *b, const char *p, size_t n, int flags)
{
	struct care c;

	if (n < 16) {
		if (plainrun(p, n, flags) != n)
			return 0;
		return buf_add(b, p, n) == -1 ? -1 : 1;
	}
	if (buf_grow(b, n) == -1)
		return -1;
	care_init(&c, flags);
	if (!nocare(p, n, &c, b->p + b->n))
		return 0;
	b->n += n;
	return 1;
}

/* Appends a byte, escaped as records write it where flags ask. */
static int
putbyte(struct buf *b, int c, int flags)
{
	static const char esc[] = { '\\', '\\', '\t', 't', '\r', 'r', '\0',
	    '0' };
	size_t i;

	if (flags & ENT_ESCAPE)
		for (i = 0; i < sizeof(esc); i += 2)
			if (c == esc[i])
				return buf_addc(b, '\\') == -1 ? -1 :
				    buf_addc(b, esc[i + 1]);
	return buf_addc(b, c);
}

long
entity_ctl(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (entity_isctl((unsigned char)p[i]) &&
		    (unsigned char)p[i] < 0x80)
			return (unsigned char)p[i];
	return -1;
}

/* Decodes the reference at p, or copies its '&'; returns the length. */
static size_t
decode1(struct buf *b, const char *p, size_t n, int flags, long *ctl,
    int *err)
{
	size_t len;
	long cp;

	if ((len = entity_ref(p, n, &cp)) == 0) {
		*err = buf_addc(b, '&');
		return 1;
	}
	if ((flags & ENT_MARKS) && (cp == 2 || cp == 3))
		return len;
	if (entity_isctl(cp)) {
		if (*ctl == -1)
			*ctl = cp;
		*err = buf_add(b, p, len);
	} else if (cp == '\n' || cp == '\r')
		*err = buf_addc(b, ' ');
	else if (cp < 0x80)
		*err = putbyte(b, (int)cp, flags);
	else
		*err = entity_pututf8(b, cp);
	return len;
}

ssize_t
entity_decode(struct buf *b, const char *p, size_t n, int flags, long *ctl)
{
	size_t i = 0, start;
	int err = 0;

	*ctl = -1;
	while (i < n) {
		start = i;
		i += plainrun(p + i, n - i, flags);
		if (buf_add(b, p + start, i - start) == -1)
			return -1;
		if (i == n || (p[i] == '<' && (flags & ENT_TAGS)))
			return (ssize_t)i;
		if (p[i] == '&')
			i += decode1(b, p + i, n - i, flags, ctl, &err);
		else {
			if (*ctl == -1 && entity_isctl((unsigned char)p[i]))
				*ctl = (unsigned char)p[i];
			err = putbyte(b, p[i++], flags);
		}
		if (err == -1)
			return -1;
	}
	return (ssize_t)n;
}
