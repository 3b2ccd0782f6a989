#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htab.h"
#include "tests.h"

static long
put(struct htab *t, const char *s)
{
	return htab_put(t, s, strlen(s), htab_hash(s, strlen(s)));
}

static long
find(const struct htab *t, const char *s)
{
	return htab_find(t, s, strlen(s), htab_hash(s, strlen(s)));
}

START_TEST(htab_put_adds_a_key_once_and_finds_it_again)
{
	struct htab t;
	long i, j;

	htab_init(&t);
	i = put(&t, "putin");
	ck_assert_int_eq(i, 0);
	htab_ent(&t, i)->val[0]++;
	j = put(&t, "putin");
	ck_assert_int_eq(j, i);
	htab_ent(&t, j)->val[0]++;
	ck_assert_int_eq(put(&t, "ukraine"), 1);
	ck_assert_uint_eq(htab_count(&t), 2);
	ck_assert_uint_eq(htab_ent(&t, 0)->val[0], 2);
	ck_assert_uint_eq(htab_ent(&t, 1)->val[0], 0);
	ck_assert_str_eq(htab_ent(&t, 1)->key, "ukraine");
	ck_assert_uint_eq(htab_ent(&t, 1)->len, 7);
	htab_free(&t);
}
END_TEST

START_TEST(htab_put_keeps_indices_in_order_while_it_grows)
{
	struct htab t;
	char key[32];
	long i;

	htab_init(&t);
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "w%ld", i);
		ck_assert_int_eq(put(&t, key), i);
	}
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "w%ld", i);
		ck_assert_int_eq(find(&t, key), i);
		ck_assert_str_eq(htab_ent(&t, i)->key, key);
	}
	ck_assert_uint_eq(htab_count(&t), 100000);
	htab_free(&t);
}
END_TEST

/* Keys that collide on the whole hash must still be told apart. */
START_TEST(htab_put_tells_apart_keys_with_the_same_hash)
{
	struct htab t;
	char key[16];
	int i;

	htab_init(&t);
	for (i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		ck_assert_int_eq(htab_put(&t, key, strlen(key), 42), i);
	}
	for (i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		ck_assert_int_eq(htab_find(&t, key, strlen(key), 42), i);
	}
	ck_assert_int_eq(htab_find(&t, "k200", 4, 42), -1);
	htab_free(&t);
}
END_TEST

START_TEST(htab_put_takes_empty_binary_and_long_keys)
{
	struct htab t;
	char *big;
	size_t n = 300000;

	htab_init(&t);
	big = malloc(n);
	ck_assert_ptr_nonnull(big);
	memset(big, 'x', n);
	ck_assert_int_eq(htab_put(&t, "", 0, htab_hash("", 0)), 0);
	ck_assert_int_eq(htab_put(&t, "a\0b", 3, htab_hash("a\0b", 3)), 1);
	ck_assert_int_eq(htab_put(&t, "a\0c", 3, htab_hash("a\0c", 3)), 2);
	ck_assert_int_eq(htab_put(&t, big, n, htab_hash(big, n)), 3);
	ck_assert_int_eq(put(&t, "after"), 4);
	ck_assert_int_eq(htab_find(&t, big, n, htab_hash(big, n)), 3);
	ck_assert_int_eq(htab_find(&t, "a\0b", 3, htab_hash("a\0b", 3)), 1);
	ck_assert_int_eq(memcmp(htab_ent(&t, 3)->key, big, n), 0);
	ck_assert_int_eq(htab_ent(&t, 3)->key[n], '\0');
	ck_assert_str_eq(htab_ent(&t, 4)->key, "after");
	free(big);
	htab_free(&t);
}
END_TEST

START_TEST(htab_find_reports_a_missing_key)
{
	struct htab t;

	htab_init(&t);
	ck_assert_int_eq(find(&t, "russia"), -1);
	put(&t, "russia");
	ck_assert_int_eq(find(&t, "russian"), -1);
	ck_assert_int_eq(find(&t, "russi"), -1);
	ck_assert_int_eq(find(&t, "russia"), 0);
	htab_free(&t);
}
END_TEST

START_TEST(htab_free_leaves_the_table_empty_and_reusable)
{
	struct htab t;

	htab_init(&t);
	put(&t, "moscow");
	htab_free(&t);
	ck_assert_uint_eq(htab_count(&t), 0);
	ck_assert_int_eq(find(&t, "moscow"), -1);
	ck_assert_int_eq(put(&t, "kiev"), 0);
	htab_free(&t);
	htab_free(&t);
}
END_TEST

START_TEST(htab_bytes_grows_with_the_keys_not_the_lookups)
{
	struct htab t;
	size_t before;
	int i;

	htab_init(&t);
	ck_assert_uint_eq(htab_bytes(&t), 0);
	put(&t, "vladimir");
	put(&t, "putin");
	before = htab_bytes(&t);
	ck_assert_uint_gt(before, 0);
	for (i = 0; i < 100000; i++)
		put(&t, i % 2 ? "vladimir" : "putin");
	ck_assert_uint_eq(htab_bytes(&t), before);
	htab_free(&t);
}
END_TEST

