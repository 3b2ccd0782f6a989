#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lines.h"
#include "tests.h"

static int
openlines(struct lines *ln, const char *s, size_t n, char **path)
{
	int fd;

	*path = tmpwrite(s, n);
	fd = open(*path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(lines_init(ln, fd), 0);
	return fd;
}

static void
closelines(struct lines *ln, int fd, char *path)
{
	lines_free(ln);
	close(fd);
	unlink(path);
	free(path);
}

START_TEST(lines_next_hands_out_lines_and_a_last_one_without_newline)
{
	struct lines ln;
	char *path, *p;
	size_t n;
	int fd;

	fd = openlines(&ln, "one\n\nthree\r\nfour", 17, &path);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "one");
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "three\r");
	ck_assert_int_eq(ln.nonl, 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "four");
	ck_assert_int_eq(ln.nonl, 1);
	ck_assert_uint_eq(ln.lineno, 4);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 0);
	closelines(&ln, fd, path);
}
END_TEST

START_TEST(lines_next_grows_for_long_lines_and_finds_nuls)
{
	struct lines ln;
	size_t big = 3 * 1024 * 1024 + 7, n;
	char *s, *path, *p;
	int fd;

	s = malloc(big + 8);
	memset(s, 'a', big);
	s[big] = '\n';
	memcpy(s + big + 1, "b\0c\nd\n", 6);
	fd = openlines(&ln, s, big + 7, &path);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_uint_eq(n, big);
	ck_assert_int_eq(ln.hasnul, 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(ln.hasnul, 1);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "d");
	ck_assert_int_eq(ln.hasnul, 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 0);
	closelines(&ln, fd, path);
	free(s);
}
END_TEST

START_TEST(lines_next_tells_lines_with_bytes_to_escape)
{
	static const char s[] =
	    "plain text of some length, longer than one block of 32\n"
	    "a tab\there\n"
	    "crlf line\r\n"
	    "inner\rcr\r\n"
	    "back\\slash and more text to cross a block boundary......\n"
	    "last";
	static const int want[] = { 0, 1, 0, 1, 1, 0 };
	struct lines ln;
	char *path, *p;
	size_t n;
	int fd, i;

	fd = openlines(&ln, s, sizeof(s) - 1, &path);
	for (i = 0; i < 6; i++) {
		ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
		ck_assert_int_eq(ln.hasesc, want[i]);
		ck_assert_int_eq(ln.hasnul, 0);
	}
	ck_assert_int_eq(lines_next(&ln, &p, &n), 0);
	closelines(&ln, fd, path);
}
END_TEST

START_TEST(lines_next_skips_a_line_over_the_bound)
{
	struct lines ln;
	size_t big = 600000, n;
	char *s, *path, *p;
	int fd;

	s = malloc(big + 16);
	memcpy(s, "x\n", 2);
	memset(s + 2, 'a', big);
	memcpy(s + 2 + big, "\ny\n", 3);
	fd = openlines(&ln, s, big + 5, &path);
	ln.max = 1000;
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "x");
	errno = 0;
	ck_assert_int_eq(lines_next(&ln, &p, &n), -1);
	ck_assert_int_eq(errno, EFBIG);
	ck_assert_uint_eq(ln.lineno, 2);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "y");
	ck_assert_uint_eq(ln.lineno, 3);
	closelines(&ln, fd, path);
	free(s);
}
END_TEST

START_TEST(lines_next_reports_read_errors)
{
	struct lines ln;
	char *p;
	size_t n;
	int fd;

	fd = open(".", O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(lines_init(&ln, fd), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), -1);
	ck_assert_int_eq(errno, EISDIR);
	lines_free(&ln);
	close(fd);
}
END_TEST

START_TEST(lines_plain_takes_plain_lines_and_leaves_the_rest)
{
	static const char text[] = "first\nplain line\n\nwith crlf\r\n"
	    " lead\ntrail \ntab\there\nback\\slash\nAT&T\n<P>\nlast";
	struct lines ln;
	const char *q;
	char *path, *p;
	size_t n;
	int fd;

	fd = openlines(&ln, text, sizeof(text) - 1, &path);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "first");
	/* Looking does not take: the same line twice. */
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 10);
	ck_assert(memcmp(q, "plain line", 10) == 0);
	lines_take(&ln);
	ck_assert_uint_eq(ln.lineno, 2);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 0);
	lines_take(&ln);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 9);
	ck_assert(memcmp(q, "with crlf", 9) == 0);
	lines_take(&ln);
	/* Blanks at either end are the caller's to see. */
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 5);
	ck_assert(memcmp(q, " lead", 5) == 0);
	lines_take(&ln);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 1), 1);
	ck_assert_uint_eq(n, 6);
	ck_assert(memcmp(q, "trail ", 6) == 0);
	lines_take(&ln);
	/* Each of the others goes the general way, whole. */
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "tab\there");
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 1), 0);
	ck_assert_int_eq(ln.hasesc, 1);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "back\\slash");
	/* '&' and '<' are plain but in markup. */
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 1), 0);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "AT&T");
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 1), 0);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "<P>");
	ck_assert_uint_eq(ln.lineno, 10);
	closelines(&ln, fd, path);
}
END_TEST

START_TEST(lines_plain_wants_the_newline_in_the_buffer)
{
	struct lines ln;
	const char *q;
	char *path, *p;
	size_t n;
	int fd;

	/* The last line, without a newline, is never plain. */
	fd = openlines(&ln, "one\ntwo", 7, &path);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_str_eq(p, "two");
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), 0);
	closelines(&ln, fd, path);
	/* Nor is a line longer than the bound. */
	fd = openlines(&ln, "one\ntoo long\nok\n", 16, &path);
	ln.max = 4;
	ck_assert_int_eq(lines_next(&ln, &p, &n), 1);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 0);
	ck_assert_int_eq(lines_next(&ln, &p, &n), -1);
	ck_assert_int_eq(errno, EFBIG);
	ck_assert_int_eq(lines_plain(&ln, &q, &n, 0), 1);
	ck_assert_uint_eq(n, 2);
	closelines(&ln, fd, path);
}
END_TEST

Suite *
lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *tc;

	tc = tcase_create("lines_next");
	tcase_add_test(tc,
	    lines_next_hands_out_lines_and_a_last_one_without_newline);
	tcase_add_test(tc, lines_next_grows_for_long_lines_and_finds_nuls);
	tcase_add_test(tc, lines_next_tells_lines_with_bytes_to_escape);
	tcase_add_test(tc, lines_next_skips_a_line_over_the_bound);
	tcase_add_test(tc, lines_next_reports_read_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("lines_plain");
	tcase_add_test(tc, lines_plain_takes_plain_lines_and_leaves_the_rest);
	tcase_add_test(tc, lines_plain_wants_the_newline_in_the_buffer);
	suite_add_tcase(s, tc);
	return s;
}
