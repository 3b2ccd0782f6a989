#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "date.h"
#include "field.h"
#include "input.h"
#include "stats.h"
#include "statsint.h"
#include "tests.h"

static const struct stconf plain = { 0, -1, 0 };
static const struct stconf terms = { ST_TERMS | ST_BIGRAMS | ST_NAMES, -1,
    0 };
static const struct stconf bydate = { ST_TERMS, FIELD_DATE, 0 };

/* Prints a report into a string the caller frees. */
static char *
print(struct stats *st, enum streport rep, size_t n, int header)
{
	struct stout o = { rep, n, header, 3 };
	char *s = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&s, &len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(stats_print(st, fp, &o), 0);
	fclose(fp);
	return s;
}

static char *
partial(struct stats *st)
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&s, &len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(stats_write(st, fp, 0), 0);
	fclose(fp);
	return s;
}

/*
 * Loads text as partials, no line longer than max; returns what
 * stats_load returns.
 */
static int
loadmax(struct stats *st, const char *text, size_t max, struct sterr *e)
{
	char *path;
	int fd, r;

	path = tmpwrite(text, strlen(text));
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	r = stats_load(st, fd, max, e);
	close(fd);
	unlink(path);
	free(path);
	return r;
}

static int
load(struct stats *st, const char *text, struct sterr *e)
{
	return loadmax(st, text, 0, e);
}

static void
article(struct stats *st, const char *group, const char *date,
    uint64_t id, uint64_t words)
{
	struct stfig f;
	int y, m, d;
	long g;

	memset(&f, 0, sizeof(f));
	f.words = words;
	f.sentences = words / 10;
	f.paragraphs = 1;
	f.quotes = 1;
	f.bytes = words * 6;
	f.id = id;
	f.day = STATS_NODAY;
	if (date != NULL) {
		ck_assert_int_eq(date_check(date, 10, &y, &m, &d), DATE_OK);
		f.day = (int32_t)date_days(y, m, d);
	}
	g = stats_group(st, group, strlen(group));
	ck_assert_int_ge(g, 0);
	ck_assert_int_eq(stats_article(st, g, &f), 0);
}

/* Counts the words of a text as terms of the last article. */
static void
words(struct stats *st, long g, const char *text)
{
	char w[64];
	const char *p = text, *e;
	long i, prev = -1;
	int marks;

	while (*p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		memcpy(w, p, (size_t)(e - p));
		i = stats_word(st, w, (size_t)(e - p), &marks);
		ck_assert_int_ge(i, 0);
		ck_assert_int_eq(stats_term(st, g, i), 0);
		if (prev >= 0)
			ck_assert_int_eq(stats_bigram(st, g, prev, i), 0);
		prev = i;
		p = *e == ' ' ? e + 1 : e;
	}
}

START_TEST(stats_print_sums_a_summary_with_mean_and_median)
{
	struct stats *st = stats_new(&plain);
	char *s;

	article(st, "", "2025-12-03", 1, 10);
	article(st, "", "2025-12-01", 2, 20);
	article(st, "", NULL, 1, 10);
	article(st, "", "2025-12-02", 3, 41);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_str_eq(s, "articles\t4\nwords\t81\nsentences\t8\n"
	    "paragraphs\t4\nquotes\t4\nbytes\t486\nfirst\t2025-12-01\n"
	    "last\t2025-12-03\nundated\t1\nduplicates\t1\n"
	    "words_mean\t20.25\nwords_median\t15\n");
	free(s);
	article(st, "", NULL, 4, 40);
	s = print(st, REP_SUMMARY, 10, 1);
	ck_assert_ptr_nonnull(strstr(s, "name\tvalue\narticles\t5\n"));
	ck_assert_ptr_nonnull(strstr(s, "words_mean\t24.20\n"
	    "words_median\t20\n"));
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_print_summarises_nothing_as_zeros)
{
	struct stats *st = stats_new(&plain);
	char *s;

	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_str_eq(s, "articles\t0\nwords\t0\nsentences\t0\n"
	    "paragraphs\t0\nquotes\t0\nbytes\t0\nfirst\t\nlast\t\n"
	    "undated\t0\nduplicates\t0\nwords_mean\t0.00\n"
	    "words_median\t0\n");
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_print_halves_an_even_median_and_rounds_the_mean)
{
	struct stats *st = stats_new(&plain);
	char *s;

	article(st, "", NULL, 1, 1);
	article(st, "", NULL, 2, 2);
	article(st, "", NULL, 3, 2);
	article(st, "", NULL, 4, 4);
	article(st, "", NULL, 5, 4);
	article(st, "", NULL, 6, 0);
	s = print(st, REP_SUMMARY, 10, 0);
	/* 13 / 6 = 2.1666...; lengths 0 1 2 2 4 4. */
	ck_assert_ptr_nonnull(strstr(s, "words_mean\t2.17\n"
	    "words_median\t2\n"));
	free(s);
	article(st, "", NULL, 7, 5);
	article(st, "", NULL, 8, 5);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_ptr_nonnull(strstr(s, "words_median\t3\n"));
	free(s);
	article(st, "", NULL, 9, 5);
	article(st, "", NULL, 10, 5);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_ptr_nonnull(strstr(s, "words_mean\t3.30\n"
	    "words_median\t4\n"));
	free(s);
	article(st, "", NULL, 11, 5);
	article(st, "", NULL, 12, 5);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_ptr_nonnull(strstr(s, "words_median\t4.5\n"));
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_print_fills_the_days_between_dated_groups)
{
	struct stconf c = plain;
	struct stats *st;
	char *s;

	c.group = FIELD_DATE;
	st = stats_new(&c);
	article(st, "2024-02-28", "2024-02-28", 1, 3);
	article(st, "2024-03-01", "2024-03-01", 2, 5);
	article(st, "", NULL, 3, 7);
	s = print(st, REP_SUMMARY, 10, 1);
	ck_assert_str_eq(s, "date\tarticles\twords\tsentences\tparagraphs\t"
	    "quotes\tbytes\tfirst\tlast\tundated\tduplicates\twords_mean\t"
	    "words_median\n"
	    "\t1\t7\t0\t1\t1\t42\t\t\t1\t0\t7.00\t7\n"
	    "2024-02-28\t1\t3\t0\t1\t1\t18\t2024-02-28\t2024-02-28\t0\t0\t"
	    "3.00\t3\n"
	    "2024-02-29\t0\t0\t0\t0\t0\t0\t\t\t0\t0\t0.00\t0\n"
	    "2024-03-01\t1\t5\t0\t1\t1\t30\t2024-03-01\t2024-03-01\t0\t0\t"
	    "5.00\t5\n");
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_print_fills_months_and_years_too)
{
	struct stconf c = plain;
	struct stats *st;
	char *s;

	c.group = FIELD_MONTH;
	st = stats_new(&c);
	article(st, "2024-11", NULL, 1, 3);
	article(st, "2025-02", NULL, 2, 3);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_int_eq(strncmp(s, "2024-11\t1\t", 10), 0);
	ck_assert_ptr_nonnull(strstr(s, "\n2024-12\t0\t"));
	ck_assert_ptr_nonnull(strstr(s, "\n2025-01\t0\t"));
	ck_assert_ptr_nonnull(strstr(s, "\n2025-02\t1\t"));
	free(s);
	stats_free(st);
	c.group = FIELD_YEAR;
	st = stats_new(&c);
	article(st, "2021", NULL, 1, 3);
	article(st, "2023", NULL, 2, 3);
	article(st, "x", NULL, 3, 3);
	s = print(st, REP_SUMMARY, 10, 0);
	ck_assert_int_eq(strncmp(s, "2021\t1\t", 7), 0);
	ck_assert_ptr_nonnull(strstr(s, "\n2022\t0\t"));
	ck_assert_ptr_nonnull(strstr(s, "\n2023\t1\t"));
	ck_assert_ptr_nonnull(strstr(s, "\nx\t1\t"));
	free(s);
	stats_free(st);
}
END_TEST

