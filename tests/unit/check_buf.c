#include <errno.h>
#include <stdint.h>

#include "buf.h"
#include "tests.h"

START_TEST(buf_add_appends_and_keeps_a_spare_byte)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(buf_add(&b, "abc", 3), 0);
	ck_assert_uint_eq(b.n, 3000);
	ck_assert_uint_gt(b.cap, b.n);
	buf_nul(&b);
	ck_assert_str_eq(b.p + 2997, "abc");
	buf_free(&b);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.n, 0);
}
END_TEST

START_TEST(buf_grow_refuses_impossible_sizes)
{
	struct buf b = { 0 };

	ck_assert_int_eq(buf_addc(&b, 'x'), 0);
	errno = 0;
	ck_assert_int_eq(buf_grow(&b, SIZE_MAX - 1), -1);
	ck_assert_int_eq(errno, ENOMEM);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_int_eq(b.p[0], 'x');
	buf_free(&b);
}
END_TEST

START_TEST(buf_addu_writes_decimal)
{
	struct buf b = { 0 };

	ck_assert_int_eq(buf_addu(&b, 0), 0);
	ck_assert_int_eq(buf_addc(&b, ' '), 0);
	ck_assert_int_eq(buf_addu(&b, 18446744073709551615ULL), 0);
	buf_nul(&b);
	ck_assert_str_eq(b.p, "0 18446744073709551615");
	buf_free(&b);
}
END_TEST

Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc;

	tc = tcase_create("buf_add");
	tcase_add_test(tc, buf_add_appends_and_keeps_a_spare_byte);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf_grow");
	tcase_add_test(tc, buf_grow_refuses_impossible_sizes);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf_addu");
	tcase_add_test(tc, buf_addu_writes_decimal);
	suite_add_tcase(s, tc);
	return s;
}
