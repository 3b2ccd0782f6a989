/*
 * The matcher: fixed strings, expressions, case folding, words, lines,
 * and the search over raw records that lets a reader pass lines over.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "input.h"
#include "lines.h"
#include "match.h"
#include "tests.h"

/* A matcher with the patterns given, up to a NULL. */
static struct matcher *
mk(int flags, ...)
{
	struct matcher *m;
	const char *p;
	va_list ap;

	setlocale(LC_CTYPE, "C.UTF-8");
	m = match_new(flags);
	ck_assert_ptr_nonnull(m);
	va_start(ap, flags);
	while ((p = va_arg(ap, const char *)) != NULL)
		ck_assert_int_eq(match_add(m, p, strlen(p)), 0);
	va_end(ap);
	return m;
}

/* The first match at or after from, as "so-eo:pat", or "none". */
static const char *
find(struct matcher *m, const char *t, size_t from)
{
	static char s[64];
	struct match mm;
	int r;

	r = match_find(m, t, strlen(t), from, &mm);
	ck_assert_int_ge(r, 0);
	if (r == 0)
		return "none";
	snprintf(s, sizeof(s), "%zu-%zu:%zu", mm.so, mm.eo, mm.pat);
	return s;
}

START_TEST(match_add_takes_a_pattern_a_line)
{
	struct matcher *m = mk(0, "Putin\nPokrovsk", "", NULL);

	ck_assert_uint_eq(match_npat(m), 3);
	ck_assert_str_eq(find(m, "in Pokrovsk", 0), "0-0:2");
	match_free(m);
}
END_TEST

START_TEST(match_add_rejects_a_bad_expression_with_its_reason)
{
	struct matcher *m = mk(0, NULL);

	errno = 0;
	ck_assert_int_eq(match_add(m, "Putin(", 6), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_ptr_nonnull(strstr(match_error(m), "("));
	ck_assert_int_eq(match_add(m, "a\0b", 3), -1);
	ck_assert_int_eq(errno, EINVAL);
	match_free(m);
	m = mk(MATCH_FIXED, NULL);
	ck_assert_int_eq(match_add(m, "Putin(", 6), 0);
	match_free(m);
}
END_TEST

START_TEST(match_add_refuses_expressions_too_costly_to_run)
{
	static const char *const bad[] = {
		"(a*)*\\1b", "(.)\\9", "a{1,4001}", "(a{1,100}){1,100}",
		"(ab|cd|ef|gh|ij){1,1000}", "((x{10}){10}){41}",
		"A++++++++++++++++++++++++++++++++", "((a+)+)+{1,600}",
		"a{1,2000}b{1,2000}c"
	};
	static const char *const good[] = {
		"\\.\\(\\[", "[\\1]", "a{1,4000}", "(a{1,10}){1,100}",
		"(ab|cd){2,1000}", "a{3,}b{0}", "(a)(b)*", "a+b+c+", "(x+)+"
	};
	struct matcher *m = mk(0, NULL);
	char deep[601];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		ck_assert_int_eq(match_add(m, bad[i], strlen(bad[i])), -1);
		ck_assert_int_eq(errno, EINVAL);
	}
	ck_assert_str_eq(match_error(m), "the repetition counts make more "
	    "than 4000 copies of the expression's characters");
	ck_assert_int_eq(match_add(m, bad[0], strlen(bad[0])), -1);
	ck_assert_str_eq(match_error(m), "back-references (\\1 to \\9) are "
	    "not supported");
	memset(deep, '(', 300);
	deep[300] = 'a';
	memset(deep + 301, ')', 300);
	ck_assert_int_eq(match_add(m, deep + 45, 255 + 1 + 255), 0);
	ck_assert_int_eq(match_add(m, deep + 44, 256 + 1 + 256), -1);
	ck_assert_str_eq(match_error(m), "groups nested more than 255 deep");
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_int_eq(match_add(m, good[i], strlen(good[i])), 0);
	match_free(m);
}
END_TEST

