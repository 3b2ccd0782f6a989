/*
 * UTF-8 text: code points, their classes and case, and the scanner that
 * cuts a text into paragraphs, sentences, words and quotations.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#include <emmintrin.h>
#endif

/*
 * AVX2 and AVX-512, where the processor has them, for the masks of
 * counting: GCC and clang build a function for each apart and tell at run
 * time which may run.  -DARTKIT_NO_AVX2 leaves both out and
 * -DARTKIT_NO_AVX512 the second, for testing the rest.
 */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(ARTKIT_NO_SIMD) && \
    !defined(ARTKIT_NO_AVX2)
#define TEXT_AVX2
#include <immintrin.h>
#if !defined(ARTKIT_NO_AVX512)
#define TEXT_AVX512
#endif
#endif

/* Byte classes of the scanner; every byte from 0x80 up is K_HIGH. */
enum {
	K_OTHER,
	K_SPACE,	/* ASCII white space but the newline */
	K_NL,
	K_ALNUM,
	K_TERM,		/* . ! ? */
	K_DQ,		/* " */
	K_HIGH
};

#define R2(a)	a, a
#define R4(a)	R2(a), R2(a)
#define R8(a)	R4(a), R4(a)
#define R16(a)	R8(a), R8(a)

static const unsigned char cls[256] = {
	/* 0x00 */ R8(K_OTHER), K_OTHER, K_SPACE, K_NL, K_SPACE, K_SPACE,
	    K_SPACE, K_OTHER, K_OTHER,
	/* 0x10 */ R16(K_OTHER),
	/* 0x20 */ K_SPACE, K_TERM, K_DQ, R8(K_OTHER), R2(K_OTHER),
	    K_OTHER, K_TERM, K_OTHER,
	/* 0x30 */ R8(K_ALNUM), R2(K_ALNUM), R4(K_OTHER), K_OTHER, K_TERM,
	/* 0x40 */ K_OTHER, R8(K_ALNUM), R4(K_ALNUM), R2(K_ALNUM), K_ALNUM,
	/* 0x50 */ R8(K_ALNUM), R2(K_ALNUM), K_ALNUM, R4(K_OTHER), K_OTHER,
	/* 0x60 */ K_OTHER, R8(K_ALNUM), R4(K_ALNUM), R2(K_ALNUM), K_ALNUM,
	/* 0x70 */ R8(K_ALNUM), R2(K_ALNUM), K_ALNUM, R4(K_OTHER), K_OTHER,
	/* 0x80 */ R16(K_HIGH), R16(K_HIGH), R16(K_HIGH), R16(K_HIGH),
	/* 0xc0 */ R16(K_HIGH), R16(K_HIGH), R16(K_HIGH), R16(K_HIGH)
};

/* Quotation marks, as code points. */
#define LDQUO	0x201c
#define RDQUO	0x201d
#define LSQUO	0x2018
#define RSQUO	0x2019
#define LAQUO	0x00ab
#define RAQUO	0x00bb
#define HELLIP	0x2026
#define LOWDQUO	0x201e	/* „, closed by “ or ” (German, Polish) */
#define LCORNER	0x300c	/* 「 」 and 『 』 (Chinese, Japanese) */
#define RCORNER	0x300d
#define LWCORNER 0x300e
#define RWCORNER 0x300f

/* Kinds of quotations. */
enum { Q_CURLY, Q_STRAIGHT, Q_SINGLE, Q_GUIL, Q_LOW, Q_CORNER, Q_WCORNER };

