/*
 * The readers behind artin_next(): article text, records, and telling
 * them apart.  Each case parses a whole input and compares a summary of
 * every article (date, title, byline, body, start line) and the warnings.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "input.h"
#include "tsv.h"
#include "tests.h"

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	struct buf *w = arg;
	char num[64];

	(void)file;
	snprintf(num, sizeof(num), "%lu:%s:", line, lost ? "lost" : "kept");
	buf_adds(w, num);
	buf_adds(w, msg);
	buf_addc(w, '\n');
}

/* One line per article: date, title, byline, body, start line. */
static void
summarise(struct buf *o, struct article *a)
{
	static const enum column cols[] = {
		COL_DATE, COL_TITLE, COL_BYLINE, COL_BODY
	};
	const char *p;
	size_t i, n;

	for (i = 0; i < 4; i++) {
		p = article_text(a, cols[i], &n);
		tsv_escape(o, p, n);
		buf_addc(o, '|');
	}
	buf_addu(o, a->lineno);
	buf_addc(o, '\n');
}

static char *warnings;
static size_t maxbytes;		/* the bound parse() sets, 0 for none */

static char *
parse(const char *s, size_t n, enum artfmt fmt, enum artfmt *told)
{
	static struct buf o, w;
	struct artin *in;
	struct article *a;
	char *path;
	int r;

	o.n = w.n = 0;
	buf_addc(&o, '\0');
	o.n = 0;
	buf_addc(&w, '\0');
	w.n = 0;
	path = tmpwrite(s, n);
	in = artin_open(path, fmt);
	ck_assert_ptr_nonnull(in);
	artin_onwarn(in, onwarn, &w);
	artin_setmax(in, maxbytes);
	while ((r = artin_next(in, &a)) == 1)
		summarise(&o, a);
	ck_assert_int_eq(r, 0);
	if (told != NULL)
		*told = artin_format(in);
	artin_close(in);
	unlink(path);
	free(path);
	buf_nul(&o);
	buf_nul(&w);
	warnings = w.p;
	return o.p;
}

#define PARSE(s)	parse((s), sizeof(s) - 1, FMT_AUTO, NULL)

START_TEST(artin_next_splits_at_headers_and_form_feeds)
{
	ck_assert_str_eq(PARSE(
	    " date 2025-12-03 One\n\nBy Staff, Agencies\n\nP1 a\nP1 b\n\n\n"
	    "P2\ndate 2025-12-04 Two\nQ1\n\f\nHeadless\n\nR1\n"
	    "\fdate - Four\n\nS1\f\nT\n"),
	    "2025-12-03|One|By Staff, Agencies|P1 a P1 b\\nP2|1\n"
	    "2025-12-04|Two||Q1|10\n"
	    "|Headless||R1|13\n"
	    "|Four||S1|16\n"
	    "|T|||19\n");
	ck_assert_str_eq(warnings, "");
}
END_TEST

/* A line held back for the next article keeps its form feeds. */
START_TEST(artin_next_keeps_the_form_feed_of_a_held_line)
{
	ck_assert_str_eq(PARSE(
	    "date - A\n\nx\ndate - B\f\nC\n\fD\f\nE\n"),
	    "|A||x|1\n"
	    "|B|||4\n"
	    "|C|||5\n"
	    "|D|||6\n"
	    "|E|||7\n");
}
END_TEST

START_TEST(artin_next_reads_headerless_text_and_layout_noise)
{
	ck_assert_str_eq(PARSE(
	    "\xef\xbb\xbf  Title line  \r\n\r\n\tpara one\t\r\n  wrapped \r\n"
	    "\r\n  \r\npara\ttwo\x01 \\ end"),
	    "|Title line||para one wrapped\\npara\\ttwo\x01 \\\\ end|1\n");
	ck_assert_str_eq(PARSE(""), "");
	ck_assert_str_eq(PARSE("\n \n\t\r\n"), "");
}
END_TEST

START_TEST(artin_next_tells_a_byline_from_a_sentence)
{
	ck_assert_str_eq(PARSE(
	    "date - A\n\nBy Tuesday, the talks had collapsed.\n\nx\n"
	    "date - B\n\nBY JANE DOE AND JOHN ROE, REUTERS\nwrapped\n\nx\n"
	    "date - C\nby AFP staff\n\nx\n"
	    "date - D\n\nBystanders said so\n"
	    "date - E\n\nBy Jane Doe\n"),
	    "|A||By Tuesday, the talks had collapsed.\\nx|1\n"
	    "|B||BY JANE DOE AND JOHN ROE, REUTERS wrapped\\nx|6\n"
	    "|C|by AFP staff|x|12\n"
	    "|D||Bystanders said so|16\n"
	    "|E|By Jane Doe||19\n");
}
END_TEST

