/*
 * News and mail dates, and the readers of mail messages and mbox files.
 */
#include <string.h>

#include "date.h"
#include "input.h"
#include "newsdate.h"
#include "reader.h"
#include "tests.h"

#define READ(s, f, w)	readall((s), sizeof(s) - 1, (f), NULL, (w))
#define TOLD(s, t, w)	readall((s), sizeof(s) - 1, FMT_AUTO, (t), (w))

static const char *
nd(const char *s)
{
	static char iso[11];
	enum datecheck r;

	strcpy(iso, "unset");
	r = newsdate_parse(s, strlen(s), iso);
	if (r == DATE_SHAPE)
		return "shape";
	if (r == DATE_IMPOSSIBLE)
		return "impossible";
	return iso;
}

START_TEST(newsdate_parse_reads_every_form)
{
	ck_assert_str_eq(nd("2025-12-03"), "2025-12-03");
	ck_assert_str_eq(nd(" 2025/12/3 extra"), "2025-12-03");
	ck_assert_str_eq(nd("26-FEB-1987 15:01:01.79"), "1987-02-26");
	ck_assert_str_eq(nd(" 5-MAR-1987 09:16:24.13"), "1987-03-05");
	ck_assert_str_eq(nd("Tue, 3 Dec 2025 10:00:00 +0000"), "2025-12-03");
	ck_assert_str_eq(nd("3 Dec 95 10:00 EST"), "1995-12-03");
	ck_assert_str_eq(nd("Sat, 07 Dec 25 09:00:00 PST"), "2025-12-07");
	ck_assert_str_eq(nd("Tuesday, 02-Dec-2025 08:00:00 UTC"),
	    "2025-12-02");
	ck_assert_str_eq(nd("January 1, 1989, Sunday, Home Edition"),
	    "1989-01-01");
	ck_assert_str_eq(nd("Sept. 30, 1990"), "1990-09-30");
	ck_assert_str_eq(nd("Tue Dec  3 10:00:00 2025"), "2025-12-03");
	ck_assert_str_eq(nd("Tue Dec  3 10:00:00 EST 2025"), "2025-12-03");
	ck_assert_str_eq(nd(" 03/24/87"), "1987-03-24");
	ck_assert_str_eq(nd("19940512"), "1994-05-12");
	ck_assert_str_eq(nd("910514"), "1991-05-14");
}
END_TEST

START_TEST(newsdate_parse_refuses_what_is_no_date)
{
	ck_assert_str_eq(nd(""), "shape");
	ck_assert_str_eq(nd("sometime next week"), "shape");
	ck_assert_str_eq(nd("1987 sometime"), "shape");
	ck_assert_str_eq(nd("Mayor 3, 1990"), "shape");
	ck_assert_str_eq(nd("10:00 3 1990"), "shape");
	ck_assert_str_eq(nd("30-FEB-1987"), "impossible");
	ck_assert_str_eq(nd("2025-13-01"), "impossible");
	ck_assert_str_eq(nd("13/24/87"), "impossible");
	ck_assert_str_eq(nd("0000-01-01"), "impossible");
}
END_TEST

START_TEST(newsdate_fromid_reads_document_ids)
{
	char iso[11];

	ck_assert_int_eq(newsdate_fromid("AP880212-0001", 13, iso), DATE_OK);
	ck_assert_str_eq(iso, "1988-02-12");
	ck_assert_int_eq(newsdate_fromid("AFP_ENG_19940512.0004", 21, iso),
	    DATE_OK);
	ck_assert_str_eq(iso, "1994-05-12");
	ck_assert_int_eq(newsdate_fromid("FT911-1", 7, iso), DATE_SHAPE);
	ck_assert_int_eq(newsdate_fromid("X1234567890", 11, iso), DATE_SHAPE);
	ck_assert_int_eq(newsdate_fromid("LA010189-0001", 13, iso),
	    DATE_IMPOSSIBLE);
}
END_TEST

START_TEST(mail_next_reads_one_message)
{
	const char *w;
	int told;

	ck_assert_str_eq(TOLD(
	    "Path: a!b\r\nFrom: \"Doe, J\" <jd@example.org>\r\n"
	    "Subject: Two\r\n\tlines\r\nX-Other: dropped\r\n continued\r\n"
	    "Date: 3 Dec 95 10:00 EST\r\n\r\nPara &amp; one\r\nwraps.\r\n"
	    "\r\n\r\n  Two\x01\r\n", &told, &w),
	    "1995-12-03|Two lines|By Doe, J|Para &amp; one wraps.\\n"
	    "Two\x01|1\n");
	ck_assert_int_eq(told, FMT_MAIL);
	ck_assert_str_eq(w, "13:kept:control character U+0001 kept\n");
}
END_TEST

