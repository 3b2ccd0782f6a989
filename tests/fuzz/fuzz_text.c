/*
 * Text segmentation, case folding, bylines and SimHash over any bytes:
 * the scanner's tokens lie in the text, in order, and agree in number
 * with text_count() (both its ways) and text_paragraphs(); the words
 * text_countwords() hands out are the scanner's; folding never
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

/* The scanner, to hold text_countwords()' words against its own. */
struct words {
	struct textscan	 sc;
	size_t		 seen;		/* words handed out in all */
	size_t		 stopat;	/* fail at this batch (from 1), or 0 */
	size_t		 batches;
};

static int
takewords(void *arg, const struct textword *w, size_t nw)
{
	struct words *ws = arg;
	struct texttok t;
	size_t i;

	FUZZ_ASSERT(nw > 0 && nw <= TEXT_WORDS);
	if (++ws->batches == ws->stopat)
		return -1;
	for (i = 0; i < nw; i++, ws->seen++) {
		while (text_scan(&ws->sc, &t) != TT_WORD)
			FUZZ_ASSERT(t.type != TT_END);
		FUZZ_ASSERT(w[i].p == t.p && w[i].n == t.n);
	}
	return 0;
}

/*
 * Counting with the words handed out counts as text_count() does, and
 * hands out the words of the scanner, the same bytes in the same order;
 * a hook that fails stops it with -1 and no more words.
 */
static void
checkwords(const char *s, size_t n, const struct textcount *want)
{
	struct words ws;
	struct textcount tc;

	memset(&ws, 0, sizeof(ws));
	text_start(&ws.sc, s, n);
	FUZZ_ASSERT(text_countwords(s, n, &tc, takewords, &ws) == 0);
	FUZZ_ASSERT(tc.words == want->words &&
	    tc.sentences == want->sentences && tc.quotes == want->quotes &&
	    tc.paragraphs == want->paragraphs && tc.syllables == 0);
	FUZZ_ASSERT(ws.seen == tc.words);
	if (ws.batches > 1) {
		memset(&ws, 0, sizeof(ws));
		text_start(&ws.sc, s, n);
		ws.stopat = 2;
		FUZZ_ASSERT(text_countwords(s, n, &tc, takewords, &ws) == -1);
		FUZZ_ASSERT(ws.batches == 2 && ws.seen <= TEXT_WORDS);
	}
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
	checkwords(s, n, &tc0);
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
