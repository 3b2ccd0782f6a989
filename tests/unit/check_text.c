#include <stdio.h>
#include <string.h>

#include "text.h"
#include "tests.h"

/*
 * Renders the tokens of a text on one line: each word followed by a
 * space, <S n> at the end of a sentence of n words, <Q n:text> at the end
 * of a quotation of n words, <P n> at the end of a paragraph of n words.
 */
static const char *
render(const char *s)
{
	static char out[4096];
	struct textscan sc;
	struct texttok t;
	size_t at = 0;

	out[0] = '\0';
	text_start(&sc, s, strlen(s));
	while (text_scan(&sc, &t) != TT_END) {
		switch (t.type) {
		case TT_WORD:
			at += (size_t)snprintf(out + at, sizeof(out) - at,
			    "%.*s ", (int)t.n, t.p);
			break;
		case TT_SENTENCE:
			at += (size_t)snprintf(out + at, sizeof(out) - at,
			    "<S %zu> ", t.words);
			break;
		case TT_QUOTE:
			at += (size_t)snprintf(out + at, sizeof(out) - at,
			    "<Q %zu:%.*s> ", t.words, (int)t.n, t.p);
			break;
		default:
			at += (size_t)snprintf(out + at, sizeof(out) - at,
			    "<P %zu> ", t.words);
			break;
		}
		ck_assert_uint_lt(at, sizeof(out));
	}
	return out;
}

START_TEST(text_decode_reads_valid_sequences)
{
	static const char *const seq[] = {
		"a", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80"
	};
	static const uint32_t want[] = { 'a', 0xe9, 0x201c, 0x1f600 };
	uint32_t c;
	size_t i, n;

	for (i = 0; i < sizeof(seq) / sizeof(seq[0]); i++) {
		n = strlen(seq[i]);
		ck_assert_uint_eq(text_decode(seq[i], seq[i] + n, &c), n);
		ck_assert_uint_eq(c, want[i]);
	}
}
END_TEST

START_TEST(text_decode_takes_bad_bytes_one_by_one)
{
	static const char *const bad[] = {
		"\x80", "\xc0\x80", "\xed\xa0\x80", "\xe2\x80", "\xf5\x80\x80\x80",
		"\xff", "\xc3"
	};
	uint32_t c;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_uint_eq(text_decode(bad[i], bad[i] + strlen(bad[i]),
		    &c), 1);
		ck_assert_uint_eq(c, TEXT_BADBYTE);
	}
}
END_TEST

START_TEST(text_isalnum_knows_letters_of_every_script)
{
	ck_assert(text_isalnum('a') && text_isalnum('Z') && text_isalnum('7'));
	ck_assert(text_isalnum(0xe9) && text_isalnum(0x434) &&
	    text_isalnum(0x3b1) && text_isalnum(0x5d0) && text_isalnum(0x4e2d));
	ck_assert(text_isalnum(0x301));		/* a combining accent */
	ck_assert(text_isalnum(TEXT_BADBYTE));
}
END_TEST

START_TEST(text_isalnum_rejects_punctuation_and_symbols)
{
	static const uint32_t no[] = {
		',', '.', '-', '\'', ' ', 0xa0, 0xa3, 0xab, 0xd7, 0x2014, 0x2013,
		0x2019, 0x201c, 0x20ac, 0x3002, 0x1f600, 0x37e
	};
	size_t i;

	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		ck_assert_msg(!text_isalnum(no[i]), "U+%04X", (unsigned)no[i]);
}
END_TEST

START_TEST(text_isspace_knows_unicode_spaces)
{
	ck_assert(text_isspace(' ') && text_isspace('\t') &&
	    text_isspace('\n') && text_isspace(0xa0) && text_isspace(0x2009) &&
	    text_isspace(0x3000));
	ck_assert(!text_isspace('a') && !text_isspace(0x200b) &&
	    !text_isspace(0) && !text_isspace(TEXT_BADBYTE));
}
END_TEST

START_TEST(text_isupper_knows_cased_scripts)
{
	static const uint32_t up[] = {
		'A', 0xc9, 0xde, 0x100, 0x139, 0x178, 0x391, 0x3a3, 0x386, 0x410,
		0x401, 0x42f, 0x460, 0x531, 0x1e9e
	};
	static const uint32_t notup[] = {
		'a', '1', 0xd7, 0xdf, 0xe9, 0x101, 0x131, 0x13a, 0x3c3, 0x430,
		0x451, 0x5d0, TEXT_BADBYTE
	};
	size_t i;

	for (i = 0; i < sizeof(up) / sizeof(up[0]); i++)
		ck_assert_msg(text_isupper(up[i]), "U+%04X", (unsigned)up[i]);
	for (i = 0; i < sizeof(notup) / sizeof(notup[0]); i++)
		ck_assert_msg(!text_isupper(notup[i]), "U+%04X",
		    (unsigned)notup[i]);
}
END_TEST

