/*
 * The matcher: fixed strings, expressions, case folding, words, lines,
 * and the search over raw records that lets a reader pass lines over.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <regex.h>
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

/* Tells whether match_add() refuses an expression, with the reason. */
static int
refused(struct matcher *m, const char *re, const char *why)
{
	errno = 0;
	if (match_add(m, re, strlen(re)) == 0)
		return 0;
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_msg(strncmp(match_error(m), why, strlen(why)) == 0,
	    "%s: %s", re, match_error(m));
	return 1;
}

START_TEST(match_add_refuses_expressions_too_costly_to_run)
{
	static const char *const bad[][2] = {
		/* Each makes regcomp or regexec take too long or too much. */
		{ "(.?){1,3999}Z", "too complex: its repetition counts make "
		    "more than 4000 positions" },
		{ ".{1,3999}Z", "too complex: its repetition counts" },
		{ ".{1,255}.{1,255}.{1,15}Z", "too complex: a search would "
		    "cost" },
		{ "(^){3999}", "too complex: its repetition counts" },
		{ "(\\b){32}", "too complex: compiling it would cost" },
		{ "a[ab]{0,15}b[ab]{0,15}c", "too complex: a search may hold "
		    "2^17 sets of positions, over 2^12" },
		{ "[^#]{1,30}[^#]{1,30}#", "too complex: a search would cost" },
		{ "(.|..|...)*c", "too complex: a search would cost" },
		{ "a{1,4001}", "too complex: its repetition counts" },
		{ "(a{1,100}){1,100}", "too complex: its repetition counts" },
		{ "((x{10}){10}){41}", "too complex: its repetition counts" },
		{ "A++++++++++++++++++++++++++++++++", "too complex: its "
		    "repetition counts" },
		{ "(a*)*\\1b", "back-references (\\1 to \\9) are not "
		    "supported" },
		{ "(.)\\9", "back-references" }
	};
	static const char *const good[] = {
		/* Searches of news text, and the worst we know of. */
		"\\b(Putin|Zelensky)\\b.{0,40}said",
		"[0-9]{4}-[0-9]{2}-[0-9]{2}", ".{1,80}", "\"[^\"]{1,100}\"",
		"(Russia|Ukraine).*(war|peace)", "[A-Z][a-z]+( [A-Z][a-z]+)+",
		"([A-Z][a-z]+ ){2,4}", "(\\w+ ){1,5}said", "https?://[^ ]+",
		"[0-9]+(\\.[0-9]+)?%", "\\w+@\\w+\\.\\w+",
		"Putin.{0,40}said.{0,40}Kremlin", ".{1,10}.{1,10}.{1,10}#",
		"a.*c", "b[ab]*c", "(a|ab|b)*c", "((a*)*b*)*c", "(.*)*c",
		"\\.\\(\\[", "[\\1]", "a{3,}b{0}", "(a)(b)*", "a+b+c+", "(x+)+"
	};
	struct matcher *m = mk(0, NULL);
	char deep[514];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(refused(m, bad[i][0], bad[i][1]), "%s",
		    bad[i][0]);
	memset(deep, '(', 256);
	deep[256] = 'a';
	memset(deep + 257, ')', 256);
	deep[513] = '\0';
	ck_assert_int_eq(match_add(m, deep + 1, 255 + 1 + 255), 0);
	ck_assert(refused(m, deep, "groups nested more than 255 deep"));
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(match_add(m, good[i], strlen(good[i])) == 0,
		    "%s: %s", good[i], match_error(m));
	match_free(m);
}
END_TEST

/*
 * A repetition count X{m,n} is given to regcomp written out, as
 * X...X(X(X)?)?: the matches are those of the expression as written
 * (better than glibc's own: it finds (\ba{2}){1,3} in aaaa whole).
 */
