/*
 * Counting an article into the statistics: its group and figures through
 * the field engine, and its terms, bigrams, names and fingerprint in one
 * walk over the words of its body as text.h cuts them.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "field.h"
#include "hash.h"
#include "htab.h"
#include "simhash.h"
#include "stats.h"
#include "statsint.h"
#include "text.h"

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
#include <emmintrin.h>
#endif

#define WORDMAX		256	/* bytes of a word that count in the tables */

/* The walk over one article's body. */
struct walk {
	struct stats	*st;
	long		 g;
	int		 tables;
	int		 termonly;	/* the ungrouped terms, no bigram, no name */
	long		 prev;		/* the last term, for bigrams; -1 */
	const char	*runend;	/* end of the name being read, or NULL */
	struct buf	*name;
	struct simhash	*sh;		/* the stats' own (ST_NEAR) */
	const char	*end;		/* the end of the body */
	uint64_t	 words;
	uint64_t	 sentences;
	uint64_t	 paragraphs;
	uint64_t	 quotes;
};

/* The length of a word without a final 's or ’s. */
static size_t
unpossess(const char *w, size_t n, int *poss)
{
	*poss = 0;
	if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
		n -= 2, *poss = 1;
	else if (n > 4 && w[n - 1] == 's' &&
	    memcmp(w + n - 4, "\xe2\x80\x99", 3) == 0)
		n -= 4, *poss = 1;
	return n;
}

size_t
stats_norm(char *dst, size_t cap, const char *w, size_t n, int *poss)
{
	size_t i, j, len;
	unsigned char c;

	/* Most words are ASCII: fold them here. */
	for (i = 0; i < n && i < cap; i++) {
		if ((c = (unsigned char)w[i]) >= 0x80)
			break;
		dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (i == n)
		return unpossess(dst, n, poss);
	len = text_fold(dst, cap, w, n);
	/* ’ (E2 80 99) becomes ', which is shorter: rewrite in place. */
	for (i = j = 0; i < len; i++, j++) {
		if (dst[i] == '\xe2' && len - i >= 3 && dst[i + 1] == '\x80' &&
		    dst[i + 2] == '\x99') {
			dst[j] = '\'';
			i += 2;
		} else
			dst[j] = dst[i];
	}
	return unpossess(dst, j, poss);
}

/* A word of digits and the marks inside numbers: no term. */
static int
isnumber(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((w[i] >= '0' && w[i] <= '9') || w[i] == '.' ||
		    w[i] == ',' || w[i] == '-' || w[i] == '\''))
			return 0;
	return 1;
}

/* Counts the name read so far, if any, and starts afresh. */
static int
endname(struct walk *wk)
{
	int r = 0;

	if (wk->runend != NULL && wk->name->n > 0)
		r = stats_name(wk->st, wk->g, wk->name->p, wk->name->n);
	wk->runend = NULL;
	wk->name->n = 0;
	return r;
}

/* Only blanks between the name so far and the next word. */
static int
adjacent(const char *p, const char *q)
{
	if (p == q)
		return 0;
	for (; p < q; p++)
		if (*p != ' ' && *p != '\t')
			return 0;
	return 1;
}

/* Two capitals or more and no small letter (US, NATO): no stop word. */
static int
allcaps(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(w[i] >= 'A' && w[i] <= 'Z'))
			return 0;
	return n >= 2;
}

/*
 * Names: runs of capitalised words, next to each other, none of them a
 * title, nor a stop word (but in capitals: US).  A possessive ends the
 * run.
 */
static int
name(struct walk *wk, const struct texttok *t, int marks)
{
	size_t n;
	int poss;

	if (!(t->flags & TW_CAP) || (marks & STATS_TITLE) ||
	    ((marks & STATS_STOP) && !allcaps(t->p, t->n)))
		return endname(wk);
	n = unpossess(t->p, t->n, &poss);
	if (wk->runend == NULL || !adjacent(wk->runend, t->p)) {
		if (endname(wk) == -1)
			return -1;
	} else if (buf_addc(wk->name, ' ') == -1)
		return -1;
	if (buf_add(wk->name, t->p, n) == -1)
		return -1;
	wk->runend = t->p + t->n;
	return poss ? endname(wk) : 0;
}

#define LOW7	0x7f7f7f7f7f7f7f7fULL
#define HIGH8	0x8080808080808080ULL