START_TEST(text_foldcp_lowers_each_cased_letter)
{
	uint32_t c;

	for (c = 0; c < 0x600; c++)
		if (text_isupper(c)) {
			ck_assert_msg(!text_isupper(text_foldcp(c)), "U+%04X",
			    (unsigned)c);
			ck_assert_msg(text_foldcp(c) != c, "U+%04X", (unsigned)c);
		}
	ck_assert_uint_eq(text_foldcp(0x3c2), 0x3c3);	/* final sigma */
	ck_assert_uint_eq(text_foldcp(0x130), 'i');
	ck_assert_uint_eq(text_foldcp(0x178), 0xff);
	ck_assert_uint_eq(text_foldcp(0x4e2d), 0x4e2d);
}
END_TEST

START_TEST(text_fold_lowers_latin_greek_and_cyrillic)
{
	const char in[] = "ÉCOLE Über ŁÓDŹ ΣΟΦΊΑ ΟΔΌΣ Дом ЁЛКА Ѣ";
	char out[sizeof(in)];
	size_t n;

	n = text_fold(out, sizeof(out), in, strlen(in));
	ck_assert_uint_eq(n, strlen(in));
	out[n] = '\0';
	ck_assert_str_eq(out, "école über łódź σοφία οδόσ дом ёлка ѣ");
}
END_TEST

