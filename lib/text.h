/*
 * text.h: UTF-8 text cut into paragraphs, sentences, words and direct
 * quotations, and case folding.
 *
 * The rules (man/artfields.1 gives them in full):
 *
 * - A paragraph is a line ('\n' ends it) holding something other than
 *   white space.  A body of an article is its paragraphs, one a line.
 * - A word is a run of letters and digits of any script, kept whole
 *   across an apostrophe (' or U+2019), a hyphen or a dot with a letter or
 *   digit on both sides, and across a comma with a digit on both sides
 *   (150,000).  Bytes that are not valid UTF-8 count as letters.
 * - A sentence ends at . ! ? an ellipsis (U+2026), । ॥ ؟ or ۔, and after
 *   any closing quotation marks and brackets right after it, when white
 *   space and then a capital, a digit, a letter without case or an
 *   opening quotation mark follow; never after an abbreviation (Mr. U.S.
 *   Jan.) or a single capital initial.  After 。！？ it ends whatever
 *   follows.  The end of a paragraph ends a sentence.  A sentence holds a
 *   word.
 * - A quotation is the text between U+201C and U+201D, U+2018 and U+2019
 *   (not an apostrophe), U+00AB and U+00BB, U+201E and U+201C or U+201D,
 *   「 and 」, 『 and 』, or straight double quotes.  A
 *   quotation still open at the end of a paragraph goes on when the next
 *   paragraph opens with the same mark; otherwise it ends there.
 *
 * Nothing here allocates: a scanner lives in the caller's struct and
 * hands out tokens pointing into the text.
 */
#ifndef ART_TEXT_H
#define ART_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What a code point that is not valid UTF-8 decodes to (one per byte). */
#define TEXT_BADBYTE	0x110000u

/*
 * Decodes the code point at p (before end) into *cp and returns its length
 * in bytes, at least 1.  A byte that does not start a valid sequence
 * (overlong, surrogate, truncated, above U+10FFFF) decodes alone to
 * TEXT_BADBYTE.  p must be before end.
 */
size_t	text_decode(const char *p, const char *end, uint32_t *cp);

/* Tells whether a code point is a letter or a digit (any script): 1 or 0. */
int	text_isalnum(uint32_t cp);

/* Tells whether a code point is white space (ASCII or Unicode): 1 or 0. */
int	text_isspace(uint32_t cp);

/* Tells whether a code point is an upper-case letter: 1 or 0. */
int	text_isupper(uint32_t cp);

/*
 * Returns the lower-case (folded) form of a code point: ASCII, Latin-1,
 * Latin Extended-A, Latin Extended Additional, Greek, Cyrillic, Armenian
 * and full-width Latin letters; any other code point is returned as it is.
 */
uint32_t text_foldcp(uint32_t cp);

/*
 * Folds the case of n bytes of UTF-8 at src into dst, which has room for
 * cap bytes, and returns the length written.  The result is never longer
 * than the input, so cap >= n is always enough; with less room the result
 * is cut at a code point.  Invalid bytes are copied as they are.  dst and
 * src may be the same buffer.
 */
size_t	text_fold(char *dst, size_t cap, const char *src, size_t n);

/* Counts the code points of n bytes, each invalid byte as one. */
size_t	text_chars(const char *, size_t n);

/* Counts the paragraphs of n bytes of text, as the scanner does. */
size_t	text_paragraphs(const char *, size_t n);

/*
 * Estimates the syllables of a word: groups of vowels (a e i o u y, with
 * the accented Latin-1 vowels, and the vowels of Greek and Cyrillic),
 * less a silent final e, at least one.
 */
unsigned text_syllables(const char *, size_t n);

/* The kinds of tokens a scanner hands out. */
enum texttype {
	TT_END,		/* no more */
	TT_WORD,	/* a word */
	TT_SENTENCE,	/* a sentence has ended */
	TT_QUOTE,	/* a quotation has ended */
	TT_PARA		/* a paragraph has ended */
};

