/*
 * The multi-string searcher: building, the rules of a match (leftmost then
 * longest, folding, words, lines, the empty string), memory, and its
 * answers held to the naive search of tests/fuzz/mpatnaive.h in every
 * engine and SIMD form, on random texts and sets of 1 to 10,000 strings.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpat.h"
#include "tests.h"
#include "../fuzz/mpatnaive.h"

/*
 * The engines and forms a set is built in: each that the processor and
 * the build have, the others falling back to what they do have.
 */
static const int forms[] = {
	0,
	MPAT_NOTEDDY,
	MPAT_NOTEDDY | MPAT_FEWROWS,
	MPAT_NOTEDDY | MPAT_HALVES,
	MPAT_TEDDY,
	MPAT_NOAVX2,
	MPAT_NOAVX2 | MPAT_NOTEDDY,
	MPAT_NOAVX2 | MPAT_TEDDY,
	MPAT_NOSSSE3,
	MPAT_NOSIMD,
	MPAT_NOSIMD | MPAT_FEWROWS
};
#define NFORM	(sizeof(forms) / sizeof(forms[0]))

/* A searcher built from the strings given, up to a NULL. */
static struct mpat *
mk(int flags, ...)
{
	struct mpat *m;
	const char *p;
	va_list ap;

	ck_assert_ptr_nonnull(m = mpat_new(flags));
	va_start(ap, flags);
	while ((p = va_arg(ap, const char *)) != NULL)
		ck_assert_int_eq(mpat_add(m, p, strlen(p)), 0);
	va_end(ap);
	ck_assert_int_eq(mpat_build(m), 0);
	return m;
}

/* The first match at or after from, as "so-eo:pat", or "none". */
static const char *
find(const struct mpat *m, const char *t, size_t from)
{
	static char s[64];
	struct mpatmatch mm;

	if (!mpat_find(m, t, strlen(t), from, &mm))
		return "none";
	snprintf(s, sizeof(s), "%zu-%zu:%zu", mm.so, mm.eo, mm.pat);
	return s;
}

/* Every match, as mpat_next() hands them out: "so-eo:pat ...". */
static const char *
all(const struct mpat *m, const char *t)
{
	static char s[512];
	struct mpatmatch mm;
	size_t from = 0, k = 0;

	s[0] = '\0';
	while (mpat_next(m, t, strlen(t), &from, &mm) && k < sizeof(s) - 40)
		k += (size_t)snprintf(s + k, sizeof(s) - k, "%s%zu-%zu:%zu",
		    k > 0 ? " " : "", mm.so, mm.eo, mm.pat);
	return s;
}

