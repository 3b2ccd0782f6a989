/*
 * The matcher: fixed strings found with memchr on a rare byte, regular
 * expressions run only where a string that their matches hold was found.
 */
#include <errno.h>
#include <limits.h>
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
#include <malloc.h>
#define ART_MALLINFO2
#endif
#include <regex.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "lines.h"
#include "match.h"
#include "recost.h"
#include "text.h"

#define NVAR	4	/* forms of one byte looked for side by side */

/*
 * The bounds on the cost of a regular expression (artgrep(1), CAVEATS),
 * as recost_read() measures it: at most RE_COPIES positions written out,
 * groups nested at most RE_NEST deep, a search that costs at most
 * RE_COST a character of text (RE_STEP being what a character costs
 * besides the positions, RE_STEPMB when glibc matches characters, not
 * bytes), a compiling at most RE_BUILD, at most 2^RE_SETS sets of
 * positions held.  regexec(3) is given RE_WINDOW bytes at a time, or
 * down to RE_MINWIN for a costly expression whose matches may be longer
 * than RE_OVERLAP; the strings of an expression are looked for RE_LOOK
 * bytes ahead.  Each RE_FED bytes searched the heap is looked at: past
 * RE_CACHE bytes more than after regcomp(3), the expression is compiled
 * again.
 */
#define RE_WINDOW	4096
#define RE_OVERLAP	2048
#define RE_COPIES	4000
#define RE_NEST		255
#define RE_MINWIN	512
#define RE_STEP		4
#define RE_STEPMB	22
#define RE_COST		81920
#define RE_BUILD	(1 << 22)
#define RE_SETS		12
#define RE_LOOK		16384
#define RE_FED		RE_WINDOW
#define RE_CACHE	((size_t)32 << 20)

/*
 * How common each byte is in English news text, per 100,000 bytes (as
 * counted in the BBC set and gencorpus), with floors for the bytes of
 * other scripts: the lead bytes of two-byte UTF-8 sequences are common in
 * Cyrillic or Greek text, so a string's rarest byte is rather one of its
 * trailing bytes.
 */
static const unsigned short bytefreq[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 170, 33, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 15390, 2, 181, 0,
	21, 17, 2, 122, 20, 20, 0, 0, 803, 183, 919, 2,
	216, 120, 174, 65, 68, 71, 49, 52, 47, 59, 15, 4,
	0, 0, 0, 12, 0, 208, 237, 183, 132, 87, 117, 128,
	108, 170, 108, 103, 115, 257, 71, 106, 157, 15, 128, 331,
	282, 103, 42, 161, 6, 24, 16, 1, 300, 1, 0, 0,
	0, 6604, 1038, 2045, 2646, 8909, 1546, 1433, 3370, 5846, 142, 783,
	3431, 1676, 5589, 6084, 1318, 76, 5067, 5611, 6722, 2126, 846, 1273,
	243, 1155, 164, 0, 0, 0, 0, 0, 515, 100, 100, 100,
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
	100, 100, 100, 100, 100, 100, 100, 100, 100, 156, 100, 100,
	108, 108, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
	0, 0, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
	2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
	2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 500, 500, 515, 500,
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
	200, 200, 200, 200, 200, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0
};

/*
 * A string looked for byte by byte: memchr finds the forms of its rarest
 * byte, a second byte is checked, then the whole.  With icase the string
 * is folded, and the text is folded as it is compared.
 */
struct lit {
	char		*s;
	size_t		 n;
	int		 icase;
	int		 ascii;		/* no byte above 0x7f */
	size_t		 at;		/* the byte memchr looks for */
	unsigned char	 var[NVAR];	/* its forms */
	int		 nvar;		/* 0: too many forms; try every place */
	unsigned long	 cost;		/* how common its forms are */
	size_t		 at2;		/* the byte checked next */
	unsigned char	 set2[32];	/* its forms, as a set of bits */
	int		 pair;		/* look for both bytes at once */
	unsigned char	 pb[2];		/* the two bytes, folded, */
	unsigned char	 pf[2];		/* and what folds them (0 or 0x20) */
};

/*
 * What a search of a string learned: its first find at or after where
 * the search began, or the end of the bytes when there is none.
 */
struct litcur {
	const char	*hit;		/* NULL: not looked for yet */
};

/* Where memchr last found each form of a string's rare byte. */
struct varcur {
	const char	*next[NVAR];	/* NULL: not looked for yet */
};

/*
 * Below this cost (per 100,000 bytes) memchr on the rare byte alone is
 * faster than looking at two bytes of every place at once.
 */
#define PAIR_MIN	400

struct pat {
	int		 isre;
	regex_t		 re;
	struct lit	*alt;	/* fixed: the strings it is; regex: strings
				   one of which each match holds */
	size_t		 nalt;
	int		 exact;	/* the strings are the whole pattern */
	char		*form;	/* what regcomp was given, to give again */
	size_t		 fed;	/* bytes given regexec since the heap was
				   last looked at */
	size_t		 heap;	/* the heap in use after regcomp */
	int		 cflags;
	size_t		 window;	/* bytes given regexec at once */
	size_t		 span;	/* the most bytes a match may take, or
				   window / 2 when they are not bounded */
};

struct matcher {
	int		 flags;
	struct pat	*pat;
	size_t		 npat;
	size_t		 cap;
	char		 err[256];

	/* What match_scan() looks for, and where it has looked. */
	struct lit	*slit;
	struct litcur	*scur;
	char		*sfull;		/* the string is a whole pattern */
	size_t		 nslit;
	unsigned long	 sgen;
	const char	*send;
	size_t		 slast;		/* the string of the last find, or
					   nslit */
};

#define HASBIT(set, b)	((set)[(unsigned char)(b) >> 3] & \
			    (1u << ((unsigned char)(b) & 7)))
#define SETBIT(set, b)	((set)[(unsigned char)(b) >> 3] |= \
			    (unsigned char)(1u << ((unsigned char)(b) & 7)))

