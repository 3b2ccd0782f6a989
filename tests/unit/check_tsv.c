#include <string.h>

#include "article.h"
#include "buf.h"
#include "tsv.h"
#include "tests.h"

START_TEST(tsv_escape_escapes_the_five_bytes_only)
{
	struct buf b = { 0 };
	const char in[] = "a\\b\tc\nd\re\0f\x01g\xffh \xe2\x80\x9cq\xe2\x80\x9d";

	ck_assert_int_eq(tsv_escape(&b, in, sizeof(in) - 1), 0);
	buf_nul(&b);
	ck_assert_str_eq(b.p,
	    "a\\\\b\\tc\\nd\\re\\0f\x01g\xffh \xe2\x80\x9cq\xe2\x80\x9d");
	buf_free(&b);
}
END_TEST

START_TEST(tsv_escape_handles_long_runs_and_edges)
{
	struct buf b = { 0 };
	char in[300];
	size_t i;

	/* Special bytes at every offset of the eight-byte blocks. */
	for (i = 0; i < sizeof(in); i++)
		in[i] = i % 13 == 0 ? '\t' : 'x';
	ck_assert_int_eq(tsv_escape(&b, in, sizeof(in)), 0);
	ck_assert_uint_eq(b.n, sizeof(in) + 24);
	ck_assert_uint_eq(tsv_unescape(b.p, b.n), sizeof(in));
	ck_assert_int_eq(memcmp(b.p, in, sizeof(in)), 0);
	buf_free(&b);
}
END_TEST

START_TEST(tsv_unescape_undoes_escape)
{
	char s[] = "x\\ty\\nz\\\\\\0\\r";
	size_t n;

	n = tsv_unescape(s, strlen(s));
	ck_assert_uint_eq(n, 8);
	ck_assert_int_eq(memcmp(s, "x\ty\nz\\\0\r", 8), 0);
}
END_TEST

START_TEST(tsv_unescape_keeps_unknown_escapes)
{
	char s[] = "a\\qb\\";

	ck_assert_uint_eq(tsv_unescape(s, strlen(s)), 5);
	ck_assert_str_eq(s, "a\\qb\\");
}
END_TEST

START_TEST(tsv_isrecord_wants_six_columns_and_an_id)
{
	const char *ok = "0123456789abcdef\t2025-01-01\tT\t\tf:1\tbody";

	ck_assert_int_eq(tsv_isrecord(ok, strlen(ok)), 1);
	ck_assert_int_eq(tsv_isrecord(ok, strlen(ok) - 5), 0);
	ck_assert_int_eq(tsv_isrecord("0123456789ABCDEF\t\t\t\t\t", 21), 0);
	ck_assert_int_eq(tsv_isrecord("0123456789abcdef\t\t\t\t\t\t", 22), 0);
	ck_assert_int_eq(tsv_isrecord(" date 2025-12-03 T", 18), 0);
	ck_assert_int_eq(tsv_isheader(tsv_header, strlen(tsv_header)), 1);
	ck_assert_int_eq(tsv_isheader("id\tdate\r", 8), 0);
}
END_TEST

START_TEST(tsv_split_fills_the_columns)
{
	char s[] = "0123456789abcdef\t2025-01-01\tA\\tB\tBy X\tf:3\tp1\\np2";
	struct article a;
	size_t n;

	memset(&a, 0, sizeof(a));
	ck_assert_int_eq(tsv_split(&a, s, strlen(s)), NCOLS);
	ck_assert_uint_eq(a.col[COL_ID].n, 16);
	ck_assert_ptr_eq(a.line, s);
	ck_assert_str_eq(article_text(&a, COL_BODY, &n), "p1\np2");
	ck_assert_ptr_null(a.line);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(memcmp(article_text(&a, COL_TITLE, &n), "A\tB", 3),
	    0);
	ck_assert_uint_eq(n, 3);
}
END_TEST

START_TEST(tsv_split_counts_wrong_columns)
{
	char three[] = "0123456789abcdef\tx\ty";
	char seven[] = "0123456789abcdef\t\t\t\t\t\tz";
	struct article a;

	ck_assert_int_eq(tsv_split(&a, three, strlen(three)), 3);
	ck_assert_int_eq(tsv_split(&a, seven, strlen(seven)), 7);
}
END_TEST

START_TEST(tsv_put_writes_a_record_line)
{
	char s[] = "0123456789abcdef\t\tA\\tB\t\tf:3\tp1\\np2";
	struct article a;
	struct buf b = { 0 };
	size_t n, len = strlen(s);

	memset(&a, 0, sizeof(a));
	ck_assert_int_eq(tsv_split(&a, s, len), NCOLS);
	/* Unchanged, the line goes out as it came... */
	ck_assert_int_eq(tsv_put(&b, &a), 0);
	ck_assert_uint_eq(b.n, len + 1);
	/* ...and unescaped columns are escaped again. */
	article_text(&a, COL_BODY, &n);
	article_text(&a, COL_TITLE, &n);
	ck_assert_int_eq(tsv_put(&b, &a), 0);
	buf_nul(&b);
	ck_assert_str_eq(b.p + len + 1,
	    "0123456789abcdef\t\tA\\tB\t\tf:3\tp1\\np2\n");
	buf_free(&b);
}
END_TEST

Suite *
tsv_suite(void)
{
	Suite *s = suite_create("tsv");
	TCase *tc;

	tc = tcase_create("tsv_escape");
	tcase_add_test(tc, tsv_escape_escapes_the_five_bytes_only);
	tcase_add_test(tc, tsv_escape_handles_long_runs_and_edges);
	suite_add_tcase(s, tc);
	tc = tcase_create("tsv_unescape");
	tcase_add_test(tc, tsv_unescape_undoes_escape);
	tcase_add_test(tc, tsv_unescape_keeps_unknown_escapes);
	suite_add_tcase(s, tc);
	tc = tcase_create("tsv_isrecord");
	tcase_add_test(tc, tsv_isrecord_wants_six_columns_and_an_id);
	suite_add_tcase(s, tc);
	tc = tcase_create("tsv_split");
	tcase_add_test(tc, tsv_split_fills_the_columns);
	tcase_add_test(tc, tsv_split_counts_wrong_columns);
	suite_add_tcase(s, tc);
	tc = tcase_create("tsv_put");
	tcase_add_test(tc, tsv_put_writes_a_record_line);
	suite_add_tcase(s, tc);
	return s;
}