size_t
text_decode(const char *s, const char *end, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t avail = (size_t)(end - s), n, i;
	uint32_t c = p[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else
		goto bad;
	if (avail < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = TEXT_BADBYTE;
	return 1;
}

/* Writes a code point as UTF-8 and returns its length. */
static size_t
encode(char *d, uint32_t c)
{
	if (c < 0x80) {
		d[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		d[0] = (char)(0xc0 | c >> 6);
		d[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		d[0] = (char)(0xe0 | c >> 12);
		d[1] = (char)(0x80 | (c >> 6 & 0x3f));
		d[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | c >> 18);
	d[1] = (char)(0x80 | (c >> 12 & 0x3f));
	d[2] = (char)(0x80 | (c >> 6 & 0x3f));
	d[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Punctuation and symbols below U+2000 in the scripts that have their
 * own: everything else there is a letter, a digit or a combining mark.
 */
static const uint32_t lowpunct[][2] = {
	{ 0x00a0, 0x00a9 }, { 0x00ab, 0x00b4 }, { 0x00b6, 0x00b9 },
	{ 0x00bb, 0x00bf }, { 0x00d7, 0x00d7 }, { 0x00f7, 0x00f7 },
	{ 0x02c2, 0x02c5 }, { 0x02d2, 0x02df }, { 0x037e, 0x037e },
	{ 0x0387, 0x0387 }, { 0x055a, 0x055f }, { 0x0589, 0x058a },
	{ 0x05be, 0x05be }, { 0x05c0, 0x05c0 }, { 0x05c3, 0x05c3 },
	{ 0x05c6, 0x05c6 }, { 0x05f3, 0x05f4 }, { 0x0600, 0x060f },
	{ 0x061b, 0x061f }, { 0x066a, 0x066d }, { 0x06d4, 0x06d4 },
	{ 0x0964, 0x0965 }, { 0x0970, 0x0970 }, { 0x0e3f, 0x0e3f },
	{ 0x0e4f, 0x0e4f }, { 0x0e5a, 0x0e5b }, { 0x10fb, 0x10fb },
	{ 0x1360, 0x1368 }, { 0x166d, 0x166e }, { 0x1680, 0x1680 },
	{ 0x16eb, 0x16ed }, { 0x17d4, 0x17da }, { 0x1800, 0x180a },
	{ 0x1944, 0x1945 }
};

/* The same from U+2000 up: symbols, punctuation, private use, emoji. */
static const uint32_t highpunct[][2] = {
	{ 0x2000, 0x2bff }, { 0x2e00, 0x2e7f }, { 0x3000, 0x3004 },
	{ 0x3008, 0x3020 }, { 0x3030, 0x3030 }, { 0x303d, 0x303d },
	{ 0xd800, 0xf8ff }, { 0xfd3e, 0xfd3f }, { 0xfe10, 0xfe1f },
	{ 0xfe30, 0xfe6f }, { 0xfeff, 0xfeff }, { 0xff00, 0xff0f },
	{ 0xff1a, 0xff20 }, { 0xff3b, 0xff40 }, { 0xff5b, 0xff65 },
	{ 0xffe0, 0xffff }, { 0x1f000, 0x1faff }, { 0xe0000, 0x10ffff }
};

static int
inranges(uint32_t c, const uint32_t (*r)[2], size_t n)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < r[mid][0])
			hi = mid;
		else if (c > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* text_isalnum() past the frequent blocks: the punctuation of the rest. */
static int
alnumrest(uint32_t c)
{
	if (c == TEXT_BADBYTE)
		return 1;
	if (c < 0x2000)
		return !inranges(c, lowpunct, sizeof(lowpunct) /
		    sizeof(lowpunct[0]));
	return !inranges(c, highpunct, sizeof(highpunct) /
	    sizeof(highpunct[0]));
}

/*
 * text_isalnum(), inline for ASCII and the frequent blocks: Latin,
 * Greek, Cyrillic, and general punctuation.
 */
static inline int
isalnum_(uint32_t c)
{
	if (c < 0x80)
		return cls[c] == K_ALNUM;
	if (c >= 0xc0 && c < 0x37e)
		return c != 0xd7 && c != 0xf7 && !(c >= 0x2c2 && c <= 0x2c5) &&
		    !(c >= 0x2d2 && c <= 0x2df);
	if (c >= 0x388 && c < 0x530)
		return 1;
	if (c >= 0x2000 && c <= 0x2bff)
		return 0;
	return alnumrest(c);
}

/*
 * text_decode() with the frequent forms inline: ASCII, two bytes (Latin,
 * Greek, Cyrillic) and U+2000 to U+203F (dashes, curly quotation marks,
 * the ellipsis).
 */
static inline size_t
decode_(const char *s, const char *end, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf && end - s >= 2 &&
	    (p[1] & 0xc0) == 0x80) {
		*c = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] == 0xe2 && end - s >= 3 && p[1] == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		*c = 0x2000 | (p[2] & 0x3f);
		return 3;
	}
	return text_decode(s, end, c);
}

int
text_isalnum(uint32_t c)
{
	return isalnum_(c);
}

int
text_isspace(uint32_t c)
{
	if (c < 0x80)
		return cls[c] == K_SPACE || c == '\n';
	return c == 0x85 || c == 0xa0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Tells whether c is the upper case of a pair that alternates even/odd. */
static int
evenupper(uint32_t c)
{
	return (c >= 0x0100 && c <= 0x0137) || (c >= 0x014a && c <= 0x0177) ||
	    (c >= 0x0460 && c <= 0x0481) || (c >= 0x048a && c <= 0x04bf) ||
	    (c >= 0x04d0 && c <= 0x052f) || (c >= 0x1e00 && c <= 0x1e95) ||
	    (c >= 0x1ea0 && c <= 0x1eff);
}

/* The same for pairs whose upper case is odd. */
static int
oddupper(uint32_t c)
{
	return (c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017e) ||
	    (c >= 0x04c1 && c <= 0x04ce);
}

int
text_isupper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c < 0x100)
		return c >= 0xc0 && c <= 0xde && c != 0xd7;
	if (evenupper(c))
		return c % 2 == 0;
	if (oddupper(c))
		return c % 2 == 1;
	return c == 0x0178 || c == 0x0386 || (c >= 0x0388 && c <= 0x038f &&
	    c != 0x038b && c != 0x038d) || (c >= 0x0391 && c <= 0x03ab &&
	    c != 0x03a2) || (c >= 0x0400 && c <= 0x042f) || c == 0x04c0 ||
	    (c >= 0x0531 && c <= 0x0556) || c == 0x1e9e ||
	    (c >= 0xff21 && c <= 0xff3a);
}

uint32_t
text_foldcp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (!text_isupper(c))
		return c == 0x03c2 ? 0x03c3 : c == 0x017f ? 's' : c;
	if (c < 0x100 || (c >= 0x0391 && c <= 0x03ab) ||
	    (c >= 0x0410 && c <= 0x042f) || (c >= 0xff21 && c <= 0xff3a))
		return c + 32;
	if (evenupper(c) || oddupper(c))
		return c == 0x0130 ? 'i' : c + 1;
	if (c >= 0x0400 && c <= 0x040f)
		return c + 80;
	if (c >= 0x0531 && c <= 0x0556)
		return c + 48;
	switch (c) {
	case 0x0178: return 0x00ff;
	case 0x0386: return 0x03ac;
	case 0x038c: return 0x03cc;
	case 0x038e: return 0x03cd;
	case 0x038f: return 0x03ce;
	case 0x04c0: return 0x04cf;
	case 0x1e9e: return 0x00df;
	default: return c + 37;	/* U+0388-U+038A */
	}
}

size_t
text_fold(char *dst, size_t cap, const char *src, size_t n)
{
	const char *end = src + n;
	size_t w = 0, l, fl;
	uint32_t c, f;
	char tmp[4];

	while (src < end) {
		c = (unsigned char)*src;
		if (c < 0x80) {
			if (w == cap)
				break;
			dst[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			src++;
			continue;
		}
		l = text_decode(src, end, &c);
		/* Folding never lengthens: the room of l bytes is enough. */
		if (cap - w < l)
			break;
		f = c == TEXT_BADBYTE ? c : text_foldcp(c);
		if (f == c) {
			memmove(dst + w, src, l);
			w += l;
		} else {
			fl = encode(tmp, f);
			memcpy(dst + w, tmp, fl);
			w += fl;
		}
		src += l;
	}
	return w;
}

size_t
text_chars(const char *p, size_t n)
{
	const char *end = p + n;
	size_t k = 0;
	uint32_t c;

	while (p < end) {
		if ((unsigned char)*p < 0x80)
			p++;
		else
			p += text_decode(p, end, &c);
		k++;
	}
	return k;
}

size_t
text_paragraphs(const char *p, size_t n)
{
	const char *end = p + n;
	size_t k = 0;
	int have = 0;

	for (; p < end; p++) {
		if (*p == '\n') {
			k += have;
			have = 0;
		} else if (cls[(unsigned char)*p] != K_SPACE)
			have = 1;
	}
	return k + have;
}

static int
isvowel(uint32_t c)
{
	static const char ascii[] = "aeiouyAEIOUY";
	static const uint32_t other[] = {
		/* Greek, then Cyrillic, each lower case then upper case */
		0x03ac, 0x03ad, 0x03ae, 0x03af, 0x03b1, 0x03b5, 0x03b7, 0x03b9,
		0x03bf, 0x03c5, 0x03c9, 0x03ca, 0x03cb, 0x03cc, 0x03cd, 0x03ce,
		0x0430, 0x0435, 0x0438, 0x043e, 0x0443, 0x044b, 0x044d, 0x044e,
		0x044f, 0x0451, 0x0454, 0x0456, 0x0457
	};
	size_t i;

	if (c < 0x80)
		return c != 0 && strchr(ascii, (int)c) != NULL;
	if (c < 0x100)
		return (c >= 0xc0 && c <= 0xc6) || (c >= 0xc8 && c <= 0xcf) ||
		    (c >= 0xd2 && c <= 0xd6) || (c >= 0xd8 && c <= 0xdd) ||
		    (c >= 0xe0 && c <= 0xe6) || (c >= 0xe8 && c <= 0xef) ||
		    (c >= 0xf2 && c <= 0xf6) || (c >= 0xf8 && c <= 0xfd) ||
		    c == 0xff;
	c = text_foldcp(c);
	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		if (other[i] == c)
			return 1;
	return 0;
}

unsigned
text_syllables(const char *p, size_t n)
{
	const char *end = p + n;
	unsigned k = 0;
	int in = 0;
	uint32_t c, c1 = 0, c2 = 0, c3 = 0;

	while (p < end) {
		p += text_decode(p, end, &c);
		if (isvowel(c)) {
			k += !in;
			in = 1;
		} else
			in = 0;
		c3 = c2;
		c2 = c1;
		c1 = c;
	}
	/*
	 * A final e after a consonant is silent (make, whole), but not in
	 * the (a lone vowel group) nor in a final le after a consonant
	 * (table).
	 */
	if (k > 1 && (c1 == 'e' || c1 == 'E') && !isvowel(c2) &&
	    !((c2 == 'l' || c2 == 'L') && c3 != 0 && !isvowel(c3)))
		k--;
	return k > 0 ? k : 1;
}

/*
 * The scanner.
 */

/*
 * Reads the code point that ends at p, but not before lo, into *c and
 * returns its length; at lo, 0 and a code point of 0 (a boundary).  It
 * agrees with text_decode() read forwards: a lead byte never stands
 * inside a sequence, so the last one before p tells where one begins.
 */
static inline size_t
cpback(const char *lo, const char *p, uint32_t *c)
{
	const char *q;

	if (p <= lo) {
		*c = 0;
		return 0;
	}
	if ((unsigned char)p[-1] < 0x80) {
		*c = (unsigned char)p[-1];
		return 1;
	}
	for (q = p - 1; q > lo && p - q < 4 &&
	    ((unsigned char)*q & 0xc0) == 0x80; q--)
		;
	if (text_decode(q, p, c) != (size_t)(p - q)) {
		*c = TEXT_BADBYTE;
		return 1;
	}
	return (size_t)(p - q);
}

static uint32_t
cpbefore(const char *lo, const char *p)
{
	uint32_t c;

	cpback(lo, p, &c);
	return c;
}

/* The code point at p; 0 (a boundary) at the end of the paragraph. */
static uint32_t
cpat(const char *p, const char *end)
{
	uint32_t c;

	if (p >= end || *p == '\n')
		return 0;
	if ((unsigned char)*p < 0x80)
		return (unsigned char)*p;
	decode_(p, end, &c);
	return c;
}

static int
isws(uint32_t c)
{
	if (c < 0x80)
		return c == 0 || c == '\n' || cls[c] == K_SPACE;
	return text_isspace(c);
}

static int
ispunct_(uint32_t c)
{
	return !isws(c) && !isalnum_(c);
}

static int
alnumat(const char *p, const char *end)
{
	uint32_t c;

	if (p >= end)
		return 0;
	if (cls[(unsigned char)*p] == K_ALNUM)
		return 1;
	if (cls[(unsigned char)*p] != K_HIGH)
		return 0;
	decode_(p, end, &c);
	return isalnum_(c);
}

/* Tells whether c joins letters and digits into one word. */
static int
isjoiner(uint32_t c)
{
	return c == '\'' || c == '-' || c == '.' || c == RSQUO ||
	    c == 0x2010 || c == 0x2011 || c == 0x00ad || c == 0x200c ||
	    c == 0x200d;
}

static int
isdigit_(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/*
 * Forces a function inline, so that the counting loop is compiled whole
 * into each of its forms (countall()).
 */
#if defined(__GNUC__)
#define INLINE	inline __attribute__((always_inline))
#else
#define INLINE	inline
#endif

static inline unsigned int
ones64(uint64_t m)
{
	m -= m >> 1 & 0x5555555555555555ULL;
	m = (m & 0x3333333333333333ULL) + (m >> 2 & 0x3333333333333333ULL);
	m = (m + (m >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned int)((m * 0x0101010101010101ULL) >> 56);
}

/* The place of the lowest bit set in m, which is not 0. */
static inline unsigned int
low64(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned int)__builtin_ctzll(m);
#else
	return ones64((m & -m) - 1);
#endif
}

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
/*
 * The ASCII letters and digits of 16 bytes, as a mask of 0xff bytes; the
 * digits alone in *d.
 */
static inline __m128i
alnum16(__m128i x, __m128i *d)
{
	__m128i l;

	/* x - lo is at most hi - lo, unsigned: x is from lo to hi. */
	l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
	    _mm_set1_epi8('a'));
	l = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
	*d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
	*d = _mm_cmpeq_epi8(_mm_min_epu8(*d, _mm_set1_epi8(9)), *d);
	return _mm_or_si128(l, *d);
}
#endif
/*
 * The length of the run of ASCII letters and digits at p, before end:
 * sixteen bytes at a time with SSE2, which spares a branch at the end of
 * each short word that is hard to foretell.
 */
static inline size_t
alnumrun(const char *p, const char *end)
{
	const char *q = p;
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
	__m128i x, d;
	unsigned int m;

	while (end - q >= 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)q);
		m = ~(unsigned)_mm_movemask_epi8(alnum16(x, &d)) & 0xffff;
		if (m != 0)
			return (size_t)(q - p) + low64(m);
		q += 16;
	}
#endif
	while (q < end && cls[(unsigned char)*q] == K_ALNUM)
		q++;
	return (size_t)(q - p);
}

/*
 * Returns the end of the word that begins at p: letters and digits, and
 * the joiners between them.  Called where the letter before p is part of
 * the word, it finds where that word goes on to.
 */
static const char *
wordend(const char *p, const char *end)
{
	uint32_t c;
	size_t l;

	for (;;) {
		p += alnumrun(p, end);
		if (p == end)
			return p;
		c = (unsigned char)*p;
		l = 1;
		if (c >= 0x80) {
			l = decode_(p, end, &c);
			if (isalnum_(c)) {
				p += l;
				continue;
			}
			if (!isjoiner(c))
				return p;
		} else if (c == ',') {
			if (!(p[-1] >= '0' && p[-1] <= '9') || end - p < 2 ||
			    !(p[1] >= '0' && p[1] <= '9'))
				return p;
		} else if (c != '\'' && c != '-' && c != '.')
			return p;
		if (!alnumat(p + l, end))
			return p;
		p += l;
	}
}

/* The longest word that can be an abbreviation, in bytes. */
#define ABBREV_MAX	16

/*
 * Returns the start of the word that ends at p, found by reading back;
 * NULL when no word ends there or it is too long to be an abbreviation.  A
 * letter starts a word unless a letter stands before it, or a joiner
 * after a letter, or a comma between digits: what wordend() follows.
 */
static const char *
wordbefore(const char *lo, const char *p)
{
	const char *q = p, *at;
	uint32_t c, j, d;
	size_t lj;
	ptrdiff_t max = ABBREV_MAX;

	if (cpback(lo, q, &c) == 0 || !isalnum_(c))
		return NULL;
	/* Only letters joined by dots run past seven bytes: U.S.A. */
	if (!(p - lo >= 2 && p[-2] == '.'))
		max = 7;
	/* Each time round, the code point before q is a letter or digit. */
	for (;;) {
		for (at = q; q > lo && p - q <= max &&
		    cls[(unsigned char)q[-1]] == K_ALNUM; q--)
			;
		if (q == at)
			q -= cpback(lo, q, &c);
		else
			c = (unsigned char)*q;
		if (p - q > max)
			return NULL;
		if ((lj = cpback(lo, q, &j)) == 0)
			return q;
		if (isalnum_(j))
			continue;
		if (!isjoiner(j) && !(j == ',' && isdigit_(c)))
			return q;
		if (cpback(lo, q - lj, &d) == 0 || !(j == ',' ? isdigit_(d) :
		    isalnum_(d)))
			return q;
		q -= lj;
	}
}

/* Words after which a full stop ends no sentence, as written. */
static const char abbrevs[][8] = {
	"Adm", "Apr", "Aug", "Capt", "Cmdr", "Col", "Dec", "Dr", "Feb",
	"Fr", "Gen", "Gov", "Hon", "Jan", "Jul", "Jun", "Lt", "Maj", "Mar",
	"Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Rep",
	"Rev", "Sen", "Sep", "Sept", "Sgt", "St", "Supt", "vs"
};

/* isabbrev() of a word that may be one. */
static int
inabbrevs(const char *w, size_t n)
{
	uint32_t c;
	size_t i, l, lo, hi, mid;
	int r;

	l = text_decode(w, w + n, &c);
	if (l == n)
		return text_isupper(c);
	for (i = 0; i < n; i += 2)
		if (!((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z') ||
		    (i + 1 < n && w[i + 1] != '.'))
			break;
	if (i >= n)
		return 1;
	if (n > 6)
		return 0;
	/* The list is sorted: a binary search. */
	lo = 0;
	hi = sizeof(abbrevs) / sizeof(abbrevs[0]);
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((r = strncmp(abbrevs[mid], w, n)) == 0)
			r = abbrevs[mid][n] != '\0';
		if (r == 0)
			return 1;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Tells whether a word is an abbreviation: one of the list, a single
 * capital (an initial), or single letters joined by dots (U.S, e.g).
 */
static inline int
isabbrev(const char *w, size_t n)
{
	/* Most words end sentences: a long one in lower case at once. */
	if (n > 1 && (unsigned char)w[0] < 0x80 && w[1] != '.' &&
	    !(w[0] >= 'A' && w[0] <= 'Z') && w[0] != 'v')
		return 0;
	return inabbrevs(w, n);
}

static int
iscloser(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == RDQUO ||
	    c == RSQUO || c == RAQUO || c == LDQUO || c == RCORNER ||
	    c == RWCORNER;
}

/* The quotation marks that quotemark() reads. */
static int
isquotecp(uint32_t c)
{
	return c == '"' || c == LDQUO || c == RDQUO || c == LSQUO ||
	    c == RSQUO || c == LAQUO || c == RAQUO || c == LOWDQUO ||
	    (c >= LCORNER && c <= RWCORNER);
}

/* A letter of a script without case may begin a sentence too. */
static int
caseless(uint32_t c)
{
	return c >= 0x0590 && c != TEXT_BADBYTE && isalnum_(c) &&
	    !(c >= 0x10a0 && c <= 0x10ff) && !(c >= 0x1c80 && c <= 0x1fff) &&
	    !(c >= 0x2c00 && c <= 0x2d2f) && !(c >= 0xa640 && c <= 0xa7ff) &&
	    !(c >= 0xff21 && c <= 0xff5a);
}

static int
opensentence(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '"';
	return text_isupper(c) || (c >= '0' && c <= '9') || c == '"' ||
	    c == LDQUO || c == LSQUO || c == LAQUO || c == LOWDQUO ||
	    c == LCORNER || c == LWCORNER || caseless(c);
}

/*
 * The full stops, exclamation and question marks of Chinese and Japanese
 * (。！？), after which no space comes: a sentence ends after them and
 * the closing marks that follow, whatever comes next.
 */
static int
iswideterm(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f;
}

/*
 * Whether a code point above ASCII is sentence punctuation: the ellipsis,
 * 。！？, । ॥ (Devanagari), ؟ ۔ (Arabic, Urdu).
 */
static int
istermcp(uint32_t c)
{
	return c == HELLIP || iswideterm(c) || c == 0x0964 || c == 0x0965 ||
	    c == 0x061f || c == 0x06d4;
}

/*
 * The length of the sentence punctuation at p, before end, or 0; its code
 * point in *c.
 */
static size_t
termlen(const char *p, const char *end, uint32_t *c)
{
	size_t l;

	*c = (unsigned char)*p;
	if (*c == '.' || *c == '!' || *c == '?')
		return 1;
	if (*c < 0x80)
		return 0;
	l = decode_(p, end, c);
	return istermcp(*c) ? l : 0;
}

/* Sets a token out for the text from p to e, in the paragraph open. */
static inline void
filltok(const struct textscan *s, struct texttok *t, enum texttype type,
    const char *p, const char *e)
{
	t->type = type;
	t->p = p;
	t->n = (size_t)(e - p);
	t->no = 0;
	t->para = s->npara;
	t->words = 0;
	t->flags = 0;
}

static struct texttok *
push(struct textscan *s, enum texttype type, const char *p, const char *e)
{
	struct texttok *t;

	/* Counting, the tokens go nowhere and the queue stays empty. */
	if (s->countonly)
		t = &s->scratch;
	else {
		t = &s->queue[s->qtail];
		s->qtail = (s->qtail + 1) % TEXT_QUEUE;
	}
	filltok(s, t, type, p, e);
	return t;
}

static void
sentend(struct textscan *s, const char *e)
{
	struct texttok *t;

	/* A sentence with a word has begun (sent is set), and ends. */
	if (s->sentwords > 0) {
		t = push(s, TT_SENTENCE, s->sent, e);
		t->no = ++s->nsent;
		t->words = s->sentwords;
	}
	s->sent = s->endat = NULL;
	s->sentwords = 0;
}

/* Ends the quotations open from the i-th up, the innermost first. */
static void
closeq(struct textscan *s, int i, const char *e)
{
	struct texttok *t;
	struct textquote *q;

	while (s->nq > i) {
		q = &s->q[--s->nq];
		t = push(s, TT_QUOTE, q->p, e < q->p ? q->p : e);
		t->no = q->no;
		t->para = q->para;
		t->words = q->words;
	}
}

static void
openq(struct textscan *s, int kind, const char *after)
{
	struct textquote *q;

	if (s->nq == TEXT_QDEPTH)
		return;
	q = &s->q[s->nq++];
	q->p = after;
	q->no = ++s->nquote;
	q->para = s->npara;
	q->words = 0;
	q->kind = kind;
}

#define DOUBLES	(1 << Q_CURLY | 1 << Q_STRAIGHT)

/* The innermost open quotation of the kinds in mask, or -1. */
static int
innermost(struct textscan *s, int mask)
{
	int i;

	for (i = s->nq - 1; i >= 0; i--)
		if (mask & 1 << s->q[i].kind)
			return i;
	return -1;
}

/* Opens a quotation of a kind unless one of that kind is open. */
static void
openkind(struct textscan *s, int kind, const char *after)
{
	if (innermost(s, 1 << kind) < 0)
		openq(s, kind, after);
}

/* Ends the innermost open quotation of the kinds in mask, if any. */
static void
closekind(struct textscan *s, int mask, const char *p)
{
	int i;

	if ((i = innermost(s, mask)) >= 0)
		closeq(s, i, p);
}

/*
 * A quotation mark.  A straight double quote opens where it stands
 * before a word and closes where it stands after one, as the flanking
 * rules of Markdown tell; one that could only open while a quotation is
 * open marks a new paragraph of the same quotation (news style), and so
 * do the curly opening marks.
 */
static void
quotemark(struct textscan *s, uint32_t c, const char *p, size_t l)
{
	const char *after = p + l;
	uint32_t prev, next;
	int i, lf = 0, rf = 0;

	/* Only the marks that may open or close ask which side they flank. */
	if (c == '"' || c == LSQUO || c == RSQUO) {
		prev = cpbefore(s->para, p);
		next = cpat(after, s->end);
		lf = !isws(next) &&
		    (!ispunct_(next) || isws(prev) || ispunct_(prev));
		rf = !isws(prev) &&
		    (!ispunct_(prev) || isws(next) || ispunct_(next));
	}
	switch (c) {
	case '"':
		if ((i = innermost(s, DOUBLES)) < 0) {
			if (lf || !rf)
				openq(s, Q_STRAIGHT, after);
		} else if (!lf || rf)
			closeq(s, i, p);
		break;
	case LDQUO:
		if ((i = innermost(s, 1 << Q_LOW)) >= 0 &&
		    innermost(s, DOUBLES) < i)
			closeq(s, i, p);
		else if (innermost(s, DOUBLES) < 0)
			openq(s, Q_CURLY, after);
		break;
	case RDQUO:
		closekind(s, DOUBLES | 1 << Q_LOW, p);
		break;
	case LOWDQUO:
		openkind(s, Q_LOW, after);
		break;
	case LCORNER:
	case LWCORNER:
		openkind(s, c == LCORNER ? Q_CORNER : Q_WCORNER, after);
		break;
	case RCORNER:
	case RWCORNER:
		closekind(s, 1 << (c == RCORNER ? Q_CORNER : Q_WCORNER), p);
		break;
	case LSQUO:
		if (lf)
			openkind(s, Q_SINGLE, after);
		break;
	case RSQUO:
		if (rf)
			closekind(s, 1 << Q_SINGLE, p);
		break;
	case LAQUO:
		openkind(s, Q_GUIL, after);
		break;
	case RAQUO:
		closekind(s, 1 << Q_GUIL, p);
		break;
	}
}

/*
 * Sentence punctuation: . ! ? or an ellipsis, perhaps several.  The
 * sentence ends after the closing marks that follow, when white space
 * and a capital, a digit or an opening mark come next.  The end is
 * taken when the scanner reaches that white space, so that the closing
 * marks are seen first.
 */
static void
term(struct textscan *s)
{
	const char *p = s->p, *q = p, *end = s->end, *e, *w;
	size_t l, nt = 0, nsp = 0;
	uint32_t c;
	int wide = 0;

	while (q < end && (l = termlen(q, end, &c)) > 0) {
		wide |= iswideterm(c);
		q += l;
		nt++;
	}
	s->p = q;
	if (s->sentwords == 0 || s->endat != NULL)
		return;
	while ((c = cpat(q, end)) != 0 && iscloser(c))
		q += c < 0x80 ? 1 : decode_(q, end, &c);
	for (e = q; (c = cpat(q, end)) != 0 && isws(c); nsp++)
		q += c < 0x80 ? 1 : decode_(q, end, &c);
	if (wide && c != 0) {
		s->endat = e;
		return;
	}
	if (nsp == 0 || c == 0 || !opensentence(c))
		return;
	if (nt == 1 && *p == '.' && (w = wordbefore(s->para, p)) != NULL &&
	    isabbrev(w, (size_t)(p - w)))
		return;
	s->endat = e;
}

static int
continues(int kind, uint32_t c)
{
	switch (kind) {
	case Q_CURLY:
	case Q_STRAIGHT:
		return c == LDQUO || c == '"';
	case Q_SINGLE:
		return c == LSQUO;
	case Q_LOW:
		return c == LOWDQUO;
	case Q_CORNER:
		return c == LCORNER;
	case Q_WCORNER:
		return c == LWCORNER;
	default:
		return c == LAQUO;
	}
}

/* Opens the next paragraph that holds more than white space. */
static int
parabegin(struct textscan *s)
{
	while (s->p < s->end && (cls[(unsigned char)*s->p] == K_SPACE ||
	    *s->p == '\n'))
		s->p++;
	if (s->p == s->end)
		return 0;
	s->para = s->p;
	s->npara++;
	s->parawords = 0;
	return 1;
}

/*
 * Ends the paragraph: its sentence, its quotations but one that the next
 * paragraph goes on with, and itself.
 */
static void
paraend(struct textscan *s)
{
	const char *e = s->p, *q;
	struct texttok *t;
	uint32_t c;
	int keep = 0;

	while (e > s->para && cls[(unsigned char)e[-1]] == K_SPACE)
		e--;
	if (s->nq > 0) {
		for (q = s->p; q < s->end && (cls[(unsigned char)*q] == K_SPACE ||
		    *q == '\n'); q++)
			;
		if (q < s->end) {
			text_decode(q, s->end, &c);
			keep = continues(s->q[0].kind, c);
		}
		closeq(s, keep, e);
	}
	sentend(s, e);
	t = push(s, TT_PARA, s->para, e);
	t->no = s->npara;
	t->words = s->parawords;
	s->para = NULL;
	if (s->p < s->end)
		s->p++;
}

/* Reads the word at s->p into the token t. */
static inline void
wordtok(struct textscan *s, struct texttok *t)
{
	const char *p = s->p, *e = wordend(p, s->end);
	uint32_t c;
	int i;

	if (s->sent == NULL)
		s->sent = p;
	s->nwords++;
	s->p = e;
	filltok(s, t, TT_WORD, p, e);
	if (s->sentwords++ == 0)
		t->flags |= TW_SENT;
	if (s->parawords++ == 0)
		t->flags |= TW_PARA;
	if (s->nq > 0)
		t->flags |= TW_QUOTED;
	for (i = 0; i < s->nq; i++)
		s->q[i].words++;
	if (*p >= '0' && *p <= '9')
		t->flags |= TW_DIGIT;
	else if ((*p >= 'A' && *p <= 'Z') || ((unsigned char)*p >= 0x80 &&
	    (text_decode(p, e, &c), text_isupper(c))))
		t->flags |= TW_CAP;
}

static void
word(struct textscan *s)
{
	wordtok(s, push(s, TT_WORD, s->p, s->p));
}

/* Anything else that is no white space: the sentence has begun. */
static void
other(struct textscan *s, uint32_t c, size_t l)
{
	if (s->sent == NULL)
		s->sent = s->p;
	if (isquotecp(c))
		quotemark(s, c, s->p, l);
	s->p += l;
}

static void
space(struct textscan *s, size_t l)
{
	if (s->endat != NULL && s->p >= s->endat)
		sentend(s, s->endat);
	s->p += l;
}

/*
 * Counting reads the text sixty-four bytes at a time as bit masks, bit i
 * for byte i, as a bitmap parser does.  The words come from the masks
 * alone: a letter or digit begins one unless a letter or digit stands
 * before it, or a joiner (' - . ’) after one, or a comma between digits,
 * which is the rule of wordend() read at each code point.  The scanner's
 * own steps (term(), quotemark(), paraend()) run only at the bytes that
 * may end a sentence, a quotation or a paragraph: the events.
 */
#define BLOCK	64

struct block {
	uint64_t	 alnum;		/* every byte of a letter or digit */
	uint64_t	 digit;		/* an ASCII digit */
	uint64_t	 high;		/* a byte from 0x80 up */
	uint64_t	 event;		/* \n . ! ? " and marks above ASCII */
	uint64_t	 goes;		/* a letter here goes on with a word */
	uint64_t	 prev;		/* a letter or digit stands before */
	uint64_t	 starts;	/* a word begins here */
};

/* What one block leaves to the next. */
struct carry {
	uint64_t	 alnum;		/* bits of a letter that runs over */
	uint64_t	 goes;		/* bits of goes that run over */
	unsigned int	 skip;		/* bytes of a code point begun before */
	unsigned int	 a, d;		/* the last byte is a letter, a digit */
	unsigned int	 comma;		/* the last byte is a comma after a digit */
};

/* The running counts of counting. */
struct counter {
	size_t		 words;		/* before the block */
	unsigned int	 since;		/* a word since the last sentence, */
	uint64_t	 after;		/* or in the block from these bits on */
};

/* A sentence ended at the i-th byte of the block. */
static inline void
ended(struct counter *k, unsigned int i)
{
	k->since = 0;
	k->after = ~0ULL << i;
}

/* The masks of sixteen bytes, bit i for byte i. */
struct m16 {
	unsigned int	 alnum, digit, joiner, comma, high, event;
};

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#define EQ(x, c)	_mm_cmpeq_epi8((x), _mm_set1_epi8(c))
/* Bytes from lo to lo + n - 1: moved to -128 on, they lie below -128 + n. */
#define IN(x, lo, n)	_mm_cmplt_epi8(_mm_add_epi8((x), \
	_mm_set1_epi8((char)(-128 - (lo)))), _mm_set1_epi8((char)(-128 + (n))))
#define MASK(v)		((unsigned int)_mm_movemask_epi8(v))

static inline struct m16
classify16(const char *p)
{
	struct m16 m;
	__m128i x, d, j, e;

	x = _mm_loadu_si128((const __m128i *)(const void *)p);
	d = IN(x, '0', 10);
	/* ' - . and \n . ! " ? */
	j = _mm_or_si128(EQ(x, '\''), IN(x, '-', 2));
	e = _mm_or_si128(_mm_or_si128(EQ(x, '\n'), EQ(x, '.')),
	    _mm_or_si128(IN(x, '!', 2), EQ(x, '?')));
	m.alnum = MASK(_mm_or_si128(IN(_mm_or_si128(x, _mm_set1_epi8(0x20)),
	    'a', 26), d));
	m.digit = MASK(d);
	m.joiner = MASK(j);
	m.comma = MASK(EQ(x, ','));
	m.high = MASK(x);
	m.event = MASK(e);
	return m;
}
#else
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/*
 * The high bit of each byte of x from lo to hi, and of each byte equal to
 * c, for x whose bytes are all below 0x80, so that no carry runs on from
 * one byte into the next.
 */
#define BETWEEN(x, lo, hi) \
	(((x) + ONES * (128 - (lo))) & ~((x) + ONES * (127 - (hi))) & HIGHS)
#define EQUAL(x, c)	(~(((x) ^ ONES * (c)) + ONES * 0x7f) & HIGHS)

/* The high bits of the eight bytes of m, as bits 0 to 7. */
static inline unsigned int
gather8(uint64_t m)
{
	return (unsigned int)(((m >> 7) * 0x0102040810204080ULL) >> 56);
}

static inline void
classify8(const char *s, struct m16 *m, int sh)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t x, h, lo, d;
	int i;

	for (x = 0, i = 7; i >= 0; i--)
		x = x << 8 | p[i];
	h = x & HIGHS;
	lo = x & ~HIGHS;
	d = BETWEEN(lo, '0', '9') & ~h;
	/* A byte from 0x80 up matches nothing but high. */
	m->alnum |= gather8((BETWEEN(lo | ONES * 0x20, 'a', 'z') & ~h) |
	    d) << sh;
	m->digit |= gather8(d) << sh;
	m->joiner |= gather8((EQUAL(lo, '\'') | EQUAL(lo, '-') |
	    EQUAL(lo, '.')) & ~h) << sh;
	m->comma |= gather8(EQUAL(lo, ',') & ~h) << sh;
	m->high |= gather8(h) << sh;
	m->event |= gather8((EQUAL(lo, '\n') | EQUAL(lo, '.') |
	    EQUAL(lo, '!') | EQUAL(lo, '?') | EQUAL(lo, '"')) & ~h) << sh;
}

static inline struct m16
classify16(const char *p)
{
	struct m16 m;

	memset(&m, 0, sizeof(m));
	classify8(p, &m, 0);
	classify8(p + 8, &m, 8);
	return m;
}
#endif

/* Sets the bits from i on, n of them, in *m and what runs over in *over. */
static inline void
setrun(uint64_t *m, uint64_t *over, unsigned int i, unsigned int n)
{
	if (i + n <= BLOCK)
		*m |= (n == BLOCK ? ~0ULL : (1ULL << n) - 1) << i;
	else {
		*m |= ~0ULL << i;
		*over |= (1ULL << (i + n - BLOCK)) - 1;
	}
}

/* What a code point from 0x80 up is to counting. */
#define H_LETTER	1
#define H_JOINER	2	/* joins letters */
#define H_EVENT		4	/* quotation mark, sentence punctuation */

/*
 * highkind() of U+2000 to U+203F, the frequent marks of news, as a table:
 * asking highkind() costs counting 2% more instructions.
 */
static const unsigned char genpunct[64] = {
	[0x0c] = H_JOINER, [0x0d] = H_JOINER, [0x10] = H_JOINER,
	[0x11] = H_JOINER, [0x18] = H_EVENT, [0x19] = H_JOINER | H_EVENT,
	[0x1c] = H_EVENT, [0x1d] = H_EVENT, [0x1e] = H_EVENT,
	[0x26] = H_EVENT
};

static unsigned int
highkind(uint32_t cp)
{
	if (isalnum_(cp))
		return H_LETTER;
	if (isjoiner(cp))
		return H_JOINER | (isquotecp(cp) ? H_EVENT : 0);
	return isquotecp(cp) || istermcp(cp) ? H_EVENT : 0;
}

/*
 * Reads the code points from 0x80 up of the block at p: a letter sets its
 * bytes in alnum, a joiner inside a word sets goes after it, a quotation
 * mark or sentence punctuation is an event.
 */
static void
highs(const char *p, const char *end, struct block *b, struct carry *c)
{
	const unsigned char *u;
	uint64_t h = b->high & ~((1ULL << c->skip) - 1);
	unsigned int i, l, k, before;
	uint32_t cp;

	c->skip = 0;
	while (h != 0) {
		i = low64(h);
		u = (const unsigned char *)p + i;
		if (u[0] == 0xe2 && end - (p + i) >= 3 && u[1] == 0x80 &&
		    (u[2] & 0xc0) == 0x80) {
			l = 3;
			k = genpunct[u[2] & 0x3f];
		} else {
			l = (unsigned int)decode_(p + i, end, &cp);
			k = highkind(cp);
		}
		before = i == 0 ? c->a :
		    (unsigned int)(b->alnum >> (i - 1) & 1);
		if (k & H_LETTER)
			setrun(&b->alnum, &c->alnum, i, l);
		else if ((k & H_JOINER) && before && alnumat(p + i + l, end)) {
			if (i + l < BLOCK)
				b->goes |= 1ULL << (i + l);
			else
				c->goes |= 1ULL << (i + l - BLOCK);
		} else if (k & H_EVENT)
			b->event |= 1ULL << i;
		if (i + l >= BLOCK) {
			c->skip = i + l - BLOCK;
			break;
		}
		h &= ~0ULL << (i + l);
	}
}

/*
 * The masks of 64 bytes.  high holds the bytes from 0x80 up that highs()
 * must read; letter the two-byte letters the AVX steps have read.
 */
struct m64 {
	uint64_t	 alnum, digit, joiner, comma, high, event, letter;
	uint64_t	 starts;	/* set by countblock(), with alnum */
};

/* Blocks classified at a time, so that a call and its constants pay. */
#define RUN	8

/* The masks of n blocks at q. */
static void
classifyrun(const char *q, size_t n, struct m64 *m)
{
	struct m16 m0, m1, m2, m3;

	for (; n > 0; n--, q += BLOCK, m++) {
		m0 = classify16(q);
		m1 = classify16(q + 16);
		m2 = classify16(q + 32);
		m3 = classify16(q + 48);
#define JOIN(f)	((uint64_t)m0.f | (uint64_t)m1.f << 16 | \
	    (uint64_t)m2.f << 32 | (uint64_t)m3.f << 48)
		m->alnum = JOIN(alnum);
		m->digit = JOIN(digit);
		m->joiner = JOIN(joiner);
		m->comma = JOIN(comma);
		m->high = JOIN(high);
		m->event = JOIN(event);
		m->letter = 0;
#undef JOIN
	}
}

#ifdef TEXT_AVX2
/*
 * With AVX2 (and AVX-512) a byte's classes come from two table look-ups,
 * one by its high four bits and one by its low four, and a class is a
 * bit set in both: each class is a rectangle of the table of bytes.  The
 * first pair of tables classes ASCII: a byte from 0x80 up looks up 0 by
 * its high bits there and so is in no class.
 */
#define C_DIGIT		0x01	/* 0x30-0x39 */
#define C_AO		0x02	/* A-O a-o */
#define C_PZ		0x04	/* P-Z p-z */
#define C_JOINER	0x08	/* ' - . */
#define C_COMMA		0x10
#define C_PUNCT		0x20	/* ! " . */
#define C_QUERY		0x40	/* ? */
#define C_NEWLINE	0x80

#define BYHIGH	(char)C_NEWLINE, 0, C_JOINER | C_COMMA | C_PUNCT, \
	C_DIGIT | C_QUERY, C_AO, C_PZ, C_AO, C_PZ, 0, 0, 0, 0, 0, 0, 0, 0
#define LOW(l)	(char)(((l) <= 9 ? C_DIGIT : 0) | ((l) >= 1 ? C_AO : 0) | \
	((l) <= 0xa ? C_PZ : 0) | \
	((l) == 7 || (l) == 0xd || (l) == 0xe ? C_JOINER : 0) | \
	((l) == 0xc ? C_COMMA : 0) | \
	((l) == 1 || (l) == 2 || (l) == 0xe ? C_PUNCT : 0) | \
	((l) == 0xf ? C_QUERY : 0) | ((l) == 0xa ? C_NEWLINE : 0))