START_TEST(match_add_writes_counts_out_without_changing_matches)
{
	static const char *const atoms[] = {
		"a", "b", ".", "[ab]", "[^a]", "(a|b)", "(ab|ba)", "(a|bb|)",
		"é", "[[:alpha:]]", "(^|b)", "($|a)", " ", "\\w"
	};
	static const char *const counts[] = {
		"", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,5}", "{3,}",
		"{0,1}", "{1,10}"
	};
	static const char *const texts[] = {
		"", "a", "ab", "aab ba", "bbabab a", "aaaaaaaaaaab", "é aé",
		"ab\nba", "b aa bb aaa", "abababababababababab"
	};
	unsigned long seed = 7;
	struct matcher *m;
	char re[256], want[64];
	regex_t rx;
	regmatch_t pm[1];
	size_t i, j, k;

	m = mk(0, "(\\ba{2}){1,3}", NULL);
	ck_assert_str_eq(find(m, "aaaa", 0), "0-2:0");
	match_free(m);
	for (i = 0; i < 2000; i++) {
		re[0] = '\0';
		for (k = 0; k < 1 + i % 3; k++) {
			seed = seed * 1103515245 + 12345;
			strcat(re, atoms[(seed >> 16) % 14]);
			strcat(re, counts[(seed >> 8) % 11]);
		}
		if (regcomp(&rx, re, REG_EXTENDED | REG_NEWLINE) != 0)
			continue;
		m = match_new(0);
		if (match_add(m, re, strlen(re)) == 0)
			for (j = 0; j < sizeof(texts) / sizeof(texts[0]); j++) {
				if (regexec(&rx, texts[j], 1, pm, 0) != 0)
					strcpy(want, "none");
				else
					snprintf(want, sizeof(want), "%d-%d:0",
					    (int)pm[0].rm_so, (int)pm[0].rm_eo);
				ck_assert_msg(strcmp(find(m, texts[j], 0),
				    want) == 0, "/%s/ on \"%s\": %s, want %s",
				    re, texts[j], find(m, texts[j], 0), want);
			}
		match_free(m);
		regfree(&rx);
	}
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
	 * one, shorter.  [^y] costs more than . to match: its pieces are of
	 * 2048 bytes, not 4096.
	 */
	s[5000] = 'c';
	ck_assert_str_eq(find(m, s, 0), "2048-5001:0");
	memset(s, 'x', big);
	s[big - 1] = 'z';
	ck_assert_str_eq(find(m, s, 0), "4096-6000:1");
	memcpy(s + 1000, "xxxz", 4);
	ck_assert_str_eq(find(m, s, 0), "0-1004:1");
	free(s);
	match_free(m);
}
END_TEST

/*
 * An expression whose matches are at most 341 characters long (2048
 * bytes of UTF-8) is found leftmost and whole in a paragraph of any
 * length, across the pieces it is searched in, the first of 4096 bytes.
 */
START_TEST(match_find_finds_bounded_matches_whole_across_pieces)
{
	struct matcher *m = mk(0, "ab{1,200}", "c.{0,120}d", "x.{100}|yz",
	    NULL);
	size_t big = 20000;
	char *s = malloc(big + 1);

	memset(s, '-', big);
	s[big] = '\0';
	s[4000] = 'a';
	memset(s + 4001, 'b', 200);
	ck_assert_str_eq(find(m, s, 0), "4000-4201:0");
	memset(s, '-', big);
	memcpy(s + 4000, "c", 1);
	memcpy(s + 4060, "d", 1);
	memcpy(s + 4110, "d", 1);
	ck_assert_str_eq(find(m, s, 0), "4000-4111:1");
	memset(s, '-', big);
	memcpy(s + 4000, "x", 1);
	memcpy(s + 4050, "yz", 2);
	ck_assert_str_eq(find(m, s, 0), "4000-4101:2");
	ck_assert_str_eq(find(m, s, 4001), "4050-4052:2");
	free(s);
	match_free(m);
}
END_TEST

/*
 * glibc keeps the states of its matcher for as long as the expression
 * is compiled: with 40 MB more on the heap than after compiling it, the
 * expression is compiled again after a window searched, and goes on
 * matching as before.
 */
START_TEST(match_find_goes_on_when_the_states_are_dropped)
{
	struct matcher *m = mk(0, "[a][bc]{1,3}[d]", NULL);
	size_t big = 20000, i;
	char *s = malloc(big + 1);
	void *heap[400];

	memset(s, 'x', big);
	s[big] = '\0';
	memcpy(s + 15000, "abcd", 4);
	for (i = 0; i < 400; i++)
		ck_assert_ptr_nonnull(heap[i] = malloc(100000));
	ck_assert_str_eq(find(m, s, 0), "15000-15004:0");
	ck_assert_str_eq(find(m, s, 15001), "none");
	for (i = 0; i < 400; i++)
		free(heap[i]);
	ck_assert_str_eq(find(m, s, 0), "15000-15004:0");
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
	tcase_add_test(tc,
	    match_add_writes_counts_out_without_changing_matches);
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
	tcase_add_test(tc,
	    match_find_finds_bounded_matches_whole_across_pieces);
	tcase_add_test(tc, match_find_searches_paragraphs_over_2_gib);
	tcase_add_test(tc, match_find_goes_on_when_the_states_are_dropped);
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
