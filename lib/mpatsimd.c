/*
 * The SIMD searches of the multi-string searcher: Teddy, which finds the
 * places where the first bytes of some string stand, sixteen or thirty-two
 * at a time, and checks the strings there; and the search for the bytes
 * that leave the start of the automaton.
 *
 * Teddy (as Hyperscan has it) puts the strings in eight buckets, one bit
 * each.  For each of the first k bytes of a string (k up to 3) a table
 * indexed by the low nibble of a byte and one indexed by its high nibble
 * hold the bucket's bit where the string has a byte with that nibble
 * there; pshufb looks sixteen bytes up in a table at once, and a place
 * where some bit is still set once the 2k lookups are ANDed is checked
 * against the strings of those buckets.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpat.h"
#include "mpatint.h"
#include "text.h"

#ifdef MPAT_X86
#include <immintrin.h>
#endif

/*
 * Building Teddy.
 */

/* A string as it is put in a bucket. */
struct tkey {
	unsigned char	 key[3];	/* its first bytes, folded */
	uint32_t	 len;
	uint32_t	 id;
};

/* By the first bytes, so that a bucket holds strings that look alike. */
static int
bykey(const void *a, const void *b)
{
	const struct tkey *x = a, *y = b;
	int r;

	if ((r = memcmp(x->key, y->key, sizeof(x->key))) != 0)
		return r;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Longest first, then by number: the first that stands is the best. */
static int
bylength(const void *a, const void *b)
{
	const struct tkey *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct tbuild {
	struct teddy		*td;
	const struct foldpair	*pair;		/* with MPAT_ICASE */
	size_t			 npair;
	unsigned		 bit;		/* of the bucket */
};

/* Sets the bucket's bit for the first k bytes at raw. */
static void
setmask(struct tbuild *b, const unsigned char *raw)
{
	int j;

	for (j = 0; j < b->td->k; j++) {
		b->td->lo[j][raw[j] & 15] |= (uint8_t)b->bit;
		b->td->hi[j][raw[j] >> 4] |= (uint8_t)b->bit;
	}
}

/*
 * With MPAT_ICASE: sets the bucket's bit for every way the text may
 * spell the first k bytes of the folded string s, each character as
 * itself or as any character that folds to it (which may be longer).
 * raw holds the nraw bytes spelled so far.
 */
static void
spellings(struct tbuild *b, const char *s, size_t len, unsigned char *raw,
    size_t nraw)
{
	const struct foldpair *p;
	size_t l, lo = 0, hi = b->npair, mid;
	uint32_t c;

	if (nraw >= (size_t)b->td->k || len == 0) {
		setmask(b, raw);
		return;
	}
	l = text_decode(s, s + len, &c);
	if (c == TEXT_BADBYTE || text_foldcp(c) == c) {
		memcpy(raw + nraw, s, l);
		spellings(b, s + l, len - l, raw, nraw + l);
	}
	if (c == TEXT_BADBYTE)
		return;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (b->pair[mid].fold < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* ASCII capitals need none: the search folds them first. */
	for (p = b->pair + lo; p < b->pair + b->npair && p->fold == c; p++)
		if (p->cp >= 0x80)
			spellings(b, s + l, len - l, raw,
			    nraw + mpat_encode((char *)raw + nraw, p->cp));
}

/* Puts the strings of keys [lo, hi) in bucket k. */
static void
fillbucket(const struct mpat *m, struct tbuild *b, struct tkey *key,
    size_t lo, size_t hi, int k)
{
	const struct mstr *s;
	unsigned char raw[8];
	size_t j;

	qsort(key + lo, hi - lo, sizeof(*key), bylength);
	b->td->first[k] = (uint32_t)lo;
	b->bit = 1u << k;
	for (j = lo; j < hi; j++) {
		b->td->ids[j] = key[j].id;
		s = &m->str[key[j].id];
		if (m->flags & MPAT_ICASE)
			spellings(b, m->bytes + s->off, s->len, raw, 0);
		else
			setmask(b, (const unsigned char *)m->bytes + s->off);
	}
}

int
mpat_teddybuild(struct mpat *m)
{
	struct teddy *td;
	struct tkey *key;
	struct tbuild b;
	size_t i, nb, k;
	uint32_t id;
	int r = -1;

	if ((td = m->td = calloc(1, sizeof(*td))) == NULL ||
	    (td->ids = malloc(m->nfull * sizeof(*td->ids))) == NULL)
		return -1;
	if ((key = calloc(m->nfull, sizeof(*key))) == NULL)
		return -1;
	memset(&b, 0, sizeof(b));
	b.td = td;
	if ((m->flags & MPAT_ICASE) &&
	    (b.pair = mpat_foldpairs(&b.npair)) == NULL)
		goto out;
	td->k = m->minlen < 3 ? (int)m->minlen : 3;
	for (i = 0, id = 0; id < m->nstr; id++) {
		if (m->str[id].len == 0)
			continue;
		memcpy(key[i].key, m->bytes + m->str[id].off, (size_t)td->k);
		key[i].len = m->str[id].len;
		key[i++].id = id;
	}
	qsort(key, m->nfull, sizeof(*key), bykey);
	nb = m->nfull < TEDDY_BUCKETS ? m->nfull : TEDDY_BUCKETS;
	for (k = 0; k < nb; k++)
		fillbucket(m, &b, key, k * m->nfull / nb,
		    (k + 1) * m->nfull / nb, (int)k);
	for (; k <= TEDDY_BUCKETS; k++)
		td->first[k] = (uint32_t)m->nfull;
	/* The places past the first k pass whatever they hold. */
	for (k = (size_t)td->k; k < 3; k++) {
		memset(td->lo[k], 0xff, sizeof(td->lo[k]));
		memset(td->hi[k], 0xff, sizeof(td->hi[k]));
	}
	r = 0;
out:
	free(key);
	return r;
}

/*
 * Searching with Teddy.
 */

/*
 * Checks the strings of the buckets in bits at p: the longest that
 * stands there and passes MPAT_WORD and MPAT_LINE, into *mp.  Returns 1
 * or 0.
 */
static int
tcheck(const struct mpat *m, const char *t, size_t n, size_t from, size_t p,
    unsigned bits, struct mpatmatch *mp)
{
	const struct teddy *td = m->td;
	size_t eo, j, bestlen = 0;
	uint32_t id;
	int found = 0;

	if (!mpat_startok(m, t, p))
		return 0;
	for (; bits != 0; bits &= bits - 1) {
		j = td->first[__builtin_ctz(bits)];
		for (; j < td->first[__builtin_ctz(bits) + 1]; j++) {
			id = td->ids[j];
			if (m->str[id].len < bestlen)
				break;
			if (!mpat_verify(m, id, t, n, from, p, &eo) ||
			    !mpat_endok(m, t, n, eo))
				continue;
			if (!found || eo > mp->eo ||
			    (eo == mp->eo && id < mp->pat)) {
				mp->so = p;
				mp->eo = eo;
				mp->pat = id;
				bestlen = m->str[id].len;
			}
			found = 1;
			break;
		}
	}
	return found;
}

/*
 * The buckets whose first k bytes stand at u (with fold, ASCII capitals
 * read as small letters).
 */
static unsigned
tbits(const struct teddy *td, const unsigned char *u, int fold)
{
	unsigned r = 0xff, b;
	int j;

	for (j = 0; j < td->k; j++) {
		b = u[j];
		if (fold && b >= 'A' && b <= 'Z')
			b += 32;
		r &= td->lo[j][b & 15] & td->hi[j][b >> 4];
	}
	return r;
}

/* Teddy a place at a time, for the last bytes of a text. */
static int
ttail(const struct mpat *m, const char *t, size_t n, size_t from, size_t p,
    size_t limit, struct mpatmatch *mp)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t k = (size_t)m->td->k;
	unsigned bits;
	int fold = (m->flags & MPAT_ICASE) != 0;

	for (; p <= limit && n - p >= k; p++)
		if ((bits = tbits(m->td, u + p, fold)) != 0 &&
		    tcheck(m, t, n, from, p, bits, mp))
			return 1;
	return 0;
}

#ifdef MPAT_X86
/* ASCII capitals of x made small. */
static inline __m128i
lower16(__m128i x)
{
	__m128i y = _mm_sub_epi8(x, _mm_set1_epi8('A'));

	y = _mm_cmpeq_epi8(_mm_min_epu8(y, _mm_set1_epi8(25)), y);
	return _mm_or_si128(x, _mm_and_si128(y, _mm_set1_epi8(0x20)));
}

/*
 * The buckets of 16 places: the lookups of 3 bytes ANDed, with fold
 * those of the bytes with ASCII made small.
 */
__attribute__((target("ssse3"))) static inline __m128i
tlook16(const __m128i *lo, const __m128i *hi, const char *q, int fold)
{
	const __m128i nib = _mm_set1_epi8(0x0f);
	__m128i x, r = _mm_set1_epi8(-1);
	int j;

	for (j = 0; j < 3; j++) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(q + j));
		if (fold)
			x = lower16(x);
		r = _mm_and_si128(r, _mm_and_si128(
		    _mm_shuffle_epi8(lo[j], _mm_and_si128(x, nib)),
		    _mm_shuffle_epi8(hi[j],
		    _mm_and_si128(_mm_srli_epi16(x, 4), nib))));
	}
	return r;
}