/*
 * The second pair classes the bytes from 0x80 up: the leads of letters
 * of two bytes, Latin (C3 80 to C3 BF but for the multiplication and the
 * division signs, C4 to CA), combining marks (CC), Greek and Cyrillic (CF
 * to D3), and the second bytes of the two signs (C3 97, C3 B7); E2 80
 * and the third bytes of dashes and curly quotation marks.  CB, CD and CE
 * hold letters and signs both and are left to highs(), as is the rest.
 */
#define H_LEAD		0x01	/* C4-CA, CC, CF */
#define H_LEADD		0x02	/* D0-D3 */
#define H_C3		0x04
#define H_NOTLET	0x08	/* 97, B7 */
#define H_E2		0x10
#define H_80		0x20
#define H_DASH		0x40	/* 93 94: E2 80 93 and E2 80 94 are dashes */
#define H_QUOTE		0x80	/* 98 9C 9D 9E: quotation marks after E2 80 */

#define HBYHIGH	0, 0, 0, 0, 0, 0, 0, 0, H_80, \
	(char)(H_NOTLET | H_DASH | H_QUOTE), 0, H_NOTLET, H_LEAD | H_C3, \
	H_LEADD, H_E2, 0
#define HLOW(l)	(char)(((l) >= 4 && (l) != 0xb && (l) != 0xd && \
	(l) != 0xe ? H_LEAD : 0) | \
	((l) <= 3 ? H_LEADD : 0) | ((l) == 3 ? H_C3 : 0) | \
	((l) == 7 ? H_NOTLET : 0) | ((l) == 2 ? H_E2 : 0) | \
	((l) == 0 ? H_80 : 0) | ((l) == 3 || (l) == 4 ? H_DASH : 0) | \
	((l) == 8 || ((l) >= 0xc && (l) <= 0xe) ? H_QUOTE : 0))