static inline unsigned char
lc(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static size_t
enclen(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static void
encode(char *d, uint32_t c)
{
	size_t n = enclen(c), i;
	static const unsigned char lead[5] = { 0, 0, 0xc0, 0xe0, 0xf0 };

	if (n == 1) {
		d[0] = (char)c;
		return;
	}
	for (i = n - 1; i > 0; i--, c >>= 6)
		d[i] = (char)(0x80 | (c & 0x3f));
	d[0] = (char)(lead[n] | c);
}

/*
 * The fold of a code point, when it has the same length in UTF-8: folding
 * then never moves a byte, so that a place found in folded text is the
 * same place in the text.  The few letters whose folds are shorter (the
 * long s, the capital sharp s, the dotted capital I) stay as they are.
 */
static uint32_t
foldcp(uint32_t c)
{
	uint32_t f;

	if (c == TEXT_BADBYTE)
		return c;
	f = text_foldcp(c);
	return enclen(f) == enclen(c) ? f : c;
}

/* Folds the character at p (before end) into out; returns its length. */
static size_t
foldc(const char *p, const char *end, char *out)
{
	uint32_t c, f;
	size_t l;

	if ((unsigned char)*p < 0x80) {
		*out = (char)lc((unsigned char)*p);
		return 1;
	}
	l = text_decode(p, end, &c);
	if ((f = foldcp(c)) != c)
		encode(out, f);
	else
		memmove(out, p, l);
	return l;
}

/* Folds n bytes in place. */
static void
foldstr(char *s, size_t n)
{
	char *end = s + n;

	while (s < end)
		s += foldc(s, end, s);
}

/* Tells whether n bytes of text fold to the n folded bytes at p. */
static int
foldeq(const char *t, const char *p, size_t n)
{
	const char *end = t + n;
	char c[4];
	size_t l;

	while (t < end) {
		if ((unsigned char)*t < 0x80) {
			if (lc((unsigned char)*t) != (unsigned char)*p)
				return 0;
			t++, p++;
			continue;
		}
		l = foldc(t, end, c);
		if (memcmp(c, p, l) != 0)
			return 0;
		t += l, p += l;
	}
	return 1;
}

/*
 * Stores in v the code points of UTF-8 length l that fold to f, f among
 * them, and returns how many there are, or -1 when there are more than
 * max or l is 4 (too many to try).
 */
static int
variants(uint32_t f, size_t l, uint32_t *v, int max)
{
	static const uint32_t lo[4] = { 0, 0x80, 0x800, 0x10000 };
	static const uint32_t hi[4] = { 0x7f, 0x7ff, 0xffff, 0x10ffff };
	uint32_t c;
	int k = 0;

	if (l < 1 || l > 3)
		return -1;
	for (c = lo[l - 1]; c <= hi[l - 1]; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		if (foldcp(c) != f)
			continue;
		if (k == max)
			return -1;
		v[k++] = c;
	}
	return k;
}

/*
 * Fills sets (NVAR + 1 bytes a place: the count, then the forms) with the
 * bytes that may stand at each place of a folded string; a count of 0
 * marks a place with too many forms.
 */
static void
formsets(const struct lit *l, unsigned char *sets)
{
	const char *p = l->s, *end = l->s + l->n;
	uint32_t v[NVAR], c;
	char e[4];
	size_t len, j, o;
	int k, i, t;
	unsigned char *set;

	while (p < end) {
		o = (size_t)(p - l->s);
		len = text_decode(p, end, &c);
		k = 1;
		v[0] = c;
		if (l->icase && c != TEXT_BADBYTE)
			k = variants(c, len, v, NVAR);
		for (j = 0; j < len; j++) {
			set = sets + (o + j) * (NVAR + 1);
			set[0] = 0;
			for (i = 0; i < k; i++) {
				if (c == TEXT_BADBYTE)
					e[j] = p[j];
				else
					encode(e, v[i]);
				for (t = 1; t <= set[0]; t++)
					if (set[t] == (unsigned char)e[j])
						break;
				if (t > set[0])
					set[++set[0]] = (unsigned char)e[j];
			}
		}
		p += len;
	}
}

static unsigned long
setcost(const unsigned char *set)
{
	unsigned long cost = 0;
	int t;

	for (t = 1; t <= set[0]; t++)
		cost += bytefreq[set[t]];
	return cost;
}

/*
 * Tells whether the forms of a byte can be compared 16 at a time: one
 * byte, or an ASCII letter in both cases (b | 0x20 is then the small one).
 */
static int
pairbyte(const unsigned char *set, unsigned char *b, unsigned char *f)
{
	if (set[0] == 1) {
		*b = set[1];
		*f = 0;
		return 1;
	}
	if (set[0] == 2 && (set[1] ^ set[2]) == 0x20 &&
	    lc(set[1]) >= 'a' && lc(set[1]) <= 'z') {
		*b = lc(set[1]);
		*f = 0x20;
		return 1;
	}
	return 0;
}

/* Chooses the byte memchr looks for, and the byte checked next. */
static int
pickrare(struct lit *l)
{
	unsigned char *sets, *set;
	unsigned long cost, best = ULONG_MAX, best2 = ULONG_MAX;
	size_t i, at = 0, at2 = 0;
	int t;

	if ((sets = malloc(l->n * (NVAR + 1))) == NULL)
		return -1;
	formsets(l, sets);
	for (i = 0; i < l->n; i++) {
		set = sets + i * (NVAR + 1);
		if (set[0] == 0)
			continue;
		cost = setcost(set);
		if (cost < best) {
			best2 = best, at2 = at;
			best = cost, at = i;
		} else if (cost < best2)
			best2 = cost, at2 = i;
	}
	l->nvar = 0;
	l->cost = best;
	if (best != ULONG_MAX) {
		set = sets + at * (NVAR + 1);
		l->nvar = set[0];
		memcpy(l->var, set + 1, set[0]);
		l->at = at;
		l->at2 = best2 != ULONG_MAX ? at2 : at;
		set = sets + l->at2 * (NVAR + 1);
		for (t = 1; t <= set[0]; t++)
			SETBIT(l->set2, set[t]);
		l->pair = best >= PAIR_MIN &&
		    pairbyte(sets + at * (NVAR + 1), &l->pb[0], &l->pf[0]) &&
		    pairbyte(set, &l->pb[1], &l->pf[1]);
	}
	free(sets);
	return 0;
}

static int
lit_init(struct lit *l, const char *s, size_t n, int icase)
{
	size_t i;

	memset(l, 0, sizeof(*l));
	if ((l->s = malloc(n + 1)) == NULL)
		return -1;
	memcpy(l->s, s, n);
	l->s[n] = '\0';
	l->n = n;
	l->icase = icase;
	if (icase)
		foldstr(l->s, n);
	l->ascii = 1;
	for (i = 0; i < n; i++)
		if ((unsigned char)l->s[i] >= 0x80)
			l->ascii = 0;
	if (n > 0 && pickrare(l) == -1) {
		free(l->s);
		l->s = NULL;
		return -1;
	}
	if (n == 0)
		l->cost = 0;
	return 0;
}

/* Tells whether the string stands at s. */
static int
lit_at(const struct lit *l, const char *s)
{
	size_t i;

	if (l->nvar > 0 && !HASBIT(l->set2, s[l->at2]))
		return 0;
	if (!l->icase)
		return memcmp(s, l->s, l->n) == 0;
	if (!l->ascii)
		return foldeq(s, l->s, l->n);
	for (i = 0; i < l->n; i++)
		if (lc((unsigned char)s[i]) != (unsigned char)l->s[i])
			return 0;
	return 1;
}

/*
 * Finds the string with several forms of its rare byte: each memchr runs
 * ahead to its next find and waits there until the others have caught up.
 * hi ends the places of the rare byte.
 */
static const char *
lit_findvar(const struct lit *l, const char *p, const char *hi)
{
	struct varcur c;
	const char *best, *from, *s;
	int v;

	memset(&c, 0, sizeof(c));
	for (;;) {
		from = p + l->at;
		best = hi;
		for (v = 0; v < l->nvar; v++) {
			if (c.next[v] == NULL || c.next[v] < from) {
				c.next[v] = from < hi ? memchr(from, l->var[v],
				    (size_t)(hi - from)) : NULL;
				if (c.next[v] == NULL)
					c.next[v] = hi;
			}
			if (c.next[v] < best)
				best = c.next[v];
		}
		if (best >= hi)
			return NULL;
		s = best - l->at;
		if (lit_at(l, s))
			return s;
		p = s + 1;
	}
}

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#include <emmintrin.h>

/*
 * Looks at the rare byte and the next one of 16 places at once (as SSE2
 * has it on every x86-64), and checks the whole string only where both
 * stand.
 */
static const char *
lit_findpair(const struct lit *l, const char *p, const char *end)
{
	const __m128i b0 = _mm_set1_epi8((char)l->pb[0]);
	const __m128i b1 = _mm_set1_epi8((char)l->pb[1]);
	const __m128i f0 = _mm_set1_epi8((char)l->pf[0]);
	const __m128i f1 = _mm_set1_epi8((char)l->pf[1]);
	const char *last = end - l->n;
	__m128i x, y;
	unsigned int m;

	for (; last - p >= 15; p += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + l->at));
		y = _mm_loadu_si128((const __m128i *)(const void *)(p + l->at2));
		x = _mm_cmpeq_epi8(_mm_or_si128(x, f0), b0);
		y = _mm_cmpeq_epi8(_mm_or_si128(y, f1), b1);
		for (m = (unsigned int)_mm_movemask_epi8(_mm_and_si128(x, y));
		    m != 0; m &= m - 1)
			if (lit_at(l, p + __builtin_ctz(m)))
				return p + __builtin_ctz(m);
	}
	for (; p <= last; p++)
		if (lit_at(l, p))
			return p;
	return NULL;
}
#endif