__attribute__((target("ssse3"))) static int
teddy16(const struct mpat *m, const char *t, size_t n, size_t from,
    size_t limit, struct mpatmatch *mp)
{
	const struct teddy *td = m->td;
	__m128i lo[3], hi[3], r;
	uint8_t rb[16];
	size_t p = from;
	unsigned bits, i;
	int j, fold = (m->flags & MPAT_ICASE) != 0;

	for (j = 0; j < 3; j++) {
		lo[j] = _mm_loadu_si128((const __m128i *)(const void *)
		    td->lo[j]);
		hi[j] = _mm_loadu_si128((const __m128i *)(const void *)
		    td->hi[j]);
	}
	for (; p <= limit && n - p >= 18; p += 16) {
		r = tlook16(lo, hi, t + p, fold);
		bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(r,
		    _mm_setzero_si128())) ^ 0xffffu;
		if (bits == 0)
			continue;
		_mm_storeu_si128((__m128i *)(void *)rb, r);
		for (; bits != 0; bits &= bits - 1) {
			i = (unsigned)__builtin_ctz(bits);
			if (p + i > limit)
				return 0;
			if (tcheck(m, t, n, from, p + i, rb[i], mp))
				return 1;
		}
	}
	return ttail(m, t, n, from, p, limit, mp);
}
#endif