START_TEST(match_find_runs_expressions_on_long_paragraphs_in_pieces)
{
	struct matcher *m = mk(0, "a.*c", "x[^y]*z", NULL);
	size_t big = 6000, i;
	char *s = malloc(big + 1);

	/* No match: regexec would take time in the square of the length. */
	for (i = 0; i < big; i++)
		s[i] = "ab"[i % 2];
	s[big] = '\0';
	ck_assert_str_eq(find(m, s, 0), "none");
	/*
	 * A match is found in the first piece that holds one whole: a long
	 * one, shorter.
	 */
	s[5000] = 'c';
	ck_assert_str_eq(find(m, s, 0), "2048-5001:0");
	memset(s, 'x', big);
	s[big - 1] = 'z';
	ck_assert_str_eq(find(m, s, 0), "2048-6000:1");
	memcpy(s + 1000, "xxxz", 4);
	ck_assert_str_eq(find(m, s, 0), "0-1004:1");
	free(s);
	match_free(m);
}
END_TEST

/*
 * A paragraph longer than regexec(3) can count, 2 GiB of NUL bytes and
 * more, mapped but not written, so that it takes no memory: the match
 * near its end is found.
 */
START_TEST(match_find_searches_paragraphs_over_2_gib)
{
	static const int flags[] = { 0, 0, MATCH_WORD };
	static const char *const res[] = { "Q[0-9]Q", "Q[0-9]+Q",
	    "\\bQ[0-9]Q" };
	size_t big = ((size_t)1 << 31) + ((size_t)1 << 20), at = big - 1000;
	struct matcher *m;
	struct match mm;
	char *t;
	int i;

	if (SIZE_MAX >> 31 < 2)
		return;
	t = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ck_assert_ptr_ne(t, MAP_FAILED);
	t[10] = 'Q';
	memcpy(t + at, "Q9Q", 3);
	for (i = 0; i < 3; i++) {
		m = mk(flags[i], res[i], NULL);
		ck_assert_int_eq(match_find(m, t, big, 0, &mm), 1);
		ck_assert_uint_eq(mm.so, at);
		ck_assert_uint_eq(mm.eo, at + 3);
		match_free(m);
	}
	munmap(t, big);
}
END_TEST

START_TEST(match_find_takes_the_leftmost_then_longest_match)
{
	struct matcher *m = mk(MATCH_FIXED, "b", "abc", "ab", NULL);

	ck_assert_str_eq(find(m, "xxabcd", 0), "2-5:1");
	ck_assert_str_eq(find(m, "xxabcd", 3), "3-4:0");
	ck_assert_str_eq(find(m, "xxabcd", 4), "none");
	ck_assert_str_eq(find(m, "", 0), "none");
	match_free(m);
}
END_TEST

START_TEST(match_find_reads_fixed_strings_as_they_are)
{
	struct matcher *m = mk(MATCH_FIXED, "U.S.", NULL);

	ck_assert_str_eq(find(m, "the US, the U.S.", 0), "12-16:0");
	ck_assert_str_eq(find(m, "the UKSA", 0), "none");
	match_free(m);
	m = mk(0, "U.S.", NULL);
	ck_assert_str_eq(find(m, "the UKSA", 0), "4-8:0");
	match_free(m);
}
END_TEST

START_TEST(match_find_runs_expressions_behind_their_strings)
{
	struct matcher *m = mk(0, "colou?r", "ab+c", "x{0,2}yz", NULL);

	ck_assert_str_eq(find(m, "a color", 0), "2-7:0");
	ck_assert_str_eq(find(m, "a colour", 0), "2-8:0");
	ck_assert_str_eq(find(m, "an abbbc", 0), "3-8:1");
	ck_assert_str_eq(find(m, "an ac", 0), "none");
	ck_assert_str_eq(find(m, "yz", 0), "0-2:2");
	match_free(m);
	m = mk(0, "(Putin|Zelensky) said", "[Pp]okrovsk", "a\\.b|c\\|d", NULL);
	ck_assert_str_eq(find(m, "Zelensky said so", 0), "0-13:0");
	ck_assert_str_eq(find(m, "Putin  said", 0), "none");
	ck_assert_str_eq(find(m, "near pokrovsk", 0), "5-13:1");
	ck_assert_str_eq(find(m, "axb c|d", 0), "4-7:2");
	ck_assert_str_eq(find(m, "a.b", 0), "0-3:2");
	match_free(m);
}
END_TEST

START_TEST(match_find_keeps_expressions_inside_a_paragraph)
{
	struct matcher *m = mk(0, "talks.*Moscow", "^Ushakov", "said$", NULL);

	ck_assert_str_eq(find(m, "talks\nin Moscow", 0), "none");
	ck_assert_str_eq(find(m, "talks in Moscow", 0), "0-15:0");
	ck_assert_str_eq(find(m, "Yuri Ushakov", 0), "none");
	ck_assert_str_eq(find(m, "Yuri\nUshakov", 0), "5-12:1");
	ck_assert_str_eq(find(m, "xUshakov", 1), "none");
	ck_assert_str_eq(find(m, "he said\nno", 0), "3-7:2");
	ck_assert_str_eq(find(m, "he said no", 0), "none");
	match_free(m);
}
END_TEST