/* Returns the first place in [p, end) where the whole string stands. */
static const char *
lit_search(const struct lit *l, const char *p, const char *end)
{
	const char *hi, *q, *s;

	if ((size_t)(end - p) < l->n)
		return NULL;
	if (l->n == 0)
		return p;
	if (l->nvar == 0) {
		for (s = p; (size_t)(end - s) >= l->n; s++)
			if (lit_at(l, s))
				return s;
		return NULL;
	}
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
	if (l->pair)
		return lit_findpair(l, p, end);
#endif
	hi = end - l->n + l->at + 1;
	if (l->nvar > 1)
		return lit_findvar(l, p, hi);
	for (q = p + l->at; q < hi && (q = memchr(q, l->var[0],
	    (size_t)(hi - q))) != NULL; q++) {
		s = q - l->at;
		if (lit_at(l, s))
			return s;
	}
	return NULL;
}

/*
 * Returns the first place in [p, end) where the whole string stands, or
 * NULL.  cur, when not NULL, keeps the find for the next call on the same
 * bytes with the same end, which starts no earlier.
 */
static const char *
lit_find(const struct lit *l, struct litcur *cur, const char *p,
    const char *end)
{
	const char *s;

	if (cur == NULL)
		return lit_search(l, p, end);
	if (cur->hit == NULL || cur->hit < p) {
		s = lit_search(l, p, end);
		cur->hit = s != NULL ? s : end;
	}
	return cur->hit != end ? cur->hit : NULL;
}

/*
 * Words and lines.
 */

