#include "date.h"
#include "tests.h"

START_TEST(date_check_accepts_real_days)
{
	int y, m, d;

	ck_assert_int_eq(date_check("2025-12-03", 10, &y, &m, &d), DATE_OK);
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(d, 3);
	ck_assert_int_eq(date_check("2024-02-29", 10, NULL, NULL, NULL),
	    DATE_OK);
	ck_assert_int_eq(date_check("2000-02-29", 10, NULL, NULL, NULL),
	    DATE_OK);
}
END_TEST

START_TEST(date_check_tells_impossible_from_malformed)
{
	ck_assert_int_eq(date_check("2025-02-29", 10, NULL, NULL, NULL),
	    DATE_IMPOSSIBLE);
	ck_assert_int_eq(date_check("1900-02-29", 10, NULL, NULL, NULL),
	    DATE_IMPOSSIBLE);
	ck_assert_int_eq(date_check("2025-13-45", 10, NULL, NULL, NULL),
	    DATE_IMPOSSIBLE);
	ck_assert_int_eq(date_check("0000-00-00", 10, NULL, NULL, NULL),
	    DATE_IMPOSSIBLE);
	ck_assert_int_eq(date_check("20251203", 8, NULL, NULL, NULL),
	    DATE_SHAPE);
	ck_assert_int_eq(date_check("12/03/2025", 10, NULL, NULL, NULL),
	    DATE_SHAPE);
	ck_assert_int_eq(date_check("2025-1-03x", 10, NULL, NULL, NULL),
	    DATE_SHAPE);
	ck_assert_int_eq(date_check("", 0, NULL, NULL, NULL), DATE_SHAPE);
}
END_TEST

START_TEST(date_days_counts_from_the_epoch)
{
	int y, m, d;
	long n;

	ck_assert_int_eq(date_days(1970, 1, 1), 0);
	ck_assert_int_eq(date_days(2000, 3, 1), 11017);
	ck_assert_int_eq(date_days(1969, 12, 31), -1);
	/* Every day from 1899 to 2101 round-trips and follows its eve. */
	for (n = date_days(1899, 1, 1); n < date_days(2101, 1, 1); n++) {
		date_civil(n, &y, &m, &d);
		ck_assert_int_eq(date_days(y, m, d), n);
		ck_assert_int_ge(d, 1);
		ck_assert_int_le(d, date_mdays(y, m));
	}
}
END_TEST

START_TEST(date_weekday_knows_the_calendar)
{
	ck_assert_int_eq(date_weekday(2025, 12, 3), 2);	/* Wednesday */
	ck_assert_int_eq(date_weekday(1970, 1, 1), 3);	/* Thursday */
	ck_assert_int_eq(date_weekday(1969, 12, 29), 0); /* Monday */
	ck_assert_int_eq(date_weekday(2024, 2, 29), 3);	/* Thursday */
}
END_TEST

Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc;

	tc = tcase_create("date_check");
	tcase_add_test(tc, date_check_accepts_real_days);
	tcase_add_test(tc, date_check_tells_impossible_from_malformed);
	suite_add_tcase(s, tc);
	tc = tcase_create("date_days");
	tcase_add_test(tc, date_days_counts_from_the_epoch);
	suite_add_tcase(s, tc);
	tc = tcase_create("date_weekday");
	tcase_add_test(tc, date_weekday_knows_the_calendar);
	suite_add_tcase(s, tc);
	return s;
}