/*
 * The terms of a body: ASCII words are folded eight bytes at a time
 * where sixteen bytes follow them in the body and byte by byte near its
 * end, on both sides of 8 and 16 bytes; longer words and others the slow
 * way.  All must come out the same.
 */
START_TEST(stats_add_folds_words_of_every_length_alike)
{
	static const char text[] =
	    "date 2025-12-03 Title\n\n"
	    "Zebrafish Abcdefgh Abcdefghi ABCDEFGHIJKLMNO Abcdefghijklmnop "
	    "Abcdefghijklmnopq Tokyo's TOKYO\xe2\x80\x99s CAF\xc3\x89 "
	    "Abcdefghijklmnop ABCDEFGH caf\xc3\xa9 Abcdefghi ZEBRAFISH "
	    "tokyo's DON\xe2\x80\x99T don't TOKYO'S "
	    "abcdefghijklmno\xe2\x80\x99s Abcdefghijklmnop\xe2\x80\x99x "
	    "abcdefghijklmnop'x rock\xe2\x80\x99n\xe2\x80\x99roll "
	    "ROCK'N'ROLL 1990\xe2\x80\x99s 1\xe2\x80\x99" "000\n";
	struct stats *st = stats_new(&terms);
	struct fieldctx *fc = field_new();
	struct artin *in;
	struct article *a;
	char *path, *s;

	ck_assert_ptr_nonnull(st);
	ck_assert_ptr_nonnull(fc);
	path = tmpwrite(text, strlen(text));
	in = artin_open(path, FMT_AUTO);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(artin_next(in, &a), 1);
	ck_assert_int_eq(stats_add(st, fc, a), 0);
	s = print(st, REP_TERMS, 0, 0);
	ck_assert_str_eq(s, "tokyo\t4\t1\nabcdefgh\t2\t1\n"
	    "abcdefghi\t2\t1\nabcdefghijklmno\t2\t1\n"
	    "abcdefghijklmnop\t2\t1\nabcdefghijklmnop'x\t2\t1\n"
	    "caf\xc3\xa9\t2\t1\ndon't\t2\t1\nrock'n'roll\t2\t1\n"
	    "zebrafish\t2\t1\n"
	    "abcdefghijklmnopq\t1\t1\n");
	free(s);
	artin_close(in);
	unlink(path);
	free(path);
	field_free(fc);
	stats_free(st);
}
END_TEST

/*
 * The terms alone take the words that counting hands out, and pack them
 * their own way; with bigrams and names the scanner's words are taken.
 * Both count the same terms, and the same figures.
 */
START_TEST(stats_add_counts_the_terms_alone_as_with_other_tables)
{
	static const char text[] =
	    "date 2025-12-03 Title\n\n"
	    "Zebrafish Abcdefgh Abcdefghi ABCDEFGHIJKLMNO Abcdefghijklmnop "
	    "Abcdefghijklmnopq Tokyo's TOKYO\xe2\x80\x99s TOKYO'S CAF\xc3\x89 "
	    "The U.S. said 150,000 people's 12.5 1990s 1990's 3-D a1 "
	    "\xe2\x80\x9cIt\xe2\x80\x99s the end,\xe2\x80\x9d she said. "
	    "Abcdefghijklmnopqr's abcdefghijklmnop's "
	    "abcdefghijklmno\xe2\x80\x99s "
	    "rock\xe2\x80\x99n\xe2\x80\x99roll ROCK'N'ROLL 1\xe2\x80\x99" "000 "
	    "caf\xc3\xa9\xe2\x80\x99s \xff\xfe x's S's\n\n"
	    "Second paragraph ends in words of the tail: it's Tokyo's\n";
	static const struct stconf conf[] = {
		{ ST_TERMS | ST_BIGRAMS | ST_NAMES | ST_NEAR, -1, 0 },
		{ ST_TERMS, -1, 0 },
		{ ST_TERMS | ST_NEAR, -1, 0 },
		{ ST_TERMS | ST_BIGRAMS, -1, 0 }
	};
	struct fieldctx *fc = field_new();
	struct stats *st;
	struct artin *in;
	struct article *a;
	char *path, *s[4], *sum[4], *part[4], *id[4];
	size_t i;

	ck_assert_ptr_nonnull(fc);
	path = tmpwrite(text, strlen(text));
	for (i = 0; i < 4; i++) {
		ck_assert_ptr_nonnull(st = stats_new(&conf[i]));
		ck_assert_int_eq(stats_mark(st, "the", 3, STATS_STOP), 0);
		ck_assert_ptr_nonnull(in = artin_open(path, FMT_AUTO));
		ck_assert_int_eq(artin_next(in, &a), 1);
		ck_assert_int_eq(stats_add(st, fc, a), 0);
		s[i] = print(st, REP_TERMS, 0, 0);
		sum[i] = print(st, REP_SUMMARY, 0, 0);
		part[i] = partial(st);
		/* The id's line, with the fingerprint under ST_NEAR. */
		ck_assert_ptr_nonnull(id[i] = strstr(part[i], "\nI\t"));
		*strchr(id[i] + 1, '\n') = '\0';
		artin_close(in);
		stats_free(st);
	}
	for (i = 1; i < 4; i++) {
		ck_assert_str_eq(s[i], s[0]);
		ck_assert_str_eq(sum[i], sum[0]);
	}
	ck_assert_str_eq(id[2], id[0]);
	ck_assert_int_eq(strncmp(s[0], "tokyo\t4\t1\n", 10), 0);
	ck_assert_ptr_nonnull(strstr(sum[0], "\nwords\t45\n"));
	ck_assert_ptr_null(strstr(s[0], "\nthe\t"));
	ck_assert_ptr_null(strstr(s[0], "150,000"));
	for (i = 0; i < 4; i++) {
		free(s[i]);
		free(sum[i]);
		free(part[i]);
	}
	unlink(path);
	free(path);
	field_free(fc);
}
END_TEST