#ifdef MPAT_X86AVX2
__attribute__((target("avx2"))) static inline __m256i
lower32(__m256i x)
{
	__m256i y = _mm256_sub_epi8(x, _mm256_set1_epi8('A'));

	y = _mm256_cmpeq_epi8(_mm256_min_epu8(y, _mm256_set1_epi8(25)), y);
	return _mm256_or_si256(x, _mm256_and_si256(y,
	    _mm256_set1_epi8(0x20)));
}

__attribute__((target("avx2"))) static inline __m256i
tlook32(const __m256i *lo, const __m256i *hi, const char *q, int fold)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i x, r = _mm256_set1_epi8(-1);
	int j;

	for (j = 0; j < 3; j++) {
		x = _mm256_loadu_si256((const __m256i *)(const void *)(q + j));
		if (fold)
			x = lower32(x);
		r = _mm256_and_si256(r, _mm256_and_si256(
		    _mm256_shuffle_epi8(lo[j], _mm256_and_si256(x, nib)),
		    _mm256_shuffle_epi8(hi[j],
		    _mm256_and_si256(_mm256_srli_epi16(x, 4), nib))));
	}
	return r;
}

__attribute__((target("avx2"))) static int
teddy32(const struct mpat *m, const char *t, size_t n, size_t from,
    size_t limit, struct mpatmatch *mp)
{
	const struct teddy *td = m->td;
	__m256i lo[3], hi[3], r;
	uint8_t rb[32];
	size_t p = from;
	unsigned bits, i;
	int j, fold = (m->flags & MPAT_ICASE) != 0;

	for (j = 0; j < 3; j++) {
		lo[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(
		    (const __m128i *)(const void *)td->lo[j]));
		hi[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(
		    (const __m128i *)(const void *)td->hi[j]));
	}
	for (; p <= limit && n - p >= 34; p += 32) {
		r = tlook32(lo, hi, t + p, fold);
		bits = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r,
		    _mm256_setzero_si256()));
		if (bits == 0)
			continue;
		_mm256_storeu_si256((__m256i *)(void *)rb, r);
		for (; bits != 0; bits &= bits - 1) {
			i = (unsigned)__builtin_ctz(bits);
			if (p + i > limit)
				return 0;
			if (tcheck(m, t, n, from, p + i, rb[i], mp))
				return 1;
		}
	}
	return ttail(m, t, n, from, p, limit, mp);
}
#endif

int
mpat_teddyfind(const struct mpat *m, const char *t, size_t n, size_t from,
    size_t limit, struct mpatmatch *mp)
{
#ifdef MPAT_X86AVX2
	if (m->form == FORM_AVX2)
		return teddy32(m, t, n, from, limit, mp);
#endif
#ifdef MPAT_X86
	if (m->form == FORM_SSSE3)
		return teddy16(m, t, n, from, limit, mp);
#endif
	return ttail(m, t, n, from, from, limit, mp);
}