START_TEST(text_fold_keeps_bad_bytes_and_cuts_at_a_code_point)
{
	char buf[32], out[8];
	size_t n;

	strcpy(buf, "A\xff\xc3" "B\xd0\x94");	/* A, bad, bad, B, Д */
	n = text_fold(buf, sizeof(buf), buf, strlen(buf));
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(memcmp(buf, "a\xff\xc3" "b\xd0\xb4", 6), 0);
	/* Three bytes of room: a, the bad byte, and no half of an é. */
	n = text_fold(out, 3, "A\xff\xc3\x89", 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(memcmp(out, "a\xff", 2), 0);
	ck_assert_uint_eq(text_fold(out, sizeof(out), "", 0), 0);
	ck_assert_uint_eq(text_fold(out, sizeof(out), "\xc4\xb0", 2), 1);
	ck_assert_int_eq(out[0], 'i');
}
END_TEST

START_TEST(text_chars_counts_code_points)
{
	ck_assert_uint_eq(text_chars("a\xc3\xb1\xe2\x80\x94\xd0\xb4", 8), 4);
	ck_assert_uint_eq(text_chars("", 0), 0);
}
END_TEST

START_TEST(text_chars_counts_each_bad_byte_once)
{
	ck_assert_uint_eq(text_chars("\xff\xfe", 2), 2);
	ck_assert_uint_eq(text_chars("\xe2\x80", 2), 2);
	ck_assert_uint_eq(text_chars("a\x80" "b", 3), 3);
}
END_TEST

START_TEST(text_paragraphs_counts_lines_with_text)
{
	ck_assert_uint_eq(text_paragraphs("a\nb\n\n \t\nc", 9), 3);
	ck_assert_uint_eq(text_paragraphs("one", 3), 1);
}
END_TEST

START_TEST(text_paragraphs_of_nothing_is_zero)
{
	ck_assert_uint_eq(text_paragraphs("", 0), 0);
	ck_assert_uint_eq(text_paragraphs(" \n\t\n", 4), 0);
}
END_TEST

START_TEST(text_syllables_follows_vowel_groups)
{
	ck_assert_uint_eq(text_syllables("make", 4), 1);
	ck_assert_uint_eq(text_syllables("whole", 5), 1);
	ck_assert_uint_eq(text_syllables("table", 5), 2);
	ck_assert_uint_eq(text_syllables("the", 3), 1);
	ck_assert_uint_eq(text_syllables("reading", 7), 2);
	ck_assert_uint_eq(text_syllables("beautiful", 9), 3);
	/* ne-go-ti-a-tions has five, but "ia" is one group of vowels */
	ck_assert_uint_eq(text_syllables("Negotiations", 12), 4);
}
END_TEST

START_TEST(text_syllables_gives_every_word_at_least_one)
{
	ck_assert_uint_eq(text_syllables("1999", 4), 1);
	ck_assert_uint_eq(text_syllables("BBC", 3), 1);
	ck_assert_uint_eq(text_syllables("\xff", 1), 1);
	/* молоко: three Cyrillic vowel groups */
	ck_assert_uint_eq(text_syllables("\xd0\xbc\xd0\xbe\xd0\xbb\xd0\xbe"
	    "\xd0\xba\xd0\xbe", 12), 3);
}
END_TEST

START_TEST(text_scan_keeps_words_whole_across_joiners)
{
	ck_assert_str_eq(render("five-hour Ukraine’s U.S. 28-point 13.7 "
	    "150,000 it's"),
	    "five-hour Ukraine’s U.S 28-point 13.7 150,000 it's <S 7> <P 7> ");
	ck_assert_str_eq(render("Trump–Putin proposal—despite Union,dismissed "
	    "a/b 1,a - x' 'y -z"),
	    "Trump Putin proposal despite Union dismissed a b 1 a x y z "
	    "<S 13> <P 13> ");
}
END_TEST

START_TEST(text_scan_ends_sentences_before_capitals_only)
{
	ck_assert_str_eq(render("It fell. Then it rose! Why? “Because.” "
	    "In 2004. 2005 came."),
	    "It fell <S 2> Then it rose <S 3> Why <S 1> Because "
	    "<Q 1:Because.> <S 1> In 2004 <S 2> 2005 came <S 2> <P 11> ");
	ck_assert_str_eq(render("\"Is it?\" he says. Think?, a show... and "
	    "more.Then"),
	    "Is it <Q 2:Is it?> he says <S 4> Think a show and more.Then "
	    "<S 5> <P 9> ");
}
END_TEST

START_TEST(text_scan_keeps_abbreviations_and_initials_in_the_sentence)
{
	ck_assert_str_eq(render("Mr. Smith met Dr. Who in the U.S. on Jan. 5. "
	    "George W. Bush left."),
	    "Mr Smith met Dr Who in the U.S on Jan 5 <S 11> George W Bush left "
	    "<S 4> <P 15> ");
	ck_assert_str_eq(render("It ended in the U.S. The"),
	    "It ended in the U.S The <S 6> <P 6> ");
}
END_TEST

START_TEST(text_scan_never_runs_a_sentence_over_a_paragraph)
{
	ck_assert_str_eq(render("no end here\nNext one\n\n\n- bullet"),
	    "no end here <S 3> <P 3> Next one <S 2> <P 2> bullet <S 1> <P 1> ");
	ck_assert_str_eq(render(""), "");
	ck_assert_str_eq(render(" \n \n"), "");
	ck_assert_str_eq(render("...\n—"), "<P 0> <P 0> ");
}
END_TEST

START_TEST(text_scan_finds_quotations_of_every_kind)
{
	ck_assert_str_eq(render("a “b c” ‘d’ «e f» \"g\" envoys’ x"),
	    "a b c <Q 2:b c> d <Q 1:d> e f <Q 2:e f> g <Q 1:g> envoys x <S 9> "
	    "<P 9> ");
	/* A quotation inside another ends first. */
	ck_assert_str_eq(render("“He said ‘no’ twice”"),
	    "He said no <Q 1:no> twice <Q 4:He said ‘no’ twice> <S 4> <P 4> ");
}
END_TEST

START_TEST(text_scan_runs_a_quotation_over_a_paragraph_break_once)
{
	ck_assert_str_eq(render("\"First part.\n\"Second.\" He left."),
	    "First part <S 2> <P 2> Second <Q 3:First part.\n\"Second.> <S 1> "
	    "He left <S 2> <P 3> ");
	/* News style: a new opening mark goes on with the quotation. */
	ck_assert_str_eq(render("\"One. \"Two,\" he said."),
	    "One <S 1> Two <Q 2:One. \"Two,> he said <S 3> <P 4> ");
}
END_TEST

START_TEST(text_scan_reads_the_marks_of_other_languages)
{
	/* German and Polish: „ opens, “ or ” closes. */
	ck_assert_str_eq(render("„Wir schaffen das“, sagte er. „Ja.“ Gut."),
	    "Wir schaffen das <Q 3:Wir schaffen das> sagte er <S 5> Ja "
	    "<Q 1:Ja.> <S 1> Gut <S 1> <P 7> ");
	ck_assert_str_eq(render("On rzekł „tak” i wyszedł."),
	    "On rzekł tak <Q 1:tak> i wyszedł <S 5> <P 5> ");
	/* Chinese and Japanese: 。！？ end a sentence with no space after. */
	ck_assert_str_eq(render("会議を開いた。首相は「回復している」と述べた！"
	    "野党は？"),
	    "会議を開いた <S 1> 首相は 回復している <Q 1:回復している> "
	    "と述べた <S 3> 野党は <S 1> <P 5> ");
	ck_assert_str_eq(render("『甲』乙。"),
	    "甲 <Q 1:甲> 乙 <S 2> <P 2> ");
	/* Hindi and Arabic stops, before letters without case. */
	ck_assert_str_eq(render("वह आया। वह गया।"),
	    "वह आया <S 2> वह गया <S 2> <P 4> ");
	ck_assert_str_eq(render("هل جاء؟ نعم"),
	    "هل جاء <S 2> نعم <S 1> <P 3> ");
}
END_TEST

START_TEST(text_scan_survives_unbalanced_marks)
{
	ck_assert_str_eq(render("He said \"never closed\n\nNext para."),
	    "He said never closed <Q 2:never closed> <S 4> <P 4> Next para "
	    "<S 2> <P 2> ");
	ck_assert_str_eq(render("a 6\" b ” c » d"),
	    "a 6 b c d <S 5> <P 5> ");
	ck_assert_str_eq(render("“ “ “"), "<Q 0: “ “> <P 0> ");
}
END_TEST

START_TEST(text_scan_counts_cyrillic_text)
{
	ck_assert_str_eq(render("Привет, мир. Это тест «цитата»."),
	    "Привет мир <S 2> Это тест цитата <Q 1:цитата> <S 3> <P 5> ");
}
END_TEST

START_TEST(text_scan_flags_capitals_and_sentence_starts)
{
	const char s[] = "The Kremlin said “Putin 2 won”.\nÉtienne";
	unsigned want[] = {
		TW_CAP | TW_SENT | TW_PARA, TW_CAP, 0, TW_CAP | TW_QUOTED,
		TW_DIGIT | TW_QUOTED, TW_QUOTED, TW_CAP | TW_SENT | TW_PARA
	};
	struct textscan sc;
	struct texttok t;
	size_t i = 0;

	text_start(&sc, s, strlen(s));
	while (text_scan(&sc, &t) != TT_END)
		if (t.type == TT_WORD) {
			ck_assert_uint_lt(i, sizeof(want) / sizeof(want[0]));
			ck_assert_uint_eq(t.flags, want[i]);
			i++;
		}
	ck_assert_uint_eq(i, 7);
}
END_TEST

/*
 * A word after blanks goes straight to the caller when nothing waits in
 * the scanner; the order of the tokens, their flags and paragraphs stay
 * those of the slow way.
 */
START_TEST(text_scan_hands_out_words_after_blanks_in_order)
{
	const char s[] = "A b\n\n  C\td  e.\t Fg\n";
	unsigned want[] = {
		TW_CAP | TW_SENT | TW_PARA, 0, TW_CAP | TW_SENT | TW_PARA, 0,
		0, TW_CAP | TW_SENT
	};
	size_t para[] = { 1, 1, 2, 2, 2, 2 };
	struct textscan sc;
	struct texttok t;
	size_t i = 0;

	ck_assert_str_eq(render("It fell.\t  Then   it\trose. \"Yes\"  "
	    "she\vsaid"),
	    "It fell <S 2> Then it rose <S 3> Yes <Q 1:Yes> she said <S 3> "
	    "<P 8> ");
	text_start(&sc, s, strlen(s));
	while (text_scan(&sc, &t) != TT_END)
		if (t.type == TT_WORD) {
			ck_assert_uint_lt(i, sizeof(want) / sizeof(want[0]));
			ck_assert_uint_eq(t.flags, want[i]);
			ck_assert_uint_eq(t.para, para[i]);
			i++;
		}
	ck_assert_uint_eq(i, 6);
}
END_TEST

/*
 * Runs of letters and digits are read sixteen bytes at a time where the
 * text goes on that far: words that end before, at and after sixteen
 * bytes, across joiners, and at the end of the text come out whole.
 */
START_TEST(text_scan_reads_long_words_whole)
{
	ck_assert_str_eq(render("abcdefghijklmno abcdefghijklmnop "
	    "abcdefghijklmnopq abcdefghijklmnopqrstuvwxyz0123456789!"
	    "Abcdefghijklmnop-qrstuvwxyz abcdefghijklmnop\xe2\x80\x99s "
	    "x\xc3\xa9" "abcdefghijklmnopqrstu.vw 123456789012345,678 "
	    "abcdefghijklmnopqrstuvwxyz"),
	    "abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq "
	    "abcdefghijklmnopqrstuvwxyz0123456789 "
	    "Abcdefghijklmnop-qrstuvwxyz abcdefghijklmnop\xe2\x80\x99s "
	    "x\xc3\xa9" "abcdefghijklmnopqrstu.vw 123456789012345,678 "
	    "abcdefghijklmnopqrstuvwxyz <S 9> <P 9> ");
}
END_TEST

START_TEST(text_count_counts_in_one_pass)
{
	struct textcount c;
	const char s[] = "Tests work. “Yes,” he said.\n\nThe end";

	text_count(s, strlen(s), &c, TC_SYLLABLES);
	ck_assert_uint_eq(c.paragraphs, 2);
	ck_assert_uint_eq(c.sentences, 3);
	ck_assert_uint_eq(c.words, 7);
	ck_assert_uint_eq(c.quotes, 1);
	ck_assert_uint_eq(c.syllables, 7);
}
END_TEST

START_TEST(text_count_of_quotations_only_and_of_nothing)
{
	struct textcount c;

	text_count("“Yes.”\n“No.”", strlen("“Yes.”\n“No.”"), &c, 0);
	ck_assert_uint_eq(c.paragraphs, 2);
	ck_assert_uint_eq(c.sentences, 2);
	ck_assert_uint_eq(c.words, 2);
	ck_assert_uint_eq(c.quotes, 2);
	text_count("", 0, &c, TC_SYLLABLES);
	ck_assert_uint_eq(c.paragraphs + c.sentences + c.words + c.quotes +
	    c.syllables, 0);
}
END_TEST

/* Pieces of text of every kind, for texts made at random. */
static const char *const piece[] = {
	"a", "B", "7", " ", "  ", ".", ",", "-", "'", "!", "?", "\"",
	"\n", "\t", "(", ")", "e", "The", "Mr", "U.S.", "1,2,3 ",
	"150,000", "five-hour ", "it's ", "ab,cd ", "hello world ",
	"abcdefghij", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d",
	"\xe2\x80\x98", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x94",
	"\xe2\x80\xa6", "\xc3\xa9", "\xd0\x94", "\xff", "\xe2\x80",
	"\xe2\x80\x93", "Tokyo\xe2\x80\x99s ", "caf\xc3\xa9 ",
	"\xc3\x97", "\xc2\xa0", "a-b", "x'y", "1990's ", "\xc3",
	"the quick brown fox ", "\xe2\x80\x99s", "\xe2\x80\x94 ",
	"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 ",
	"\xe2\x80\x9e", "\xe3\x80\x8c", "\xe3\x80\x8d",
	"\xe3\x80\x8e", "\xe3\x80\x8f", "\xe3\x80\x82",
	"\xef\xbc\x81", "\xef\xbc\x9f", "\xe0\xa5\xa4",
	"\xd8\x9f", "\xe6\xbc\xa2\xe5\xad\x97", ". ", "end. Next ",
	"Mr. Smith ", "S. Best", "e.g. ", "vs. Bo", "No. 5", "? Yes",
	"! 4", "v. C", "x. y", "\xc3\x89. A", "Sen. \xc3\x89"
};

/* Fills buf (1024 bytes) with pieces at random and returns its length. */
static size_t
mixed(unsigned long *seed, char *buf)
{
	size_t n, l, k, np = sizeof(piece) / sizeof(piece[0]);

	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	for (n = 0, k = (*seed >> 33) % 150; k > 0; k--) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		l = strlen(piece[(*seed >> 33) % np]);
		if (n + l > 1024)
			break;
		memcpy(buf + n, piece[(*seed >> 33) % np], l);
		n += l;
	}
	return n;
}