/* Counts a text of one article, whose body is the words. */
static void
addbody(struct stats *st, struct fieldctx *fc, const char *body)
{
	struct artin *in;
	struct article *a;
	char *path, *text;
	size_t n = strlen(body) + 32;

	text = malloc(n);
	ck_assert_ptr_nonnull(text);
	snprintf(text, n, "date 2025-12-03 Title\n\n%s\n", body);
	path = tmpwrite(text, strlen(text));
	free(text);
	in = artin_open(path, FMT_AUTO);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(artin_next(in, &a), 1);
	ck_assert_int_eq(stats_add(st, fc, a), 0);
	artin_close(in);
	unlink(path);
	free(path);
}

/*
 * The slots of the words keep 32 bits of the article's serial: an
 * article whose serial ends in 32 zero bits is still a new article for
 * a word that no article counted before.
 */
START_TEST(stats_add_counts_articles_across_32_bits_of_serial)
{
	struct stats *st = stats_new(&terms);
	struct fieldctx *fc = field_new();
	char *s;

	ck_assert_ptr_nonnull(st);
	ck_assert_ptr_nonnull(fc);
	st->serial = UINT32_MAX - 1;
	addbody(st, fc, "Zebra");
	addbody(st, fc, "zebra zebra zebrafish");
	addbody(st, fc, "ZEBRA");
	ck_assert_uint_gt(st->serial, UINT32_MAX);
	s = print(st, REP_TERMS, 0, 0);
	ck_assert_str_eq(s, "zebra\t4\t3\nzebrafish\t1\t1\n");
	free(s);
	s = partial(st);
	ck_assert_ptr_nonnull(strstr(s, "\nT\t0\tzebra\t4\t3\n"));
	free(s);
	field_free(fc);
	stats_free(st);
}
END_TEST

/*
 * With the terms alone, the slots count stop words as any other, and
 * the stop words are left out when the counts are added up.
 */
START_TEST(stats_add_leaves_stop_words_out_of_the_terms_alone)
{
	static const struct stconf only = { ST_TERMS, -1, 0 };
	struct stats *st = stats_new(&only);
	struct fieldctx *fc = field_new();
	char *s;

	ck_assert_ptr_nonnull(st);
	ck_assert_ptr_nonnull(fc);
	ck_assert_int_eq(stats_mark(st, "the", 3, STATS_STOP), 0);
	addbody(st, fc, "The zebra, the THE zebra\xe2\x80\x99s.");
	addbody(st, fc, "The lion.");
	s = print(st, REP_TERMS, 0, 0);
	ck_assert_str_eq(s, "zebra\t2\t1\nlion\t1\t1\n");
	free(s);
	/* Marked afterwards, a word keeps what it was counted before. */
	ck_assert_int_eq(stats_mark(st, "lion", 4, STATS_STOP), 0);
	addbody(st, fc, "Lion, lion.");
	s = partial(st);
	ck_assert_ptr_null(strstr(s, "\tthe\t"));
	ck_assert_ptr_nonnull(strstr(s, "\nT\t0\tlion\t1\t1\n"));
	ck_assert_ptr_nonnull(strstr(s, "\nT\t0\tzebra\t2\t1\n"));
	free(s);
	field_free(fc);
	stats_free(st);
}
END_TEST

#define NWORDS	100000

/*
 * A body of NWORDS distinct words of 6 to 8 small letters after the
 * text before; the caller frees it.
 */
static char *
distinctwords(const char *before)
{
	size_t n = strlen(before) + NWORDS * 9 + 1, i, j, len, v;
	char *body, *p;

	body = malloc(n);
	ck_assert_ptr_nonnull(body);
	p = body + strlen(strcpy(body, before));
	for (i = 0; i < NWORDS; i++) {
		len = 6 + i % 3;
		for (j = 0, v = i; j < len; j++, v /= 26)
			*p++ = (char)('a' + v % 26);
		*p++ = ' ';
	}
	*p = '\0';
	return body;
}

/*
 * A distinct word takes its entry, its key and its slot among the short
 * words, and no slot in the vocabulary's own index as well: some 150
 * bytes a word, where there were 240.
 */
START_TEST(stats_add_holds_some_150_bytes_a_distinct_word)
{
	static const struct stconf only = { ST_TERMS, -1, 0 };
	struct stats *st = stats_new(&only);
	struct fieldctx *fc = field_new();
	char *body = distinctwords(""), *s;

	ck_assert_ptr_nonnull(st);
	ck_assert_ptr_nonnull(fc);
	addbody(st, fc, body);
	s = print(st, REP_TERMS, 1, 0);
	ck_assert_str_eq(s, "aaaaaa\t1\t1\n");
	free(s);
	ck_assert_uint_eq(htab_count(&st->voc), NWORDS);
	ck_assert_uint_lt(stats_bytes(st), (size_t)NWORDS * 160);
	free(body);
	field_free(fc);
	stats_free(st);
}
END_TEST

