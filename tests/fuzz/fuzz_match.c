/*
 * The matcher with a fuzzed pattern: the first byte of an input holds
 * the flags (-F, -i, -w, -x), the bytes up to the first NUL the patterns,
 * one a line, and the rest the text.  A pattern is refused or compiled;
 * the matches lie in the text, in order, never across a newline, and
 * each pattern's own matches agree with the matches of all; a text with
 * a match is never passed over by the search in escaped records.
 */
#include <errno.h>
#include <locale.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "match.h"
#include "tsv.h"

static void
checkfind(struct matcher *m, const char *t, size_t n)
{
	struct match mm, one;
	size_t from = 0, i, steps = 0;
	int r;

	while ((r = match_find(m, t, n, from, &mm)) == 1) {
		FUZZ_ASSERT(mm.so >= from && mm.so <= mm.eo && mm.eo <= n);
		FUZZ_ASSERT(mm.pat < match_npat(m));
		FUZZ_ASSERT(memchr(t + mm.so, '\n', mm.eo - mm.so) == NULL);
		/* The pattern that matched finds the same match alone. */
		FUZZ_ASSERT(match_findpat(m, mm.pat, t, n, from, &one) == 1);
		FUZZ_ASSERT(one.so == mm.so && one.eo == mm.eo);
		from = mm.eo > mm.so ? mm.eo : mm.so + 1;
		if (++steps > 64)
			break;
	}
	FUZZ_ASSERT(r >= 0 || errno == ENOMEM);
	for (i = 0; i < match_npat(m); i++)
		FUZZ_ASSERT(match_findpat(m, i, t, n, n + 1, &one) == 0);
	FUZZ_ASSERT(match_rarest(m) < match_npat(m) || match_npat(m) == 0);
}

/* Where a match is, the search in escaped records finds something. */
static void
checkscan(struct matcher *m, const char *t, size_t n, struct buf *b)
{
	struct match mm;

	if (match_scanprep(m, MATCH_ANY) == -1)
		return;
	b->n = 0;
	FUZZ_ASSERT(tsv_escape(b, t, n) == 0);
	if (match_find(m, t, n, 0, &mm) == 1)
		FUZZ_ASSERT(match_scan(m, b->p, b->p + b->n, 1) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf b, text;
	static int once;
	struct matcher *m;
	const char *p = (const char *)data, *t;
	size_t pn, n;
	int r;

	if (!once) {
		once = 1;
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "C");
	}
	if (size == 0)
		return 0;
	FUZZ_ASSERT((m = match_new(data[0] & 0x0f)) != NULL);
	p++;
	size--;
	if ((t = memchr(p, '\0', size)) == NULL)
		t = p + size;
	pn = (size_t)(t - p);
	n = size - pn - (t < p + size);
	t = t < p + size ? t + 1 : t;
	r = match_add(m, p, pn);
	FUZZ_ASSERT(r == 0 || errno == EINVAL);
	if (r == 0) {
		/*
		 * The text with a NUL after it, as the tools' texts have: the
		 * sanitizers' regexec() reads up to a NUL, whatever
		 * REG_STARTEND says.
		 */
		text.n = 0;
		FUZZ_ASSERT(buf_add(&text, t, n) == 0);
		buf_nul(&text);
		FUZZ_ASSERT(match_npat(m) >= 1);
		checkfind(m, text.p, n);
		checkscan(m, text.p, n, &b);
	} else
		FUZZ_ASSERT(match_error(m)[0] != '\0');
	match_free(m);
	return 0;
}