START_TEST(mpat_add_refuses_newlines_and_strings_after_the_build)
{
	struct mpat *m;

	ck_assert_ptr_nonnull(m = mpat_new(0));
	errno = 0;
	ck_assert_int_eq(mpat_add(m, "a\nb", 3), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(mpat_add(m, "ab", 2), 0);
	ck_assert_int_eq(mpat_build(m), 0);
	errno = 0;
	ck_assert_int_eq(mpat_add(m, "cd", 2), -1);
	ck_assert_int_eq(errno, EINVAL);
	errno = 0;
	ck_assert_int_eq(mpat_build(m), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_uint_eq(mpat_npat(m), 1);
	mpat_free(m);
	mpat_free(NULL);
}
END_TEST

START_TEST(mpat_add_refuses_a_set_over_the_bound)
{
	struct mpat *m;
	size_t n = MPAT_MAXMEM / MPAT_BYTEMEM / 2;
	char *s;

	ck_assert_ptr_nonnull(s = malloc(n));
	memset(s, 'a', n);
	ck_assert_ptr_nonnull(m = mpat_new(0));
	ck_assert_int_eq(mpat_add(m, s, n), 0);
	errno = 0;
	ck_assert_int_eq(mpat_add(m, s, n), -1);
	ck_assert_int_eq(errno, E2BIG);
	ck_assert_uint_eq(mpat_npat(m), 1);
	free(s);
	mpat_free(m);
}
END_TEST

START_TEST(mpat_build_picks_teddy_for_few_strings_and_the_automaton_else)
{
	struct mpat *m;
	char s[16];
	int i;

	m = mk(0, "Putin", "Zelensky", NULL);
	ck_assert(strncmp(mpat_engine(m), "teddy/", 6) == 0 ||
	    strncmp(mpat_engine(m), "ac/", 3) == 0);
	mpat_free(m);
	m = mk(MPAT_NOSIMD, "Putin", "Zelensky", NULL);
	ck_assert_str_eq(mpat_engine(m), "ac/portable");
	mpat_free(m);
	m = mk(MPAT_NOTEDDY, "Putin", NULL);
	ck_assert(strncmp(mpat_engine(m), "ac/", 3) == 0);
	mpat_free(m);
	m = mk(0, "", NULL);
	ck_assert_str_eq(mpat_engine(m), "none");
	mpat_free(m);
	ck_assert_ptr_nonnull(m = mpat_new(0));
	for (i = 0; i <= MPAT_TEDDYMAX; i++) {
		snprintf(s, sizeof(s), "name%d", i);
		ck_assert_int_eq(mpat_add(m, s, strlen(s)), 0);
	}
	ck_assert_int_eq(mpat_build(m), 0);
	ck_assert(strncmp(mpat_engine(m), "ac/", 3) == 0);
	mpat_free(m);
}
END_TEST

START_TEST(mpat_find_takes_the_leftmost_then_longest_match)
{
	size_t i;
	struct mpat *m;

	for (i = 0; i < NFORM; i++) {
		m = mk(forms[i], "he", "she", "his", "hers", NULL);
		ck_assert_str_eq(find(m, "ushers", 0), "1-4:1");
		ck_assert_str_eq(find(m, "ushers", 2), "2-6:3");
		ck_assert_str_eq(find(m, "ushers", 3), "none");
		ck_assert_str_eq(all(m, "his hers she"),
		    "0-3:2 4-8:3 9-12:1");
		mpat_free(m);
		m = mk(forms[i], "bcde", "abcd", "b", "abcd", NULL);
		ck_assert_str_eq(find(m, "xabcdef", 0), "1-5:1");
		ck_assert_str_eq(find(m, "xabcdef", 2), "2-6:0");
		mpat_free(m);
	}
}
END_TEST

START_TEST(mpat_find_keeps_to_the_bytes_without_folding)
{
	struct mpat *m = mk(MPAT_NOTEDDY, "\xbf", "Putin", NULL);

	/* A byte matches inside a character; case counts. */
	ck_assert_str_eq(find(m, "\xd0\xbf", 0), "1-2:0");
	ck_assert_str_eq(find(m, "PUTIN putin Putin", 0), "12-17:1");
	ck_assert_str_eq(find(m, "Putin", 6), "none");
	mpat_free(m);
}
END_TEST

START_TEST(mpat_find_folds_as_text_fold_does)
{
	size_t i;
	struct mpat *m;

	for (i = 0; i < NFORM; i++) {
		m = mk(MPAT_ICASE | forms[i], "Путин", "straße", "σοφία",
		    "is", "ÉLYSÉE", NULL);
		ck_assert_str_eq(find(m, "ПУТИН", 0), "0-10:0");
		ck_assert_str_eq(find(m, "путин", 0), "0-10:0");
		/* U+1E9E folds to U+00DF, a byte shorter. */
		ck_assert_str_eq(find(m, "STRAẞE", 0), "0-8:1");
		/* Final sigma folds to sigma. */
		ck_assert_str_eq(find(m, "ΣΟΦΊΑ ΣΟΦΊΑ", 0), "0-10:2");
		/* The long s and the dotted capital I fold to ASCII. */
		ck_assert_str_eq(find(m, "xİſ", 0), "1-5:3");
		ck_assert_str_eq(find(m, "Élysée", 0), "0-8:4");
		ck_assert_str_eq(find(m, "ELYSEE", 0), "none");
		mpat_free(m);
	}
}
END_TEST

START_TEST(mpat_find_matches_whole_characters_when_folding)
{
	struct mpat *m;
	size_t i;

	for (i = 0; i < NFORM; i++) {
		/* Strings that are not valid UTF-8 match whole characters. */
		m = mk(MPAT_ICASE | forms[i], "\xbf", "a\xd0", "\xe2\x80",
		    NULL);
		ck_assert_str_eq(find(m, "\xd0\xbf", 0), "none");
		ck_assert_str_eq(find(m, "\xd0\x9f", 0), "none");
		ck_assert_str_eq(find(m, "\xd0 \xbf", 0), "2-3:0");
		ck_assert_str_eq(find(m, "a\xd0\xbf", 0), "none");
		ck_assert_str_eq(find(m, "a\xd0!", 0), "0-2:1");
		ck_assert_str_eq(find(m, "\xe2\x80\x9c", 0), "none");
		ck_assert_str_eq(find(m, "\xe2\x80z", 0), "0-2:2");
		/* Characters are counted from the offset searched from. */
		ck_assert_str_eq(find(m, "\xd0\xbf", 1), "1-2:0");
		mpat_free(m);
	}
}
END_TEST

START_TEST(mpat_find_keeps_to_whole_words)
{
	struct mpat *m;
	size_t i;

	for (i = 0; i < NFORM; i++) {
		m = mk(MPAT_WORD | forms[i], "Putin", "Путин", "25", "Putin's",
		    NULL);
		ck_assert_str_eq(find(m, "Putinism, Putin.", 0), "10-15:0");
		ck_assert_str_eq(find(m, "Путина Путин", 0), "13-23:1");
		ck_assert_str_eq(find(m, "1250 25", 0), "5-7:2");
		ck_assert_str_eq(find(m, "éPutin Putiné Putin's", 0),
		    "16-23:3");
		ck_assert_str_eq(find(m, "“Putin”", 0), "3-8:0");
		/* The bytes before the offset still count. */
		ck_assert_str_eq(find(m, "xPutin", 1), "none");
		mpat_free(m);
	}
}
END_TEST

START_TEST(mpat_find_keeps_to_whole_lines)
{
	struct mpat *m;
	size_t i;

	for (i = 0; i < NFORM; i++) {
		m = mk(MPAT_LINE | MPAT_WORD | forms[i], "ab", "abc", "b",
		    NULL);
		ck_assert_str_eq(find(m, "abc d\nab\nb", 0), "6-8:0");
		ck_assert_str_eq(all(m, "abc\nxb\nb\nab"),
		    "0-3:1 7-8:2 9-11:0");
		ck_assert_str_eq(find(m, "abab", 0), "none");
		mpat_free(m);
	}
}
END_TEST

START_TEST(mpat_find_matches_the_empty_string_where_grep_does)
{
	struct mpat *m;

	m = mk(0, "", "ab", NULL);
	ck_assert_str_eq(find(m, "xab", 0), "0-0:0");
	ck_assert_str_eq(find(m, "xab", 1), "1-3:1");
	ck_assert_str_eq(find(m, "xab", 3), "3-3:0");
	ck_assert_str_eq(find(m, "xab", 4), "none");
	mpat_free(m);
	m = mk(MPAT_WORD, "ab", "", NULL);
	ck_assert_str_eq(find(m, "xy ab", 0), "3-5:0");
	ck_assert_str_eq(find(m, "xy  ab", 0), "3-3:1");
	ck_assert_str_eq(find(m, "xy  ab", 4), "4-6:0");
	ck_assert_str_eq(find(m, "п", 0), "none");
	mpat_free(m);
	m = mk(MPAT_LINE, "", NULL);
	ck_assert_str_eq(all(m, "a\n\nb\n"), "2-2:0 5-5:0");
	mpat_free(m);
}
END_TEST

START_TEST(mpat_next_hands_out_every_match_in_order)
{
	struct mpat *m;
	size_t i;

	for (i = 0; i < NFORM; i++) {
		m = mk(MPAT_ICASE | forms[i], "kyiv", "kyiv's", "KY", NULL);
		ck_assert_str_eq(all(m, "Kyiv's KYIV KyKy\nkYIV"),
		    "0-6:1 7-11:0 12-14:2 14-16:2 17-21:0");
		mpat_free(m);
	}
}
END_TEST

/*
 * Random texts and sets, held to the naive search.
 */

static uint64_t rstate;

static unsigned
rnd(unsigned n)
{
	rstate ^= rstate << 13;
	rstate ^= rstate >> 7;
	rstate ^= rstate << 17;
	return (unsigned)(rstate % n);
}

/*
 * The pieces texts and strings are made of: letters in both cases, ones
 * whose folds are shorter or reach ASCII, sigmas, invalid bytes,
 * separators; the first few alone make texts without small letters or
 * spaces (which the automaton searches for with a filter).
 */
static const char *const piece[] = {
	"A", "B", "K", "1", "-", "\xd0", "\xbf", "\x80", "\xff", "\xe2\x80\x9c",
	"İ", "ẞ", "ſ", "Σ", "П", "É",
	"a", "b", "k", " ", "\n", "s", "i", "ss", "ß", "σ", "ς", "п", "é", "\t"
};
#define NPIECE	(sizeof(piece) / sizeof(piece[0]))

/* Writes up to max pieces of the first np at d; returns the bytes. */
static size_t
pieces(char *d, size_t max, size_t np)
{
	size_t n = 0, k = rnd((unsigned)max + 1), i, l;
	const char *p;

	for (i = 0; i < k; i++) {
		p = piece[rnd((unsigned)np)];
		l = strlen(p);
		memcpy(d + n, p, l);
		n += l;
	}
	return n;
}

/* A set of strings, and the text they are looked for in. */
struct trial {
	int	 flags;
	char	*text;
	size_t	 n;
	char	**s;
	size_t	*len;
	size_t	 ns;
};

/*
 * Makes a string: a piece of the text (so that it matches), a prefix or
 * a suffix of another string, maybe made longer (so that strings are
 * prefixes and suffixes of each other), or new.
 */
static void
addstring(struct trial *tr, size_t np, size_t maxlen)
{
	char buf[128], *q;
	size_t l, a, n, k = tr->ns;

	switch (rnd(4)) {
	case 0:
	case 1:
		a = tr->n > 0 ? rnd((unsigned)tr->n) : 0;
		l = 1 + rnd((unsigned)maxlen);
		if (l > tr->n - a)
			l = tr->n - a;
		memcpy(buf, tr->text + a, l);
		break;
	case 2:
		if (k > 0) {
			a = rnd((unsigned)k);
			l = tr->len[a] < 64 ? tr->len[a] : 64;
			if (l > 0 && rnd(2))
				l = rnd((unsigned)l + 1);
			if (rnd(2)) {
				/* A prefix of the other, maybe longer. */
				memcpy(buf, tr->s[a], l);
				l += rnd(2) ? pieces(buf + l, 2, np) : 0;
			} else {
				/* A suffix of the other, maybe longer. */
				n = rnd(2) ? pieces(buf, 2, np) : 0;
				memcpy(buf + n, tr->s[a] + tr->len[a] - l, l);
				l += n;
			}
			break;
		}
		/* FALLTHROUGH */
	default:
		l = pieces(buf, 1 + maxlen / 2, np);
	}
	while ((q = memchr(buf, '\n', l)) != NULL)
		*q = '_';
	if (k < 100 && rnd(40) == 0)
		l = 0;
	ck_assert_ptr_nonnull(tr->s[k] = malloc(l + 1));
	memcpy(tr->s[k], buf, l);
	tr->len[k] = l;
	tr->ns++;
}

static void
maketrial(struct trial *tr, size_t nstr, size_t textmax, size_t maxlen)
{
	char *buf;
	size_t np = rnd(3) == 0 ? 16 : NPIECE, i;

	tr->flags = (int)rnd(8);
	ck_assert_ptr_nonnull(buf = malloc(textmax * 4 + 1));
	tr->n = pieces(buf, textmax, np);
	/* Exactly the text's size, so that a read past it is caught. */
	ck_assert_ptr_nonnull(tr->text = malloc(tr->n > 0 ? tr->n : 1));
	memcpy(tr->text, buf, tr->n);
	free(buf);
	ck_assert_ptr_nonnull(tr->s = calloc(nstr, sizeof(*tr->s)));
	ck_assert_ptr_nonnull(tr->len = calloc(nstr, sizeof(*tr->len)));
	tr->ns = 0;
	for (i = 0; i < nstr; i++)
		addstring(tr, np, maxlen);
}

static void
freetrial(struct trial *tr)
{
	size_t i;

	for (i = 0; i < tr->ns; i++)
		free(tr->s[i]);
	free(tr->s);
	free(tr->len);
	free(tr->text);
}

static void
differ(const struct trial *tr, const char *form, size_t from, int r,
    const struct mpatmatch *a, int rn, const struct mpatmatch *b)
{
	size_t i, j;

	fprintf(stderr, "flags %#x %s from %zu: mpat %d %zu-%zu:%zu, naive "
	    "%d %zu-%zu:%zu\ntext:", tr->flags, form, from, r, a->so, a->eo,
	    a->pat, rn, b->so, b->eo, b->pat);
	for (i = 0; i < tr->n; i++)
		fprintf(stderr, " %02x", (unsigned char)tr->text[i]);
	for (i = 0; i < tr->ns && i < 20; i++) {
		fprintf(stderr, "\n%zu:", i);
		for (j = 0; j < tr->len[i]; j++)
			fprintf(stderr, " %02x", (unsigned char)tr->s[i][j]);
	}
	fprintf(stderr, "\n");
	ck_abort_msg("mpat and the naive search differ");
}

/*
 * Holds every form to the naive search: from every offset when every is
 * set, else along the matches as mpat_next() hands them out.
 */
static void
agree(const struct trial *tr, int every)
{
	struct mpat *m[NFORM];
	struct naive nv;
	struct mpatmatch a, b;
	size_t i, j, from, next;
	int r, rn;

	memset(&b, 0, sizeof(b));
	naive_init(&nv, tr->flags);
	for (j = 0; j < tr->ns; j++)
		ck_assert_int_eq(naive_add(&nv, tr->s[j], tr->len[j]), 0);
	for (i = 0; i < NFORM; i++) {
		ck_assert_ptr_nonnull(m[i] = mpat_new(tr->flags | forms[i]));
		for (j = 0; j < tr->ns; j++)
			ck_assert_int_eq(mpat_add(m[i], tr->s[j], tr->len[j]),
			    0);
		ck_assert_int_eq(mpat_build(m[i]), 0);
	}
	for (from = 0; from <= tr->n; from = next) {
		rn = naive_find(&nv, tr->text, tr->n, from, &b);
		ck_assert_int_ge(rn, 0);
		for (i = 0; i < NFORM; i++) {
			r = mpat_find(m[i], tr->text, tr->n, from, &a);
			if (r != rn || (r && (a.so != b.so || a.eo != b.eo ||
			    a.pat != b.pat)))
				differ(tr, mpat_engine(m[i]), from, r, &a,
				    rn, &b);
		}
		if (every || !rn)
			next = from + 1;
		else if (b.eo > b.so)
			next = b.eo;
		else
			next = b.so + 1;
		if (!every && !rn)
			break;
	}
	for (i = 0; i < NFORM; i++)
		mpat_free(m[i]);
	naive_free(&nv);
}

/* Runs trials of nstr strings, texts of up to textmax pieces. */
static void
trials(uint64_t seed, int count, size_t nstr, size_t textmax, size_t maxlen,
    int every)
{
	struct trial tr;
	int i;

	rstate = seed;
	for (i = 0; i < count; i++) {
		maketrial(&tr, nstr, textmax, maxlen);
		agree(&tr, every);
		freetrial(&tr);
	}
}

/*
 * The empty string with -w or -x is looked for in windows that double:
 * matches in the first, in later ones and in none, held to the naive
 * search.
 */
START_TEST(mpat_find_looks_for_the_empty_string_in_windows)
{
	static const int flags[] = { MPAT_WORD, MPAT_LINE,
	    MPAT_WORD | MPAT_ICASE, MPAT_LINE | MPAT_ICASE };
	struct trial tr;
	size_t f, i, len = 5000;

	for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
		rstate = 0x123456789abcdefULL + f;
		memset(&tr, 0, sizeof(tr));
		tr.flags = flags[f];
		ck_assert_ptr_nonnull(tr.text = malloc(len));
		for (i = 0; i < len; i++)
			tr.text[i] = "abcП"[rnd(3)];
		memcpy(tr.text + 1200, " Пb \n\nbc\n", 10);
		memcpy(tr.text + 3000, "\xd0\x9f\xd0\xbf\n", 5);
		tr.n = len;
		ck_assert_ptr_nonnull(tr.s = calloc(3, sizeof(*tr.s)));
		ck_assert_ptr_nonnull(tr.len = calloc(3, sizeof(*tr.len)));
		tr.s[0] = strdup("");
		tr.s[1] = strdup("bc");
		tr.s[2] = strdup("пп");
		for (i = 0; i < 3; i++)
			tr.len[i] = strlen(tr.s[i]);
		tr.ns = 3;
		agree(&tr, 0);
		freetrial(&tr);
	}
}
END_TEST

START_TEST(mpat_agrees_with_the_naive_search_on_one_and_two_strings)
{
	trials(0x9e3779b97f4a7c15ULL, 150, 1, 40, 6, 1);
	trials(0x2545f4914f6cdd1dULL, 150, 2, 40, 6, 1);
}
END_TEST

START_TEST(mpat_agrees_with_the_naive_search_on_ten_strings)
{
	trials(0xd1b54a32d192ed03ULL, 150, 10, 60, 8, 1);
	trials(0x8cb92ba72f3d8dd7ULL, 40, 10, 400, 8, 0);
}
END_TEST

/*
 * Texts long enough to be searched in two halves side by side: random
 * ones, and ones with few matches, in either half, near the middle or
 * across it.
 */
START_TEST(mpat_agrees_with_the_naive_search_on_long_texts)
{
	static const size_t at[][3] = { { 4000, 4500, 4997 },
	    { 2499, 2500, 2501 }, { 100, 2502, 4990 }, { 5000, 5000, 5000 } };
	struct trial tr;
	size_t i, j, len = 5003;

	trials(0x3c6ef372fe94f82bULL, 12, 10, 3000, 8, 0);
	trials(0xa54ff53a5f1d36f1ULL, 2, 1000, 3000, 10, 0);
	rstate = 0x510e527fade682d1ULL;
	for (i = 0; i < 8 * sizeof(at) / sizeof(at[0]); i++) {
		maketrial(&tr, 3, 0, 1);
		tr.flags = (int)(i % 8);
		free(tr.text);
		ck_assert_ptr_nonnull(tr.text = malloc(len));
		for (j = 0; j < len; j++)
			tr.text[j] = "xy z"[rnd(4)];
		for (j = 0; j < 3; j++) {
			free(tr.s[j]);
			tr.s[j] = strdup(j == 0 ? "Abc" : j == 1 ? "bcD" : "é");
			tr.len[j] = strlen(tr.s[j]);
			memcpy(tr.text + at[i / 8][j], tr.s[j], tr.len[j]);
		}
		tr.n = len;
		agree(&tr, 0);
		freetrial(&tr);
	}
}
END_TEST

START_TEST(mpat_agrees_with_the_naive_search_on_1000_strings)
{
	trials(0xbf58476d1ce4e5b9ULL, 6, 1000, 300, 10, 0);
}
END_TEST

START_TEST(mpat_agrees_with_the_naive_search_on_10000_strings)
{
	trials(0x94d049bb133111ebULL, 1, 10000, 300, 12, 0);
}
END_TEST

/*
 * Matches at the start and the end of texts of every length around the
 * sizes the SIMD forms take at a time, in buffers of exactly that size,
 * ending as often as not in bytes that continue a character.
 */
START_TEST(mpat_agrees_at_the_edges_of_the_text)
{
	struct trial tr;
	size_t len, i;
	char *t;

	rstate = 0x5851f42d4c957f2dULL;
	for (len = 0; len <= 70; len++) {
		maketrial(&tr, 4, 0, 4);
		ck_assert_ptr_nonnull(t = malloc(len > 0 ? len : 1));
		for (i = 0; i < len; i++)
			t[i] = "xy\xb1 "[rnd(4)];
		free(tr.text);
		tr.text = t;
		tr.n = len;
		/* Strings at both ends, one as long as the text. */
		if (len > 0) {
			for (i = 0; i < tr.ns; i++)
				if (tr.len[i] > len)
					tr.len[i] = len;
			memcpy(t, tr.s[0], tr.len[0]);
			memcpy(t + len - tr.len[1], tr.s[1], tr.len[1]);
		}
		agree(&tr, 1);
		freetrial(&tr);
	}
}
END_TEST

/* Names, as a watch list has them. */
static size_t
name(char *d, unsigned i)
{
	static const char *const syl[] = { "ka", "lo", "mir", "ve", "dra",
	    "sen", "to", "ul", "ber", "ni", "gar", "po" };

	return (size_t)sprintf(d, "%s%s%s %s%s%s", syl[i % 12],
	    syl[i / 12 % 12], syl[i / 144 % 12], syl[i / 1728 % 12],
	    syl[(i + 5) % 12], syl[(i / 7 + 3) % 12]);
}

START_TEST(mpat_size_keeps_to_its_bound_with_10000_strings)
{
	struct mpat *m;
	char s[64], want[32];
	size_t bytes = 0, l;
	unsigned i;
	int f;

	for (f = 0; f < 2; f++) {
		ck_assert_ptr_nonnull(m = mpat_new(f ? MPAT_ICASE : 0));
		for (i = 0, bytes = 0; i < 10000; i++) {
			l = name(s, i * 7919u % 20736);
			ck_assert_int_eq(mpat_add(m, s, l), 0);
			bytes += l;
		}
		ck_assert_int_eq(mpat_build(m), 0);
		ck_assert_uint_le(mpat_size(m), bytes * MPAT_BYTEMEM +
		    10000 * MPAT_STRMEM + MPAT_FIXMEM);
		ck_assert_uint_lt(mpat_size(m), 64u << 20);
		l = name(s, 7919u % 20736);
		snprintf(want, sizeof(want), "0-%zu:1", l);
		ck_assert_str_eq(find(m, s, 0), want);
		mpat_free(m);
	}
}
END_TEST

Suite *
mpat_suite(void)
{
	Suite *s = suite_create("mpat");
	TCase *tc;

	tc = tcase_create("build");
	tcase_add_test(tc,
	    mpat_add_refuses_newlines_and_strings_after_the_build);
	tcase_add_test(tc, mpat_add_refuses_a_set_over_the_bound);
	tcase_add_test(tc,
	    mpat_build_picks_teddy_for_few_strings_and_the_automaton_else);
	tcase_add_test(tc, mpat_size_keeps_to_its_bound_with_10000_strings);
	suite_add_tcase(s, tc);

	tc = tcase_create("find");
	tcase_add_test(tc, mpat_find_takes_the_leftmost_then_longest_match);
	tcase_add_test(tc, mpat_find_keeps_to_the_bytes_without_folding);
	tcase_add_test(tc, mpat_find_folds_as_text_fold_does);
	tcase_add_test(tc, mpat_find_matches_whole_characters_when_folding);
	tcase_add_test(tc, mpat_find_keeps_to_whole_words);
	tcase_add_test(tc, mpat_find_keeps_to_whole_lines);
	tcase_add_test(tc, mpat_find_matches_the_empty_string_where_grep_does);
	tcase_add_test(tc, mpat_next_hands_out_every_match_in_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("agree");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc,
	    mpat_agrees_with_the_naive_search_on_one_and_two_strings);
	tcase_add_test(tc, mpat_agrees_with_the_naive_search_on_ten_strings);
	tcase_add_test(tc, mpat_agrees_with_the_naive_search_on_long_texts);
	tcase_add_test(tc, mpat_agrees_with_the_naive_search_on_1000_strings);
	tcase_add_test(tc, mpat_agrees_with_the_naive_search_on_10000_strings);
	tcase_add_test(tc, mpat_agrees_at_the_edges_of_the_text);
	tcase_add_test(tc, mpat_find_looks_for_the_empty_string_in_windows);
	suite_add_tcase(s, tc);
	return s;
}