#define SIXTEEN(f)	f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), \
	f(8), f(9), f(10), f(11), f(12), f(13), f(14), f(15)

/* The classes of 64 bytes, bit i for byte i, as the vectors found them. */
struct raw64 {
	uint64_t	 alnum, digit, joiner, comma, event;
	uint64_t	 high;		/* from 0x80 up */
	uint64_t	 cont;		/* 0x80 to 0xbf */
	uint64_t	 lead, c3, notlet, e2, b80, dash, quote;
};

/* The masks of a block from the classes of its bytes. */
static inline void
fromraw(const struct raw64 *r, struct m64 *m)
{
	uint64_t lead, e280, dash, quote;

	m->alnum = r->alnum;
	m->digit = r->digit;
	m->joiner = r->joiner;
	m->comma = r->comma;
	/* A lead with a second byte after it, but C3 97 and C3 B7. */
	lead = r->lead & r->cont >> 1 & ~(r->c3 & r->notlet >> 1);
	m->letter = lead | lead << 1;
	/* Dashes and curly quotation marks: E2 80 and one byte. */
	e280 = r->e2 & r->b80 >> 1;
	dash = e280 & r->dash >> 2;
	quote = e280 & r->quote >> 2;
	m->event = r->event | quote;
	dash |= quote;
	m->high = r->high & ~m->letter & ~(dash | dash << 1 | dash << 2);
}