/*
 * The names alone look the words up but add none: what they hold grows
 * with the names, not with the words that are none.
 */
START_TEST(stats_add_holds_nothing_for_words_that_are_no_names)
{
	static const struct stconf only = { ST_NAMES, -1, 0 };
	struct stats *one = stats_new(&only), *many = stats_new(&only);
	struct fieldctx *fc = field_new();
	char *body = distinctwords("Marco Rubio said "), *s;

	ck_assert_ptr_nonnull(one);
	ck_assert_ptr_nonnull(many);
	ck_assert_ptr_nonnull(fc);
	ck_assert_int_eq(stats_mark(one, "said", 4, STATS_STOP), 0);
	ck_assert_int_eq(stats_mark(many, "said", 4, STATS_STOP), 0);
	addbody(one, fc, "Marco Rubio said so");
	addbody(many, fc, body);
	s = print(many, REP_NAMES, 0, 0);
	ck_assert_str_eq(s, "Marco Rubio\t1\t1\n");
	free(s);
	ck_assert_uint_eq(stats_bytes(many), stats_bytes(one));
	free(body);
	field_free(fc);
	stats_free(one);
	stats_free(many);
}
END_TEST

START_TEST(stats_print_ranks_by_count_then_key_bytes)
{
	struct stats *st = stats_new(&terms);
	char *s;

	article(st, "", NULL, 1, 5);
	words(st, 0, "putin russia moscow putin kyiv");
	article(st, "", NULL, 2, 3);
	words(st, 0, "moscow russia putin");
	s = print(st, REP_TERMS, 3, 0);
	ck_assert_str_eq(s, "putin\t3\t2\nmoscow\t2\t2\nrussia\t2\t2\n");
	free(s);
	s = print(st, REP_TERMS, 0, 1);
	ck_assert_str_eq(s, "term\tcount\tarticles\nputin\t3\t2\n"
	    "moscow\t2\t2\nrussia\t2\t2\nkyiv\t1\t1\n");
	free(s);
	s = print(st, REP_BIGRAMS, 2, 0);
	ck_assert_str_eq(s, "moscow putin\t1\t1\nmoscow russia\t1\t1\n");
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_print_lists_the_top_of_each_group)
{
	struct stats *st = stats_new(&bydate);
	long g;
	char *s;

	article(st, "2024-01-02", "2024-01-02", 1, 2);
	g = stats_group(st, "2024-01-02", 10);
	words(st, g, "b a");
	article(st, "2024-01-01", "2024-01-01", 2, 3);
	g = stats_group(st, "2024-01-01", 10);
	words(st, g, "c c a");
	s = print(st, REP_TERMS, 1, 1);
	ck_assert_str_eq(s, "date\tterm\tcount\tarticles\n"
	    "2024-01-01\tc\t2\t1\n2024-01-02\ta\t1\t1\n");
	free(s);
	stats_free(st);
}
END_TEST

/* Two halves written and merged print what the whole prints. */
START_TEST(stats_load_merges_partials_into_the_whole)
{
	struct stats *whole = stats_new(&terms), *a = stats_new(&terms);
	struct stats *b = stats_new(&terms), *m = stats_new(NULL);
	struct sterr e;
	char *pa, *pb, *both, *s1, *s2;
	enum streport r;

	article(whole, "", "2020-01-01", 1, 3);
	words(whole, 0, "x y z");
	article(whole, "", NULL, 1, 3);
	words(whole, 0, "x y z");
	article(whole, "", "2021-05-05", 2, 2);
	words(whole, 0, "z q");
	article(a, "", "2020-01-01", 1, 3);
	words(a, 0, "x y z");
	article(b, "", NULL, 1, 3);
	words(b, 0, "x y z");
	article(b, "", "2021-05-05", 2, 2);
	words(b, 0, "z q");
	pa = partial(a);
	pb = partial(b);
	both = malloc(strlen(pa) + strlen(pb) + 1);
	strcpy(both, pa);
	strcat(both, pb);
	ck_assert_int_eq(load(m, both, &e), 0);
	ck_assert_int_eq(stats_conf(m)->tables, terms.tables);
	for (r = REP_SUMMARY; r <= REP_NAMES; r++) {
		s1 = print(whole, r, 10, 0);
		s2 = print(m, r, 10, 0);
		ck_assert_str_eq(s1, s2);
		free(s1);
		free(s2);
	}
	free(pa);
	free(pb);
	free(both);
	stats_free(whole);
	stats_free(a);
	stats_free(b);
	stats_free(m);
}
END_TEST

START_TEST(stats_load_reads_an_empty_input_as_no_partial)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;

	ck_assert_int_eq(load(st, "", &e), 0);
	ck_assert_ptr_null(stats_conf(st));
	stats_free(st);
}
END_TEST

static const char good[] =
    "artstat-partial\t2\tgroup=-\ttables=terms\tstop=0000000000000000\n"
    "G\t0\t\n"
    "S\t0\t2\t7\t2\t2\t0\t40\t1\t2025-01-01\t2025-01-01\n"
    "L\t0\t3\t1\n"
    "L\t0\t4\t1\n"
    "I\t0\t00000000000000aa\t2\n"
    "T\t0\tputin\t3\t2\n"
    "end\t6\n";

/* Replaces the first occurrence of from in good by to. */
static char *
damage(const char *from, const char *to)
{
	const char *p = strstr(good, from);
	char *s;

	ck_assert_ptr_nonnull(p);
	s = malloc(sizeof(good) + strlen(to));
	memcpy(s, good, (size_t)(p - good));
	strcpy(s + (p - good), to);
	strcat(s, p + strlen(from));
	return s;
}

static void
rejects(const char *text, unsigned long line, const char *msg)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;

	errno = 0;
	ck_assert_msg(load(st, text, &e) == -1, "accepted: %s", text);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_uint_eq(e.line, line);
	ck_assert_msg(strstr(e.msg, msg) != NULL, "message \"%s\" lacks "
	    "\"%s\"", e.msg, msg);
	stats_free(st);
}