START_TEST(mail_next_says_where_a_message_is_odd)
{
	const char *w;

	ck_assert_str_eq(READ(
	    "From: jd@example.org (Jane Doe)\nSubject: S\nDate: never\n"
	    "not a header\n\nbody\n", FMT_MAIL, &w),
	    "|S|By Jane Doe|not a header\\nbody|1\n");
	ck_assert_str_eq(w, "4:kept:not a header field; the body begins "
	    "here\n3:kept:date never is not of a known form; the article is "
	    "kept without a date\n");
	ck_assert_str_eq(READ(
	    "Subject: S\nContent-Length: 100\n\nshort\n", FMT_MAIL, &w),
	    "|S||short|1\n");
	ck_assert_str_eq(w, "4:lost:the file ends inside the message begun "
	    "at line 1 (short of its Content-Length); the part read is "
	    "kept\n");
	ck_assert_str_eq(READ("Subject: cut", FMT_MAIL, &w), "|cut|||1\n");
	ck_assert_str_eq(w, "1:lost:the file ends inside the message begun "
	    "at line 1 (in its header); the part read is kept\n");
}
END_TEST

START_TEST(mbox_next_splits_at_from_lines)
{
	const char *w;
	int told;

	ck_assert_str_eq(TOLD(
	    "From a@x Tue Dec  3 10:00:00 2025\nFrom: <a@x>\nSubject: One\n\n"
	    "Hi.\n>From here\n>>From there\n\nFrom the top, no date\n\n"
	    "From b@x Wed Dec  4 10:00:00 2025\nSubject: Two\n"
	    "Date: Thu, 5 Dec 2025 1:00 +0100\n\nBody\n", &told, &w),
	    "2025-12-03|One|By a@x|Hi. From here >From there\\n"
	    "From the top, no date|1\n"
	    "2025-12-05|Two||Body|11\n");
	ck_assert_int_eq(told, FMT_MBOX);
	ck_assert_str_eq(w, "");
}
END_TEST

START_TEST(sniffers_tell_mail_from_headlines)
{
	static const char rest[] = "Subject: s\nX: y\n  z\n\nbody\n";

	ck_assert_int_eq(mail_sniff("From: a@x", 9, rest, strlen(rest)), 1);
	ck_assert_int_eq(mail_sniff("X-A: b", 6, rest, strlen(rest)), 1);
	ck_assert_int_eq(mail_sniff("Q&A: Malcolm Glazer", 19, "\nText\n",
	    6), 0);
	ck_assert_int_eq(mail_sniff("Profile: Gordon Brown", 21,
	    "Date: x\nnot a field\n\n", 21), 0);
	ck_assert_int_eq(mail_sniff(" date 2025-12-03 T", 18, "", 0), 0);
	ck_assert_int_eq(mbox_sniff("From a@x Tue Dec  3 10:00:00 2025", 33,
	    rest, strlen(rest)), 1);
	ck_assert_int_eq(mbox_sniff("From a@x Tue Dec  3 10:00:00 2025", 33,
	    "no field\n", 9), 0);
	ck_assert_int_eq(mbox_sniff("From Kenya with love", 20, rest,
	    strlen(rest)), 0);
}
END_TEST

Suite *
mail_suite(void)
{
	Suite *s = suite_create("mail");
	TCase *tc;

	tc = tcase_create("newsdate");
	tcase_add_test(tc, newsdate_parse_reads_every_form);
	tcase_add_test(tc, newsdate_parse_refuses_what_is_no_date);
	tcase_add_test(tc, newsdate_fromid_reads_document_ids);
	suite_add_tcase(s, tc);
	tc = tcase_create("mail_next");
	tcase_add_test(tc, mail_next_reads_one_message);
	tcase_add_test(tc, mail_next_says_where_a_message_is_odd);
	suite_add_tcase(s, tc);
	tc = tcase_create("mbox_next");
	tcase_add_test(tc, mbox_next_splits_at_from_lines);
	suite_add_tcase(s, tc);
	tc = tcase_create("sniff");
	tcase_add_test(tc, sniffers_tell_mail_from_headlines);
	suite_add_tcase(s, tc);
	return s;
}