#define MASK2(v)	((uint32_t)_mm256_movemask_epi8(v))
#define JOIN2(a, b)	((uint64_t)(a) | (uint64_t)(b) << 32)
/* The bytes of a and b with bit k set, or with any of the bits of m. */
#define BIT2(a, b, k)	JOIN2(MASK2(_mm256_slli_epi16((a), 7 - (k))), \
	MASK2(_mm256_slli_epi16((b), 7 - (k))))
#define NONE2(v, m)	MASK2(_mm256_cmpeq_epi8(_mm256_and_si256((v), \
	_mm256_set1_epi8((char)(m))), _mm256_setzero_si256()))
#define ANY2(a, b, m)	~JOIN2(NONE2((a), (m)), NONE2((b), (m)))

/* The classes of the 32 bytes x by the tables byhigh and bylow. */
__attribute__((target("avx2"))) static inline __m256i
classes2(__m256i x, __m256i byhigh, __m256i bylow)
{
	const __m256i nibble = _mm256_set1_epi8(0x0f);

	return _mm256_and_si256(_mm256_shuffle_epi8(byhigh,
	    _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble)),
	    _mm256_shuffle_epi8(bylow, _mm256_and_si256(x, nibble)));
}

/*
 * classifyrun() with AVX2, 32 bytes at a time: the classes of ASCII for
 * all the blocks, then those from 0x80 up, each a loop whose vectors fit
 * in the sixteen registers.
 */