START_TEST(stats_load_rejects_damage_with_its_line)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;
	char *s;
	size_t i;
	static const struct {
		const char	*from, *to;
		unsigned long	 line;
		const char	*msg;
	} cases[] = {
		{ "artstat-partial\t2", "artstat-partial\t1", 1, "version" },
		{ "artstat-partial", "artstat-part", 1, "not a partial" },
		{ "group=-", "group=nosuch", 1, "no field" },
		{ "tables=terms", "tables=terms,terms", 1, "tables" },
		{ "stop=0000000000000000", "stop=00", 1, "stop=" },
		{ "G\t0\t\n", "G\t1\t\n", 2, "out of order" },
		{ "G\t0\t\n", "G\t0\tx\n", 2, "empty key" },
		{ "S\t0\t2\t7", "S\t1\t2\t7", 3, "not defined" },
		{ "S\t0\t2\t7", "S\t0\t02\t7", 3, "column 3 is not a count" },
		{ "\t1\t2025", "\t3\t2025", 3, "more undated" },
		{ "2025-01-01\t2025-01-01", "2025-01-01\t2024-01-01", 3,
		    "first and last" },
		{ "2025-01-01\t2025-01-01", "2025-02-30\t2025-03-01", 3,
		    "column 10 is not a date" },
		{ "L\t0\t4\t1", "L\t0\t4\t0", 5, "counts at least one" },
		{ "L\t0\t4\t1", "L\t0\t4\t1\t", 5, "expected 4" },
		{ "I\t0\t00000000000000aa", "I\t0\t00000000000000aA", 6,
		    "hex" },
		{ "T\t0\tputin\t3\t2", "T\t0\tputin\t2\t3", 7,
		    "more articles" },
		{ "T\t0\tputin\t3\t2", "B\t0\tputin\t3\t2", 7, "without that" },
		{ "T\t0\tputin", "X\t0\tputin", 7, "unknown line type" },
		{ "T\t0\tputin\t3\t2", "T\t0\tputin\t18446744073709551616\t2",
		    7, "column 4 is not a count" },
		{ "end\t6", "end\t7", 8, "counts 7 lines" },
		{ "L\t0\t4\t1", "L\t0\t4\t2", 8, "other articles" },
		{ "end\t6\n", "", 7, "ends before its end line" },
		{ "I\t0", "L\t0\t5\t1\nI\t0", 9, "counts 6 lines" },
		{ "L\t0\t4\t1", "L\t0\t3\t1", 5, "the same key as the L line" },
		{ "L\t0\t3\t1\nL\t0\t4\t1", "L\t0\t4\t1\nL\t0\t3\t1", 5,
		    "L line out of order" },
		{ "I\t0\t00000000000000aa\t2", "I\t0\t00000000000000aa\t1\n"
		    "I\t0\t00000000000000aa\t1", 7, "the same key as the I line" },
		{ "I\t0\t00000000000000aa\t2", "I\t0\t00000000000000ab\t1\n"
		    "I\t0\t00000000000000aa\t1", 7, "I line out of order" },
		{ "T\t0\tputin\t3\t2", "T\t0\tputin\t2\t1\n"
		    "T\t0\tputin\t1\t1", 8, "the same key as the T line" },
		{ "T\t0\tputin\t3\t2", "T\t0\tputin\t2\t1\n"
		    "T\t0\tput\t1\t1", 8, "T line out of order" },
		{ "T\t0\tputin", "unread\nT\t0\tputin", 7, "could not read" },
	};

	ck_assert_int_eq(load(st, good, &e), 0);
	stats_free(st);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = damage(cases[i].from, cases[i].to);
		rejects(s, cases[i].line, cases[i].msg);
		free(s);
	}
}
END_TEST

START_TEST(stats_load_rejects_a_nul_byte)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;
	char *path, *text;
	int fd;

	text = strdup(good);
	*strstr(text, "putin") = '\0';
	path = tmpwrite(text, strlen(good));
	fd = open(path, O_RDONLY);
	ck_assert_int_eq(stats_load(st, fd, 0, &e), -1);
	ck_assert_uint_eq(e.line, 7);
	ck_assert_ptr_nonnull(strstr(e.msg, "NUL"));
	close(fd);
	unlink(path);
	free(path);
	free(text);
	stats_free(st);
}
END_TEST

START_TEST(stats_load_rejects_partials_made_differently)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;
	char *other, *both;

	other = damage("group=-", "group=date");
	both = malloc(2 * sizeof(good) + 16);
	strcpy(both, good);
	strcat(both, other);
	ck_assert_int_eq(load(st, both, &e), -1);
	ck_assert_uint_eq(e.line, 9);
	ck_assert_ptr_nonnull(strstr(e.msg, "grouped by date"));
	stats_free(st);
	free(other);
	free(both);
	st = stats_new(NULL);
	other = damage("tables=terms", "tables=terms,names");
	both = malloc(2 * sizeof(good) + 16);
	strcpy(both, good);
	strcat(both, other);
	ck_assert_int_eq(load(st, both, &e), -1);
	ck_assert_uint_eq(e.line, 9);
	ck_assert_str_eq(e.msg, "partial with tables=terms,names, the first "
	    "with tables=terms");
	stats_free(st);
	free(other);
	free(both);
}
END_TEST

START_TEST(stats_load_rejects_counts_that_overflow)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;
	char *big, *both;

	big = damage("T\t0\tputin\t3\t2", "T\t0\tputin\t18446744073709551615\t2");
	both = malloc(2 * sizeof(good) + 64);
	strcpy(both, good);
	strcat(both, big);
	ck_assert_int_eq(load(st, both, &e), -1);
	ck_assert_uint_eq(e.line, 15);
	ck_assert_ptr_nonnull(strstr(e.msg, "overflows"));
	stats_free(st);
	free(big);
	free(both);
}
END_TEST

