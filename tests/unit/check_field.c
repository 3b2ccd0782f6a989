#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "tsv.h"
#include "tests.h"

/* One article read from text written to a temporary file. */
struct one {
	char		*path;
	struct artin	*in;
	struct article	*a;
	struct fieldctx	*c;
};

static void
load(struct one *o, const char *text, enum artfmt fmt)
{
	o->path = tmpwrite(text, strlen(text));
	o->in = artin_open(o->path, fmt);
	ck_assert_ptr_nonnull(o->in);
	ck_assert_int_eq(artin_next(o->in, &o->a), 1);
	o->c = field_new();
	ck_assert_ptr_nonnull(o->c);
	field_reset(o->c, o->a);
}

static void
unload(struct one *o)
{
	field_free(o->c);
	artin_close(o->in);
	unlink(o->path);
	free(o->path);
}

/* The value of a field, as a C string that lasts until the next call. */
static const char *
val(struct one *o, const char *name)
{
	static char out[8192];
	const char *p;
	size_t n;
	int f = field_byname(name, strlen(name));

	ck_assert_int_ge(f, 0);
	p = field_text(o->c, (enum field)f, &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_lt(n, sizeof(out));
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

static const char sample[] =
    " date 2025-12-03 Putin Warns Europe\n\nBy Janie Gabbett, Reuters\n\n"
    "Peace talks made no real progress, said Yuri Ushakov.\n\n"
    "Ushakov described the discussions as \xe2\x80\x9cuseful\xe2\x80\x9d "
    "but acknowledged that both\nsides remained far apart. He said no "
    "more.\n";

START_TEST(field_byname_knows_every_name)
{
	int f;

	for (f = 0; f < NFIELDS; f++) {
		ck_assert_int_eq(field_byname(field_name(f),
		    strlen(field_name(f))), f);
		ck_assert_ptr_nonnull(strstr(field_names(), field_name(f)));
	}
	ck_assert_int_eq(field_byname("words,title", 5), FIELD_WORDS);
	ck_assert_str_eq(field_name(FIELD_SIMHASH), "simhash");
}
END_TEST

START_TEST(field_byname_rejects_unknown_names)
{
	ck_assert_int_eq(field_byname("", 0), -1);
	ck_assert_int_eq(field_byname("word", 4), -1);
	ck_assert_int_eq(field_byname("Words", 5), -1);
	ck_assert_int_eq(field_byname("words ", 6), -1);
	ck_assert_str_eq(field_name(NFIELDS), "?");
}
END_TEST

START_TEST(field_isnumber_tells_counts_from_text)
{
	ck_assert(field_isnumber(FIELD_WORDS) && field_isnumber(FIELD_FLESCH) &&
	    field_isnumber(FIELD_PARAGRAPHS) && field_isnumber(FIELD_READMIN));
	ck_assert(!field_isnumber(FIELD_TITLE) && !field_isnumber(FIELD_YEAR) &&
	    !field_isnumber(FIELD_SIMHASH) && !field_isnumber(FIELD_ID));
	ck_assert(field_ismulti(FIELD_AUTHOR) && field_ismulti(FIELD_AGENCY) &&
	    !field_ismulti(FIELD_TITLE));
}
END_TEST

START_TEST(field_text_gives_the_stored_columns)
{
	struct one o;

	load(&o, sample, FMT_AUTO);
	ck_assert_str_eq(val(&o, "date"), "2025-12-03");
	ck_assert_str_eq(val(&o, "title"), "Putin Warns Europe");
	ck_assert_str_eq(val(&o, "byline"), "By Janie Gabbett, Reuters");
	ck_assert_uint_eq(strlen(val(&o, "id")), 16);
	ck_assert_str_eq(val(&o, "id"), o.a->idhex);
	ck_assert_str_eq(val(&o, "origin") + strlen(o.path), ":1");
	ck_assert_str_eq(val(&o, "body"), "Peace talks made no real progress, "
	    "said Yuri Ushakov.\nUshakov described the discussions as "
	    "\xe2\x80\x9cuseful\xe2\x80\x9d but acknowledged that both sides "
	    "remained far apart. He said no more.");
	unload(&o);
}
END_TEST

START_TEST(field_text_gives_empty_columns_of_a_bare_article)
{
	struct one o;

	/* No header, no byline, no body: a title alone, as in raw corpora. */
	load(&o, "Only a title\n", FMT_AUTO);
	ck_assert_uint_eq(strlen(val(&o, "id")), 16);
	ck_assert_str_eq(val(&o, "date"), "");
	ck_assert_str_eq(val(&o, "title"), "Only a title");
	ck_assert_str_eq(val(&o, "byline"), "");
	ck_assert_str_eq(val(&o, "body"), "");
	ck_assert_str_eq(val(&o, "origin") + strlen(o.path), ":1");
	unload(&o);
	/* Cyrillic in every column. */
	load(&o, "date 2025-12-03 \xd0\x9c\xd0\xb8\xd1\x80\n\nBy \xd0\x98\xd0\xb2"
	    "\xd0\xb0\xd0\xbd, \xd0\xa2\xd0\x90\xd0\xa1\xd0\xa1\n\n\xd0\x94\xd0\xb0.\n",
	    FMT_AUTO);
	ck_assert_str_eq(val(&o, "title"), "\xd0\x9c\xd0\xb8\xd1\x80");
	ck_assert_str_eq(val(&o, "author"), "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd");
	ck_assert_str_eq(val(&o, "agency"), "\xd0\xa2\xd0\x90\xd0\xa1\xd0\xa1");
	ck_assert_str_eq(val(&o, "body"), "\xd0\x94\xd0\xb0.");
	ck_assert_str_eq(val(&o, "lead"), "\xd0\x94\xd0\xb0.");
	ck_assert_str_eq(val(&o, "words"), "1");
	ck_assert_str_eq(val(&o, "chars"), "3");
	ck_assert_str_eq(val(&o, "bytes"), "5");
	unload(&o);
}
END_TEST

START_TEST(field_text_gives_the_date_parts)
{
	struct one o;

	load(&o, sample, FMT_AUTO);
	ck_assert_str_eq(val(&o, "year"), "2025");
	ck_assert_str_eq(val(&o, "month"), "2025-12");
	ck_assert_str_eq(val(&o, "weekday"), "Wednesday");
	unload(&o);
	load(&o, "date 2024-02-29 Leap\n\nx\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "weekday"), "Thursday");
	unload(&o);
}
END_TEST

START_TEST(field_text_leaves_date_parts_empty_without_a_date)
{
	struct one o;

	load(&o, "date - Untitled\n\nBody.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "date"), "");
	ck_assert_str_eq(val(&o, "year"), "");
	ck_assert_str_eq(val(&o, "month"), "");
	ck_assert_str_eq(val(&o, "weekday"), "");
	unload(&o);
}
END_TEST

START_TEST(field_text_reads_the_byline)
{
	struct one o;

	load(&o, sample, FMT_AUTO);
	ck_assert_str_eq(val(&o, "author"), "Janie Gabbett");
	ck_assert_str_eq(val(&o, "agency"), "Reuters");
	unload(&o);
	load(&o, "date - T\n\nBy Jane Doe and John Roe\n\nText.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "author"), "Jane Doe|John Roe");
	ck_assert_str_eq(val(&o, "agency"), "");
	unload(&o);
}
END_TEST

START_TEST(field_text_leaves_author_empty_without_a_byline)
{
	struct one o;

	load(&o, "date - T\n\nBy Tuesday, the talks had collapsed.\n",
	    FMT_AUTO);
	ck_assert_str_eq(val(&o, "byline"), "");
	ck_assert_str_eq(val(&o, "author"), "");
	ck_assert_str_eq(val(&o, "agency"), "");
	ck_assert_str_eq(val(&o, "lead"), "By Tuesday, the talks had "
	    "collapsed.");
	unload(&o);
}
END_TEST

START_TEST(field_text_counts_the_body)
{
	struct one o;

	load(&o, sample, FMT_AUTO);
	ck_assert_str_eq(val(&o, "lead"), "Peace talks made no real progress, "
	    "said Yuri Ushakov.");
	ck_assert_str_eq(val(&o, "paragraphs"), "2");
	ck_assert_str_eq(val(&o, "sentences"), "3");
	ck_assert_str_eq(val(&o, "words"), "27");
	ck_assert_str_eq(val(&o, "quotes"), "1");
	ck_assert_str_eq(val(&o, "bytes"), "173");
	ck_assert_str_eq(val(&o, "chars"), "169");
	ck_assert_str_eq(val(&o, "readmin"), "1");
	ck_assert(field_number(o.c, FIELD_WORDS) == 27);
	ck_assert(field_number(o.c, FIELD_TITLE) == 0);
	unload(&o);
}
END_TEST

START_TEST(field_text_counts_an_empty_body_as_nothing)
{
	struct one o;
	static const char *const zero[] = {
		"paragraphs", "sentences", "words", "chars", "bytes", "quotes",
		"readmin"
	};
	size_t i;

	load(&o, "date 2025-01-01 Only a title\n", FMT_AUTO);
	for (i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
		ck_assert_str_eq(val(&o, zero[i]), "0");
	ck_assert_str_eq(val(&o, "lead"), "");
	ck_assert_str_eq(val(&o, "flesch"), "0.0");
	ck_assert_str_eq(val(&o, "simhash"), "0000000000000000");
	unload(&o);
}
END_TEST

START_TEST(field_text_counts_quotations_only)
{
	struct one o;

	load(&o, "date - Q\n\n\xe2\x80\x9cYes.\xe2\x80\x9d\n\n\"No, never.\"\n",
	    FMT_AUTO);
	ck_assert_str_eq(val(&o, "paragraphs"), "2");
	ck_assert_str_eq(val(&o, "sentences"), "2");
	ck_assert_str_eq(val(&o, "words"), "3");
	ck_assert_str_eq(val(&o, "quotes"), "2");
	unload(&o);
	/* An opening mark at the start of the next paragraph goes on with
	 * a quotation left open. */
	load(&o, "date - Q\n\n\"Yes.\n\n\"No.\"\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "quotes"), "1");
	unload(&o);
}
END_TEST

START_TEST(field_text_counts_cyrillic_text)
{
	struct one o;

	/* Путин заявил: «Мы готовы». Переговоры продолжатся. */
	load(&o, "date 2025-12-03 \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd\n\n"
	    "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd \xd0\xb7\xd0\xb0\xd1\x8f"
	    "\xd0\xb2\xd0\xb8\xd0\xbb: \xc2\xab\xd0\x9c\xd1\x8b \xd0\xb3\xd0\xbe"
	    "\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xc2\xbb. \xd0\x9f\xd0\xb5\xd1\x80"
	    "\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b "
	    "\xd0\xbf\xd1\x80\xd0\xbe\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb6\xd0\xb0"
	    "\xd1\x82\xd1\x81\xd1\x8f.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "words"), "6");
	ck_assert_str_eq(val(&o, "sentences"), "2");
	ck_assert_str_eq(val(&o, "quotes"), "1");
	ck_assert_str_eq(val(&o, "chars"), "50");
	ck_assert_str_eq(val(&o, "bytes"), "92");
	/* 17 syllables (за-яв-ил has two groups) in 6 words, 2 sentences */
	ck_assert_str_eq(val(&o, "flesch"), "-35.9");
	unload(&o);
}
END_TEST

START_TEST(field_text_scores_reading_ease)
{
	struct one o;

	/* 6 words of one syllable in one sentence: 206.835 - 6.09 - 84.6 */
	load(&o, "date - T\n\nThe cat sat on the mat.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "flesch"), "116.1");
	ck_assert(field_number(o.c, FIELD_FLESCH) > 116.1 &&
	    field_number(o.c, FIELD_FLESCH) < 116.2);
	unload(&o);
}
END_TEST

START_TEST(field_text_rounds_reading_minutes_up)
{
	struct one o;
	struct buf b = { 0 };
	int i;

	ck_assert_int_eq(buf_adds(&b, "date - T\n\n"), 0);
	for (i = 0; i < 231; i++)
		ck_assert_int_eq(buf_adds(&b, "word "), 0);
	buf_nul(&b);
	load(&o, b.p, FMT_AUTO);
	ck_assert_str_eq(val(&o, "readmin"), "2");
	unload(&o);
	b.n -= 5;
	buf_nul(&b);
	load(&o, b.p, FMT_AUTO);
	ck_assert_str_eq(val(&o, "readmin"), "1");
	unload(&o);
	buf_free(&b);
}
END_TEST

START_TEST(field_text_is_the_same_from_text_and_from_a_record)
{
	struct one t, r;
	struct buf rec = { 0 };
	const char *p, *q;
	size_t n;
	int f;

	load(&t, sample, FMT_AUTO);
	ck_assert_int_eq(tsv_put(&rec, t.a), 0);
	buf_nul(&rec);
	load(&r, rec.p, FMT_AUTO);
	ck_assert_int_eq(artin_format(r.in), FMT_RECORDS);
	for (f = 0; f < NFIELDS; f++) {
		p = field_text(t.c, (enum field)f, &n);
		ck_assert_ptr_nonnull(p);
		q = val(&r, field_name(f));
		if (f != FIELD_ORIGIN) {
			ck_assert_uint_eq(strlen(q), n);
			ck_assert_int_eq(memcmp(q, p, n), 0);
		}
	}
	unload(&t);
	unload(&r);
	buf_free(&rec);
}
END_TEST

START_TEST(field_reset_forgets_the_last_article)
{
	struct one o, p;

	load(&o, sample, FMT_AUTO);
	load(&p, "date - Other\n\nOne two.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "words"), "27");
	ck_assert_str_eq(val(&o, "author"), "Janie Gabbett");
	field_reset(o.c, p.a);
	ck_assert_str_eq(val(&o, "words"), "2");
	ck_assert_str_eq(val(&o, "author"), "");
	ck_assert_str_eq(val(&o, "year"), "");
	unload(&o);
	unload(&p);
}
END_TEST

START_TEST(field_text_counts_invalid_utf8_as_it_stands)
{
	struct one o;

	load(&o, "date - Bad\n\nA \xa3" "15.8m signing \xff\xfe.\n", FMT_AUTO);
	ck_assert_str_eq(val(&o, "words"), "4");
	ck_assert_str_eq(val(&o, "chars"), "20");
	ck_assert_str_eq(val(&o, "bytes"), "20");
	ck_assert_uint_eq(strlen(val(&o, "simhash")), 16);
	unload(&o);
}
END_TEST

Suite *
field_suite(void)
{
	Suite *s = suite_create("field");
	TCase *tc;

	tc = tcase_create("field_byname");
	tcase_add_test(tc, field_byname_knows_every_name);
	tcase_add_test(tc, field_byname_rejects_unknown_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("field_isnumber");
	tcase_add_test(tc, field_isnumber_tells_counts_from_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("field_text");
	tcase_add_test(tc, field_text_gives_the_stored_columns);
	tcase_add_test(tc, field_text_gives_empty_columns_of_a_bare_article);
	tcase_add_test(tc, field_text_gives_the_date_parts);
	tcase_add_test(tc, field_text_leaves_date_parts_empty_without_a_date);
	tcase_add_test(tc, field_text_reads_the_byline);
	tcase_add_test(tc, field_text_leaves_author_empty_without_a_byline);
	tcase_add_test(tc, field_text_counts_the_body);
	tcase_add_test(tc, field_text_counts_an_empty_body_as_nothing);
	tcase_add_test(tc, field_text_counts_quotations_only);
	tcase_add_test(tc, field_text_counts_cyrillic_text);
	tcase_add_test(tc, field_text_scores_reading_ease);
	tcase_add_test(tc, field_text_rounds_reading_minutes_up);
	tcase_add_test(tc, field_text_is_the_same_from_text_and_from_a_record);
	tcase_add_test(tc, field_text_counts_invalid_utf8_as_it_stands);
	suite_add_tcase(s, tc);
	tc = tcase_create("field_reset");
	tcase_add_test(tc, field_reset_forgets_the_last_article);
	suite_add_tcase(s, tc);
	return s;
}