/* Counts n bytes at s both ways: by counting and by the scanner's tokens. */
static void
countsagree(const char *s, size_t n)
{
	struct textcount c1, c2;

	text_count(s, n, &c1, 0);
	text_count(s, n, &c2, TC_SYLLABLES);
	ck_assert_uint_eq(c1.words, c2.words);
	ck_assert_uint_eq(c1.sentences, c2.sentences);
	ck_assert_uint_eq(c1.quotes, c2.quotes);
	ck_assert_uint_eq(c1.paragraphs, c2.paragraphs);
}

/* The words text_countwords() hands out, one line, each after a '|'. */
struct hooked {
	char	 out[4096];
	size_t	 at;
	size_t	 calls;
	int	 fail;		/* return -1 from the first call */
};

static int
hook(void *arg, const struct textword *w, size_t nw)
{
	struct hooked *h = arg;
	size_t i;

	h->calls++;
	ck_assert_uint_gt(nw, 0);
	ck_assert_uint_le(nw, TEXT_WORDS);
	if (h->fail)
		return -1;
	for (i = 0; i < nw; i++) {
		h->at += (size_t)snprintf(h->out + h->at,
		    sizeof(h->out) - h->at, "|%.*s", (int)w[i].n, w[i].p);
		ck_assert_uint_lt(h->at, sizeof(h->out));
	}
	return 0;
}