/* Flags of a word. */
#define TW_CAP		0x01	/* begins with an upper-case letter */
#define TW_SENT		0x02	/* the first word of its sentence */
#define TW_PARA		0x04	/* the first word of its paragraph */
#define TW_QUOTED	0x08	/* inside a quotation */
#define TW_DIGIT	0x10	/* begins with a digit */

struct texttok {
	enum texttype	 type;
	const char	*p;	/* the word, or the text of the unit */
	size_t		 n;
	size_t		 no;	/* number of the unit, from 1 (sentences and
				   paragraphs in order; quotations in the
				   order they open) */
	size_t		 para;	/* the paragraph it is in (opens in), from 1 */
	size_t		 words;	/* words in a sentence, quotation, paragraph */
	unsigned int	 flags;	/* TW_* of a word */
};

/* An open quotation, inside the scanner. */
struct textquote {
	const char	*p;
	size_t		 no;
	size_t		 para;
	size_t		 words;
	int		 kind;
};

#define TEXT_QDEPTH	8	/* quotations open at once; deeper are text */
#define TEXT_QUEUE	(TEXT_QDEPTH + 4)

/* A scanner.  Its fields are its own: read the tokens. */
struct textscan {
	const char	*p, *end;
	const char	*para;		/* the open paragraph, or NULL */
	const char	*sent;		/* the open sentence, or NULL */
	const char	*endat;		/* the sentence ends here, or NULL */
	size_t		 npara, nsent, nquote, nwords;
	size_t		 parawords, sentwords;
	int		 countonly;	/* count, hand out no tokens */
	struct textquote q[TEXT_QDEPTH];
	int		 nq;
	struct texttok	 queue[TEXT_QUEUE];
	int		 qhead, qtail;
	struct texttok	 scratch;	/* where tokens go when counting */
};

/* Starts a scanner on n bytes of text, which must stay valid. */
void	text_start(struct textscan *, const char *, size_t n);

/*
 * Hands out the next token in *t and returns its type, TT_END at the end.
 * The tokens come in the order of the text: the words of a sentence, then
 * the sentence; a quotation once its closing mark (or the end of its last
 * paragraph) is passed, an inner one before the one around it; a
 * paragraph after its sentences and quotations.
 */
enum texttype text_scan(struct textscan *, struct texttok *t);

/* The counts of one text, in one pass. */
struct textcount {
	size_t	paragraphs;
	size_t	sentences;
	size_t	words;
	size_t	quotes;
	size_t	syllables;	/* only with TC_SYLLABLES */
};

#define TC_SYLLABLES	0x01

/* Counts the units of n bytes of text into *c. */
void	text_count(const char *, size_t n, struct textcount *c,
	    unsigned int flags);

/* A word handed out by text_countwords(), pointing into the text. */
struct textword {
	const char	*p;
	size_t		 n;
};

/* The most words text_countwords() hands out at a time. */
#define TEXT_WORDS	128

/*
 * Counts n bytes of text as text_count() does without TC_SYLLABLES, and
 * hands its words to fn, with arg, a batch of at most TEXT_WORDS at a
 * time: the words of text_scan()'s TT_WORD tokens, with the same p and n,
 * in the same order.  fn returns 0 to go on or -1 to stop.  Returns 0, or
 * -1 once fn has returned -1 (with errno as fn left it; *c is then not
 * the text's).
 */
int	text_countwords(const char *, size_t n, struct textcount *c,
	    int (*fn)(void *arg, const struct textword *w, size_t nw),
	    void *arg);

/*
 * Guesses who speaks a quotation: a name (a run of capitalised words) or
 * a pronoun next to a reporting verb (said Ushakov, Putin warned, he
 * added), looked for after the quotation and then before it, within its
 * paragraph.  para and n are the paragraph, q and qn the quotation's
 * text inside it.  Returns 1 and the speaker in *sp and *sn, or 0.
 */
int	text_speaker(const char *para, size_t n, const char *q, size_t qn,
	    const char **sp, size_t *sn);

#endif
