#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "byline.h"
#include "tests.h"

/* Parses a byline and renders it as "authors / agencies". */
static const char *
parse(const char *s)
{
	static char out[256];
	struct buf au = { 0 }, ag = { 0 };

	ck_assert_int_eq(byline_parse(s, strlen(s), &au, &ag), 0);
	snprintf(out, sizeof(out), "%.*s / %.*s", (int)au.n,
	    au.p != NULL ? au.p : "", (int)ag.n, ag.p != NULL ? ag.p : "");
	buf_free(&au);
	buf_free(&ag);
	return out;
}

START_TEST(byline_parse_tells_authors_from_agencies)
{
	ck_assert_str_eq(parse("By Staff, Agencies"), " / Agencies");
	ck_assert_str_eq(parse("By Janie Gabbett, Reuters"),
	    "Janie Gabbett / Reuters");
	ck_assert_str_eq(parse("By Jane Doe and John Roe"),
	    "Jane Doe|John Roe / ");
	ck_assert_str_eq(parse("By A and B, Reuters"), "A|B / Reuters");
	ck_assert_str_eq(parse("By AFP staff"), " / AFP");
	ck_assert_str_eq(parse("BY Jane Doe in Moscow; Associated Press"),
	    "Jane Doe / Associated Press");
	ck_assert_str_eq(parse("By Ludwig van Beethoven & Anna de Souza / AP"),
	    "Ludwig van Beethoven|Anna de Souza / AP");
	ck_assert_str_eq(parse("By Иван Петров, ТАСС"), "Иван Петров / ТАСС");
}
END_TEST

START_TEST(byline_parse_finds_nothing_in_roles_and_prose)
{
	ck_assert_str_eq(parse(""), " / ");
	ck_assert_str_eq(parse("By"), " / ");
	ck_assert_str_eq(parse("By Staff"), " / ");
	ck_assert_str_eq(parse("By Our Moscow correspondent"), " / ");
	ck_assert_str_eq(parse("by the way it was"), " / ");
	ck_assert_str_eq(parse("By ,,, and |"), " / ");
	ck_assert_str_eq(parse("By One Two Three Four Five Six"), " / ");
	ck_assert_str_eq(parse("By \xff\xfe"), " / ");
}
END_TEST

Suite *
byline_suite(void)
{
	Suite *s = suite_create("byline");
	TCase *tc;

	tc = tcase_create("byline_parse");
	tcase_add_test(tc, byline_parse_tells_authors_from_agencies);
	tcase_add_test(tc, byline_parse_finds_nothing_in_roles_and_prose);
	suite_add_tcase(s, tc);
	return s;
}
