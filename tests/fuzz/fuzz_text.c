/*
 * Text segmentation, case folding, bylines and SimHash over any bytes:
 * the scanner's tokens lie in the text, in order, and agree in number
 * with text_count() (both its ways) and text_paragraphs(); folding never
 * lengthens; decoding steps forward by one to four bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "byline.h"
#include "fuzz.h"
#include "simhash.h"
#include "text.h"

/* Asks who speaks a quotation that lies within one paragraph. */
static void
speaker(const char *s, size_t n, const struct texttok *t)
{
	const char *para = t->p, *end = t->p + t->n, *sp;
	size_t spn;

	while (para > s && para[-1] != '\n')
		para--;
	while (end < s + n && *end != '\n')
		end++;
	if (memchr(t->p, '\n', t->n) != NULL)
		return;
	if (text_speaker(para, (size_t)(end - para), t->p, t->n, &sp, &spn))
		FUZZ_ASSERT(spn > 0 && sp >= para && sp + spn <= end);
}

static void
checkscan(const char *s, size_t n)
{
	struct textscan sc;
	struct texttok t;
	struct textcount tc, tc0;
	size_t nw = 0, ns = 0, nq = 0, np = 0;
	const char *lastw = s;
	enum texttype ty;

	text_start(&sc, s, n);
	while ((ty = text_scan(&sc, &t)) != TT_END) {
		FUZZ_ASSERT(t.p >= s && t.p + t.n <= s + n);
		switch (ty) {
		case TT_WORD:
			FUZZ_ASSERT(t.n > 0 && t.p >= lastw);
			lastw = t.p + t.n;
			nw++;
			break;
		case TT_SENTENCE:
			FUZZ_ASSERT(t.words > 0);
			ns++;
			break;
		case TT_QUOTE:
			nq++;
			break;
		case TT_PARA:
			np++;
			FUZZ_ASSERT(t.no == np);
			break;
		default:
			FUZZ_ASSERT(!"a token of no known type");
		}
		if (ty == TT_QUOTE)
			speaker(s, n, &t);
	}
	text_count(s, n, &tc, TC_SYLLABLES);
	FUZZ_ASSERT(tc.words == nw && tc.sentences == ns &&
	    tc.quotes == nq && tc.paragraphs == np);
	/* Counting alone goes its own quick way, to the same counts. */
	text_count(s, n, &tc0, 0);
	FUZZ_ASSERT(tc0.words == nw && tc0.sentences == ns &&
	    tc0.quotes == nq && tc0.paragraphs == np);
	FUZZ_ASSERT(text_paragraphs(s, n) == np);
	FUZZ_ASSERT(tc.words == 0 || tc.syllables >= tc.words);
}

static void
checkcodes(const char *s, size_t n, char *dst)
{
	const char *p, *end = s + n;
	size_t len, chars = 0, m;
	uint32_t cp;

	for (p = s; p < end; p += len) {
		len = text_decode(p, end, &cp);
		FUZZ_ASSERT(len >= 1 && len <= 4 && p + len <= end);
		FUZZ_ASSERT(cp <= TEXT_BADBYTE);
		FUZZ_ASSERT(cp != TEXT_BADBYTE || len == 1);
		(void)text_isalnum(cp);
		(void)text_isspace(cp);
		(void)text_isupper(cp);
		FUZZ_ASSERT(text_foldcp(cp) <= TEXT_BADBYTE);
		chars++;
	}
	FUZZ_ASSERT(text_chars(s, n) == chars);
	m = text_fold(dst, n, s, n);
	FUZZ_ASSERT(m <= n);
	FUZZ_ASSERT(text_fold(dst, n / 2, s, n) <= n / 2);
	/* In place, as the header allows. */
	memcpy(dst, s, n);
	FUZZ_ASSERT(text_fold(dst, n, dst, n) == m);
	if (n > 0)
		FUZZ_ASSERT(text_syllables(s, n) >= 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf authors, agencies;
	const char *s = (const char *)data;
	char *dst;
	uint64_t h;

	checkscan(s, size);
	FUZZ_ASSERT((dst = malloc(size + 1)) != NULL);
	checkcodes(s, size, dst);
	free(dst);
	authors.n = agencies.n = 0;
	FUZZ_ASSERT(byline_parse(s, size, &authors, &agencies) == 0);
	h = simhash_text(s, size);
	FUZZ_ASSERT(simhash_distance(h, h) == 0);
	return 0;
}
