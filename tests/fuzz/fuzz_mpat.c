/*
 * The multi-string searcher against the naive search of mpatnaive.h.
 * The first byte of an input holds the flags (MPAT_ICASE, MPAT_WORD,
 * MPAT_LINE) and, with bit 3 set, asks for every piece of the text of
 * 1 to 8 bytes (bits 4 to 6) at every offset as more strings; the bytes
 * up to the first NUL are strings, one a line; the rest is the text.
 * Every engine and SIMD form the processor has must hand out the matches
 * the naive search finds, in order, each inside the text and no wider
 * than a line; and with MPAT_ICASE, on valid UTF-8, the matches in the
 * text are those of the folded strings in the folded text.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mpat.h"
#include "mpatnaive.h"
#include "text.h"

#define MAXSTR		400
#define MAXTEXT		8192
#define MAXWORK		(1u << 18)	/* text bytes times strings */

static const int forms[] = {
	0,
	MPAT_NOTEDDY,
	MPAT_NOTEDDY | MPAT_FEWROWS,
	MPAT_NOTEDDY | MPAT_HALVES,
	MPAT_TEDDY,
	MPAT_NOAVX2 | MPAT_TEDDY,
	MPAT_NOAVX2 | MPAT_NOTEDDY,
	MPAT_NOSSSE3,
	MPAT_NOSIMD | MPAT_FEWROWS
};
#define NFORM	(sizeof(forms) / sizeof(forms[0]))

struct input {
	int		 flags;
	const char	*s[MAXSTR];
	size_t		 len[MAXSTR];
	size_t		 ns;
	const char	*t;
	size_t		 n;
};

static void
addstr(struct input *in, const char *s, size_t len)
{
	if (in->ns < MAXSTR && memchr(s, '\n', len) == NULL) {
		in->s[in->ns] = s;
		in->len[in->ns++] = len;
	}
}

static void
parse(struct input *in, const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1, *end, *q, *nl;
	size_t k, i;

	memset(in, 0, sizeof(*in));
	in->flags = data[0] & (MPAT_ICASE | MPAT_WORD | MPAT_LINE);
	end = p + size - 1;
	if ((q = memchr(p, '\0', (size_t)(end - p))) == NULL)
		q = end;
	for (; p <= q; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(q - p))) == NULL)
			nl = q;
		addstr(in, p, (size_t)(nl - p));
	}
	in->t = q < end ? q + 1 : end;
	in->n = (size_t)(end - in->t);
	if (data[0] & 0x08) {
		k = (size_t)(data[0] >> 4 & 7) + 1;
		for (i = 0; i + k <= in->n; i++)
			addstr(in, in->t + i, k);
	}
	/* The naive search takes the text times the strings, and more. */
	if (in->n > MAXTEXT)
		in->n = MAXTEXT;
	if (in->ns > 0 && in->n > MAXWORK / in->ns)
		in->n = MAXWORK / in->ns;
}

static struct mpat *
build(const struct input *in, int flags, const char *const *s,
    const size_t *len)
{
	struct mpat *m;
	size_t i;

	FUZZ_ASSERT((m = mpat_new(flags)) != NULL);
	for (i = 0; i < in->ns; i++)
		FUZZ_ASSERT(mpat_add(m, s[i], len[i]) == 0);
	FUZZ_ASSERT(mpat_build(m) == 0);
	return m;
}

/* Every form hands out the naive search's matches, in order. */
static void
checkforms(const struct input *in, const char *t)
{
	struct mpat *m[NFORM];
	struct naive nv;
	struct mpatmatch a, b;
	size_t i, from = 0, next;
	int rn;

	naive_init(&nv, in->flags);
	for (i = 0; i < in->ns; i++)
		FUZZ_ASSERT(naive_add(&nv, in->s[i], in->len[i]) == 0);
	for (i = 0; i < NFORM; i++)
		m[i] = build(in, in->flags | forms[i], in->s, in->len);
	for (;;) {
		FUZZ_ASSERT((rn = naive_find(&nv, t, in->n, from, &b)) >= 0);
		for (i = 0; i < NFORM; i++) {
			next = from;
			FUZZ_ASSERT(mpat_next(m[i], t, in->n, &next, &a) == rn);
			if (rn)
				FUZZ_ASSERT(a.so == b.so && a.eo == b.eo &&
				    a.pat == b.pat);
		}
		if (!rn)
			break;
		FUZZ_ASSERT(b.so >= from && b.eo <= in->n);
		FUZZ_ASSERT(memchr(t + b.so, '\n', b.eo - b.so) == NULL);
		from = next;
	}
	for (i = 0; i < NFORM; i++)
		mpat_free(m[i]);
	naive_free(&nv);
}

/* Tells whether n bytes are valid UTF-8. */
static int
valid(const char *s, size_t n)
{
	const char *end = s + n;
	uint32_t c;

	while (s < end) {
		s += text_decode(s, end, &c);
		if (c == TEXT_BADBYTE)
			return 0;
	}
	return 1;
}

/*
 * With MPAT_ICASE, on valid UTF-8: the matches are those that the folded
 * strings have in the folded text, where at[] maps each offset of the
 * folded text that begins a character to the text's.
 */
static void
checkfold(const struct input *in, const char *t)
{
	static char fs[MAXSTR][32];
	const char *sp[MAXSTR];
	size_t fl[MAXSTR], *at, i, p, q, nf, from = 0, ffrom = 0;
	struct mpatmatch a, b;
	struct mpat *m, *fm;
	char *f;
	uint32_t c;

	if (!(in->flags & MPAT_ICASE) || !valid(t, in->n))
		return;
	for (i = 0; i < in->ns; i++) {
		if (in->len[i] > sizeof(fs[i]) || !valid(in->s[i], in->len[i]))
			return;
		fl[i] = text_fold(fs[i], sizeof(fs[i]), in->s[i], in->len[i]);
		sp[i] = fs[i];
	}
	FUZZ_ASSERT((f = malloc(in->n + 1)) != NULL);
	FUZZ_ASSERT((at = malloc((in->n + 1) * sizeof(*at))) != NULL);
	memset(at, 0xff, (in->n + 1) * sizeof(*at));
	for (p = nf = 0; p < in->n; p = q) {
		q = p + text_decode(t + p, t + in->n, &c);
		at[nf] = p;
		nf += text_fold(f + nf, q - p, t + p, q - p);
	}
	at[nf] = in->n;
	m = build(in, in->flags, in->s, in->len);
	fm = build(in, in->flags & ~MPAT_ICASE, sp, fl);
	while (mpat_next(m, t, in->n, &from, &a)) {
		FUZZ_ASSERT(mpat_next(fm, f, nf, &ffrom, &b) == 1);
		FUZZ_ASSERT(at[b.so] == a.so && at[b.eo] == a.eo);
	}
	FUZZ_ASSERT(mpat_next(fm, f, nf, &ffrom, &b) == 0);
	mpat_free(m);
	mpat_free(fm);
	free(f);
	free(at);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct input in;
	char *t;

	if (size == 0)
		return 0;
	parse(&in, data, size);
	/* A copy of exactly the text's size, so that reads past it show. */
	FUZZ_ASSERT((t = malloc(in.n > 0 ? in.n : 1)) != NULL);
	memcpy(t, in.t, in.n);
	checkforms(&in, t);
	checkfold(&in, t);
	free(t);
	return 0;
}