/* The words of n bytes at s by text_countwords(), its counts in *c. */
static const char *
countwords(const char *s, size_t n, struct textcount *c)
{
	static struct hooked h;

	memset(&h, 0, sizeof(h));
	ck_assert_int_eq(text_countwords(s, n, c, hook, &h), 0);
	return h.out;
}

/* The same by the scanner's TT_WORD tokens. */
static const char *
scanwords(const char *s, size_t n)
{
	static char out[4096];
	struct textscan sc;
	struct texttok t;
	size_t at = 0;

	out[0] = '\0';
	text_start(&sc, s, n);
	while (text_scan(&sc, &t) != TT_END)
		if (t.type == TT_WORD) {
			at += (size_t)snprintf(out + at, sizeof(out) - at,
			    "|%.*s", (int)t.n, t.p);
			ck_assert_uint_lt(at, sizeof(out));
		}
	return out;
}

/*
 * text_countwords() hands out the scanner's words and text_count()'s
 * counts, which are the scanner's.
 */
static void
agrees(const char *s, size_t n)
{
	struct textcount c, want;

	ck_assert_str_eq(countwords(s, n, &c), scanwords(s, n));
	countsagree(s, n);
	text_count(s, n, &want, 0);
	ck_assert_uint_eq(c.words, want.words);
	ck_assert_uint_eq(c.sentences, want.sentences);
	ck_assert_uint_eq(c.quotes, want.quotes);
	ck_assert_uint_eq(c.paragraphs, want.paragraphs);
}