/*
 * An entry added without a slot takes its index among the others, but
 * no room in the slots, and no lookup sees it.
 */
START_TEST(htab_add_makes_an_entry_that_only_its_index_finds)
{
	struct htab t;
	size_t slots;
	char key[32];
	long i;

	htab_init(&t);
	ck_assert_int_eq(put(&t, "kyiv"), 0);
	ck_assert_int_eq(htab_add(&t, "lviv", 4), 1);
	ck_assert_int_eq(put(&t, "odesa"), 2);
	ck_assert_int_eq(find(&t, "lviv"), -1);
	ck_assert_str_eq(htab_ent(&t, 1)->key, "lviv");
	ck_assert_uint_eq(htab_ent(&t, 1)->len, 4);
	ck_assert_uint_eq(htab_ent(&t, 1)->val[0], 0);
	slots = t.mask + 1;
	for (i = 3; i < 100000; i++) {
		snprintf(key, sizeof(key), "w%ld", i);
		ck_assert_int_eq(htab_add(&t, key, strlen(key)), i);
	}
	ck_assert_uint_eq(htab_count(&t), 100000);
	ck_assert_uint_eq(t.mask + 1, slots);
	ck_assert_int_eq(find(&t, "kyiv"), 0);
	ck_assert_int_eq(find(&t, "odesa"), 2);
	ck_assert_int_eq(find(&t, "w99999"), -1);
	/* A put after the adds grows the slots and finds its keys still. */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "p%ld", i);
		ck_assert_int_eq(put(&t, key), 100000 + i);
	}
	ck_assert_int_eq(find(&t, "kyiv"), 0);
	ck_assert_int_eq(find(&t, "p999"), 100999);
	ck_assert_int_eq(find(&t, "w3"), -1);
	htab_free(&t);
}
END_TEST

START_TEST(htab_findk_finds_short_keys_by_their_packed_form)
{
	struct htab t;
	uint64_t k[2];

	htab_init(&t);
	put(&t, "ukraine");
	put(&t, "sixteen-letters!");
	put(&t, "seventeen-letters");
	htab_pack("ukraine", 7, k);
	ck_assert_int_eq(htab_findk(&t, k, 7, htab_hashk(k, 7)), 0);
	ck_assert_uint_eq(htab_hashk(k, 7), htab_hash("ukraine", 7));
	htab_pack("sixteen-letters!", 16, k);
	ck_assert_int_eq(htab_findk(&t, k, 16, htab_hashk(k, 16)), 1);
	htab_pack("ukrain", 6, k);
	ck_assert_int_eq(htab_findk(&t, k, 6, htab_hashk(k, 6)), -1);
	/* The same bytes with a NUL more are another key. */
	htab_pack("ukraine", 8, k);
	ck_assert_int_eq(htab_findk(&t, k, 8, htab_hashk(k, 8)), -1);
	htab_free(&t);
}
END_TEST

START_TEST(htab_pack_puts_the_first_byte_lowest_and_pads_with_zeros)
{
	uint64_t k[2];

	htab_pack("ab", 2, k);
	ck_assert_uint_eq(k[0], 0x6261);
	ck_assert_uint_eq(k[1], 0);
	htab_pack("0123456789abcdefXYZ", 19, k);
	ck_assert_uint_eq(k[0], 0x3736353433323130ULL);
	ck_assert_uint_eq(k[1], 0x6665646362613938ULL);
	htab_pack("", 0, k);
	ck_assert_uint_eq(k[0] | k[1], 0);
}
END_TEST

Suite *
htab_suite(void)
{
	Suite *s = suite_create("htab");
	TCase *tc;

	tc = tcase_create("htab_put");
	tcase_add_test(tc, htab_put_adds_a_key_once_and_finds_it_again);
	tcase_add_test(tc, htab_put_keeps_indices_in_order_while_it_grows);
	tcase_add_test(tc, htab_put_tells_apart_keys_with_the_same_hash);
	tcase_add_test(tc, htab_put_takes_empty_binary_and_long_keys);
	suite_add_tcase(s, tc);
	tc = tcase_create("htab_add");
	tcase_add_test(tc, htab_add_makes_an_entry_that_only_its_index_finds);
	suite_add_tcase(s, tc);
	tc = tcase_create("htab_find");
	tcase_add_test(tc, htab_find_reports_a_missing_key);
	tcase_add_test(tc, htab_findk_finds_short_keys_by_their_packed_form);
	suite_add_tcase(s, tc);
	tc = tcase_create("htab_pack");
	tcase_add_test(tc,
	    htab_pack_puts_the_first_byte_lowest_and_pads_with_zeros);
	suite_add_tcase(s, tc);
	tc = tcase_create("htab_free");
	tcase_add_test(tc, htab_free_leaves_the_table_empty_and_reusable);
	suite_add_tcase(s, tc);
	tc = tcase_create("htab_bytes");
	tcase_add_test(tc, htab_bytes_grows_with_the_keys_not_the_lookups);
	suite_add_tcase(s, tc);
	return s;
}
