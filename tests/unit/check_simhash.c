#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simhash.h"
#include "tests.h"

static const char text[] =
    "Peace negotiations between Russia and the United States made no real "
    "progress during high-level talks in Moscow, according to Kremlin aide "
    "Yuri Ushakov, who spoke after a five-hour meeting with US envoy Steve "
    "Witkoff and Jared Kushner.\nUshakov described the discussions as "
    "useful but acknowledged that both sides remained far apart on the "
    "central issues of a potential peace deal for Ukraine, including "
    "territorial control. He said no concrete American proposals were "
    "debated directly and that Russia maintained strong objections to "
    "several elements of the US plan. A new summit is not expected soon.";

START_TEST(simhash_text_is_near_for_a_changed_word)
{
	char copy[sizeof(text)], *p;
	uint64_t h = simhash_text(text, strlen(text));

	memcpy(copy, text, sizeof(text));
	p = strstr(copy, "strong");
	memcpy(p, "stern ", 6);
	ck_assert_int_le(simhash_distance(h, simhash_text(copy,
	    strlen(copy))), 6);
	/* Case and wrapping are no part of the fingerprint. */
	for (p = copy; *p != '\0'; p++)
		*p = *p == '\n' ? ' ' : *p >= 'a' && *p <= 'z' ? *p - 32 : *p;
	memcpy(strstr(copy, "STERN "), "strong", 6);
	ck_assert_uint_eq(simhash_text(copy, strlen(copy)), h);
}
END_TEST

START_TEST(simhash_text_is_far_for_another_text)
{
	const char other[] = "Quarterly profits at the media giant jumped "
	    "for the three months to December, from a year earlier. The firm, "
	    "which is now one of the biggest investors in search, benefited "
	    "from sales of high-speed internet connections and higher advert "
	    "sales. It said fourth quarter sales rose to a record.";

	ck_assert_int_ge(simhash_distance(simhash_text(text, strlen(text)),
	    simhash_text(other, strlen(other))), 16);
}
END_TEST

START_TEST(simhash_text_is_stable_and_zero_for_no_words)
{
	/*
	 * The same value on every machine, since hash64 reads bytes in a
	 * fixed order: four words, so a bit is set where three or four of
	 * them vote for it.
	 */
	ck_assert_uint_eq(simhash_text("one two three four", 18),
	    0x0019224404a00100ULL);
	ck_assert_uint_eq(simhash_text("", 0), 0);
	ck_assert_uint_eq(simhash_text("-- ... ,", 8), 0);
	ck_assert_uint_ne(simhash_text("one", 3), 0);
	ck_assert_uint_eq(simhash_text("one", 3), simhash_text("ONE!", 4));
	ck_assert_uint_ne(simhash_text("one two", 7), simhash_text("one", 3));
}
END_TEST

START_TEST(simhash_text_counts_each_word_once)
{
	ck_assert_uint_eq(simhash_text("one two one one two", 19),
	    simhash_text("two one", 7));
	ck_assert_uint_eq(simhash_text("Один два один", 24),
	    simhash_text("ОДИН ДВА", 15));
}
END_TEST

START_TEST(simhash_distance_counts_differing_bits)
{
	ck_assert_int_eq(simhash_distance(0, 0), 0);
	ck_assert_int_eq(simhash_distance(0, ~(uint64_t)0), 64);
	ck_assert_int_eq(simhash_distance(0x8000000000000001ULL, 1), 1);
}
END_TEST

START_TEST(simhash_word_folds_long_words_to_their_start)
{
	struct simhash *a, *b;
	char w1[200], w2[200];

	a = malloc(sizeof(*a));
	b = malloc(sizeof(*b));
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	memset(w1, 'x', sizeof(w1));
	memcpy(w2, w1, sizeof(w2));
	w2[199] = 'y';
	simhash_init(a);
	simhash_init(b);
	simhash_word(a, w1, sizeof(w1));
	simhash_word(b, w2, sizeof(w2));
	ck_assert_uint_eq(simhash_final(a), simhash_final(b));
	free(a);
	free(b);
}
END_TEST

START_TEST(simhash_final_leaves_the_state_ready_for_the_next_text)
{
	struct simhash *s = malloc(sizeof(*s));
	char w[16];
	int i;

	ck_assert_ptr_nonnull(s);
	simhash_init(s);
	/* More distinct words than are remembered: the rest count anew. */
	for (i = 0; i < SIMHASH_MAXSEEN + 100; i++) {
		snprintf(w, sizeof(w), "w%d", i);
		simhash_word(s, w, strlen(w));
	}
	simhash_final(s);
	simhash_word(s, "one", 3);
	ck_assert_uint_eq(simhash_final(s), simhash_text("one", 3));
	ck_assert_uint_eq(simhash_final(s), 0);
	free(s);
}
END_TEST

Suite *
simhash_suite(void)
{
	Suite *s = suite_create("simhash");
	TCase *tc;

	tc = tcase_create("simhash_text");
	tcase_add_test(tc, simhash_text_is_near_for_a_changed_word);
	tcase_add_test(tc, simhash_text_is_far_for_another_text);
	tcase_add_test(tc, simhash_text_is_stable_and_zero_for_no_words);
	tcase_add_test(tc, simhash_text_counts_each_word_once);
	suite_add_tcase(s, tc);
	tc = tcase_create("simhash_distance");
	tcase_add_test(tc, simhash_distance_counts_differing_bits);
	suite_add_tcase(s, tc);
	tc = tcase_create("simhash_word");
	tcase_add_test(tc, simhash_word_folds_long_words_to_their_start);
	tcase_add_test(tc,
	    simhash_final_leaves_the_state_ready_for_the_next_text);
	suite_add_tcase(s, tc);
	return s;
}