START_TEST(text_countwords_hands_out_the_words_and_the_counts)
{
	const char *s = "The U.S. said 150,000 people\xe2\x80\x99s homes in "
	    "S\xc3\xa3o Paulo were hit.  \xe2\x80\x9cIt\xe2\x80\x99s "
	    "bad,\xe2\x80\x9d he said.\n\nFive-hour talks end.\n";
	struct textcount c;

	ck_assert_str_eq(countwords(s, strlen(s), &c),
	    "|The|U.S|said|150,000|people\xe2\x80\x99s|homes|in|"
	    "S\xc3\xa3o|Paulo|were|hit|It\xe2\x80\x99s|bad|he|said|Five-hour|"
	    "talks|end");
	ck_assert_uint_eq(c.words, 18);
	ck_assert_uint_eq(c.sentences, 3);
	ck_assert_uint_eq(c.quotes, 1);
	ck_assert_uint_eq(c.paragraphs, 2);
	ck_assert_uint_eq(c.syllables, 0);
	agrees(s, strlen(s));
}
END_TEST

START_TEST(text_countwords_keeps_words_whole_across_a_block_edge)
{
	/* Each word, from 12 bytes before the edge of a block to after. */
	static const char *const word[] = {
		"crossing", "caf\xc3\xa9s",
		"\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2",
		"O\xe2\x80\x99" "Brien", "150,000", "five-hour", "U.S.A",
		"it's", "\xf0\x90\x90\x80\xf0\x90\x90\x80", "ab\xff" "cd",
		"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		"e\xe2\x80\x91mail"
	};
	char buf[256], want[64];
	size_t i, at, n;

	for (i = 0; i < sizeof(word) / sizeof(word[0]); i++)
		for (at = 52; at <= 66; at++) {
			/* Counting's blocks begin at the first letter, x. */
			memset(buf, ' ', at);
			buf[0] = 'x';
			n = at + (size_t)snprintf(buf + at, sizeof(buf) - at,
			    "%s. Y", word[i]);
			snprintf(want, sizeof(want), "|x|%s|Y", word[i]);
			ck_assert_str_eq(countwords(buf, n, &(struct textcount){
			    0 }), want);
			agrees(buf, n);
		}
}
END_TEST

START_TEST(text_countwords_reads_bad_bytes_as_letters_and_joins_nothing)
{
	const char *s = "\xff\xfe ab\xc3 \xe2\x80\x99x y\xe2\x80\x99 "
	    "z- -w 1,a a,1 2,,3 \xe2\x80";
	struct textcount c;

	ck_assert_str_eq(countwords(s, strlen(s), &c),
	    "|\xff\xfe|ab\xc3|x|y|z|w|1|a|a|1|2|3|\xe2\x80");
	ck_assert_uint_eq(c.words, 13);
	agrees(s, strlen(s));
}
END_TEST

START_TEST(text_countwords_of_nothing_hands_out_nothing)
{
	static const char *const empty[] = { "", " ", "\n\n", " \t \n ",
	    ". , ! \xe2\x80\x9c\xe2\x80\x9d" };
	struct hooked h;
	struct textcount c;
	size_t i;

	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
		memset(&h, 0, sizeof(h));
		ck_assert_int_eq(text_countwords(empty[i], strlen(empty[i]),
		    &c, hook, &h), 0);
		ck_assert_uint_eq(h.calls, 0);
		ck_assert_uint_eq(c.words, 0);
		ck_assert_uint_eq(c.sentences, 0);
	}
}
END_TEST