/* A partial is written in order: the groups by key, then each kind. */
START_TEST(stats_write_sorts_groups_and_keys)
{
	static const struct stconf c = { ST_TERMS | ST_BIGRAMS, FIELD_DATE,
	    0 };
	struct stats *st = stats_new(&c);
	long g;
	char *s;

	article(st, "2024-01-02", "2024-01-02", 0xbb, 2);
	g = stats_group(st, "2024-01-02", 10);
	words(st, g, "zeta alpha");
	article(st, "2024-01-01", "2024-01-01", 0xaa, 3);
	g = stats_group(st, "2024-01-01", 10);
	words(st, g, "beta zeta ab");
	s = partial(st);
	ck_assert_str_eq(s, "artstat-partial\t2\tgroup=date\t"
	    "tables=terms,bigrams\tstop=0000000000000000\n"
	    "G\t0\t2024-01-01\nG\t1\t2024-01-02\n"
	    "S\t0\t1\t3\t0\t1\t1\t18\t0\t2024-01-01\t2024-01-01\n"
	    "S\t1\t1\t2\t0\t1\t1\t12\t0\t2024-01-02\t2024-01-02\n"
	    "L\t0\t3\t1\nL\t1\t2\t1\n"
	    "I\t0\t00000000000000aa\t1\nI\t1\t00000000000000bb\t1\n"
	    "T\t0\tab\t1\t1\nT\t0\tbeta\t1\t1\nT\t0\tzeta\t1\t1\n"
	    "T\t1\talpha\t1\t1\nT\t1\tzeta\t1\t1\n"
	    "B\t0\tbeta\tzeta\t1\t1\nB\t0\tzeta\tab\t1\t1\n"
	    "B\t1\tzeta\talpha\t1\t1\n"
	    "end\t16\n");
	free(s);
	stats_free(st);
}
END_TEST

/* A partial of two groups with a line of every kind. */
static const char grouped[] =
    "artstat-partial\t2\tgroup=agency\ttables=terms,bigrams,names\t"
    "stop=0000000000000000\n"
    "G\t0\tAFP\n"
    "G\t1\tReuters\n"
    "S\t0\t1\t3\t1\t1\t0\t20\t1\t\t\n"
    "S\t1\t1\t3\t1\t1\t0\t20\t1\t\t\n"
    "L\t0\t3\t1\n"
    "L\t1\t3\t1\n"
    "I\t0\t00000000000000aa\t1\n"
    "I\t1\t00000000000000bb\t1\n"
    "T\t0\tputin\t1\t1\n"
    "T\t1\tputin\t1\t1\n"
    "B\t0\tputin\tsaid\t1\t1\n"
    "B\t1\tputin\tsaid\t1\t1\n"
    "N\t0\tVladimir Putin\t1\t1\n"
    "N\t1\tVladimir Putin\t1\t1\n"
    "end\t14\n";

/* Replaces the first occurrence of from in text by to. */
static char *
replace(const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);
	char *s;

	ck_assert_ptr_nonnull(p);
	s = malloc(strlen(text) + strlen(to) + 1);
	memcpy(s, text, (size_t)(p - text));
	strcpy(s + (p - text), to);
	strcat(s, p + strlen(from));
	return s;
}

/*
 * Every kind of line comes in the order of group and key, each key once:
 * a line twice is refused however its sums agree, as is a line out of
 * its place.
 */
START_TEST(stats_load_wants_each_key_once_in_order)
{
	struct stats *st = stats_new(NULL);
	struct sterr e;
	char *s;
	size_t i;
	static const struct {
		const char	*from, *to;
		unsigned long	 line;
		const char	*msg;
	} cases[] = {
		{ "G\t1\tReuters", "G\t1\tAFP", 3, "G line: the same key" },
		{ "G\t0\tAFP\nG\t1\tReuters", "G\t0\tReuters\nG\t1\tAFP", 3,
		    "G line out of order" },
		{ "L\t1\t3", "L\t0\t3", 7, "L line: the same key" },
		{ "I\t0\t00000000000000aa\t1\nI\t1\t00000000000000bb",
		    "I\t1\t00000000000000bb\t1\nI\t0\t00000000000000aa", 9,
		    "I line out of order" },
		{ "T\t1\tputin", "T\t0\tputin", 11, "T line: the same key" },
		{ "B\t1\tputin\tsaid", "B\t0\tputin\tsaid", 13,
		    "B line: the same key" },
		{ "B\t0\tputin\tsaid\t1\t1\n", "B\t0\tputin\tsaid\t1\t1\n"
		    "B\t0\tputin\tsa\t1\t1\n", 13, "B line out of order" },
		{ "N\t1\tVladimir", "N\t0\tVladimir", 15,
		    "N line: the same key" },
	};

	ck_assert_int_eq(load(st, grouped, &e), 0);
	stats_free(st);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = replace(grouped, cases[i].from, cases[i].to);
		rejects(s, cases[i].line, cases[i].msg);
		free(s);
	}
}
END_TEST