__attribute__((target("avx2"))) static void
classifyrun2(const char *q, size_t n, struct m64 *m)
{
	const __m256i byhigh = _mm256_setr_epi8(BYHIGH, BYHIGH);
	const __m256i bylow = _mm256_setr_epi8(SIXTEEN(LOW), SIXTEEN(LOW));
	const __m256i hbyhigh = _mm256_setr_epi8(HBYHIGH, HBYHIGH);
	const __m256i hbylow = _mm256_setr_epi8(SIXTEEN(HLOW),
	    SIXTEEN(HLOW));
	const __m256i under = _mm256_set1_epi8(-64);
	__m256i x0, x1, c0, c1;
	struct raw64 r;
	size_t j;

	for (j = 0; j < n; j++) {
		x0 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (q + BLOCK * j));
		x1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (q + BLOCK * j + 32));
		c0 = classes2(x0, byhigh, bylow);
		c1 = classes2(x1, byhigh, bylow);
		m[j].alnum = ANY2(c0, c1, C_DIGIT | C_AO | C_PZ);
		m[j].digit = BIT2(c0, c1, 0);
		m[j].joiner = BIT2(c0, c1, 3);
		m[j].comma = BIT2(c0, c1, 4);
		m[j].event = ANY2(c0, c1, C_PUNCT | C_QUERY | C_NEWLINE);
		m[j].high = JOIN2(MASK2(x0), MASK2(x1));
	}
	for (j = 0; j < n; j++) {
		x0 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (q + BLOCK * j));
		x1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (q + BLOCK * j + 32));
		r = (struct raw64){ m[j].alnum, m[j].digit, m[j].joiner,
		    m[j].comma, m[j].event, m[j].high, 0, 0, 0, 0, 0, 0, 0,
		    0 };
		r.cont = JOIN2(MASK2(_mm256_cmpgt_epi8(under, x0)),
		    MASK2(_mm256_cmpgt_epi8(under, x1)));
		c0 = classes2(x0, hbyhigh, hbylow);
		c1 = classes2(x1, hbyhigh, hbylow);
		r.lead = ANY2(c0, c1, H_LEAD | H_LEADD | H_C3);
		r.c3 = BIT2(c0, c1, 2);
		r.notlet = BIT2(c0, c1, 3);
		r.e2 = BIT2(c0, c1, 4);
		r.b80 = BIT2(c0, c1, 5);
		r.dash = BIT2(c0, c1, 6);
		r.quote = BIT2(c0, c1, 7);
		fromraw(&r, &m[j]);
	}
}

#ifdef TEXT_AVX512
/*
 * classifyrun() with AVX-512, 64 bytes at a time: each class is one
 * instruction to a mask register.
 */
__attribute__((target("avx512f,avx512bw"))) static void
classifyrun3(const char *q, size_t n, struct m64 *m)
{
	const __m512i byhigh = _mm512_broadcast_i32x4(_mm_setr_epi8(BYHIGH));
	const __m512i bylow = _mm512_broadcast_i32x4(
	    _mm_setr_epi8(SIXTEEN(LOW)));
	const __m512i hbyhigh = _mm512_broadcast_i32x4(
	    _mm_setr_epi8(HBYHIGH));
	const __m512i hbylow = _mm512_broadcast_i32x4(
	    _mm_setr_epi8(SIXTEEN(HLOW)));
	const __m512i nibble = _mm512_set1_epi8(0x0f);
	__m512i x, hi, lo, c, h;
	struct raw64 r;

#define ANY3(v, m)	((uint64_t)_mm512_test_epi8_mask((v), \
	_mm512_set1_epi8((char)(m))))
	for (; n > 0; n--, q += BLOCK, m++) {
		x = _mm512_loadu_si512((const void *)q);
		hi = _mm512_and_si512(_mm512_srli_epi16(x, 4), nibble);
		lo = _mm512_and_si512(x, nibble);
		c = _mm512_and_si512(_mm512_shuffle_epi8(byhigh, hi),
		    _mm512_shuffle_epi8(bylow, lo));
		h = _mm512_and_si512(_mm512_shuffle_epi8(hbyhigh, hi),
		    _mm512_shuffle_epi8(hbylow, lo));
		r.alnum = ANY3(c, C_DIGIT | C_AO | C_PZ);
		r.digit = ANY3(c, C_DIGIT);
		r.joiner = ANY3(c, C_JOINER);
		r.comma = ANY3(c, C_COMMA);
		r.event = ANY3(c, C_PUNCT | C_QUERY | C_NEWLINE);
		r.high = (uint64_t)_mm512_movepi8_mask(x);
		r.cont = (uint64_t)_mm512_cmplt_epi8_mask(x,
		    _mm512_set1_epi8(-64));
		r.lead = ANY3(h, H_LEAD | H_LEADD | H_C3);
		r.c3 = ANY3(h, H_C3);
		r.notlet = ANY3(h, H_NOTLET);
		r.e2 = ANY3(h, H_E2);
		r.b80 = ANY3(h, H_80);
		r.dash = ANY3(h, H_DASH);
		r.quote = ANY3(h, H_QUOTE);
		fromraw(&r, m);
	}
#undef ANY3
}
#endif
#endif

/*
 * Makes the block at p, whose masks are m, ready for its events: the
 * letters of the code points from 0x80 up, and where words begin.
 */
static INLINE void
classify(const char *p, const char *end, const struct m64 *m,
    struct block *b, struct carry *c)
{
	uint64_t ja, cd;

	b->alnum = m->alnum | c->alnum | m->letter;
	b->digit = m->digit;
	b->high = m->high;
	b->event = m->event;
	b->goes = c->goes;
	c->alnum = c->goes = 0;
	if (b->high != 0)
		highs(p, end, b, c);
	/* A joiner after a letter, a comma after a digit. */
	b->prev = b->alnum << 1 | c->a;
	ja = m->joiner & b->prev;
	cd = m->comma & (b->digit << 1 | c->d);
	b->goes |= ja << 1 | ((cd << 1 | c->comma) & b->digit);
	c->goes |= ja >> (BLOCK - 1);
	b->starts = b->alnum & ~(b->prev | b->goes);
	c->a = (unsigned int)(b->alnum >> (BLOCK - 1));
	c->d = (unsigned int)(b->digit >> (BLOCK - 1));
	c->comma = (unsigned int)(cd >> (BLOCK - 1));
}

/* The place of the highest bit set in m, which is not 0. */
static inline unsigned int
high64(uint64_t m)
{
#if defined(__GNUC__)
	return 63 - (unsigned int)__builtin_clzll(m);
#else
	unsigned int i = 0;

	while (m >>= 1)
		i++;
	return i;
#endif
}

/*
 * The frequent marks the quick way, as term() would take them: one mark
 * at the end of a paragraph (which ends the sentence itself), or one mark
 * and one space before a code point that opens a sentence or not, after a
 * word that is an abbreviation or not.  p is the i-th byte of b; before
 * tells whether a letter or digit stands before it.  Returns 0 to leave
 * the mark to term().
 */