/*
 * The bytes that leave the start of the automaton.
 */

static size_t
skipscalar(const struct acauto *a, const char *t, size_t p, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;

	while (p < n && !a->skipset[u[p]])
		p++;
	return p;
}

#ifdef MPAT_X86
/* Three bytes at most, compared sixteen places at a time (SSE2). */
static size_t
skipeq(const struct acauto *a, const char *t, size_t p, size_t n)
{
	const __m128i b0 = _mm_set1_epi8((char)a->skipbyte[0]);
	const __m128i b1 = _mm_set1_epi8((char)a->skipbyte[
	    a->nskipbyte > 1 ? 1 : 0]);
	const __m128i b2 = _mm_set1_epi8((char)a->skipbyte[
	    a->nskipbyte > 2 ? 2 : 0]);
	__m128i x;
	unsigned bits;

	for (; n - p >= 16; p += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(t + p));
		bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(x, b0), _mm_cmpeq_epi8(x, b1)),
		    _mm_cmpeq_epi8(x, b2)));
		if (bits != 0)
			return p + (unsigned)__builtin_ctz(bits);
	}
	return skipscalar(a, t, p, n);
}

/*
 * Any set of bytes, sixteen places at a time: tlo has bit h of entry l
 * when the byte 0xhl (h below 8) is in the set, thi when 0x(h+8)l is.
 * pshufb gives zero for an index with its top bit set, so that each
 * table answers for its half of the bytes.
 */
__attribute__((target("ssse3"))) static size_t
skip16(const struct acauto *a, const char *t, size_t p, size_t n)
{
	const __m128i tlo = _mm_loadu_si128((const __m128i *)(const void *)
	    a->tlo);
	const __m128i thi = _mm_loadu_si128((const __m128i *)(const void *)
	    a->thi);
	const __m128i bit = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m128i top = _mm_set1_epi8(-128), seven = _mm_set1_epi8(7);
	__m128i x, y;
	unsigned bits;

	for (; n - p >= 16; p += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(t + p));
		y = _mm_or_si128(_mm_shuffle_epi8(tlo, x),
		    _mm_shuffle_epi8(thi, _mm_xor_si128(x, top)));
		y = _mm_and_si128(y, _mm_shuffle_epi8(bit,
		    _mm_and_si128(_mm_srli_epi16(x, 4), seven)));
		bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(y,
		    _mm_setzero_si128())) ^ 0xffffu;
		if (bits != 0)
			return p + (unsigned)__builtin_ctz(bits);
	}
	return skipscalar(a, t, p, n);
}
#endif

#ifdef MPAT_X86AVX2
__attribute__((target("avx2"))) static size_t
skip32(const struct acauto *a, const char *t, size_t p, size_t n)
{
	const __m256i tlo = _mm256_broadcastsi128_si256(_mm_loadu_si128(
	    (const __m128i *)(const void *)a->tlo));
	const __m256i thi = _mm256_broadcastsi128_si256(_mm_loadu_si128(
	    (const __m128i *)(const void *)a->thi));
	const __m256i bit = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m256i top = _mm256_set1_epi8(-128);
	const __m256i seven = _mm256_set1_epi8(7);
	__m256i x, y;
	unsigned bits;

	for (; n - p >= 32; p += 32) {
		x = _mm256_loadu_si256((const __m256i *)(const void *)(t + p));
		y = _mm256_or_si256(_mm256_shuffle_epi8(tlo, x),
		    _mm256_shuffle_epi8(thi, _mm256_xor_si256(x, top)));
		y = _mm256_and_si256(y, _mm256_shuffle_epi8(bit,
		    _mm256_and_si256(_mm256_srli_epi16(x, 4), seven)));
		bits = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(y,
		    _mm256_setzero_si256()));
		if (bits != 0)
			return p + (unsigned)__builtin_ctz(bits);
	}
	return skipscalar(a, t, p, n);
}
#endif

size_t
mpat_skip(const struct mpat *m, const char *t, size_t pos, size_t n)
{
	const struct acauto *a = &m->ac;

#ifdef MPAT_X86
	if (m->form != FORM_PORTABLE && a->nskipbyte <= 3)
		return skipeq(a, t, pos, n);
#ifdef MPAT_X86AVX2
	if (m->form == FORM_AVX2)
		return skip32(a, t, pos, n);
#endif
	if (m->form == FORM_SSSE3)
		return skip16(a, t, pos, n);
#endif
	return skipscalar(a, t, pos, n);
}