START_TEST(match_find_folds_ascii_and_utf8_letters)
{
	struct matcher *m = mk(MATCH_FIXED | MATCH_ICASE, "путин", "élysée",
	    "αθήνα", "Pokrovsk", NULL);

	ck_assert_str_eq(find(m, "ПУТИН", 0), "0-10:0");
	ck_assert_str_eq(find(m, "the ÉLYSÉE", 0), "4-12:1");
	ck_assert_str_eq(find(m, "ΑΘΉΝΑ", 0), "0-10:2");
	ck_assert_str_eq(find(m, "POKROVSK", 0), "0-8:3");
	ck_assert_str_eq(find(m, "ELYSEE PYTIN", 0), "none");
	match_free(m);
	m = mk(MATCH_ICASE, "пут[иі]н|Élysée", NULL);
	ck_assert_str_eq(find(m, "x ПУТИН", 0), "2-12:0");
	ck_assert_str_eq(find(m, "ÉLYSÉE", 0), "0-8:0");
	match_free(m);
}
END_TEST

START_TEST(match_find_takes_words_of_letters_and_digits_of_any_script)
{
	struct matcher *m = mk(MATCH_FIXED | MATCH_WORD, "Putin", NULL);

	ck_assert_str_eq(find(m, "Putinism and Putin’s", 0), "13-18:0");
	ck_assert_str_eq(find(m, "жPutin Putin2 _Putin_", 0), "16-21:0");
	ck_assert_str_eq(find(m, "ÉPutin", 0), "none");
	match_free(m);
	m = mk(MATCH_WORD, "ab|abcd", NULL);
	ck_assert_str_eq(find(m, "abcde ab", 0), "6-8:0");
	ck_assert_str_eq(find(m, "abcd ab", 0), "0-4:0");
	match_free(m);
	m = mk(MATCH_WORD, "ab(-cd)?", NULL);
	ck_assert_str_eq(find(m, "ab-cdx", 0), "0-2:0");
	ck_assert_str_eq(find(m, "xab-cd ab-cd", 0), "7-12:0");
	ck_assert_str_eq(find(m, "abab", 0), "none");
	match_free(m);
}
END_TEST

START_TEST(match_find_takes_whole_lines_as_paragraphs)
{
	struct matcher *m = mk(MATCH_FIXED | MATCH_LINE, "By Staff", NULL);

	ck_assert_str_eq(find(m, "By Staff, Agencies", 0), "none");
	ck_assert_str_eq(find(m, "x\nBy Staff\ny", 0), "2-10:0");
	ck_assert_str_eq(find(m, "By Staff", 0), "0-8:0");
	match_free(m);
	m = mk(MATCH_LINE, "By [A-Z][a-z]+", NULL);
	ck_assert_str_eq(find(m, "By Staff, Agencies\nBy Reuters", 0),
	    "19-29:0");
	match_free(m);
}
END_TEST

START_TEST(match_findpat_looks_for_one_pattern)
{
	struct matcher *m = mk(0, "Putin", "Pokrovsk", NULL);
	struct match mm;
	const char *t = "Putin near Pokrovsk";

	ck_assert_int_eq(match_findpat(m, 1, t, strlen(t), 0, &mm), 1);
	ck_assert_uint_eq(mm.so, 11);
	ck_assert_uint_eq(mm.pat, 1);
	ck_assert_int_eq(match_findpat(m, 0, t, strlen(t), 1, &mm), 0);
	match_free(m);
}
END_TEST

START_TEST(match_rarest_prefers_rare_bytes)
{
	struct matcher *m = mk(MATCH_FIXED, "the", "Pokrovsk", "and", NULL);

	ck_assert_uint_eq(match_rarest(m), 1);
	match_free(m);
	m = mk(0, ".*", "here", NULL);
	ck_assert_uint_eq(match_rarest(m), 1);
	match_free(m);
}
END_TEST