START_TEST(artin_next_recovers_bad_headers)
{
	ck_assert_str_eq(PARSE(
	    "date 2025-02-30 Leap\n\nx\n\n"
	    "date 12/03/2025 Slash\n\nx\n\n"
	    "date Nodate Title\n\nx\n"
	    "date 2025-12-03\n\nx\n\n"
	    "a wrapped line that goes on to the\n"
	    "date Nothing for a header here\n"),
	    "|Leap||x|1\n"
	    "|Slash||x|5\n"
	    "|Nodate Title||x|9\n"
	    "2025-12-03|||x\\na wrapped line that goes on to the "
	    "date Nothing for a header here|12\n");
	ck_assert_str_eq(warnings,
	    "1:kept:2025-02-30 is not a real date; the article is kept "
	    "without a date\n"
	    "5:kept:date 12/03/2025 is not of the form YYYY-MM-DD; the article "
	    "is kept without a date\n"
	    "9:kept:header has no date; the article is kept without one\n"
	    "12:kept:header has no title\n");
}
END_TEST

START_TEST(artin_next_keeps_nul_bytes_and_says_so)
{
	static const char s[] = "date - N\n\na\0b\n";

	ck_assert_str_eq(parse(s, sizeof(s) - 1, FMT_AUTO, NULL),
	    "|N||a\\0b|1\n");
	ck_assert_str_eq(warnings, "3:kept:NUL byte kept as \\0\n");
}
END_TEST

START_TEST(artin_next_reads_records_and_skips_damage)
{
	enum artfmt told;

	ck_assert_str_eq(parse(
	    "id\tdate\ttitle\tbyline\torigin\tbody\n"
	    "0123456789abcdef\t2025-01-02\tT\\tx\tBy A\tf:1\tp\\\\1\\np2\r\n"
	    "0123456789abcdef\tonly three\tcolumns\n"
	    "0123456789abcdeX\t\t\t\t\t\n"
	    "\n"
	    "0123456789abcdef\t2025-02-30\tT\t\tf:9\t\n", 180, FMT_AUTO, &told),
	    "2025-01-02|T\\tx|By A|p\\\\1\\np2|2\n"
	    "|T|||6\n");
	ck_assert_int_eq(told, FMT_RECORDS);
	ck_assert_str_eq(warnings,
	    "3:lost:expected 6 tab-separated columns, found 3; line skipped\n"
	    "4:lost:column 1 is not an id of 16 lowercase hex digits; line "
	    "skipped\n"
	    "6:kept:column 2: 2025-02-30 is not a date; the article is kept "
	    "without one\n");
}
END_TEST

START_TEST(artin_next_reads_the_format_it_is_told)
{
	enum artfmt told;
	static const char rec[] = "0123456789abcdef\t\tT\t\tf:1\tb\n";

	ck_assert_str_eq(parse(rec, sizeof(rec) - 1, FMT_TEXT, &told),
	    "|0123456789abcdef\\t\\tT\\t\\tf:1\\tb|||1\n");
	ck_assert_int_eq(told, FMT_TEXT);
	ck_assert_str_eq(parse("x\n", 2, FMT_RECORDS, &told), "");
	ck_assert_str_eq(warnings, "1:lost:expected 6 tab-separated columns, "
	    "found 1; line skipped\n");
}
END_TEST

START_TEST(artin_open_fails_on_missing_files)
{
	errno = 0;
	ck_assert_ptr_null(artin_open("/nonexistent/artkit", FMT_AUTO));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(artfmt_name(FMT_RECORDS), "records");
	ck_assert_int_eq(artfmt_byname("text"), FMT_TEXT);
	ck_assert_int_eq(artfmt_byname("sgml?"), -1);
}
END_TEST

/*
 * A line over the bound takes its article with it, up to the next one;
 * its first bytes still tell whether it begins an article, so a header
 * or a form feed there ends the article before, which is kept whole.
 */