START_TEST(text_countwords_reads_a_tail_shorter_than_a_block)
{
	char buf[200];
	struct textcount c;
	size_t n;

	ck_assert_str_eq(countwords("short text", 10, &c), "|short|text");
	ck_assert_uint_eq(c.paragraphs, 1);
	/* The last word from the last whole block into the tail. */
	memset(buf, ' ', sizeof(buf));
	buf[0] = 'a';
	memcpy(buf + 60, "tailword", 8);
	ck_assert_str_eq(countwords(buf, 68, &c), "|a|tailword");
	/* A text of one block and none of a tail; the end of a word. */
	memcpy(buf + 56, "tailword", 8);
	ck_assert_str_eq(countwords(buf, 64, &c), "|a|tailword");
	ck_assert_str_eq(countwords(buf, 61, &c), "|a|tailw");
	for (n = 0; n <= sizeof(buf); n++)
		agrees(buf, n);
}
END_TEST

START_TEST(text_countwords_hands_out_batches_and_stops_when_told)
{
	char buf[3000];
	struct hooked h;
	struct textcount c;
	size_t i;

	for (i = 0; i < 1000; i++)
		memcpy(buf + 3 * i, i % 7 ? "ab " : "c. ", 3);
	memset(&h, 0, sizeof(h));
	ck_assert_int_eq(text_countwords(buf, 3000, &c, hook, &h), 0);
	ck_assert_uint_ge(h.calls, 1000 / TEXT_WORDS);
	ck_assert_uint_eq(c.words, 1000);
	agrees(buf, 3000);
	memset(&h, 0, sizeof(h));
	h.fail = 1;
	ck_assert_int_eq(text_countwords(buf, 3000, &c, hook, &h), -1);
	ck_assert_uint_eq(h.calls, 1);
}
END_TEST

/*
 * Counting reads sixty-four bytes at a time as bit masks and steps in
 * only at the marks that may end a sentence, a quotation or a paragraph,
 * some of them the quick way (a mark, a space, a capital); the scanner
 * reads every code point.  On texts made of pieces that meet at every
 * offset, and so across the edges of the blocks, both must find the same
 * units, and text_countwords() the scanner's words.
 */
START_TEST(text_count_agrees_with_the_tokens_on_mixed_text)
{
	char buf[1024];
	unsigned long seed = 7;
	int i;

	for (i = 0; i < 5000; i++)
		agrees(buf, mixed(&seed, buf));
}
END_TEST

/*
 * Counts a text made of form, with each # replaced by the n bytes at b,
 * both ways (countsagree()).
 */
static void
countboth(const char *form, const char *b, size_t n)
{
	char buf[320];
	size_t i, j;

	for (j = 0; j + strlen(form) * n < sizeof(buf); )
		for (i = 0; form[i] != '\0'; i++)
			if (form[i] == '#') {
				memcpy(buf + j, b, n);
				j += n;
			} else
				buf[j++] = form[i];
	countsagree(buf, j);
}

/*
 * Counting classifies bytes by tables or comparisons, the scanner by
 * code points: each byte value, each two-byte sequence and the
 * three-byte ones that begin with E2, between letters, digits and marks,
 * at every offset of a block, must count the same both ways.
 */
START_TEST(text_count_classifies_every_byte_as_the_scanner_does)
{
	static const char form[] = "ab#c##1#2. #D \"#x\" #.#\n";
	char b[3];
	int i, j;

	for (i = 0; i < 256; i++) {
		b[0] = (char)i;
		countboth(form, b, 1);
	}
	for (i = 0xc0; i < 0xe0; i++)
		for (j = 0; j < 256; j++) {
			b[0] = (char)i;
			b[1] = (char)j;
			countboth(form, b, 2);
		}
	/* The general punctuation (E2 80 xx) and its neighbours. */
	b[0] = (char)0xe2;
	for (i = 0; i < 4; i++)
		for (j = 0; j < 256; j++) {
			b[1] = "\x7f\x80\x81\xbf"[i];
			b[2] = (char)j;
			countboth(form, b, 3);
		}
}
END_TEST

static const char *
speaker(const char *text, const char *q)
{
	static char out[64];
	const char *p = strstr(text, q), *sp;
	size_t sn;

	ck_assert_ptr_nonnull(p);
	if (!text_speaker(text, strlen(text), p, strlen(q), &sp, &sn))
		return "";
	snprintf(out, sizeof(out), "%.*s", (int)sn, sp);
	return out;
}