/* Tells whether the machine keeps the lowest byte of a word first. */
static int
littleendian(void)
{
	const uint16_t one = 1;
	unsigned char b;

	memcpy(&b, &one, 1);
	return b == 1;
}

/*
 * Folds the ASCII capitals among eight bytes to small letters, all at
 * once: a byte's high bit is set in ge when its low seven bits are 'A' or
 * more, in gt when they are past 'Z', and no addition carries over into
 * the next byte.  Bytes from 0x80 up are left as they are.
 */
static inline uint64_t
lower8(uint64_t x)
{
	uint64_t lo = x & LOW7, ge, gt;

	ge = lo + 0x3f3f3f3f3f3f3f3fULL;	/* 0x80 - 'A' */
	gt = lo + 0x2525252525252525ULL;	/* 0x80 - 'Z' - 1 */
	return x | (ge & ~gt & ~x & HIGH8) >> 2;
}

/* The first n bytes of a word loaded from memory, the lowest first. */
static const uint64_t firstbytes[9] = {
	0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL,
	0xffffffffffffULL, 0xffffffffffffffULL, 0xffffffffffffffffULL
};

/*
 * The packed form of n bytes at p (n <= HTAB_PRE), folded, eight bytes
 * at a time where sixteen bytes can be read before end on a machine that
 * packs as it loads.  Returns 0 when a byte is from 0x80 up.
 */
static inline int
packfold(const char *p, size_t n, const char *end, uint64_t k[2])
{
	uint64_t a = 0, b = 0, c;
	size_t i;

	if (end - p >= 16 && littleendian()) {
		memcpy(&a, p, 8);
		memcpy(&b, p + 8, 8);
		/* Masks, not branches: word lengths come in no order. */
		a &= firstbytes[n < 8 ? n : 8];
		b &= firstbytes[n > 8 ? n - 8 : 0];
	} else {
		for (i = 0; i < n; i++) {
			c = (unsigned char)p[i];
			if (i < 8)
				a |= c << i * 8;
			else
				b |= c << (i - 8) * 8;
		}
	}
	if ((a | b) & HIGH8)
		return 0;
	k[0] = lower8(a);
	k[1] = lower8(b);
	return 1;
}

#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
/* Sixteen bytes of ones, then sixteen of zeros: n bytes of ones at 16 - n. */
static const char firstmask[32] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
};
#endif

/*
 * packfold() of n bytes at p (n <= HTAB_PRE) that stand sixteen bytes or
 * more before the end of the text: with SSE2 all sixteen at once.
 */
static inline int
packfold16(const char *p, size_t n, const char *end, uint64_t k[2])
{
#if defined(__SSE2__) && !defined(ARTKIT_NO_SIMD)
	__m128i x, up;

	(void)end;
	x = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)p),
	    _mm_loadu_si128((const __m128i *)(const void *)(firstmask + 16 -
	    n)));
	if (_mm_movemask_epi8(x) != 0)
		return 0;
	/* 'A' to 'Z', moved to -128 on, lie below -128 + 26. */
	up = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(-128 - 'A'))),
	    _mm_set1_epi8((char)(-128 + 26)));
	x = _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
	_mm_storeu_si128((__m128i *)(void *)k, x);
	return 1;
#else
	return packfold(p, n, end, k);
#endif
}

/* Byte i of a packed word. */
static inline unsigned char
kbyte(const uint64_t k[2], size_t i)
{
	return (unsigned char)(k[i >> 3] >> (i & 7) * 8);
}

/*
 * packfold() for a word of ASCII and the apostrophe U+2019, which becomes
 * ', as stats_norm() makes it: the possessives and contractions of news
 * text (Russia’s, don’t).  Returns 0 for other bytes, or when the word
 * comes to more than HTAB_PRE bytes.
 */
