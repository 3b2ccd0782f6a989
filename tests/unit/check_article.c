#include <string.h>

#include "article.h"
#include "buf.h"
#include "hash.h"
#include "tsv.h"
#include "tests.h"

/* An article over record columns, as the records reader makes it. */
static void
fromrecord(struct article *a, char *line)
{
	memset(a, 0, sizeof(*a));
	ck_assert_int_eq(tsv_split(a, line, strlen(line)), NCOLS);
}

START_TEST(article_text_unescapes_once)
{
	char line[] = "0123456789abcdef\t\tT\t\tf:1\ta\\\\n";
	struct article a;
	size_t n;

	fromrecord(&a, line);
	ck_assert_str_eq(article_text(&a, COL_BODY, &n), "a\\n");
	/* A second call must not unescape the result again. */
	ck_assert_str_eq(article_text(&a, COL_BODY, &n), "a\\n");
	ck_assert_uint_eq(n, 3);
}
END_TEST

START_TEST(article_text_gives_empty_columns)
{
	char line[] = "0123456789abcdef\t\t\t\t\t";
	struct article a;
	size_t n = 99;

	fromrecord(&a, line);
	article_text(&a, COL_BYLINE, &n);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(article_id_hashes_the_content_columns_only)
{
	char r1[] = "0000000000000000\t2025-01-01\tT\tBy A\tx:1\tp1\\np2";
	char r2[] = "ffffffffffffffff\t2025-01-01\tT\tBy A\ty:99\tp1\\np2";
	char r3[] = "0000000000000000\t2025-01-01\tT\tBy A\tx:1\tp1 p2";
	char r4[] = "0000000000000000\t2025-01-02\tT\tBy A\tx:1\tp1\\np2";
	struct article a;
	uint64_t h1, h2, h3, h4;

	fromrecord(&a, r1);
	h1 = article_id(&a);
	fromrecord(&a, r2);
	h2 = article_id(&a);
	fromrecord(&a, r3);
	h3 = article_id(&a);
	fromrecord(&a, r4);
	h4 = article_id(&a);
	ck_assert_uint_eq(h1, h2);
	ck_assert_uint_ne(h1, h3);
	ck_assert_uint_ne(h1, h4);
}
END_TEST

/* The id is the hash of columns 2, 3, 4 and 6 as written, joined by tabs. */
START_TEST(article_id_is_the_hash_of_the_written_columns)
{
	char line[] = "0000000000000000\t2025-01-01\tA\\tB\tBy A\tx:1\tp1\\np2";
	const char *cols = "2025-01-01\tA\\tB\tBy A\tp1\\np2";
	struct article a;
	uint64_t h;
	size_t n;

	fromrecord(&a, line);
	h = article_id(&a);
	ck_assert_uint_eq(h, hash64(cols, strlen(cols), 0));
	/* Unescaped columns give the same id. */
	article_text(&a, COL_TITLE, &n);
	article_text(&a, COL_BODY, &n);
	ck_assert_uint_eq(article_id(&a), h);
}
END_TEST

START_TEST(article_puttext_writes_the_canonical_form)
{
	char r1[] = "0123456789abcdef\t\tTwo\\nlines\tBy A\tx:1\tp1\\np2";
	char r2[] = "0123456789abcdef\t2025-01-01\tT\t\tx:1\t";
	struct article a;
	struct buf b = { 0 };

	fromrecord(&a, r1);
	ck_assert_int_eq(article_puttext(&b, &a), 0);
	fromrecord(&a, r2);
	ck_assert_int_eq(article_puttext(&b, &a), 0);
	buf_nul(&b);
	ck_assert_str_eq(b.p, "date - Two lines\n\nBy A\n\np1\n\np2\n"
	    "date 2025-01-01 T\n");
	buf_free(&b);
}
END_TEST

/* Read back, a one-line By paragraph would become the byline. */
START_TEST(article_puttext_wraps_a_first_paragraph_that_reads_as_a_byline)
{
	char r1[] = "0123456789abcdef\t\tT\t\tx:1\tBy the way\nBy the way";
	char r2[] = "0123456789abcdef\t\tT\tBy X\tx:1\tBy the way";
	struct article a;
	struct buf b = { 0 };

	fromrecord(&a, r1);
	ck_assert_int_eq(article_puttext(&b, &a), 0);
	fromrecord(&a, r2);
	ck_assert_int_eq(article_puttext(&b, &a), 0);
	buf_nul(&b);
	ck_assert_str_eq(b.p, "date - T\n\nBy the\nway\n\nBy the way\n"
	    "date - T\n\nBy X\n\nBy the way\n");
	buf_free(&b);
}
END_TEST

Suite *
article_suite(void)
{
	Suite *s = suite_create("article");
	TCase *tc;

	tc = tcase_create("article_text");
	tcase_add_test(tc, article_text_unescapes_once);
	tcase_add_test(tc, article_text_gives_empty_columns);
	suite_add_tcase(s, tc);
	tc = tcase_create("article_id");
	tcase_add_test(tc, article_id_hashes_the_content_columns_only);
	tcase_add_test(tc, article_id_is_the_hash_of_the_written_columns);
	suite_add_tcase(s, tc);
	tc = tcase_create("article_puttext");
	tcase_add_test(tc, article_puttext_writes_the_canonical_form);
	tcase_add_test(tc,
	    article_puttext_wraps_a_first_paragraph_that_reads_as_a_byline);
	suite_add_tcase(s, tc);
	return s;
}