START_TEST(text_speaker_finds_the_name_by_the_verb)
{
	ck_assert_str_eq(speaker("“Yes,” said Ushakov.", "Yes,"), "Ushakov");
	ck_assert_str_eq(speaker("“Yes,” said Mr Yuri Ushakov, an aide.",
	    "Yes,"), "Mr Yuri Ushakov");
	ck_assert_str_eq(speaker("“No,” he added.", "No,"), "he");
	ck_assert_str_eq(speaker("\"Fine,\" Jane Doe told reporters.",
	    "Fine,"), "Jane Doe");
	ck_assert_str_eq(speaker("It fell. But Putin warned that it is "
	    "“ready right now” if one begins.", "ready right now"), "Putin");
	ck_assert_str_eq(speaker("Owen said: \"I have.\nNot me.\" More.",
	    "I have.\nNot me."), "Owen");
}
END_TEST

START_TEST(text_speaker_guesses_nothing_without_a_verb)
{
	ck_assert_str_eq(speaker("“No.” The end.", "No."), "");
	ck_assert_str_eq(speaker("They made “some progress”, the Minister "
	    "said.", "some progress"), "");
	ck_assert_str_eq(speaker("Europe, Putin and others said “x”.", "x"),
	    "");
	ck_assert_str_eq(speaker("“x”", "x"), "");
}
END_TEST

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("text_decode");
	tcase_add_test(tc, text_decode_reads_valid_sequences);
	tcase_add_test(tc, text_decode_takes_bad_bytes_one_by_one);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_isalnum");
	tcase_add_test(tc, text_isalnum_knows_letters_of_every_script);
	tcase_add_test(tc, text_isalnum_rejects_punctuation_and_symbols);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_isspace");
	tcase_add_test(tc, text_isspace_knows_unicode_spaces);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_isupper");
	tcase_add_test(tc, text_isupper_knows_cased_scripts);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_fold");
	tcase_add_test(tc, text_foldcp_lowers_each_cased_letter);
	tcase_add_test(tc, text_fold_lowers_latin_greek_and_cyrillic);
	tcase_add_test(tc, text_fold_keeps_bad_bytes_and_cuts_at_a_code_point);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_chars");
	tcase_add_test(tc, text_chars_counts_code_points);
	tcase_add_test(tc, text_chars_counts_each_bad_byte_once);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_paragraphs");
	tcase_add_test(tc, text_paragraphs_counts_lines_with_text);
	tcase_add_test(tc, text_paragraphs_of_nothing_is_zero);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_syllables");
	tcase_add_test(tc, text_syllables_follows_vowel_groups);
	tcase_add_test(tc, text_syllables_gives_every_word_at_least_one);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_scan");
	tcase_add_test(tc, text_scan_keeps_words_whole_across_joiners);
	tcase_add_test(tc, text_scan_ends_sentences_before_capitals_only);
	tcase_add_test(tc,
	    text_scan_keeps_abbreviations_and_initials_in_the_sentence);
	tcase_add_test(tc, text_scan_never_runs_a_sentence_over_a_paragraph);
	tcase_add_test(tc, text_scan_finds_quotations_of_every_kind);
	tcase_add_test(tc,
	    text_scan_runs_a_quotation_over_a_paragraph_break_once);
	tcase_add_test(tc, text_scan_reads_the_marks_of_other_languages);
	tcase_add_test(tc, text_scan_survives_unbalanced_marks);
	tcase_add_test(tc, text_scan_counts_cyrillic_text);
	tcase_add_test(tc, text_scan_flags_capitals_and_sentence_starts);
	tcase_add_test(tc, text_scan_hands_out_words_after_blanks_in_order);
	tcase_add_test(tc, text_scan_reads_long_words_whole);
	suite_add_tcase(s, tc);
	/*
	 * The tests of counting against the scanner read thousands of texts:
	 * seconds under the sanitizers, more than Check's default of four.
	 */
	tc = tcase_create("text_count");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, text_count_counts_in_one_pass);
	tcase_add_test(tc, text_count_of_quotations_only_and_of_nothing);
	tcase_add_test(tc, text_count_classifies_every_byte_as_the_scanner_does);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_countwords");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, text_countwords_hands_out_the_words_and_the_counts);
	tcase_add_test(tc,
	    text_countwords_keeps_words_whole_across_a_block_edge);
	tcase_add_test(tc,
	    text_countwords_reads_bad_bytes_as_letters_and_joins_nothing);
	tcase_add_test(tc, text_countwords_of_nothing_hands_out_nothing);
	tcase_add_test(tc, text_countwords_reads_a_tail_shorter_than_a_block);
	tcase_add_test(tc,
	    text_countwords_hands_out_batches_and_stops_when_told);
	tcase_add_test(tc, text_count_agrees_with_the_tokens_on_mixed_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("text_speaker");
	tcase_add_test(tc, text_speaker_finds_the_name_by_the_verb);
	tcase_add_test(tc, text_speaker_guesses_nothing_without_a_verb);
	suite_add_tcase(s, tc);
	return s;
}
