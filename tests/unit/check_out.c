/* For F_GETPIPE_SZ, where the system has it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "tests.h"

START_TEST(out_flush_writes_blocks_in_order)
{
	struct out o;
	char back[64];
	FILE *fp;
	int i;

	fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	out_init(&o, fp);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(buf_adds(&o.b, i == 1 ? "two " : "one "), 0);
		ck_assert_int_eq(out_check(&o), 0);
	}
	ck_assert_uint_eq(o.b.n, 12);
	ck_assert_int_eq(out_flush(&o), 0);
	ck_assert_uint_eq(o.b.n, 0);
	rewind(fp);
	ck_assert_uint_eq(fread(back, 1, sizeof(back), fp), 12);
	ck_assert_int_eq(memcmp(back, "one two one ", 12), 0);
	out_free(&o);
	fclose(fp);
}
END_TEST

START_TEST(out_flush_reports_write_errors)
{
	struct out o;
	FILE *fp;

	fp = fopen("/dev/full", "w");
	if (fp == NULL)
		return;
	setvbuf(fp, NULL, _IONBF, 0);
	out_init(&o, fp);
	ck_assert_int_eq(buf_adds(&o.b, "lost"), 0);
	errno = 0;
	ck_assert_int_eq(out_flush(&o), -1);
	ck_assert_int_eq(errno, ENOSPC);
	out_free(&o);
	fclose(fp);
}
END_TEST

START_TEST(out_widenpipe_widens_pipes_only)
{
	int fd[2];
	FILE *fp;
#ifdef F_GETPIPE_SZ
	int before;
#endif

	ck_assert_int_eq(pipe(fd), 0);
#ifdef F_GETPIPE_SZ
	before = fcntl(fd[1], F_GETPIPE_SZ);
	out_widenpipe(fd[1]);
	ck_assert_int_gt(fcntl(fd[1], F_GETPIPE_SZ), before);
#endif
	fp = tmpfile();
	errno = 0;
	out_widenpipe(fileno(fp));
	out_widenpipe(-1);
	ck_assert_int_eq(errno, 0);
	fclose(fp);
	close(fd[0]);
	close(fd[1]);
}
END_TEST

Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc;

	tc = tcase_create("out_flush");
	tcase_add_test(tc, out_flush_writes_blocks_in_order);
	tcase_add_test(tc, out_flush_reports_write_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("out_widenpipe");
	tcase_add_test(tc, out_widenpipe_widens_pipes_only);
	suite_add_tcase(s, tc);
	return s;
}