/* Tells whether a letter or digit ends just before offset at. */
static int
wordbefore(const char *t, size_t at)
{
	size_t i, k;
	uint32_t c;

	if (at == 0)
		return 0;
	i = at - 1;
	for (k = 0; k < 3 && i > 0 && ((unsigned char)t[i] & 0xc0) == 0x80;
	    k++)
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

/* Tells whether [so, eo) may be a match, as -w and -x want. */
static int
bounded(const struct matcher *m, const char *t, size_t n, size_t so,
    size_t eo)
{
	if (m->flags & MATCH_LINE)
		return (so == 0 || t[so - 1] == '\n') &&
		    (eo == n || t[eo] == '\n');
	if (m->flags & MATCH_WORD)
		return !wordbefore(t, so) && !wordafter(t, n, eo);
	return 1;
}

/* The length of the character at offset at, at least 1. */
static size_t
charlen(const char *t, size_t n, size_t at)
{
	uint32_t c;

	return at < n ? text_decode(t + at, t + n, &c) : 1;
}

/*
 * Fixed strings.
 */

/*
 * Finds the first place at or after from where the string stands and -w
 * or -x allow it, starting no later than last.  Returns 1 and the place
 * in *so, or 0.
 */
static int
lit_match(const struct matcher *m, const struct lit *l, const char *t,
    size_t n, size_t from, size_t last, size_t *so)
{
	const char *s, *end;
	size_t at = from;

	end = last < n && n - last > l->n ? t + last + l->n : t + n;
	while (at <= n && (s = lit_find(l, NULL, t + at, end)) != NULL) {
		*so = (size_t)(s - t);
		if (bounded(m, t, n, *so, *so + l->n))
			return 1;
		at = *so + (l->n > 0 ? 1 : charlen(t, n, *so));
	}
	return 0;
}

/* The leftmost, then longest, of a pattern's strings that may match. */
static int
alts_match(const struct matcher *m, const struct pat *pt, const char *t,
    size_t n, size_t from, struct match *mp)
{
	size_t i, so, last = n;
	int found = 0;

	for (i = 0; i < pt->nalt; i++) {
		if (pt->alt[i].n > n)
			continue;
		if (!lit_match(m, &pt->alt[i], t, n, from, last, &so))
			continue;
		if (found && (so > mp->so || (so == mp->so &&
		    so + pt->alt[i].n <= mp->eo)))
			continue;
		mp->so = so;
		mp->eo = so + pt->alt[i].n;
		last = so;
		found = 1;
	}
	return found;
}

/* The first place at or after p where any of a pattern's strings stands. */
static const char *
alts_first(const struct pat *pt, const char *p, const char *end)
{
	const char *best = NULL, *s, *lim;
	size_t i;

	for (i = 0; i < pt->nalt; i++) {
		lim = best == NULL || (size_t)(end - best) < pt->alt[i].n ?
		    end : best + pt->alt[i].n;
		s = lit_find(&pt->alt[i], NULL, p, lim);
		if (s != NULL && (best == NULL || s < best))
			best = s;
	}
	return best;
}

/*
 * Regular expressions.
 */

/* The bytes that malloc(3) has handed out, where the C library tells. */
static size_t
heapuse(void)
{
#ifdef ART_MALLINFO2
	return mallinfo2().uordblks;
#else
	return 0;
#endif
}

/*
 * Compiles pt->form into pt->re.  glibc keeps every state of its
 * matcher that a search makes, for as long as the expression lives: the
 * heap is looked at each RE_FED bytes searched, and past RE_CACHE bytes
 * more than after the last regcomp(3), the expression is compiled again,
 * which lets them go.  Returns what regcomp answers.
 */
static int
recomp(struct pat *pt, int cflags)
{
	regex_t re;
	int r;

	if ((r = regcomp(&re, pt->form, cflags)) != 0)
		return r;
	if (pt->isre)
		regfree(&pt->re);
	pt->re = re;
	pt->isre = 1;
	pt->cflags = cflags;
	pt->heap = heapuse();
	return 0;
}

/* Looks at the heap after a search of n bytes more. */
static void
refed(struct pat *pt, size_t n)
{
	if ((pt->fed += n) < RE_FED)
		return;
	pt->fed = 0;
	if (heapuse() > pt->heap + RE_CACHE)
		recomp(pt, pt->cflags);
}

/*
 * Runs the expression on [start, end) of the n bytes of text, which
 * still count as context.  regexec(3) takes offsets in an int: it is
 * given the text from a few bytes before start, enough for the
 * character there, which tells whether a word or a line begins at start.
 * Returns 1 with the match in *so and *eo, 0, or -1 with errno set.
 */
static int
re_exec1(struct pat *pt, const char *t, size_t n, size_t start,
    size_t end, size_t *so, size_t *eo)
{
	regmatch_t pm[1];
	size_t base = start - (start < 8 ? start : 8);
	int r, ef = REG_STARTEND;

	if (end < n && t[end] != '\n')
		ef |= REG_NOTEOL;
	pm[0].rm_so = (regoff_t)(start - base);
	pm[0].rm_eo = (regoff_t)(end - base);
	errno = 0;
	r = regexec(&pt->re, t + base, 1, pm, ef);
	/*
	 * glibc may answer no match when an allocation failed on the way;
	 * the failed malloc(3) still set errno.
	 */
	if ((r == REG_NOMATCH && errno == ENOMEM) || (r != 0 &&
	    r != REG_NOMATCH)) {
		errno = ENOMEM;
		return -1;
	}
	refed(pt, end - start);
	if (r == REG_NOMATCH)
		return 0;
	*so = base + (size_t)pm[0].rm_so;
	*eo = base + (size_t)pm[0].rm_eo;
	return 1;
}

/*
 * Moves an offset back to the start of the character it is in, by at
 * most 5 bytes (a character of glibc's UTF-8 has at most 6), and not
 * before lo.
 */
static size_t
charstart(const char *t, size_t at, size_t lo)
{
	size_t k;

	for (k = 0; k < 5 && at > lo && ((unsigned char)t[at] & 0xc0) ==
	    0x80; k++)
		at--;
	return at;
}

/*
 * Where the next window may begin, at or after ws: no earlier than span
 * bytes before the next of the expression's strings, one of which each
 * match holds, looked for RE_LOOK bytes at a time.  Returns SIZE_MAX
 * when no string is left.
 */
static size_t
re_skip(const struct pat *pt, const char *t, size_t ws, size_t end)
{
	const char *h;
	size_t lim, at;

	while (pt->nalt > 0 && end - ws > pt->window) {
		lim = end - ws > RE_LOOK ? ws + RE_LOOK : end;
		if ((h = alts_first(pt, t + ws, t + lim)) != NULL) {
			at = (size_t)(h - t);
			return at - ws > pt->span ?
			    charstart(t, at - pt->span, ws) : ws;
		}
		if (lim == end)
			return SIZE_MAX;
		/* A match that begins before lim - span would end by lim. */
		ws = charstart(t, lim - pt->span, ws);
	}
	return ws;
}

/*
 * The same, giving regexec(3) a window of at most pt->window bytes at a
 * time, so that the time of a search grows in step with the text, not
 * with its square (a.*c over a long paragraph without a c).  A window
 * answers for the places that lie more than pt->span bytes before its
 * end, or for all of them when it ends the range: a match that begins
 * there is found whole when matches are at most span bytes long.  The
 * next window begins span bytes before the end of the last.  For an
 * expression whose matches may be longer, span is half the window: a
 * longer match may be found shorter, or missed (artgrep(1), CAVEATS).
 */
static int
re_exec(struct pat *pt, const char *t, size_t n, size_t start,
    size_t end, size_t *so, size_t *eo)
{
	size_t ws = start, we;
	int r;

	for (;;) {
		if ((ws = re_skip(pt, t, ws, end)) == SIZE_MAX)
			return 0;
		we = end - ws > pt->window ?
		    charstart(t, ws + pt->window, ws) : end;
		r = re_exec1(pt, t, n, ws, we, so, eo);
		if (r == -1 || (r == 1 && (we == end || *so + pt->span < we)))
			return r;
		if (we == end)
			return 0;
		ws = charstart(t, we - pt->span, ws);
	}
}

/* -x: a match that is a whole line, from a line that begins in range. */
static int
re_lines(struct pat *pt, const char *t, size_t n, size_t start,
    size_t end, struct match *mp)
{
	const char *q;
	size_t ps, pe, so, eo;
	int r;

	for (ps = start; ps <= end; ps = pe + 1) {
		q = memchr(t + ps, '\n', n - ps);
		pe = q != NULL ? (size_t)(q - t) : n;
		if (ps > 0 && t[ps - 1] != '\n')
			continue;
		if ((r = re_exec(pt, t, n, ps, pe, &so, &eo)) == -1)
			return -1;
		if (r == 1 && so == ps && eo == pe) {
			mp->so = so;
			mp->eo = eo;
			return 1;
		}
		if (pe == n)
			break;
	}
	return 0;
}

/*
 * -w: the leftmost match with no letter or digit around it; where the
 * longest match at a place is not, shorter ones at the same place are
 * tried, as grep does.
 */
static int
re_words(const struct matcher *m, struct pat *pt, const char *t,
    size_t n, size_t start, size_t end, struct match *mp)
{
	size_t s, so, eo, so2, eo2;
	int r;

	for (s = start; s <= end; s = so + charlen(t, n, so)) {
		if ((r = re_exec(pt, t, n, s, end, &so, &eo)) != 1)
			return r;
		while (!bounded(m, t, n, so, eo)) {
			if (eo == so)
				break;
			if ((r = re_exec(pt, t, n, so, eo - 1, &so2, &eo2)) ==
			    -1)
				return -1;
			if (r == 0 || so2 != so)
				break;
			eo = eo2;
		}
		if (bounded(m, t, n, so, eo)) {
			mp->so = so;
			mp->eo = eo;
			return 1;
		}
	}
	return 0;
}

/* The first match in [start, end), as -w and -x want. */
static int
re_range(const struct matcher *m, struct pat *pt, const char *t,
    size_t n, size_t start, size_t end, struct match *mp)
{
	if (m->flags & MATCH_LINE)
		return re_lines(pt, t, n, start, end, mp);
	if (m->flags & MATCH_WORD)
		return re_words(m, pt, t, n, start, end, mp);
	return re_exec(pt, t, n, start, end, &mp->so, &mp->eo);
}

/*
 * The first match of an expression: only the paragraphs that hold one of
 * its strings are given to regexec.
 */
static int
re_match(const struct matcher *m, struct pat *pt, const char *t,
    size_t n, size_t from, struct match *mp)
{
	const char *h, *q;
	size_t pos, ps, pe;
	int r;

	if (pt->nalt == 0)
		return re_range(m, pt, t, n, from, n, mp);
	for (pos = from; pos <= n; pos = pe + 1) {
		if ((h = alts_first(pt, t + pos, t + n)) == NULL)
			return 0;
		for (ps = pos; (q = memchr(t + ps, '\n',
		    (size_t)(h - t) - ps)) != NULL; ps = (size_t)(q - t) + 1)
			;
		q = memchr(h, '\n', n - (size_t)(h - t));
		pe = q != NULL ? (size_t)(q - t) : n;
		if ((r = re_range(m, pt, t, n, ps, pe, mp)) != 0)
			return r;
	}
	return 0;
}

/*
 * The strings that a regular expression's matches hold.  Only its top
 * level is read: in each branch, runs of plain characters that no
 * quantifier makes optional; a group, a bracket expression, an anchor, a
 * dot or an escape other than of a special character ends a run.  Reading
 * less than there is is always safe: a shorter string is still held.
 */

static const char respecial[] = ".[]()*+?{}|^$\\";

/* A branch being read: the run of characters, and the best run yet. */
struct reread {
	struct buf	 run;
	struct buf	*best;
	size_t		 atom;		/* where the last character begins */
	int		 hasatom;
	int		 exact;		/* nothing but plain characters */
};

static int
endrun(struct reread *r)
{
	int e = 0;

	if (r->run.n > r->best->n || r->best->p == NULL) {
		r->best->n = 0;
		e = buf_add(r->best, r->run.p, r->run.n);
	}
	r->run.n = 0;
	r->hasatom = 0;
	return e;
}

/*
 * A quantifier at p: one that allows no repeat drops the last character
 * from the run, and any ends it.  Returns where the quantifier ends.
 */
static const char *
quantifier(struct reread *r, const char *p, const char *end, int *e)
{
	const char *q;
	int optional = *p == '*' || *p == '?';

	r->exact = 0;
	q = p + 1;
	if (*p == '{') {
		optional = q >= end || *q < '1' || *q > '9';
		while (q < end && *q != '}')
			q++;
		q = q < end ? q + 1 : p + 1;
	}
	if (optional && r->hasatom)
		r->run.n = r->atom;
	*e = endrun(r);
	return q;
}

/* Reads one branch [p, end) into r. */
static int
rebranch(struct reread *r, const char *p, const char *end)
{
	uint32_t c;
	size_t l;
	int e = 0;

	while (p < end && e == 0) {
		if (strchr("*+?{", *p) != NULL) {
			p = quantifier(r, p, end, &e);
			continue;
		}
		if (*p == '\\' && p + 1 < end && p[1] != '\0' &&
		    strchr(respecial, p[1]) != NULL) {
			p++;
			l = 1;
		} else if (strchr("\\[(.^$)", *p) != NULL) {
			r->exact = 0;
			e = endrun(r);
			if (*p == '[')
				p = recost_bracket(p, end);
			else if (*p == '(')
				p = recost_group(p, end);
			else
				p = *p == '\\' && p + 1 < end ? p + 2 : p + 1;
			continue;
		} else
			l = text_decode(p, end, &c);
		r->atom = r->run.n;
		r->hasatom = 1;
		e = buf_add(&r->run, p, l);
		p += l;
	}
	return e != 0 ? e : endrun(r);
}

/* Adds a string to a pattern's list. */
static int
addalt(struct pat *pt, const char *s, size_t n, int icase)
{
	struct lit *a;

	if ((a = realloc(pt->alt, (pt->nalt + 1) * sizeof(*a))) == NULL)
		return -1;
	pt->alt = a;
	if (lit_init(&pt->alt[pt->nalt], s, n, icase) == -1)
		return -1;
	pt->nalt++;
	return 0;
}

static void
freealts(struct pat *pt)
{
	size_t i;

	for (i = 0; i < pt->nalt; i++)
		free(pt->alt[i].s);
	free(pt->alt);
	pt->alt = NULL;
	pt->nalt = 0;
}

/* Returns the end of the top-level branch that begins at p. */
static const char *
branchend(const char *p, const char *end)
{
	while (p < end && *p != '|') {
		if (*p == '\\')
			p = p + 1 < end ? p + 2 : end;
		else if (*p == '[')
			p = recost_bracket(p, end);
		else if (*p == '(')
			p = recost_group(p, end);
		else
			p++;
	}
	return p;
}

/*
 * Reads an expression's branches into its list of strings, one a branch;
 * a branch without one leaves the list empty.  A pattern that is one
 * group, (a|b), is read inside it.  Returns 0 or -1 (ENOMEM).
 */
static int
restrings(struct pat *pt, const char *p, const char *end, int icase)
{
	struct reread r;
	struct buf best = { NULL, 0, 0 };
	const char *q;
	int e = 0, exact = 1;

	if (end - p >= 2 && *p == '(' && recost_group(p, end) == end &&
	    end[-1] == ')')
		return restrings(pt, p + 1, end - 1, icase);
	memset(&r, 0, sizeof(r));
	r.best = &best;
	for (;; p = q + 1) {
		q = branchend(p, end);
		best.n = 0;
		r.exact = 1;
		if ((e = rebranch(&r, p, q)) != 0)
			break;
		if (best.n == 0 && !r.exact) {
			freealts(pt);
			exact = 0;
			break;
		}
		if ((e = addalt(pt, best.p != NULL ? best.p : "", best.n,
		    icase)) != 0)
			break;
		exact &= r.exact;
		if (q == end)
			break;
	}
	buf_free(&r.run);
	buf_free(&best);
	pt->exact = e == 0 && exact;
	return e;
}

/*
 * The matcher.
 */

struct matcher *
match_new(int flags)
{
	struct matcher *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->flags = flags;
	return m;
}

static void
freescan(struct matcher *m)
{
	size_t i;

	for (i = 0; i < m->nslit; i++)
		free(m->slit[i].s);
	free(m->slit);
	free(m->scur);
	free(m->sfull);
	m->slit = NULL;
	m->scur = NULL;
	m->sfull = NULL;
	m->nslit = m->slast = 0;
}

void
match_free(struct matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->npat; i++) {
		if (m->pat[i].isre)
			regfree(&m->pat[i].re);
		free(m->pat[i].form);
		freealts(&m->pat[i]);
	}
	free(m->pat);
	freescan(m);
	free(m);
}