static INLINE int
quickterm(struct textscan *s, const char *p, unsigned int i,
    const struct block *b, unsigned int before, struct counter *k)
{
	uint64_t w;
	const char *ws;
	size_t n;
	uint32_t c;
	int open;

	if (p + 1 < s->end && p[1] != '\n') {
		if (s->end - p < 3 || p[1] != ' ')
			return 0;
		/* What follows the space: mostly ASCII, asked at once. */
		if ((c = (unsigned char)p[2]) < 0x80) {
			if (c == 0 || c == '\n' || cls[c] == K_SPACE)
				return 0;
			open = (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '"';
		} else {
			decode_(p + 2, s->end, &c);
			if (text_isspace(c))
				return 0;
			open = opensentence(c);
		}
		if (open && *p == '.' && before) {
			/* Where the word before begins, if in the block. */
			if ((w = b->starts & ((1ULL << i) - 1)) == 0)
				return 0;
			ws = p - i + high64(w);
			n = (size_t)(p - ws);
			if ((n <= 7 || (n <= ABBREV_MAX && p[-2] == '.')) &&
			    isabbrev(ws, n))
				open = 0;
		}
		if (open && s->sentwords) {
			s->nsent++;
			ended(k, i);
		}
	}
	s->p = p + 1;
	return 1;
}

/* Runs the scanner's step for sentence punctuation at s->p. */
static void
countterm(struct textscan *s, struct counter *k, unsigned int i)
{
	term(s);
	if (s->endat != NULL) {
		sentend(s, s->endat);
		ended(k, i);
	}
}

/*
 * Takes the event at p, the i-th byte of the block b.  Returns 0 when the
 * text holds no more paragraphs.
 */
static INLINE int
event(struct textscan *s, const char *p, unsigned int i,
    const struct block *b, struct counter *k)
{
	unsigned int before;
	uint32_t cp;
	size_t l;

	s->p = p;
	s->sentwords = k->since ||
	    (b->starts & k->after & ((1ULL << i) - 1)) != 0;
	switch (*p) {
	case '\n':
		paraend(s);
		ended(k, i);
		return parabegin(s);
	case '.':
		before = (unsigned int)(b->prev >> i & 1);
		if (before && alnumat(p + 1, s->end))
			break;	/* inside a word: U.S, 13.7 */
		if (!quickterm(s, p, i, b, before, k))
			countterm(s, k, i);
		break;
	case '!':
	case '?':
		if (!quickterm(s, p, i, b, 0, k))
			countterm(s, k, i);
		break;
	case '"':
		quotemark(s, '"', p, 1);
		break;
	default:
		l = decode_(p, s->end, &cp);
		if (istermcp(cp))
			countterm(s, k, i);
		else
			quotemark(s, cp, p, l);
		break;
	}
	return 1;
}

/* The masks of nb blocks at q: with AVX-512 or AVX2 in the wide form. */
static INLINE void
masks(const char *q, size_t nb, struct m64 *m, int wide)
{
#ifdef TEXT_AVX2
	if (wide) {
#ifdef TEXT_AVX512
		if (__builtin_cpu_supports("avx512bw")) {
			classifyrun3(q, nb, m);
			return;
		}
#endif
		classifyrun2(q, nb, m);
		return;
	}
#endif
	(void)wide;
	classifyrun(q, nb, m);
}

/* The bits set in m: in the wide form, by one instruction. */
static INLINE unsigned int
ones(uint64_t m, int wide)
{
#ifdef TEXT_AVX2
	if (wide)
		return (unsigned int)__builtin_popcountll(m);
#endif
	(void)wide;
	return ones64(m);
}

/*
 * Where the words found by counting go (text_countwords()): a batch that
 * fn receives when it fills up, and the word still open at the end of
 * the last block.
 */
struct wordsink {
	int		(*fn)(void *, const struct textword *, size_t);
	void		*arg;
	const char	*open;		/* the last word begun, or NULL */
	const char	*openend;	/* its end so far */
	size_t		 n;
	int		 err;		/* fn has failed */
	struct textword	 w[TEXT_WORDS];
};

/* Hands the batch to fn.  Returns 0 when fn fails. */
static int
sinkflush(struct wordsink *ws)
{
	size_t n = ws->n;

	ws->n = 0;
	if (n > 0 && ws->fn(ws->arg, ws->w, n) == -1) {
		ws->err = 1;
		return 0;
	}
	return 1;
}

/*
 * The words of the block at p, as countblock() left its masks m: its
 * letters and digits, and where words begin.  A word takes every letter
 * up to the next start (a run of letters that is no start goes on with a
 * word), so it ends after the last letter before the next start, in its
 * block or a later one; the last word of a block stays open.  At most 32
 * words begin in a block.  Returns 0 when fn fails.
 */
static int
blockwords(struct wordsink *ws, const char *p, const struct m64 *m)
{
	struct textword *w = ws->w + ws->n;
	const char *open = ws->open, *end = ws->openend;
	uint64_t a = m->alnum, st = m->starts, below;
	unsigned int i;

	if (st != 0) {
		/* The word open before the first start ends in the block. */
		i = low64(st);
		if ((below = a & ((1ULL << i) - 1)) != 0)
			end = p + high64(below) + 1;
		if (open != NULL) {
			w->p = open;
			w->n = (size_t)(end - open);
			w++;
		}
		open = p + i;
		/* The next ones begin in it too, with a letter before each. */
		for (st &= st - 1; st != 0; st &= st - 1) {
			i = low64(st);
			w->p = open;
			w->n = (size_t)(p + high64(a & ((1ULL << i) - 1)) + 1 -
			    open);
			w++;
			open = p + i;
		}
	}
	if (a != 0)
		end = p + high64(a) + 1;
	ws->open = open;
	ws->openend = end;
	ws->n = (size_t)(w - ws->w);
	return ws->n > TEXT_WORDS - 32 ? sinkflush(ws) : 1;
}

/* The words of the nb blocks at p, whose masks are m. */
static int
runwords(struct wordsink *ws, const char *p, const struct m64 *m,
    size_t nb)
{
	size_t j;

	for (j = 0; j < nb; j++)
		if (!blockwords(ws, p + j * BLOCK, &m[j]))
			return 0;
	return 1;
}

/* Hands out the last word, and the batch it completes. */
static void
sinkend(struct wordsink *ws)
{
	if (ws->open != NULL) {
		ws->w[ws->n].p = ws->open;
		ws->w[ws->n++].n = (size_t)(ws->openend - ws->open);
	}
	(void)sinkflush(ws);
}

/*
 * Takes the block at p, whose masks are m: its events in order, then its
 * words; leaves in m its letters and digits and where words begin.
 * Returns 0 when the text holds no more paragraphs.
 */
static INLINE int
countblock(struct textscan *s, const char *p, struct m64 *m,
    struct carry *c, struct counter *k, int wide)
{
	struct block b;
	uint64_t e;
	unsigned int i;
	int more = 1;

	classify(p, s->end, m, &b, c);
	for (e = b.event; more && e != 0; e &= e - 1) {
		i = low64(e);
		if (p + i >= s->p)
			more = event(s, p + i, i, &b, k);
	}
	k->words += ones(b.starts, wide);
	k->since |= (b.starts & k->after) != 0;
	k->after = ~0ULL;
	m->alnum = b.alnum;
	m->starts = b.starts;
	return more;
}

/*
 * Counting: the words by the masks, the rest by the events, in the order
 * of the text.  An event that a step before has read past (a run of
 * marks, blank lines) is no event.  With ws, the words of each run of
 * blocks go there after the run.
 */
static INLINE void
countall(struct textscan *s, struct wordsink *ws, int wide)
{
	struct m64 m[RUN];
	struct carry c;
	struct counter k;
	const char *p;
	char tail[BLOCK];
	size_t nb, j;
	int more = 1;

	memset(&c, 0, sizeof(c));
	memset(&k, 0, sizeof(k));
	k.after = ~0ULL;
	if (!parabegin(s))
		return;
	for (p = s->p; more && s->end - p >= BLOCK; ) {
		nb = (size_t)(s->end - p) / BLOCK;
		masks(p, nb < RUN ? nb : RUN, m, wide);
		for (j = 0; more && j < nb && j < RUN; j++)
			more = countblock(s, p + j * BLOCK, &m[j], &c, &k,
			    wide);
		if (ws != NULL && !runwords(ws, p, m, j))
			more = 0;
		p += j * BLOCK;
	}
	/* The last bytes, read from a copy padded with NUL. */
	if (more && p < s->end) {
		memset(tail, 0, sizeof(tail));
		memcpy(tail, p, (size_t)(s->end - p));
		masks(tail, 1, m, wide);
		countblock(s, p, m, &c, &k, wide);
		if (ws != NULL)
			(void)runwords(ws, p, m, 1);
	}
	if (s->para != NULL) {
		s->p = s->end;
		s->sentwords = k.since;
		paraend(s);
	}
	s->nwords = k.words;
	if (ws != NULL && !ws->err)
		sinkend(ws);
}

/*
 * The two forms of counting: the wide one for processors with AVX2 and
 * the bit instructions that came with it (BMI, POPCNT), the other for
 * the rest.  The wide loop itself is built without AVX, so that it
 * never calls the scanner's steps with the upper halves of the vector
 * registers in use, which would slow every SSE instruction down.
 */
#ifdef TEXT_AVX2
__attribute__((target("bmi,bmi2,popcnt"))) static void
countwide(struct textscan *s, struct wordsink *ws)
{
	countall(s, ws, 1);
}
#endif

static void
countnarrow(struct textscan *s, struct wordsink *ws)
{
	countall(s, ws, 0);
}

static void
count(struct textscan *s, struct wordsink *ws)
{
#ifdef TEXT_AVX2
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
	    __builtin_cpu_supports("bmi2") &&
	    __builtin_cpu_supports("popcnt")) {
		countwide(s, ws);
		return;
	}
#endif
	countnarrow(s, ws);
}

