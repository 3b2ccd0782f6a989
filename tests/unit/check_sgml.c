/*
 * Character references and the SGML readers (TREC/LDC, Reuters-21578).
 * Each reader case reads a whole input and compares a summary of every
 * article (date|title|byline|body|start line) and the warnings.
 */
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "input.h"
#include "reader.h"
#include "tests.h"

#define READ(s, f, w)	readall((s), sizeof(s) - 1, (f), NULL, (w))

static const char *
decode(const char *s, int flags, long *ctl)
{
	static struct buf b;

	b.n = 0;
	ck_assert_int_eq(entity_decode(&b, s, strlen(s), flags, ctl),
	    (flags & ENT_TAGS) && strchr(s, '<') != NULL ?
	    strchr(s, '<') - s : (long)strlen(s));
	buf_addc(&b, '\0');
	return b.p;
}

START_TEST(entity_ref_reads_names_and_numbers)
{
	long cp;

	ck_assert_uint_eq(entity_ref("&amp;x", 6, &cp), 5);
	ck_assert_int_eq(cp, '&');
	ck_assert_uint_eq(entity_ref("&eacute;", 8, &cp), 8);
	ck_assert_int_eq(cp, 0xe9);
	ck_assert_uint_eq(entity_ref("&#163;", 6, &cp), 6);
	ck_assert_int_eq(cp, 0xa3);
	ck_assert_uint_eq(entity_ref("&#xA3;", 6, &cp), 6);
	ck_assert_int_eq(cp, 0xa3);
	ck_assert_uint_eq(entity_ref("&#150;", 6, &cp), 6);
	ck_assert_int_eq(cp, 0x2013);		/* Windows-1252's en dash */
	ck_assert_uint_eq(entity_ref("&AMP;", 5, &cp), 5);
	ck_assert_int_eq(cp, '&');
}
END_TEST

START_TEST(entity_ref_refuses_what_is_no_reference)
{
	long cp;

	ck_assert_uint_eq(entity_ref("&", 1, &cp), 0);
	ck_assert_uint_eq(entity_ref("&amp", 4, &cp), 0);
	ck_assert_uint_eq(entity_ref("&T ", 3, &cp), 0);
	ck_assert_uint_eq(entity_ref("&hyph;", 6, &cp), 0);
	ck_assert_uint_eq(entity_ref("&Amp;", 5, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#;", 3, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#0;", 4, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#xD800;", 8, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#x110000;", 10, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#99999999999;", 14, &cp), 0);
	ck_assert_uint_eq(entity_ref("&#129;", 6, &cp), 6);
	ck_assert_int_eq(cp, 129);		/* no character in 1252 */
}
END_TEST

START_TEST(entity_plain_finds_the_first_byte_that_needs_care)
{
	static const char care[] = "&\x01\x7f";
	struct buf b = { 0 };
	char s[41];
	size_t at, k;

	for (k = 0; k < sizeof(care) - 1; k++)
		for (at = 0; at < sizeof(s); at++) {
			memset(s, 'a', sizeof(s));
			s[at] = care[k];
			ck_assert_uint_eq(entity_plain(s, sizeof(s), 0), at);
			ck_assert_uint_eq(entity_plain(s, at, 0), at);
			b.n = 0;
			ck_assert_int_eq(entity_addplain(&b, s, sizeof(s), 0),
			    0);
			ck_assert_uint_eq(b.n, 0);
			ck_assert_int_eq(entity_addplain(&b, s, at, 0), 1);
			ck_assert_uint_eq(b.n, at);
			ck_assert_int_eq(memcmp(b.p, s, at), 0);
			ck_assert_int_eq(entity_addplain(&b, s + at,
			    sizeof(s) - at, 0), 0);
			ck_assert_uint_eq(b.n, at);
			s[at] = '\t';
			ck_assert_uint_eq(entity_plain(s, sizeof(s), 0),
			    sizeof(s));
			ck_assert_uint_eq(entity_plain(s, sizeof(s), ENT_ESCAPE),
			    at);
			s[at] = '<';
			ck_assert_uint_eq(entity_plain(s, sizeof(s), 0),
			    sizeof(s));
			ck_assert_uint_eq(entity_plain(s, sizeof(s), ENT_TAGS),
			    at);
		}
	ck_assert_uint_eq(entity_plain("", 0, 0), 0);
	buf_free(&b);
}
END_TEST

START_TEST(entity_decode_decodes_to_utf8)
{
	long ctl;

	ck_assert_str_eq(decode("A&amp;B &lt;x&gt; &#163;5 &#x20AC; "
	    "&#128512; AT&T &foo; &#10;", 0, &ctl),
	    "A&B <x> \xc2\xa3" "5 \xe2\x82\xac \xf0\x9f\x98\x80 AT&T &foo;  ");
	ck_assert_int_eq(ctl, -1);
	ck_assert_str_eq(decode("", 0, &ctl), "");
	ck_assert_str_eq(decode("tab&#9;here", 0, &ctl), "tab\there");
	ck_assert_int_eq(ctl, -1);
}
END_TEST

START_TEST(entity_decode_keeps_control_characters_and_says_so)
{
	long ctl;

	ck_assert_str_eq(decode("a&#27;b&#1;", 0, &ctl), "a&#27;b&#1;");
	ck_assert_int_eq(ctl, 27);
	ck_assert_str_eq(decode("a\x07" "b", 0, &ctl), "a\x07" "b");
	ck_assert_int_eq(ctl, 7);
	ck_assert_str_eq(decode("&#2;text&#3;", ENT_MARKS, &ctl), "text");
	ck_assert_int_eq(ctl, -1);
	ck_assert_str_eq(decode("&#2;text&#3;", 0, &ctl), "&#2;text&#3;");
	ck_assert_int_eq(ctl, 2);
	ck_assert_int_eq(entity_ctl("ok\tok\r", 6), -1);
	ck_assert_int_eq(entity_ctl("a\0b", 3), 0);
	ck_assert_int_eq(entity_isctl(0x85), 1);
	ck_assert_int_eq(entity_isctl(0xa0), 0);
}
END_TEST

START_TEST(trec_next_reads_each_kind_of_paragraph)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Title</HEAD>\n"
	    "<TEXT>\n   First para\nwrapped.\n   Second.\n\nThird\n</TEXT>\n"
	    "</DOC>\n"
	    "<DOC id=\"NYT_ENG_20050101.0001\" type=\"story\" >\n<TEXT>\n"
	    "<P>\n  one\n  still one\n</P>\n<P>two</P><P>three</P>\n"
	    "</TEXT>\n</DOC>\n", FMT_AUTO, &w),
	    "1988-02-12|Title||First para wrapped.\\nSecond.\\nThird|1\n"
	    "2005-01-01|||one still one\\ntwo\\nthree|12\n");
	ck_assert_str_eq(w, "");
}
END_TEST