/* a times b, or UINT64_MAX when that is more. */
static uint64_t
umul(uint64_t a, uint64_t b)
{
	return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

/* Explains why recost_read() stopped, and returns -1, or 0. */
static int
rerefuse(struct matcher *m, enum recost_err e)
{
	switch (e) {
	case RECOST_OK:
		return 0;
	case RECOST_NOMEM:
		return -1;
	case RECOST_BACKREF:
		snprintf(m->err, sizeof(m->err), "back-references (\\1 to "
		    "\\9) are not supported");
		break;
	case RECOST_DEEP:
		snprintf(m->err, sizeof(m->err), "groups nested more than %d "
		    "deep", RE_NEST);
		break;
	case RECOST_COPIES:
		snprintf(m->err, sizeof(m->err), "too complex: its repetition "
		    "counts make more than %d positions", RE_COPIES);
		break;
	}
	errno = EINVAL;
	return -1;
}

/*
 * Sets the window and the span of the search of an expression, and
 * returns the most characters it reads from each place of the text, on
 * the whole: at most the longest match, or the window when matches have
 * no bound worth the name; and that far only from places gap bytes
 * apart, lead from the others.
 */
static uint64_t
rewindow(struct pat *pt, const struct recost *c, uint64_t step)
{
	pt->window = RE_WINDOW;
	if (MB_CUR_MAX * c->longest <= RE_OVERLAP) {
		/* Each window is searched exactly. */
		pt->span = MB_CUR_MAX * (size_t)c->longest;
		return (c->longest > 0 ? c->longest : 1) / c->gap + c->lead;
	}
	while (pt->window > RE_MINWIN &&
	    umul(pt->window / c->gap + c->lead, step) > RE_COST)
		pt->window /= 2;
	pt->span = pt->window / 2;
	return pt->window / c->gap + c->lead;
}

/*
 * Refuses an expression that would cost too much to run or to compile,
 * as recost_read() measures it (artgrep(1), CAVEATS), and stores in form
 * what to give regcomp(3).
 */
static int
recheck(struct matcher *m, struct pat *pt, const char *s, size_t n,
    struct buf *form)
{
	struct recost c;
	uint64_t step, run, build;

	if (rerefuse(m, recost_read(s, n, (m->flags & MATCH_ICASE) != 0,
	    RE_NEST, RE_COPIES, &c, form)) == -1)
		return -1;
	/* Each character read costs in the positions held and reached. */
	step = umul(3 * c.any + 1, c.width + c.reach) +
	    (c.mb ? RE_STEPMB : RE_STEP);
	run = umul(rewindow(pt, &c, step), step);
	build = umul(umul(c.copies, c.reach), umul(c.chain + 1,
	    umul(c.chain + 1, c.chain + 1)));
	if (run > RE_COST)
		snprintf(m->err, sizeof(m->err), "too complex: a search would "
		    "cost %llu a character, over %d", (unsigned long long)run,
		    RE_COST);
	else if (c.sets > RE_SETS)
		snprintf(m->err, sizeof(m->err), "too complex: a search may "
		    "hold 2^%llu sets of positions, over 2^%d",
		    (unsigned long long)c.sets, RE_SETS);
	else if (build > RE_BUILD)
		snprintf(m->err, sizeof(m->err), "too complex: compiling it "
		    "would cost %llu, over %d", (unsigned long long)build,
		    RE_BUILD);
	else
		return 0;
	errno = EINVAL;
	return -1;
}

/*
 * Compiles the n bytes of an expression, and the form of it with the
 * counts written out that runs: the first for its errors, if any.
 */
static int
recompile(struct matcher *m, struct pat *pt, const char *s, size_t n,
    struct buf *form)
{
	int cflags = REG_EXTENDED | REG_NEWLINE |
	    (m->flags & MATCH_ICASE ? REG_ICASE : 0), r;
	char *orig;

	if ((orig = malloc(n + 1)) == NULL)
		return -1;
	memcpy(orig, s, n);
	orig[n] = '\0';
	pt->form = orig;
	if ((r = recomp(pt, cflags)) == 0 && (form->n != n || (n > 0 &&
	    memcmp(form->p, s, n) != 0)) && buf_addc(form, '\0') == 0) {
		pt->form = form->p;
		form->p = NULL;
		/* Should glibc refuse it, the expression as written serves. */
		if (recomp(pt, cflags) == 0)
			free(orig);
		else {
			free(pt->form);
			pt->form = orig;
		}
	}
	if (r == 0)
		return 0;
	if (r == REG_ESPACE)
		/* Not a bad expression: the memory ran out. */
		errno = ENOMEM;
	else {
		regerror(r, &pt->re, m->err, sizeof(m->err));
		errno = EINVAL;
	}
	return -1;
}

/* Compiles one line of a pattern into pt. */
static int
compile(struct matcher *m, struct pat *pt, const char *s, size_t n)
{
	struct buf form = { NULL, 0, 0 };
	int icase = (m->flags & MATCH_ICASE) != 0, r;

	memset(pt, 0, sizeof(*pt));
	if (m->flags & MATCH_FIXED) {
		pt->exact = 1;
		return addalt(pt, s, n, icase);
	}
	if (memchr(s, '\0', n) != NULL) {
		snprintf(m->err, sizeof(m->err), "NUL byte in a regular "
		    "expression");
		errno = EINVAL;
		return -1;
	}
	r = recheck(m, pt, s, n, &form);
	if (r == 0)
		r = recompile(m, pt, s, n, &form);
	buf_free(&form);
	if (r == 0 && restrings(pt, s, s + n, icase) == -1)
		r = -1;
	/* A list of plain words needs no regexec. */
	if (r == -1 || pt->exact) {
		if (pt->isre)
			regfree(&pt->re);
		pt->isre = 0;
		free(pt->form);
		pt->form = NULL;
	}
	if (r == -1)
		freealts(pt);
	return r;
}

int
match_add(struct matcher *m, const char *s, size_t n)
{
	const char *end = s + n, *q;
	struct pat *p;
	size_t cap;

	for (;; s = q + 1) {
		if ((q = memchr(s, '\n', (size_t)(end - s))) == NULL)
			q = end;
		if (m->npat == m->cap) {
			cap = m->cap > 0 ? m->cap * 2 : 4;
			if ((p = realloc(m->pat, cap * sizeof(*p))) == NULL)
				return -1;
			m->pat = p;
			m->cap = cap;
		}
		if (compile(m, &m->pat[m->npat], s, (size_t)(q - s)) == -1)
			return -1;
		m->npat++;
		if (q == end)
			break;
	}
	freescan(m);
	return 0;
}

const char *
match_error(const struct matcher *m)
{
	return m->err;
}

size_t
match_npat(const struct matcher *m)
{
	return m->npat;
}

int
match_findpat(struct matcher *m, size_t i, const char *t, size_t n,
    size_t from, struct match *mp)
{
	struct pat *pt = &m->pat[i];
	int r;

	if (from > n)
		return 0;
	if (pt->isre)
		r = re_match(m, pt, t, n, from, mp);
	else
		r = alts_match(m, pt, t, n, from, mp);
	if (r == 1)
		mp->pat = i;
	return r;
}

int
match_find(struct matcher *m, const char *t, size_t n, size_t from,
    struct match *mp)
{
	struct match c;
	size_t i;
	int r, found = 0;

	for (i = 0; i < m->npat; i++) {
		if ((r = match_findpat(m, i, t, n, from, &c)) == -1)
			return -1;
		if (r == 0 || (found && (c.so > mp->so || (c.so == mp->so &&
		    c.eo <= mp->eo))))
			continue;
		*mp = c;
		found = 1;
	}
	return found;
}

/* How likely a pattern's strings are: the sum of their costs. */
static unsigned long
patcost(const struct pat *pt)
{
	unsigned long cost = 0;
	size_t i;

	if (pt->nalt == 0)
		return ULONG_MAX;
	for (i = 0; i < pt->nalt; i++) {
		if (pt->alt[i].n == 0)
			return ULONG_MAX;
		cost += pt->alt[i].cost;
	}
	return cost;
}

size_t
match_rarest(const struct matcher *m)
{
	unsigned long cost, best = ULONG_MAX;
	size_t i, at = 0;

	for (i = 0; i < m->npat; i++) {
		cost = patcost(&m->pat[i]);
		if (cost < best || (cost == best && cost != ULONG_MAX &&
		    m->pat[i].alt[0].n > m->pat[at].alt[0].n)) {
			best = cost;
			at = i;
		}
	}
	return at;
}

/*
 * Looking in raw records.
 */

/*
 * Returns the longest run of a string without a byte that records escape
 * (tab, newline, carriage return, backslash, NUL), and its length in *n:
 * a run stands the same in a record as in the text.
 */
static const char *
rawrun(const struct lit *l, size_t *n)
{
	const char *p = l->s, *end = l->s + l->n, *q, *best = l->s;

	*n = 0;
	for (; p <= end; p = q + 1) {
		for (q = p; q < end && strchr("\t\n\r\\", *q) == NULL &&
		    *q != '\0'; q++)
			;
		if ((size_t)(q - p) > *n) {
			*n = (size_t)(q - p);
			best = p;
		}
	}
	return best;
}

static int
addscan(struct matcher *m, const struct pat *pt)
{
	const char *s;
	struct lit *l;
	char *full;
	size_t i, n;

	if (pt->nalt == 0)
		return -1;
	for (i = 0; i < pt->nalt; i++) {
		s = rawrun(&pt->alt[i], &n);
		if (n == 0)
			return -1;
		l = realloc(m->slit, (m->nslit + 1) * sizeof(*l));
		if (l == NULL)
			return -1;
		m->slit = l;
		if ((full = realloc(m->sfull, m->nslit + 1)) == NULL)
			return -1;
		m->sfull = full;
		if (lit_init(&m->slit[m->nslit], s, n, pt->alt[i].icase) == -1)
			return -1;
		m->sfull[m->nslit++] = pt->exact && n == pt->alt[i].n &&
		    !(m->flags & (MATCH_WORD | MATCH_LINE));
	}
	return 0;
}

int
match_scanprep(struct matcher *m, size_t pat)
{
	size_t i;

	freescan(m);
	errno = 0;
	for (i = 0; i < m->npat; i++) {
		if (pat != MATCH_ANY && i != pat)
			continue;
		if (addscan(m, &m->pat[i]) == -1) {
			freescan(m);
			return -1;
		}
	}
	if (m->nslit == 0)
		return -1;
	if ((m->scur = calloc(m->nslit, sizeof(*m->scur))) == NULL) {
		freescan(m);
		return -1;
	}
	m->send = NULL;
	m->slast = m->nslit;
	return 0;
}

const char *
match_scan(void *arg, const char *p, const char *end, unsigned long gen)
{
	struct matcher *m = arg;
	const char *best = NULL, *s;
	size_t i;

	if (gen != m->sgen || end != m->send) {
		memset(m->scur, 0, m->nslit * sizeof(*m->scur));
		m->sgen = gen;
		m->send = end;
	}
	m->slast = m->nslit;
	for (i = 0; i < m->nslit; i++) {
		s = lit_find(&m->slit[i], &m->scur[i], p, end);
		if (s != NULL && (best == NULL || s < best ||
		    (s == best && m->slit[i].n > m->slit[m->slast].n))) {
			best = s;
			m->slast = i;
		}
	}
	return best;
}

int
match_scanlast(const struct matcher *m, size_t *n)
{
	if (m->slast >= m->nslit || !m->sfull[m->slast])
		return 0;
	*n = m->slit[m->slast].n;
	return 1;
}

/*
 * Whether a field's matches show in the record line, so that
 * match_scan() may judge a record by its line.  match_scan() looks in the
 * line for strings that every match of a pattern holds, each free of the
 * bytes that records escape: such a string stands in the line wherever it
 * stands in the text of a column as the reader gives it back (unescaped,
 * or as it was), and so wherever it stands in a piece of that text.  The
 * fields that are such pieces:
 *
 *	title, byline, origin, body	the columns, unescaped; the reader
 *					changes nothing else in them but the
 *					CR it trims at the end of a line
 *	id				16 hex digits, as they stand
 *	date				as it stands, or empty when the reader
 *					drops what is not a day
 *	year, month			its first 4 and 7 bytes, or empty
 *	lead				a paragraph of the body, trimmed
 *
 * The others are made, not copied: the weekday, the author and agency
 * (names joined by "|"), the counts and scores, the simhash.  A match
 * there need not be anywhere in the line ("Wednesday" of a date, "5" of
 * five words), so no record may be passed over.
 *
 * The options do not change this.  -w and -x take matches away and never
 * add one (a lead may match -x where the body's paragraph has blanks
 * around it, but the match still holds the strings).  -i folds the bytes
 * of a string's place in the line as it folds them in the text, and
 * looks at nothing around them.  With all, a record that lacks the
 * rarest pattern's strings lacks a match of that pattern: not all of the
 * patterns match.
 */
static int
lineshows(enum field f)
{
	switch (f) {
	case FIELD_ID:
	case FIELD_DATE:
	case FIELD_TITLE:
	case FIELD_BYLINE:
	case FIELD_ORIGIN:
	case FIELD_BODY:
	case FIELD_YEAR:
	case FIELD_MONTH:
	case FIELD_LEAD:
		return 1;
	default:
		return 0;
	}
}

int
match_scanfor(struct matcher *m, const enum field *f, size_t nf, int all)
{
	size_t i;

	freescan(m);
	errno = 0;
	for (i = 0; i < nf; i++)
		if (!lineshows(f[i]))
			return -1;
	if (match_scanprep(m, all ? match_rarest(m) : MATCH_ANY) == -1)
		return -1;
	/* One pattern of several found is no match of all of them. */
	if (all && m->npat > 1)
		memset(m->sfull, 0, m->nslit);
	return 0;
}

int
match_scanfound(const struct matcher *m, const struct article *a,
    size_t at, const enum field *f, size_t nf)
{
	const char *h, *p, *t, *q;
	size_t len, i;
	int col = 0;

	if (at == LINES_NOFIND || a->line == NULL || !match_scanlast(m, &len) ||
	    at > a->linelen || len > a->linelen - at)
		return 0;
	/*
	 * The column of the find, which holds no tab: the tabs before it, of
	 * which there are at most five, so that a body is not read.
	 */
	h = a->line + at;
	for (p = a->line; col < FIELD_BODY && (t = memchr(p, '\t',
	    (size_t)(h - p))) != NULL; p = t + 1)
		col++;
	for (i = 0; i < nf && f[i] != (enum field)col; i++)
		;
	if (i == nf)
		return 0;
	/* An even run of backslashes before it is escaped ones. */
	for (q = h; q > p && q[-1] == '\\'; q--)
		;
	return (h - q) % 2 == 0;
}