START_TEST(artin_setmax_skips_the_article_of_an_overlong_line)
{
	maxbytes = 20;
	ck_assert_str_eq(PARSE(
	    "date - A\n\na\ndate - B 0123456789 0123456789\n\nb\n\n"
	    "date - C\n\nc 0123456789 0123456789 0123456789\nc2\n\n"
	    "date - D\n\nd\n\ndate x 0123456789 0123456789\ne\n\f\n"
	    "F\n\nf\ndate - G\n0123456789 0123456789 0123456789 \f\n"
	    "H\n\nh\n\f0123456789 0123456789 0123456789\ni\n"),
	    "|A||a|1\n"
	    "|D||d|13\n"
	    "|F||f|20\n"
	    "|H||h|25\n");
	ck_assert_str_eq(warnings,
	    "4:lost:line longer than 20 bytes; the article begun at line 4 "
	    "skipped\n"
	    "10:lost:line longer than 20 bytes; the article begun at line 8 "
	    "skipped\n"
	    "17:lost:line longer than 20 bytes; the article begun at line 17 "
	    "skipped\n"
	    "24:lost:line longer than 20 bytes; the article begun at line 23 "
	    "skipped\n"
	    "28:lost:line longer than 20 bytes; the article begun at line 28 "
	    "skipped\n");
	maxbytes = 0;
}
END_TEST

START_TEST(artin_setmax_skips_overlong_articles)
{
	maxbytes = 40;
	ck_assert_str_eq(PARSE(
	    "date - A\n\nshort\n\n"
	    "date - B\n\n0123456789\n0123456789\n\n0123456789\n"
	    "0123456789\n\n0123456789\n"
	    "date - C\n\nc\n"
	    "date - D\n\n0123456789 0123456789 0123456789 0123456789\n"
	    "more\n\fE\nbody\n\f\n"
	    "F\n0123456789012345678901234567890123456789\n"
	    "date - G\n\n012345678901234567890123456789\n"
	    "012345678901234567890123456789\nx\f\nH\n\nh\n"),
	    "|A||short|1\n"
	    "|C||c|14\n"
	    "|E||body|21\n"
	    "|H||h|31\n");
	ck_assert_str_eq(warnings,
	    "5:lost:article longer than 40 bytes skipped\n"
	    "19:lost:line longer than 40 bytes; the article begun at line 17 "
	    "skipped\n"
	    "24:lost:article longer than 40 bytes skipped\n"
	    "26:lost:article longer than 40 bytes skipped\n");
	maxbytes = 0;
}
END_TEST

START_TEST(artin_parsesize_reads_sizes_and_suffixes)
{
	size_t v = 99;

	ck_assert_int_eq(artin_parsesize("0", &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(artin_parsesize("1234", &v), 0);
	ck_assert_uint_eq(v, 1234);
	ck_assert_int_eq(artin_parsesize("3k", &v), 0);
	ck_assert_uint_eq(v, 3072);
	ck_assert_int_eq(artin_parsesize("64M", &v), 0);
	ck_assert_uint_eq(v, ARTIN_MAXDEFAULT);
	ck_assert_int_eq(artin_parsesize("2G", &v), 0);
	ck_assert_uint_eq(v, (size_t)2 << 30);
}
END_TEST

START_TEST(artin_parsesize_refuses_what_is_not_a_size)
{
	static const char *const bad[] = {
		"", "-1", "x", "1x", "1kk", "1K", " 1", "1 ", "k"
	};
	size_t i, v = 7;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		ck_assert_int_eq(artin_parsesize(bad[i], &v), -1);
		ck_assert_int_eq(errno, EINVAL);
	}
	errno = 0;
	ck_assert_int_eq(artin_parsesize("99999999999999999999999", &v), -1);
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_int_eq(artin_parsesize("18446744073709551615G", &v), -1);
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_uint_eq(v, 7);
}
END_TEST

Suite *
input_suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc;

	tc = tcase_create("artin_next");
	tcase_add_test(tc, artin_next_splits_at_headers_and_form_feeds);
	tcase_add_test(tc, artin_next_keeps_the_form_feed_of_a_held_line);
	tcase_add_test(tc, artin_next_reads_headerless_text_and_layout_noise);
	tcase_add_test(tc, artin_next_tells_a_byline_from_a_sentence);
	tcase_add_test(tc, artin_next_recovers_bad_headers);
	tcase_add_test(tc, artin_next_keeps_nul_bytes_and_says_so);
	tcase_add_test(tc, artin_next_reads_records_and_skips_damage);
	tcase_add_test(tc, artin_next_reads_the_format_it_is_told);
	suite_add_tcase(s, tc);
	tc = tcase_create("artin_open");
	tcase_add_test(tc, artin_open_fails_on_missing_files);
	suite_add_tcase(s, tc);
	tc = tcase_create("artin_setmax");
	tcase_add_test(tc, artin_setmax_skips_the_article_of_an_overlong_line);
	tcase_add_test(tc, artin_setmax_skips_overlong_articles);
	suite_add_tcase(s, tc);
	tc = tcase_create("artin_parsesize");
	tcase_add_test(tc, artin_parsesize_reads_sizes_and_suffixes);
	tcase_add_test(tc, artin_parsesize_refuses_what_is_not_a_size);
	suite_add_tcase(s, tc);
	return s;
}