START_TEST(trec_next_sorts_elements_by_role)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "\xef\xbb\xbf<DOC>\r\n<DOCNO>X-1</DOCNO>\r\n<H3> <TI> Nested "
	    "<B>bold</B> title </TI></H3>\r\n<HEAD>Second head</HEAD>\r\n"
	    "<BYLINE>By A</BYLINE><BYLINE>Staff Writer</BYLINE>\r\n"
	    "<DATELINE> TOWN </DATELINE>\r\n<DATE>12 March 1990</DATE>\r\n"
	    "<NOTE>left out</NOTE>\r\n<TEXT>\r\na < b and c<d\r\n</TEXT>"
	    "</DOC>\r\n", FMT_AUTO, &w),
	    "1990-03-12|Nested bold title|By A, Staff Writer|"
	    "Second head\\nTOWN a < b and c<d|1\n");
	ck_assert_str_eq(w, "");
}
END_TEST

START_TEST(trec_next_keeps_tabs_and_backslashes)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "<DOC><HEAD>H\\</HEAD>\n<TEXT>\na\tb \\ c\t\r\nplain\r\n"
	    "\tx &amp;\\y\t</TEXT></DOC><DOC><HEAD>\tN</HEAD></DOC>\n",
	    FMT_AUTO, &w),
	    "|H\\\\||a\\tb \\\\ c plain\\nx &\\\\y|1\n"
	    "|N|||5\n");
	ck_assert_str_eq(w, "");
}
END_TEST

START_TEST(trec_next_recovers_damage)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "<DOC>\n<HEAD>A</HEAD>\n<DOC>\n<HEAD>B</HEAD>\n</DOC>junk\n"
	    "<DOC><HEAD>C&#7;</HEAD><DATE>1990-02-30</DATE>\n<TEXT>cut",
	    FMT_AUTO, &w),
	    "|A|||1\n|B|||3\n|C&#7;||cut|6\n");
	ck_assert_str_eq(w,
	    "3:kept:no </DOC> ends the article begun at line 1; it ends here\n"
	    "5:lost:text outside <DOC> left out\n"
	    "6:kept:control character U+0007 kept as written\n"
	    "7:lost:the file ends inside the article begun at line 6 (no "
	    "</DOC>); the part read is kept\n"
	    "6:kept:date 1990-02-30 is not a real day; the article is kept "
	    "without a date\n");
}
END_TEST