/* Scans on until there is a token to hand out, or the end. */
static void
step(struct textscan *s)
{
	uint32_t c;
	size_t l;

	while (s->qhead == s->qtail) {
		if (s->para == NULL && !parabegin(s))
			return;
		if (s->p == s->end || *s->p == '\n') {
			paraend(s);
			continue;
		}
		/* Past a sentence end that no white space follows (。) */
		if (s->endat != NULL && s->p >= s->endat)
			sentend(s, s->endat);
		c = (unsigned char)*s->p;
		switch (cls[c]) {
		case K_SPACE:
			space(s, 1);
			continue;
		case K_ALNUM:
			word(s);
			continue;
		case K_TERM:
			if (s->sent == NULL)
				s->sent = s->p;
			term(s);
			continue;
		case K_HIGH:
			break;
		default:
			other(s, c, 1);
			continue;
		}
		l = decode_(s->p, s->end, &c);
		if (isalnum_(c))
			word(s);
		else if (text_isspace(c))
			space(s, l);
		else if (istermcp(c)) {
			if (s->sent == NULL)
				s->sent = s->p;
			term(s);
		} else
			other(s, c, l);
	}
}

void
text_start(struct textscan *s, const char *p, size_t n)
{
	memset(s, 0, sizeof(*s));
	s->p = p;
	s->end = p + n;
}

enum texttype
text_scan(struct textscan *s, struct texttok *t)
{
	const char *p;

	/*
	 * The frequent case the quick way: nothing waits in the queue, no
	 * sentence end is pending, and past blanks stands an ASCII letter
	 * or digit.  The word goes straight to the caller.
	 */
	if (s->qhead == s->qtail && s->para != NULL && s->endat == NULL) {
		for (p = s->p; p < s->end && cls[(unsigned char)*p] == K_SPACE;
		    p++)
			;
		s->p = p;
		if (p < s->end && cls[(unsigned char)*p] == K_ALNUM) {
			wordtok(s, t);
			return TT_WORD;
		}
	}
	step(s);
	if (s->qhead == s->qtail) {
		memset(t, 0, sizeof(*t));
		t->type = TT_END;
		return TT_END;
	}
	*t = s->queue[s->qhead];
	s->qhead = (s->qhead + 1) % TEXT_QUEUE;
	return t->type;
}

void
text_count(const char *p, size_t n, struct textcount *c, unsigned int flags)
{
	struct textscan s;
	struct texttok t;

	memset(c, 0, sizeof(*c));
	text_start(&s, p, n);
	if (flags & TC_SYLLABLES) {
		while (text_scan(&s, &t) != TT_END)
			if (t.type == TT_WORD)
				c->syllables += text_syllables(t.p, t.n);
	} else {
		s.countonly = 1;
		count(&s, NULL);
	}
	c->paragraphs = s.npara;
	c->sentences = s.nsent;
	c->words = s.nwords;
	c->quotes = s.nquote;
}

int
text_countwords(const char *p, size_t n, struct textcount *c,
    int (*fn)(void *, const struct textword *, size_t), void *arg)
{
	struct textscan s;
	struct wordsink ws;

	memset(c, 0, sizeof(*c));
	ws.fn = fn;
	ws.arg = arg;
	ws.open = ws.openend = NULL;
	ws.n = 0;
	ws.err = 0;
	text_start(&s, p, n);
	s.countonly = 1;
	count(&s, &ws);
	c->paragraphs = s.npara;
	c->sentences = s.nsent;
	c->words = s.nwords;
	c->quotes = s.nquote;
	return ws.err ? -1 : 0;
}

/*
 * Guessing the speaker of a quotation.
 */

#define SPK_WORDS	16
/* How far from a quotation its speaker is looked for, in bytes. */
#define SPK_REACH	2048

struct spkword {
	const char	*p;
	size_t		 n;
	unsigned int	 flags;
};

static const char *const reportverbs[] = {
	"acknowledged", "added", "adds", "admitted", "admits", "announced",
	"argued", "argues", "asked", "asks", "claimed", "claims",
	"commented", "concluded", "confirmed", "declared", "described",
	"explained", "explains", "insisted", "insists", "noted", "notes",
	"recalled", "remarked", "replied", "said", "say", "says", "stated",
	"stressed", "suggested", "told", "urged", "warned", "warns", "wrote",
	"writes"
};

/* Capitalised words that begin sentences and are no names. */
static const char *const notnames[] = {
	"A", "After", "Also", "An", "And", "As", "At", "But", "For", "However",
	"If", "In", "It", "Meanwhile", "On", "Or", "So", "That", "The", "Then",
	"There", "These", "This", "Those", "When", "While", "Yet"
};

static const char *const pronouns[] = {
	"He", "I", "She", "They", "We", "he", "she", "they", "we"
};

static int
inlist(const char *const *list, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

#define INLIST(l, w)	inlist(l, sizeof(l) / sizeof(l[0]), (w)->p, (w)->n)

static int
isname(const struct spkword *w)
{
	return (w->flags & TW_CAP) && !INLIST(notnames, w);
}

/* Sets the speaker to words i to j-1. */
static int
speaker(const struct spkword *w, int i, int j, const char **sp, size_t *sn)
{
	*sp = w[i].p;
	*sn = (size_t)(w[j - 1].p + w[j - 1].n - w[i].p);
	return 1;
}

/* Tells whether only white space stands between two words. */
static int
adjacent(const struct spkword *a, const struct spkword *b)
{
	const char *p;

	for (p = a->p + a->n; p < b->p; p++)
		if (cls[(unsigned char)*p] != K_SPACE)
			return 0;
	return 1;
}

/*
 * Looks for a name or a pronoun next to the reporting verb w[v]: before
 * it when before is set (Putin warned), else after it (said Ushakov).
 * A name is a run of up to four capitalised words.
 */
static int
nextto(const struct spkword *w, int nw, int v, int before, const char **sp,
    size_t *sn)
{
	int i;

	if (before) {
		if (v == 0 || !adjacent(&w[v - 1], &w[v]))
			return 0;
		if (INLIST(pronouns, &w[v - 1]))
			return speaker(w, v - 1, v, sp, sn);
		for (i = v; i > 0 && v - i < 4 && isname(&w[i - 1]) &&
		    adjacent(&w[i - 1], &w[i]); i--)
			;
		return i < v ? speaker(w, i, v, sp, sn) : 0;
	}
	if (v + 1 >= nw || !adjacent(&w[v], &w[v + 1]))
		return 0;
	if (INLIST(pronouns, &w[v + 1]))
		return speaker(w, v + 1, v + 2, sp, sn);
	for (i = v + 1; i < nw && i - v <= 4 && isname(&w[i]) &&
	    adjacent(&w[i - 1], &w[i]); i++)
		;
	return i > v + 1 ? speaker(w, v + 1, i, sp, sn) : 0;
}

/* Collects the words of the first sentence of a text, at most max. */
static int
firstwords(const char *p, const char *end, struct spkword *w, int max)
{
	struct textscan s;
	struct texttok t;
	int nw = 0;

	text_start(&s, p, (size_t)(end - p));
	while (nw < max && text_scan(&s, &t) == TT_WORD) {
		w[nw].p = t.p;
		w[nw].n = t.n;
		w[nw++].flags = t.flags;
	}
	return nw;
}

/* Collects the last words, at most max, of the sentence open at end. */
static int
lastwords(const char *p, const char *end, struct spkword *w, int max)
{
	struct textscan s;
	struct texttok t;
	enum texttype tt;
	int nw = 0;

	text_start(&s, p, (size_t)(end - p));
	while ((tt = text_scan(&s, &t)) != TT_END) {
		if (tt == TT_SENTENCE && t.p + t.n < end)
			nw = 0;
		if (tt != TT_WORD)
			continue;
		if (nw == max) {
			memmove(w, w + 1, (size_t)(max - 1) * sizeof(*w));
			nw--;
		}
		w[nw].p = t.p;
		w[nw].n = t.n;
		w[nw++].flags = t.flags;
	}
	return nw;
}

int
text_speaker(const char *text, size_t n, const char *q, size_t qn,
    const char **sp, size_t *sn)
{
	struct spkword w[SPK_WORDS];
	const char *end = text + n, *ps = q, *pe = q + qn, *after = q + qn;
	uint32_t c;
	int nw, i;

	/*
	 * The words next to the quotation, in its paragraph, and no further
	 * than SPK_REACH bytes away: a paragraph of many quotations then
	 * costs time in proportion to its length, not to its square.
	 */
	while (ps > text && ps[-1] != '\n' && q - ps < SPK_REACH)
		ps--;
	while (ps < q && ((unsigned char)*ps & 0xc0) == 0x80)
		ps++;
	while (pe < end && *pe != '\n' && pe - (q + qn) < SPK_REACH)
		pe++;
	if (after < pe)
		after += text_decode(after, pe, &c);
	/* After the quotation: said Ushakov, he added, Mr Smith said. */
	nw = firstwords(after, pe, w, 6);
	if (nw > 0 && INLIST(reportverbs, &w[0]) && nextto(w, nw, 0, 0, sp, sn))
		return 1;
	for (i = 1; i < nw && !INLIST(reportverbs, &w[i]); i++)
		;
	if (i < nw && nextto(w, nw, i, 1, sp, sn) && *sp == w[0].p)
		return 1;
	/* Before it, in its sentence: Putin warned that ... "quote". */
	nw = lastwords(ps, q, w, SPK_WORDS);
	for (i = nw - 1; i >= 0; i--)
		if (INLIST(reportverbs, &w[i]))
			return nextto(w, nw, i, 1, sp, sn) ||
			    nextto(w, nw, i, 0, sp, sn);
	return 0;
}