static int
packquote(const char *p, size_t n, uint64_t k[2], size_t *len)
{
	unsigned char c;
	size_t i, j;

	k[0] = k[1] = 0;
	for (i = j = 0; i < n; i++, j++) {
		c = (unsigned char)p[i];
		if (c >= 0x80) {
			if (c != 0xe2 || n - i < 3 || p[i + 1] != '\x80' ||
			    p[i + 2] != '\x99')
				return 0;
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z')
			c += 32;
		if (j == HTAB_PRE)
			return 0;
		k[j >> 3] |= (uint64_t)c << (j & 7) * 8;
	}
	*len = j;
	return 1;
}

/*
 * Folds a word of ASCII (and U+2019) that comes to at most HTAB_PRE
 * bytes straight into its packed form (htab_pack()), without a final 's,
 * as stats_norm() would.  Returns 0 for a longer word or one with other
 * bytes.  end is the end of the text the word lies in.
 */
static int
pack(const char *p, size_t n, const char *end, uint64_t k[2], size_t *len,
    int *poss)
{
	size_t i, m;

	/*
	 * The final 's of an ASCII word is left out before folding; found
	 * without branches, since many words end in s.
	 */
	m = n > 2 ? n - 2 : 0;
	*poss = (n > 2) & ((p[n - 1] | 0x20) == 's') & (p[m] == '\'');
	m = *poss ? m : n;
	if (m <= HTAB_PRE && packfold(p, m, end, k)) {
		*len = m;
		return 1;
	}
	/* Without U+2019 (E2 80 99) packquote() would read it for nothing. */
	if (n > 3 * HTAB_PRE || memchr(p, 0xe2, n) == NULL ||
	    !packquote(p, n, k, len))
		return 0;
	n = *len;
	*poss = 0;
	if (n > 2 && kbyte(k, n - 1) == 's' && kbyte(k, n - 2) == '\'') {
		for (i = n - 2; i < n; i++)
			k[i >> 3] &= ~((uint64_t)0xff << (i & 7) * 8);
		*len = n - 2;
		*poss = 1;
	}
	return 1;
}

/* isnumber() of a packed word. */
static int
isnumberk(const uint64_t k[2], size_t n)
{
	char w[HTAB_PRE];
	size_t i;

	for (i = 0; i < n; i++)
		w[i] = (char)kbyte(k, i);
	return isnumber(w, n);
}

/*
 * Folds a word of the body as stats_norm() does: into its packed form k
 * when it comes to at most HTAB_PRE bytes (1), or into w, of WORDMAX
 * bytes (0); its length into *np.  -2 for a word that is no term, empty
 * or a number.
 */
static inline int
fold(struct walk *wk, const char *p, size_t wn, char *w, uint64_t k[2],
    size_t *np, int *poss)
{
	size_t n;
	int digit = *p >= '0' && *p <= '9';

	if (pack(p, wn, wk->end, k, np, poss))
		return *np == 0 || (digit && isnumberk(k, *np)) ? -2 : 1;
	n = stats_norm(w, WORDMAX, p, wn > WORDMAX ? WORDMAX : wn, poss);
	*np = n;
	if (n == 0 || (digit && isnumber(w, n)))
		return -2;
	if (n > HTAB_PRE)
		return 0;
	htab_pack(w, n, k);
	return 1;
}

/*
 * Finds a word of the body in the vocabulary: -1 on error, -2 for none.
 * A word of at most HTAB_PRE bytes, as most are, is found in its slot,
 * which *sp receives; a longer one in the vocabulary itself (*sp NULL).
 */
static long
lookup(struct walk *wk, const char *p, size_t wn, int *marks, int *poss,
    struct vslot **sp)
{
	char w[WORDMAX];
	struct vslot *s;
	uint64_t k[2], h;
	size_t n;
	int r;

	if ((r = fold(wk, p, wn, w, k, &n, poss)) != 1) {
		*sp = NULL;
		return r == 0 ? stats_word(wk->st, w, n, marks) : r;
	}
	h = htab_hashk(k, n);
	if ((s = vfind(&wk->st->fast, k, n, h)) == NULL &&
	    (s = stats_vslot(wk->st, k, n, h)) == NULL)
		return -1;
	*sp = s;
	*marks = s->marks;
	return (long)s->idx - 1;
}

/*
 * The marks of a word of the body, without adding it to the vocabulary:
 * a word not there has none.  -2 for a word that is no term.
 */
static int
marksof(struct walk *wk, const char *p, size_t wn, int *marks)
{
	char w[WORDMAX];
	const struct vslot *s;
	uint64_t k[2];
	size_t n;
	long i;
	int r, poss;

	*marks = 0;
	if ((r = fold(wk, p, wn, w, k, &n, &poss)) == 0) {
		if ((i = htab_find(&wk->st->voc, w, n, htab_hash(w, n))) >= 0)
			*marks = wk->st->vmarks[i];
	} else if (r == 1 &&
	    (s = vfind(&wk->st->fast, k, n, htab_hashk(k, n))) != NULL)
		*marks = s->marks;
	return r == -2 ? -2 : 0;
}

/* Counts a term: an ungrouped one in its slot, if it has one. */
static int
term(struct walk *wk, long i, struct vslot *s)
{
	if (s != NULL && wk->st->conf.group < 0) {
		vcount(wk->st, s);
		return 0;
	}
	return stats_term(wk->st, wk->g, i);
}

/*
 * The ungrouped terms alone (-w): a word with a slot is counted in it
 * whether it is a stop word or not, without a branch on which it is
 * (stats_vsettle() leaves the counts of stop words out).
 */
static int
termonly(struct walk *wk, long i, struct vslot *s, int marks)
{
	if (s != NULL)
		vcount(wk->st, s);
	else if (!(marks & STATS_STOP))
		return stats_term(wk->st, wk->g, i);
	return 0;
}

/*
 * The names alone: a word ends a name when it is not capitalised, and
 * goes into one by its marks when it is; so they need not add the words
 * to the vocabulary, which would grow with every distinct word.
 */
static int
nameonly(struct walk *wk, const struct texttok *t)
{
	int marks;

	if (!(t->flags & TW_CAP) || marksof(wk, t->p, t->n, &marks) == -2)
		return endname(wk);
	return name(wk, t, marks);
}

static int
word(struct walk *wk, const struct texttok *t)
{
	struct vslot *s;
	long i;
	int marks, poss;

	wk->words++;
	if (wk->tables & ST_NEAR)
		simhash_word(wk->sh, t->p, t->n);
	if (!(wk->tables & (ST_TERMS | ST_BIGRAMS)))
		return (wk->tables & ST_NAMES) ? nameonly(wk, t) : 0;
	if ((i = lookup(wk, t->p, t->n, &marks, &poss, &s)) == -1)
		return -1;
	if (t->flags & TW_SENT)
		wk->prev = -1;
	if (i == -2) {
		wk->prev = -1;
		return endname(wk);
	}
	if (marks & STATS_STOP)
		wk->prev = -1;
	else {
		if ((wk->tables & ST_TERMS) && term(wk, i, s) == -1)
			return -1;
		if ((wk->tables & ST_BIGRAMS) && wk->prev >= 0 &&
		    stats_bigram(wk->st, wk->g, wk->prev, i) == -1)
			return -1;
		wk->prev = poss ? -1 : i;
	}
	return (wk->tables & ST_NAMES) ? name(wk, t, marks) : 0;
}

/* A word that termwords() does not pack: lookup() and termonly(). */
static int
termslow(struct walk *wk, const char *p, size_t n)
{
	struct vslot *s;
	long i;
	int marks, poss;

	if ((i = lookup(wk, p, n, &marks, &poss, &s)) == -1)
		return -1;
	return i == -2 ? 0 : termonly(wk, i, s, marks);
}

/*
 * The ungrouped terms alone take the words counting hands out (the
 * figures are text_count()'s), a batch at a time.  A word that packs, as
 * most do, is counted in its slot right here, as lookup() and termonly()
 * would: the same steps without their arguments, and a word of ASCII
 * that comes to at most HTAB_PRE bytes packed without pack()'s branches.
 */
static int
termwords(void *arg, const struct textword *w, size_t nw)
{
	struct walk *wk = arg;
	struct stats *st = wk->st;
	struct vslot *s;
	const char *p;
	uint64_t k[2], h;
	size_t j, n, m;
	int near = wk->tables & ST_NEAR, poss;

	for (j = 0; j < nw; j++) {
		p = w[j].p;
		n = w[j].n;
		if (near)
			simhash_word(wk->sh, p, n);
		/*
		 * An apostrophe before the end is rare: a branch that pays,
		 * unlike one on the length (a, of, in).  A word of one or two
		 * bytes has a letter at 0.
		 */
		m = n > 2 ? n - 2 : 0;
		m = p[m] == '\'' && (p[n - 1] | 0x20) == 's' ? n - 2 : n;
		if (m > HTAB_PRE || ((wk->end - p < 16 || !packfold16(p, m,
		    wk->end, k)) && !pack(p, n, wk->end, k, &m, &poss))) {
			if (termslow(wk, p, n) == -1)
				return -1;
			continue;
		}
		if (m == 0 || (*p >= '0' && *p <= '9' && isnumberk(k, m)))
			continue;
		h = htab_hashk(k, m);
		if ((s = vfind(&st->fast, k, m, h)) == NULL &&
		    (s = stats_vslot(st, k, m, h)) == NULL)
			return -1;
		vcount(st, s);
	}
	return 0;
}

static int
walk(struct walk *wk, const char *p, size_t n)
{
	struct textscan s;
	struct texttok t;

	text_start(&s, p, n);
	while (text_scan(&s, &t) != TT_END) {
		switch (t.type) {
		case TT_WORD:
			if (word(wk, &t) == -1)
				return -1;
			continue;
		case TT_SENTENCE:
			wk->sentences++;
			break;
		case TT_QUOTE:
			wk->quotes++;
			continue;
		default:
			wk->paragraphs++;
			break;
		}
		wk->prev = -1;
		if (endname(wk) == -1)
			return -1;
	}
	return 0;
}

/* The terms alone: counting's words, and its figures into *f. */
static int
termsalone(struct walk *wk, struct stfig *f, const char *p, size_t n)
{
	struct textcount c;

	if (text_countwords(p, n, &c, termwords, wk) == -1)
		return -1;
	f->words = c.words;
	f->sentences = c.sentences;
	f->paragraphs = c.paragraphs;
	f->quotes = c.quotes;
	return 0;
}

/* The walk over the scanner's tokens, and its figures into *f. */
static int
walkbody(struct walk *wk, struct stfig *f, const char *p, size_t n)
{
	if (walk(wk, p, n) == -1)
		return -1;
	f->words = wk->words;
	f->sentences = wk->sentences;
	f->paragraphs = wk->paragraphs;
	f->quotes = wk->quotes;
	return 0;
}

/* The group of an article, by the value of the field. */
static long
groupof(struct stats *st, struct fieldctx *fc)
{
	const char *v;
	size_t n;

	if (st->conf.group < 0)
		return stats_group(st, "", 0);
	if ((v = field_text(fc, (enum field)st->conf.group, &n)) == NULL)
		return -1;
	return stats_group(st, v, n);
}

static void
dayid(struct article *a, struct stfig *f)
{
	const char *p;
	size_t n;
	int y, m, d;

	p = article_text(a, COL_DATE, &n);
	f->day = STATS_NODAY;
	if (date_check(p, n, &y, &m, &d) == DATE_OK)
		f->day = (int32_t)date_days(y, m, d);
	p = article_text(a, COL_ID, &n);
	if (hash_unhex(p, n, &f->id) == -1)
		f->id = article_id(a);
}

/* The summary alone: text_count() has a faster way to count. */
static int
figures(struct stats *st, long g, struct stfig *f, const char *body,
    size_t n)
{
	struct textcount c;

	text_count(body, n, &c, 0);
	f->words = c.words;
	f->sentences = c.sentences;
	f->paragraphs = c.paragraphs;
	f->quotes = c.quotes;
	return stats_article(st, g, f);
}

int
stats_add(struct stats *st, struct fieldctx *fc, struct article *a)
{
	struct walk wk;
	struct stfig f;
	const char *body;
	size_t n;
	long g;

	field_reset(fc, a);
	if ((g = groupof(st, fc)) == -1)
		return -1;
	memset(&f, 0, sizeof(f));
	dayid(a, &f);
	body = article_text(a, COL_BODY, &n);
	f.bytes = n;
	memset(&wk, 0, sizeof(wk));
	wk.st = st;
	wk.g = g;
	wk.tables = st->conf.tables;
	wk.termonly = st->conf.group < 0 &&
	    (wk.tables & (ST_TERMS | ST_BIGRAMS | ST_NAMES)) == ST_TERMS;
	wk.prev = -1;
	wk.name = &st->name;
	if (!(wk.tables & ST_ALL))
		return figures(st, g, &f, body, n);
	/*
	 * A new article for the frequencies, before its words.  The walk
	 * counts what text_count() counts, the way it counts it, and the
	 * tables on the way; the terms alone take text_count()'s words.
	 */
	stats_next(st);
	wk.sh = &st->sh;
	wk.end = body + n;
	if ((wk.termonly ? termsalone(&wk, &f, body, n) :
	    walkbody(&wk, &f, body, n)) == -1) {
		/* The fingerprint must start afresh for the next article. */
		if (wk.tables & ST_NEAR)
			(void)simhash_final(wk.sh);
		return -1;
	}
	if (wk.tables & ST_NEAR)
		f.simhash = simhash_final(wk.sh);
	return stats_figures(st, g, &f);
}