START_TEST(match_scanprep_needs_a_string_in_every_pattern)
{
	struct matcher *m = mk(0, "Putin", "a.*b", NULL);

	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_int_eq(match_scanprep(m, 0), 0);
	match_free(m);
	m = mk(0, "Putin", ".*", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), -1);
	ck_assert_int_eq(errno, 0);
	ck_assert_int_eq(match_scanprep(m, 0), 0);
	ck_assert_int_eq(match_scanprep(m, 1), -1);
	match_free(m);
	m = mk(MATCH_FIXED, "\t\\", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), -1);
	match_free(m);
}
END_TEST

START_TEST(match_scan_finds_strings_in_escaped_records)
{
	struct matcher *m = mk(MATCH_FIXED | MATCH_ICASE, "putin\tsaid",
	    "élysée", NULL);
	const char *t = "x\tThe PUTIN\\tsaid\ny\tL'ÉLYSÉE\nz\tno\n";
	const char *end = t + strlen(t);

	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_ptr_eq(match_scan(m, t, end, 1), t + 6);
	ck_assert_ptr_eq(match_scan(m, t + 18, end, 1), t + 22);
	ck_assert_ptr_null(match_scan(m, t + 33, end, 1));
	ck_assert_ptr_eq(match_scan(m, t, end, 2), t + 6);
	match_free(m);
}
END_TEST

START_TEST(match_scanlast_tells_a_whole_pattern_from_a_part_of_one)
{
	const char *t = "x\tPutin said\n";
	const char *end = t + strlen(t);
	struct matcher *m;
	size_t n = 0;

	m = mk(MATCH_FIXED, "Putin", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_int_eq(match_scanlast(m, &n), 0);
	ck_assert_ptr_eq(match_scan(m, t, end, 1), t + 2);
	ck_assert_int_eq(match_scanlast(m, &n), 1);
	ck_assert_uint_eq(n, 5);
	ck_assert_ptr_null(match_scan(m, t + 3, end, 1));
	ck_assert_int_eq(match_scanlast(m, &n), 0);
	match_free(m);
	m = mk(0, "Put.n", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_ptr_eq(match_scan(m, t, end, 1), t + 2);
	ck_assert_int_eq(match_scanlast(m, &n), 0);
	match_free(m);
	m = mk(MATCH_FIXED | MATCH_WORD, "Putin", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_ptr_eq(match_scan(m, t, end, 1), t + 2);
	ck_assert_int_eq(match_scanlast(m, &n), 0);
	match_free(m);
	m = mk(MATCH_FIXED, "Putin\\", NULL);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	ck_assert_ptr_eq(match_scan(m, t, end, 1), t + 2);
	ck_assert_int_eq(match_scanlast(m, &n), 0);
	match_free(m);
}
END_TEST

START_TEST(lines_find_passes_over_lines_without_a_find)
{
	const char s[] = "one\ntwo Putin\nthree\nfour PUTIN";
	struct matcher *m = mk(MATCH_FIXED | MATCH_ICASE, "putin", NULL);
	struct lines ln;
	char *path, *p;
	size_t n;
	int fd;

	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	path = tmpwrite(s, sizeof(s) - 1);
	fd = open(path, O_RDONLY);
	ck_assert_int_eq(lines_init(&ln, fd), 0);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 1);
	ck_assert_str_eq(p, "two Putin");
	ck_assert_uint_eq(ln.lineno, 2);
	ck_assert_uint_eq(ln.findat, 4);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 1);
	ck_assert_str_eq(p, "four PUTIN");
	ck_assert_uint_eq(ln.lineno, 4);
	ck_assert_uint_eq(ln.findat, 5);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 0);
	lines_free(&ln);
	close(fd);
	unlink(path);
	free(path);
	match_free(m);
}
END_TEST

START_TEST(lines_find_hands_out_lines_longer_than_the_buffer)
{
	struct matcher *m = mk(MATCH_FIXED, "Putin", NULL);
	size_t big = 700000, n;
	struct lines ln;
	char *s, *path, *p;
	int fd;

	s = malloc(big + 32);
	memset(s, 'a', big);
	memcpy(s + big, "\nPutin\nno\nno Putin", 18);
	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	path = tmpwrite(s, big + 18);
	fd = open(path, O_RDONLY);
	ck_assert_int_eq(lines_init(&ln, fd), 0);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 1);
	if (n == big) {
		ck_assert_uint_eq(ln.findat, LINES_NOFIND);
		ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 1);
	}
	ck_assert_str_eq(p, "Putin");
	ck_assert_uint_eq(ln.findat, 0);
	ck_assert_uint_eq(ln.lineno, 2);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 1);
	ck_assert_str_eq(p, "no Putin");
	ck_assert_uint_eq(ln.lineno, 4);
	ck_assert_int_eq(lines_find(&ln, match_scan, m, &p, &n), 0);
	lines_free(&ln);
	close(fd);
	unlink(path);
	free(path);
	free(s);
	match_free(m);
}
END_TEST

