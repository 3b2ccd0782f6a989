#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "tests.h"

/* Published XXH64 values, seed 0. */
START_TEST(hash64_matches_published_values)
{
	const char *s = "Nobody inspects the spammish repetition";

	ck_assert_uint_eq(hash64("", 0, 0), 0xef46db3751d8e999ULL);
	ck_assert_uint_eq(hash64("abc", 3, 0), 0x44bc2cf5ad770999ULL);
	ck_assert_uint_eq(hash64(s, strlen(s), 0), 0xfbcea83c8a378bf1ULL);
}
END_TEST

START_TEST(hash64_depends_on_every_byte_and_the_seed)
{
	char a[100], b[100];
	int i;

	memset(a, 'x', sizeof(a));
	for (i = 0; i < 100; i++) {
		memcpy(b, a, sizeof(b));
		b[i] = 'y';
		ck_assert_uint_ne(hash64(a, sizeof(a), 0),
		    hash64(b, sizeof(b), 0));
	}
	ck_assert_uint_ne(hash64(a, 10, 0), hash64(a, 10, 1));
	ck_assert_uint_ne(hash64(a, 10, 0), hash64(a, 11, 0));
}
END_TEST

START_TEST(hash64_update_in_pieces_equals_one_call)
{
	unsigned char data[300];
	struct hash64 h;
	size_t i, cut1, cut2;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + 3);
	for (cut1 = 0; cut1 < sizeof(data); cut1 += 13)
		for (cut2 = cut1; cut2 < sizeof(data); cut2 += 29) {
			hash64_init(&h, 5);
			hash64_update(&h, data, cut1);
			hash64_update(&h, data + cut1, cut2 - cut1);
			hash64_update(&h, data + cut2, sizeof(data) - cut2);
			ck_assert_uint_eq(hash64_final(&h),
			    hash64(data, sizeof(data), 5));
		}
}
END_TEST

START_TEST(hash64_final_of_nothing_is_the_empty_hash)
{
	struct hash64 h;

	hash64_init(&h, 0);
	hash64_update(&h, "", 0);
	ck_assert_uint_eq(hash64_final(&h), 0xef46db3751d8e999ULL);
}
END_TEST

START_TEST(hash_hex_round_trips)
{
	char s[17];
	uint64_t v;

	hash_hex(s, 0x00ab0000000000ffULL);
	ck_assert_str_eq(s, "00ab0000000000ff");
	ck_assert_int_eq(hash_unhex(s, 16, &v), 0);
	ck_assert_uint_eq(v, 0x00ab0000000000ffULL);
}
END_TEST

START_TEST(hash_unhex_rejects_other_text)
{
	uint64_t v = 7;

	ck_assert_int_eq(hash_unhex("00ab00000000ff", 14, &v), -1);
	ck_assert_int_eq(hash_unhex("00ab0000000000fg", 16, &v), -1);
	ck_assert_uint_eq(v, 7);
}
END_TEST

Suite *
hash_suite(void)
{
	Suite *s = suite_create("hash");
	TCase *tc;

	tc = tcase_create("hash64");
	tcase_add_test(tc, hash64_matches_published_values);
	tcase_add_test(tc, hash64_depends_on_every_byte_and_the_seed);
	suite_add_tcase(s, tc);
	tc = tcase_create("hash64_update");
	tcase_add_test(tc, hash64_update_in_pieces_equals_one_call);
	tcase_add_test(tc, hash64_final_of_nothing_is_the_empty_hash);
	suite_add_tcase(s, tc);
	tc = tcase_create("hash_hex");
	tcase_add_test(tc, hash_hex_round_trips);
	tcase_add_test(tc, hash_unhex_rejects_other_text);
	suite_add_tcase(s, tc);
	return s;
}