START_TEST(reuters_next_reads_the_collection_s_layout)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
	    "<REUTERS NEWID=\"1\">\n<DATE> 5-MAR-1987 09:16:24.13</DATE>\n"
	    "<UNKNOWN>&#5;&#5;C\n&#22;&#1;f0704&#31;reute</UNKNOWN>\n"
	    "<TEXT>&#2;\n<TITLE>T &amp; T</TITLE>\n<AUTHOR> by X </AUTHOR>\n"
	    "<DATELINE>    CITY, March 5 - </DATELINE><BODY>One\ntwo.\n"
	    "    Three.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
	    "<REUTERS NEWID=\"2\">\n<DATE>6-MAR-1987</DATE>\n"
	    "<TEXT TYPE=\"UNPROC\">&#2;\nRAW TABLE\n    A 1\n&#3;\n</TEXT>\n"
	    "</REUTERS>\n", FMT_AUTO, &w),
	    "1987-03-05|T & T|by X|CITY, March 5 - One two.\\nThree.\\n"
	    "Reuter|2\n"
	    "1987-03-06|||RAW TABLE\\nA 1|15\n");
	ck_assert_str_eq(w, "");
}
END_TEST

START_TEST(sniffers_tell_the_sgml_collections)
{
	ck_assert_int_eq(trec_sniff("<DOC>", 5), 1);
	ck_assert_int_eq(trec_sniff("  <doc id=\"x\">", 14), 1);
	ck_assert_int_eq(trec_sniff("<DOCNO>", 7), 0);
	ck_assert_int_eq(trec_sniff("<DOC", 4), 0);
	ck_assert_int_eq(reuters_sniff("<!DOCTYPE lewis SYSTEM", 22), 1);
	ck_assert_int_eq(reuters_sniff("<REUTERS TOPICS=\"NO\">", 21), 1);
	ck_assert_int_eq(reuters_sniff("<!DOCTYPE html>", 15), 0);
	ck_assert_int_eq(reuters_sniff("REUTERS", 7), 0);
}
END_TEST

START_TEST(naming_a_format_the_input_lacks_reads_nothing)
{
	const char *w;
	int told;

	ck_assert_str_eq(readall("date - T\n\nbody\n", 15, FMT_REUTERS, &told,
	    &w), "");
	ck_assert_str_eq(w, "1:lost:not reuters input: it does not begin "
	    "with <!DOCTYPE lewis or <REUTERS; file skipped\n");
	ck_assert_str_eq(readall("<DOC>\n</DOC>\n", 13, FMT_AUTO, &told,
	    &w), "||||1\n");
	ck_assert_int_eq(told, FMT_TREC);
	ck_assert_str_eq(readall("<REUTERS>\n</REUTERS>\n", 21, FMT_AUTO,
	    &told, &w), "||||1\n");
	ck_assert_int_eq(told, FMT_REUTERS);
	ck_assert_int_eq(artfmt_byname("trec"), FMT_TREC);
	ck_assert_str_eq(artfmt_name(FMT_REUTERS), "reuters");
}
END_TEST

Suite *
sgml_suite(void)
{
	Suite *s = suite_create("sgml");
	TCase *tc;

	tc = tcase_create("entity_ref");
	tcase_add_test(tc, entity_ref_reads_names_and_numbers);
	tcase_add_test(tc, entity_ref_refuses_what_is_no_reference);
	suite_add_tcase(s, tc);
	tc = tcase_create("entity_decode");
	tcase_add_test(tc, entity_plain_finds_the_first_byte_that_needs_care);
	tcase_add_test(tc, entity_decode_decodes_to_utf8);
	tcase_add_test(tc, entity_decode_keeps_control_characters_and_says_so);
	suite_add_tcase(s, tc);
	tc = tcase_create("trec_next");
	tcase_add_test(tc, trec_next_reads_each_kind_of_paragraph);
	tcase_add_test(tc, trec_next_sorts_elements_by_role);
	tcase_add_test(tc, trec_next_keeps_tabs_and_backslashes);
	tcase_add_test(tc, trec_next_recovers_damage);
	suite_add_tcase(s, tc);
	tc = tcase_create("reuters_next");
	tcase_add_test(tc, reuters_next_reads_the_collection_s_layout);
	suite_add_tcase(s, tc);
	tc = tcase_create("sniff");
	tcase_add_test(tc, sniffers_tell_the_sgml_collections);
	tcase_add_test(tc, naming_a_format_the_input_lacks_reads_nothing);
	suite_add_tcase(s, tc);
	return s;
}