static void
countwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)file, (void)lost, (void)msg;
	*(unsigned long *)arg = *(unsigned long *)arg * 10 + line;
}

START_TEST(artin_setfind_reads_only_the_records_that_hold_a_find)
{
	const char s[] =
	    "0123456789abcdef\t\tOne\t\tf:1\tPutin here\n"
	    "damaged\n"
	    "1123456789abcdef\t\tTwo\t\tf:2\tnothing\n"
	    "Putin\tdamaged\n"
	    "2123456789abcdef\t\tThree\t\tf:3\tand Putin\n";
	struct matcher *m = mk(MATCH_FIXED, "Putin", NULL);
	struct artin *in;
	struct article *a;
	unsigned long warned = 0;
	char *path;

	ck_assert_int_eq(match_scanprep(m, MATCH_ANY), 0);
	path = tmpwrite(s, sizeof(s) - 1);
	in = artin_open(path, FMT_AUTO);
	ck_assert_ptr_nonnull(in);
	artin_onwarn(in, countwarn, &warned);
	artin_setfind(in, match_scan, m);
	ck_assert_int_eq(artin_next(in, &a), 1);
	ck_assert_uint_eq(a->lineno, 1);
	ck_assert_uint_eq(artin_findat(in), LINES_NOFIND);
	ck_assert_int_eq(artin_next(in, &a), 1);
	ck_assert_uint_eq(a->lineno, 5);
	ck_assert_uint_eq(artin_findat(in), 33);
	ck_assert_str_eq(a->line + artin_findat(in), "Putin");
	ck_assert_int_eq(artin_next(in, &a), 0);
	ck_assert_uint_eq(warned, 4);
	artin_close(in);
	unlink(path);
	free(path);
	match_free(m);
}
END_TEST

Suite *
match_suite(void)
{
	Suite *s = suite_create("match");
	TCase *tc;

	tc = tcase_create("match_add");
	tcase_add_test(tc, match_add_takes_a_pattern_a_line);
	tcase_add_test(tc, match_add_rejects_a_bad_expression_with_its_reason);
	tcase_add_test(tc, match_add_refuses_expressions_too_costly_to_run);
	suite_add_tcase(s, tc);
	tc = tcase_create("match_find");
	tcase_add_test(tc, match_find_takes_the_leftmost_then_longest_match);
	tcase_add_test(tc, match_find_reads_fixed_strings_as_they_are);
	tcase_add_test(tc, match_find_runs_expressions_behind_their_strings);
	tcase_add_test(tc, match_find_keeps_expressions_inside_a_paragraph);
	tcase_add_test(tc, match_find_folds_ascii_and_utf8_letters);
	tcase_add_test(tc,
	    match_find_takes_words_of_letters_and_digits_of_any_script);
	tcase_add_test(tc, match_find_takes_whole_lines_as_paragraphs);
	tcase_add_test(tc,
	    match_find_runs_expressions_on_long_paragraphs_in_pieces);
	tcase_add_test(tc, match_find_searches_paragraphs_over_2_gib);
	suite_add_tcase(s, tc);
	tc = tcase_create("match_findpat");
	tcase_add_test(tc, match_findpat_looks_for_one_pattern);
	suite_add_tcase(s, tc);
	tc = tcase_create("match_rarest");
	tcase_add_test(tc, match_rarest_prefers_rare_bytes);
	suite_add_tcase(s, tc);
	tc = tcase_create("match_scan");
	tcase_add_test(tc, match_scanprep_needs_a_string_in_every_pattern);
	tcase_add_test(tc, match_scan_finds_strings_in_escaped_records);
	tcase_add_test(tc,
	    match_scanlast_tells_a_whole_pattern_from_a_part_of_one);
	suite_add_tcase(s, tc);
	tc = tcase_create("lines_find");
	tcase_add_test(tc, lines_find_passes_over_lines_without_a_find);
	tcase_add_test(tc, lines_find_hands_out_lines_longer_than_the_buffer);
	suite_add_tcase(s, tc);
	tc = tcase_create("artin_setfind");
	tcase_add_test(tc,
	    artin_setfind_reads_only_the_records_that_hold_a_find);
	suite_add_tcase(s, tc);
	return s;
}
