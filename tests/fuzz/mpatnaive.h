/*
 * mpatnaive.h: the matches of mpat.h found the slow way, as its comment
 * defines them: every string tried at every place in turn, the text
 * folded character by character (text_fold()) from the offset searched
 * from.  The unit tests and the fuzz target hold the searcher to it.
 */
#ifndef ART_MPATNAIVE_H
#define ART_MPATNAIVE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpat.h"
#include "text.h"

struct naive {
	int	 flags;
	size_t	 n;
	char	**s;		/* folded with MPAT_ICASE */
	size_t	*len;
};

static void
naive_init(struct naive *nv, int flags)
{
	memset(nv, 0, sizeof(*nv));
	nv->flags = flags;
}

/* Adds a string; returns 0 or -1 when memory runs out. */
static int
naive_add(struct naive *nv, const char *s, size_t n)
{
	char **ss, *c;
	size_t *ll;

	if ((ss = realloc(nv->s, (nv->n + 1) * sizeof(*ss))) == NULL)
		return -1;
	nv->s = ss;
	if ((ll = realloc(nv->len, (nv->n + 1) * sizeof(*ll))) == NULL)
		return -1;
	nv->len = ll;
	if ((c = malloc(n + 1)) == NULL)
		return -1;
	if (nv->flags & MPAT_ICASE)
		n = text_fold(c, n, s, n);
	else
		memcpy(c, s, n);
	nv->s[nv->n] = c;
	nv->len[nv->n++] = n;
	return 0;
}

static void
naive_free(struct naive *nv)
{
	size_t i;

	for (i = 0; i < nv->n; i++)
		free(nv->s[i]);
	free(nv->s);
	free(nv->len);
}

static int
naive_alnumbefore(const char *t, size_t at)
{
	size_t i = at;
	uint32_t c;

	if (at == 0)
		return 0;
	/* The character that ends at at: up to three continuation bytes. */
	while (i > 0 && at - i < 3 && ((unsigned char)t[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	if (text_decode(t + i, t + at, &c) != at - i)
		c = TEXT_BADBYTE;
	return text_isalnum(c);
}

static int
naive_bounded(int flags, const char *t, size_t n, size_t so, size_t eo)
{
	uint32_t c;

	if (flags & MPAT_LINE)
		return (so == 0 || t[so - 1] == '\n') &&
		    (eo == n || t[eo] == '\n');
	if (flags & MPAT_WORD) {
		if (naive_alnumbefore(t, so))
			return 0;
		if (eo < n) {
			text_decode(t + eo, t + n, &c);
			if (text_isalnum(c))
				return 0;
		}
	}
	return 1;
}

/*
 * Whether string i matches at p, a character boundary when reading from
 * from (with MPAT_ICASE), and where it ends.  bound[q] tells whether q
 * is such a boundary.
 */
static int
naive_at(const struct naive *nv, size_t i, const char *t, size_t n,
    const unsigned char *bound, size_t p, size_t *eo)
{
	const char *s = nv->s[i];
	size_t len = nv->len[i], k = 0, l, fl;
	char f[8];

	if (!(nv->flags & MPAT_ICASE)) {
		if (n - p < len || memcmp(t + p, s, len) != 0)
			return 0;
		*eo = p + len;
		return 1;
	}
	if (!bound[p])
		return 0;
	while (k < len) {
		if (p >= n)
			return 0;
		/* One character, as text_fold() folds it alone. */
		for (l = 1; p + l < n && !bound[p + l]; l++)
			;
		fl = text_fold(f, sizeof(f), t + p, l);
		if (fl > len - k || memcmp(f, s + k, fl) != 0)
			return 0;
		k += fl;
		p += l;
	}
	*eo = p;
	return 1;
}

/* The character boundaries of t from from on, into bound (n + 1 bytes). */
static void
naive_bounds(const char *t, size_t n, size_t from, unsigned char *bound)
{
	size_t p = from;
	uint32_t c;

	memset(bound, 0, n + 1);
	while (p < n) {
		bound[p] = 1;
		p += text_decode(t + p, t + n, &c);
	}
	bound[n] = 1;
}

/*
 * The first match at or after from, as mpat_find() finds it.  Returns 1,
 * 0, or -1 when memory runs out.
 */
static int
naive_find(const struct naive *nv, const char *t, size_t n, size_t from,
    struct mpatmatch *mp)
{
	unsigned char *bound;
	size_t p, i, eo;
	int found = 0;

	if (from > n)
		return 0;
	if ((bound = malloc(n + 1)) == NULL)
		return -1;
	naive_bounds(t, n, from, bound);
	for (p = from; p <= n && !found; p++) {
		for (i = 0; i < nv->n; i++) {
			/* The empty string stands only between characters. */
			if (nv->len[i] == 0 && !bound[p])
				continue;
			if (!naive_at(nv, i, t, n, bound, p, &eo) ||
			    !naive_bounded(nv->flags, t, n, p, eo))
				continue;
			if (found && eo <= mp->eo)
				continue;
			mp->so = p;
			mp->eo = eo;
			mp->pat = i;
			found = 1;
		}
	}
	free(bound);
	return found;
}

#endif