/* CRLF line ends are read as LF; a line over the bound is damage. */
START_TEST(stats_load_takes_crlf_and_bounds_a_line)
{
	struct stats *a = stats_new(NULL), *b = stats_new(NULL);
	struct sterr e;
	const char *p;
	char *crlf, *q, *s1, *s2;
	enum streport r;

	crlf = malloc(2 * sizeof(grouped));
	for (p = grouped, q = crlf; *p != '\0'; *q++ = *p++)
		if (*p == '\n')
			*q++ = '\r';
	*q = '\0';
	ck_assert_int_eq(load(a, grouped, &e), 0);
	ck_assert_int_eq(load(b, crlf, &e), 0);
	for (r = REP_SUMMARY; r <= REP_NAMES; r++) {
		s1 = print(a, r, 10, 0);
		s2 = print(b, r, 10, 0);
		ck_assert_str_eq(s1, s2);
		free(s1);
		free(s2);
	}
	stats_free(a);
	stats_free(b);
	a = stats_new(NULL);
	ck_assert_int_eq(loadmax(a, grouped, 24, &e), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_uint_eq(e.line, 1);
	ck_assert_str_eq(e.msg, "line longer than 24 bytes, the bound of -L");
	stats_free(a);
	a = stats_new(NULL);
	ck_assert_int_eq(loadmax(a, grouped, 80, &e), 0);
	stats_free(a);
	free(crlf);
}
END_TEST

START_TEST(near_cluster_joins_fingerprints_within_k_bits)
{
	uint64_t h[] = { 0xf0f0f0f0f0f0f0f0ULL, 0x0123456789abcdefULL,
	    0xf0f0f0f0f0f0f0f7ULL, 0x0123456789abcdefULL,
	    0xf0f0f0f0f0f0f0ffULL, 0x1111111111111111ULL };
	size_t cl[6];

	ck_assert_int_eq(near_cluster(h, 6, 3, cl), 0);
	ck_assert_uint_eq(cl[0], 0);
	ck_assert_uint_eq(cl[1], 1);
	ck_assert_uint_eq(cl[2], 0);
	ck_assert_uint_eq(cl[3], 1);
	/* 4 bits from the first, 1 from the third: joined through it. */
	ck_assert_uint_eq(cl[4], 0);
	ck_assert_uint_eq(cl[5], 5);
	ck_assert_int_eq(near_cluster(h, 6, 0, cl), 0);
	ck_assert_uint_eq(cl[2], 2);
	ck_assert_uint_eq(cl[3], 1);
	ck_assert_uint_eq(cl[4], 4);
}
END_TEST

START_TEST(near_cluster_refuses_more_bits_than_its_bound)
{
	uint64_t h[] = { 1, 2, 0xff };
	size_t cl[3];

	errno = 0;
	ck_assert_int_eq(near_cluster(h, 2, STATS_MAXBITS + 1, cl), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(near_cluster(h, 2, -1, cl), -1);
	ck_assert_int_eq(near_cluster(h, 0, STATS_MAXBITS, cl), 0);
	ck_assert_int_eq(near_cluster(h, 3, STATS_MAXBITS, cl), 0);
	ck_assert_uint_eq(cl[1], 0);
	ck_assert_uint_eq(cl[2], 0);
}
END_TEST

/* splitmix64: the same fingerprints on every machine. */
static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The bits two fingerprints differ in, counted a byte at a time. */
static int
distance(uint64_t a, uint64_t b)
{
	uint64_t x = a ^ b;

	x -= x >> 1 & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + (x >> 2 & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (int)((x * 0x0101010101010101ULL) >> 56);
}

/*
 * The clusters the slow way, without union-find: every fingerprint takes
 * the smallest label of those within bits of it, until none changes.
 */
static void
slowclusters(const uint64_t *h, size_t n, int bits, size_t *cl)
{
	size_t i, j;
	int changed;

	for (i = 0; i < n; i++)
		cl[i] = i;
	do {
		changed = 0;
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (cl[i] != cl[j] &&
				    distance(h[i], h[j]) <= bits) {
					if (cl[i] < cl[j])
						cl[j] = cl[i];
					else
						cl[i] = cl[j];
					changed = 1;
				}
	} while (changed);
}

#define NFP	1500

/* Fingerprints of four kinds: what near_cluster() must cluster right. */
static void
fingerprints(int kind, uint64_t *h, size_t n, uint64_t seed)
{
	size_t i;
	int f;

	for (i = 0; i < n; i++)
		switch (kind) {
		case 0:		/* random */
			h[i] = rnd(&seed);
			break;
		case 1:		/* a bit set one time in eight: biased, as news is */
			h[i] = rnd(&seed) & rnd(&seed) & rnd(&seed);
			break;
		case 2:		/* copies of 60, a few bits off, some equal */
			h[i] = i < 60 ? rnd(&seed) : h[rnd(&seed) % i];
			for (f = (int)(rnd(&seed) % 4); f > 0; f--)
				h[i] ^= (uint64_t)1 << rnd(&seed) % 64;
			break;
		default:	/* all alike but the low 11 bits: one bucket */
			h[i] = 0x5a5a5a5a5a5a5800ULL | (rnd(&seed) & 0x7ff);
			break;
		}
}

/* The clusters are those of every pair compared, for every bits allowed. */
START_TEST(near_cluster_finds_the_clusters_of_every_pair_compared)
{
	uint64_t *h = calloc(NFP, sizeof(*h));
	size_t *cl = calloc(NFP, sizeof(*cl)), *want = calloc(NFP,
	    sizeof(*want)), i, joined;
	int bits;

	ck_assert(h != NULL && cl != NULL && want != NULL);
	fingerprints(_i, h, NFP, 0x6e656172 + (uint64_t)_i);
	for (bits = 0; bits <= STATS_MAXBITS; bits++) {
		ck_assert_int_eq(near_cluster(h, NFP, bits, cl), 0);
		slowclusters(h, NFP, bits, want);
		for (i = joined = 0; i < NFP; i++) {
			ck_assert_msg(cl[i] == want[i],
			    "kind %d, %d bits: fingerprint %zu in cluster %zu, "
			    "not %zu", _i, bits, i, cl[i], want[i]);
			joined += cl[i] != i;
		}
		/* Random fingerprints are rarely near; the others are. */
		if (_i > 0 && bits >= 3)
			ck_assert_uint_gt(joined, 0);
	}
	free(h);
	free(cl);
	free(want);
}
END_TEST

START_TEST(stats_print_clusters_near_duplicates_earliest_first)
{
	struct stconf c = { ST_NEAR, -1, 0 };
	struct stats *st = stats_new(&c);
	struct stfig f;
	char *s;
	static const struct {
		uint64_t	 id, sim;
		int32_t		 day;
	} a[] = {
		{ 0x20, 0xff00, 100 }, { 0x10, 0xff01, 101 },
		{ 0x30, 0x00ff, STATS_NODAY }, { 0x20, 0xff00, 100 },
		{ 0x40, 0x00fe, 99 },
	};
	size_t i;

	for (i = 0; i < 5; i++) {
		memset(&f, 0, sizeof(f));
		f.id = a[i].id;
		f.simhash = a[i].sim;
		f.day = a[i].day;
		ck_assert_int_eq(stats_article(st, stats_group(st, "", 0), &f),
		    0);
	}
	s = print(st, REP_NEAR, 10, 1);
	ck_assert_str_eq(s, "cluster\tsize\tfirst\tid\tdate\tcopies\tbits\n"
	    "0000000000000020\t3\t1970-04-11\t0000000000000020\t1970-04-11\t"
	    "2\t0\n"
	    "0000000000000020\t3\t1970-04-11\t0000000000000010\t1970-04-12\t"
	    "1\t1\n"
	    "0000000000000040\t2\t1970-04-10\t0000000000000040\t1970-04-10\t"
	    "1\t0\n"
	    "0000000000000040\t2\t1970-04-10\t0000000000000030\t\t1\t1\n");
	free(s);
	stats_free(st);
}
END_TEST

START_TEST(stats_stophash_ignores_order_and_repetition)
{
	const char *a[] = { "the", "of", "and" }, *b[] = { "and", "the",
	    "of", "the" }, *c[] = { "the", "of" };
	size_t la[] = { 3, 2, 3 }, lb[] = { 3, 3, 2, 3 }, lc[] = { 3, 2 };

	ck_assert_uint_eq(stats_stophash(a, la, 3), stats_stophash(b, lb, 4));
	ck_assert_uint_ne(stats_stophash(a, la, 3), stats_stophash(c, lc, 2));
	ck_assert_uint_eq(stats_stophash(NULL, NULL, 0), 0);
}
END_TEST

START_TEST(stats_norm_folds_and_drops_a_possessive)
{
	char w[64];
	int poss;

	ck_assert_uint_eq(stats_norm(w, sizeof(w), "Putin\xe2\x80\x99s", 9,
	    &poss), 5);
	ck_assert_int_eq(memcmp(w, "putin", 5), 0);
	ck_assert_int_eq(poss, 1);
	ck_assert_uint_eq(stats_norm(w, sizeof(w), "DON\xe2\x80\x99T", 7,
	    &poss), 5);
	ck_assert_int_eq(memcmp(w, "don't", 5), 0);
	ck_assert_int_eq(poss, 0);
	ck_assert_uint_eq(stats_norm(w, sizeof(w), "'s", 2, &poss), 2);
	ck_assert_int_eq(poss, 0);
}
END_TEST

/* artstat takes the built-in lists as they stand, without stats_norm(). */
START_TEST(stats_norm_leaves_the_built_in_lists_as_they_are)
{
	const char *const *l[] = { stats_stopwords, stats_titlewords };
	char w[64];
	size_t i, j, n;
	int poss;

	for (i = 0; i < 2; i++)
		for (j = 0; l[i][j] != NULL; j++) {
			n = strlen(l[i][j]);
			ck_assert_uint_lt(n, sizeof(w));
			ck_assert_uint_eq(stats_norm(w, sizeof(w), l[i][j], n,
			    &poss), n);
			ck_assert_int_eq(memcmp(w, l[i][j], n), 0);
		}
	ck_assert_uint_gt(j, 50);
}
END_TEST

START_TEST(stats_group_keeps_one_group_per_key_escaped)
{
	struct stats *st = stats_new(&plain);

	ck_assert_int_eq(stats_group(st, "a\tb", 3), 0);
	ck_assert_int_eq(stats_group(st, "", 0), 1);
	ck_assert_int_eq(stats_group(st, "a\tb", 3), 0);
	ck_assert_int_eq(stats_group(st, "a\\tb", 4), 2);
	ck_assert_str_eq(htab_ent(&st->groups, 0)->key, "a\\tb");
	ck_assert_str_eq(htab_ent(&st->groups, 2)->key, "a\\\\tb");
	stats_free(st);
}
END_TEST

Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc;

	tc = tcase_create("stats_print");
	tcase_add_test(tc, stats_print_sums_a_summary_with_mean_and_median);
	tcase_add_test(tc, stats_add_folds_words_of_every_length_alike);
	tcase_add_test(tc, stats_add_counts_articles_across_32_bits_of_serial);
	tcase_add_test(tc, stats_add_leaves_stop_words_out_of_the_terms_alone);
	tcase_add_test(tc,
	    stats_add_counts_the_terms_alone_as_with_other_tables);
	tcase_add_test(tc, stats_print_summarises_nothing_as_zeros);
	tcase_add_test(tc,
	    stats_print_halves_an_even_median_and_rounds_the_mean);
	tcase_add_test(tc, stats_print_fills_the_days_between_dated_groups);
	tcase_add_test(tc, stats_print_fills_months_and_years_too);
	tcase_add_test(tc, stats_print_ranks_by_count_then_key_bytes);
	tcase_add_test(tc, stats_print_lists_the_top_of_each_group);
	tcase_add_test(tc, stats_print_clusters_near_duplicates_earliest_first);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats_load");
	tcase_add_test(tc, stats_load_merges_partials_into_the_whole);
	tcase_add_test(tc, stats_load_reads_an_empty_input_as_no_partial);
	tcase_add_test(tc, stats_load_rejects_damage_with_its_line);
	tcase_add_test(tc, stats_load_rejects_a_nul_byte);
	tcase_add_test(tc, stats_load_rejects_partials_made_differently);
	tcase_add_test(tc, stats_load_rejects_counts_that_overflow);
	tcase_add_test(tc, stats_load_wants_each_key_once_in_order);
	tcase_add_test(tc, stats_load_takes_crlf_and_bounds_a_line);
	tcase_add_test(tc, stats_write_sorts_groups_and_keys);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats_bytes");
	tcase_add_test(tc, stats_add_holds_some_150_bytes_a_distinct_word);
	tcase_add_test(tc, stats_add_holds_nothing_for_words_that_are_no_names);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("near_cluster");
	tcase_add_test(tc, near_cluster_joins_fingerprints_within_k_bits);
	tcase_add_test(tc, near_cluster_refuses_more_bits_than_its_bound);
	tcase_add_loop_test(tc,
	    near_cluster_finds_the_clusters_of_every_pair_compared, 0, 4);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats_stophash");
	tcase_add_test(tc, stats_stophash_ignores_order_and_repetition);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats_norm");
	tcase_add_test(tc, stats_norm_folds_and_drops_a_possessive);
	tcase_add_test(tc, stats_norm_leaves_the_built_in_lists_as_they_are);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats_group");
	tcase_add_test(tc, stats_group_keeps_one_group_per_key_escaped);
	suite_add_tcase(s, tc);
	return s;
}
