/*
 * Partials: the statistics state written as text and read back.
 *
 * A partial is a header line, one line per table entry and an end line
 * that counts the lines between, so that a partial cut short is noticed.
 * Every line is tab-separated, its first column its type; text columns
 * carry the record escapes.  artstat(1) documents the format.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "field.h"
#include "hash.h"
#include "htab.h"
#include "stats.h"
#include "statsint.h"
#include "tsv.h"

#define FLUSH_AT	(64 * 1024)

static const char *const tablename[] = { "terms", "bigrams", "names",
    "near" };

void
wflush(struct writer *w)
{
	/* After an error the buffer may hold a line cut short: drop it. */
	if (w->err == 0 && w->b.n > 0 &&
	    fwrite(w->b.p, 1, w->b.n, w->fp) != w->b.n)
		w->err = errno != 0 ? errno : EIO;
	w->b.n = 0;
}

/* Begins a line with its tag. */
static void
wtag(struct writer *w, const char *tag)
{
	if (buf_adds(&w->b, tag) == -1)
		w->err = ENOMEM;
}

/* Ends a line, counting it, and writes out a full buffer. */
void
wend(struct writer *w, int count)
{
	if (buf_addc(&w->b, '\n') == -1)
		w->err = ENOMEM;
	w->lines += count;
	if (w->b.n >= FLUSH_AT)
		wflush(w);
}

void
wu(struct writer *w, uint64_t v)
{
	if (buf_addc(&w->b, '\t') == -1 || buf_addu(&w->b, v) == -1)
		w->err = ENOMEM;
}

void
ws(struct writer *w, const char *s, size_t n, int esc)
{
	if (buf_addc(&w->b, '\t') == -1 ||
	    (esc ? tsv_escape(&w->b, s, n) : buf_add(&w->b, s, n)) == -1)
		w->err = ENOMEM;
}

void
wday(struct writer *w, int32_t day, int valid)
{
	char s[16];
	int y, m, d;

	if (!valid) {
		ws(w, "", 0, 0);
		return;
	}
	date_civil(day, &y, &m, &d);
	snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
	ws(w, s, strlen(s), 0);
}

void
whex(struct writer *w, uint64_t v)
{
	char s[17];

	hash_hex(s, v);
	ws(w, s, 16, 0);
}

static void
wheader(struct writer *w, const struct stconf *c)
{
	char s[17];
	int i, n = 0;

	int bad;

	bad = buf_adds(&w->b, STATS_MAGIC "\t" STATS_VERSION "\tgroup=") == -1;
	bad |= buf_adds(&w->b, c->group < 0 ? "-" :
	    field_name(c->group)) == -1;
	bad |= buf_adds(&w->b, "\ttables=") == -1;
	for (i = 0; i < 4; i++)
		if (c->tables & 1 << i) {
			if (n++ > 0)
				bad |= buf_addc(&w->b, ',') == -1;
			bad |= buf_adds(&w->b, tablename[i]) == -1;
		}
	if (n == 0)
		bad |= buf_addc(&w->b, '-') == -1;
	hash_hex(s, c->stophash);
	bad |= buf_adds(&w->b, "\tstop=") == -1;
	if (bad | (buf_adds(&w->b, s) == -1))
		w->err = ENOMEM;
	wend(w, 0);
}

/*
 * The order of a partial: the groups by their keys, numbered in that
 * order, and the lines of every kind by group and key, words and names
 * in the byte order of their text (stats_cmpkey()), so that the reader
 * finds a line twice, or out of place, next to the line before it.
 */
struct order {
	uint32_t	*grank;		/* a group's number in the partial */
	uint32_t	*gat;		/* the group of a number */
	uint32_t	*vrank;		/* a word's place in the byte order */
	uint32_t	*vat;		/* the word at a place */
};

/* A text key to sort: a group's key, a word, a name in its group. */
struct tkey {
	const char	*p;
	size_t		 n;
	uint32_t	 g;
	uint32_t	 i;
};

/*
 * A key of numbers to sort, the group first, and the index of its entry:
 * sixteen bytes, the less to move.
 */
struct nkey {
	uint64_t	 lo;
	uint32_t	 hi;
	uint32_t	 i;
};

static int
cmptkey(const void *x, const void *y)
{
	const struct tkey *a = x, *b = y;

	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return stats_cmpkey(a->p, a->n, b->p, b->n);
}

static void *
sortspace(struct writer *w, size_t n, size_t size)
{
	void *p;

	if (n > SIZE_MAX / size || (p = malloc(n * size)) == NULL) {
		w->err = ENOMEM;
		return NULL;
	}
	return p;
}

/* Byte d of a key, counting from the lowest of lo to the highest of hi. */
static inline unsigned
nbyte(const struct nkey *k, int d)
{
	return (unsigned)(d < 8 ? k->lo >> 8 * d : k->hi >> 8 * (d - 8)) &
	    0xff;
}

/*
 * Sorts the n keys at k by hi, then lo, with the room for n more at tmp.
 * A radix sort, a byte a pass from the lowest, over the bytes in which
 * the keys differ: groups and ranks of words are small numbers, so a few
 * passes.
 */
static void
nsort(struct nkey *k, struct nkey *tmp, size_t n)
{
	size_t count[12][256], i, sum, c;
	struct nkey *at = k, *t;
	int d;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
		for (d = 0; d < 12; d++)
			count[d][nbyte(&k[i], d)]++;
	for (d = 0; d < 12; d++) {
		if (n == 0 || count[d][nbyte(&k[0], d)] == n)
			continue;
		for (sum = 0, i = 0; i < 256; i++) {
			c = count[d][i];
			count[d][i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[d][nbyte(&k[i], d)]++] = k[i];
		t = k;
		k = tmp;
		tmp = t;
	}
	if (k != at)
		memcpy(at, k, n * sizeof(*k));
}

/*
 * Sorts the keys of a table; with grank, the first four bytes of a key
 * are a group, which sorts first.  Returns 0 with the entry at each rank
 * in *at and, unless rank is NULL, the rank of each entry in *rank; or
 * -1 with w->err set.
 */
static int
textorder(struct writer *w, const struct htab *t, const uint32_t *grank,
    uint32_t **rank, uint32_t **at)
{
	struct tkey *k;
	const struct hent *e;
	uint32_t g = 0;
	size_t i, n = htab_count(t), skip = grank != NULL ? 4 : 0;

	if ((k = sortspace(w, n + 1, sizeof(*k))) == NULL ||
	    (*at = sortspace(w, n + 1, sizeof(**at))) == NULL ||
	    (rank != NULL &&
	    (*rank = sortspace(w, n + 1, sizeof(**rank))) == NULL)) {
		free(k);
		return -1;
	}
	for (i = 0; i < n; i++) {
		e = htab_ent(t, i);
		if (grank != NULL) {
			memcpy(&g, e->key, 4);
			g = grank[g];
		}
		k[i].p = e->key + skip;
		k[i].n = e->len - skip;
		k[i].g = g;
		k[i].i = (uint32_t)i;
	}
	qsort(k, n, sizeof(*k), cmptkey);
	for (i = 0; i < n; i++) {
		(*at)[i] = k[i].i;
		if (rank != NULL)
			(*rank)[k[i].i] = (uint32_t)i;
	}
	free(k);
	return 0;
}

/* The order of the groups and, for terms and bigrams, of the words. */
static int
order(struct writer *w, struct stats *st, struct order *o)
{
	memset(o, 0, sizeof(*o));
	if (textorder(w, &st->groups, NULL, &o->grank, &o->gat) == -1)
		return -1;
	if ((st->conf.tables & (ST_TERMS | ST_BIGRAMS)) &&
	    textorder(w, &st->voc, NULL, &o->vrank, &o->vat) == -1)
		return -1;
	return 0;
}

static void
freeorder(struct order *o)
{
	free(o->grank);
	free(o->gat);
	free(o->vrank);
	free(o->vat);
}

static void
wgroups(struct writer *w, struct stats *st, const struct order *o)
{
	const struct stgroup *g;
	const struct hent *e;
	size_t i;

	for (i = 0; i < htab_count(&st->groups); i++) {
		e = htab_ent(&st->groups, o->gat[i]);
		wtag(w, "G");
		wu(w, i);
		ws(w, e->key, e->len, 0);
		wend(w, 1);
	}
	for (i = 0; i < htab_count(&st->groups); i++) {
		g = &st->g[o->gat[i]];
		wtag(w, "S");
		wu(w, i);
		wu(w, g->articles);
		wu(w, g->words);
		wu(w, g->sentences);
		wu(w, g->paragraphs);
		wu(w, g->quotes);
		wu(w, g->bytes);
		wu(w, g->undated);
		wday(w, g->first, g->articles > g->undated);
		wday(w, g->last, g->articles > g->undated);
		wend(w, 1);
	}
}

static void
wlens(struct writer *w, struct stats *st, const struct order *o)
{
	const struct hent *e;
	struct nkey *k;
	uint32_t g;
	size_t i, n = htab_count(&st->lens);

	if ((k = sortspace(w, 2 * n + 1, sizeof(*k))) == NULL)
		return;
	for (i = 0; i < n; i++) {
		e = htab_ent(&st->lens, i);
		memcpy(&g, e->key, 4);
		k[i].hi = o->grank[g];
		memcpy(&k[i].lo, e->key + 4, 8);
		k[i].i = (uint32_t)i;
	}
	nsort(k, k + n, n);
	for (i = 0; i < n; i++) {
		wtag(w, "L");
		wu(w, k[i].hi);
		wu(w, k[i].lo);
		wu(w, htab_ent(&st->lens, k[i].i)->val[0]);
		wend(w, 1);
	}
	free(k);
}

static void
wids(struct writer *w, struct stats *st, const struct order *o)
{
	const struct stid *d;
	struct nkey *k;
	size_t i, n = 0;

	if (st->ids.mask > UINT32_MAX) {
		w->err = ENOMEM;
		return;
	}
	if ((k = sortspace(w, 2 * st->ids.n + 1, sizeof(*k))) == NULL)
		return;
	for (i = 0; st->ids.mask != 0 && i <= st->ids.mask; i++) {
		d = &st->ids.slot[i];
		if (d->count == 0)
			continue;
		k[n].hi = o->grank[d->g];
		k[n].lo = d->id;
		k[n++].i = (uint32_t)i;
	}
	nsort(k, k + n, n);
	for (i = 0; i < n; i++) {
		d = &st->ids.slot[k[i].i];
		wtag(w, "I");
		wu(w, k[i].hi);
		whex(w, d->id);
		wu(w, d->count);
		if (st->conf.tables & ST_NEAR) {
			whex(w, d->simhash);
			wday(w, d->day, d->day != STATS_NODAY);
		}
		wend(w, 1);
	}
	free(k);
}

static void
wcounts(struct writer *w, const struct hent *e)
{
	wu(w, e->val[V_COUNT]);
	wu(w, e->val[V_DF]);
	wend(w, 1);
}

static void
wword(struct writer *w, struct stats *st, uint32_t i)
{
	const struct hent *e = htab_ent(&st->voc, i);

	ws(w, e->key, e->len, 1);
}

/*
 * Sorts the entries of a table of (group, word) or (group, word, word)
 * by group and words; the words are at w[1] and w[2] of each key.
 */
static struct nkey *
wordorder(struct writer *w, const struct htab *t, int nwords,
    const struct order *o)
{
	struct nkey *k;
	uint32_t x[3];
	size_t i, n = htab_count(t);

	if ((k = sortspace(w, 2 * n + 1, sizeof(*k))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		memcpy(x, htab_ent(t, i)->key, 4 + 4 * (size_t)nwords);
		k[i].hi = o->grank[x[0]];
		k[i].lo = o->vrank[x[1]];
		if (nwords == 2)
			k[i].lo = k[i].lo << 32 | o->vrank[x[2]];
		k[i].i = (uint32_t)i;
	}
	nsort(k, k + n, n);
	return k;
}

static void
wterms(struct writer *w, struct stats *st, const struct order *o)
{
	const struct hent *e;
	struct nkey *k;
	size_t i, n = htab_count(&st->terms);

	if (!(st->conf.tables & ST_TERMS))
		return;
	for (i = 0; st->conf.group < 0 && i < htab_count(&st->voc); i++) {
		e = htab_ent(&st->voc, o->vat[i]);
		if (e->val[V_COUNT] == 0)
			continue;
		wtag(w, "T\t0");
		ws(w, e->key, e->len, 1);
		wcounts(w, e);
	}
	if (n == 0 || (k = wordorder(w, &st->terms, 1, o)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		wtag(w, "T");
		wu(w, k[i].hi);
		wword(w, st, o->vat[k[i].lo]);
		wcounts(w, htab_ent(&st->terms, k[i].i));
	}
	free(k);
}

static void
wbigrams(struct writer *w, struct stats *st, const struct order *o)
{
	struct nkey *k;
	size_t i, n = htab_count(&st->bigrams);

	if (n == 0 || (k = wordorder(w, &st->bigrams, 2, o)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		wtag(w, "B");
		wu(w, k[i].hi);
		wword(w, st, o->vat[k[i].lo >> 32]);
		wword(w, st, o->vat[k[i].lo & 0xffffffff]);
		wcounts(w, htab_ent(&st->bigrams, k[i].i));
	}
	free(k);
}

static void
wnames(struct writer *w, struct stats *st, const struct order *o)
{
	const struct hent *e;
	uint32_t *at = NULL, g;
	size_t i, n = htab_count(&st->names);

	if (n == 0 || textorder(w, &st->names, o->grank, NULL, &at) == -1) {
		free(at);
		return;
	}
	for (i = 0; i < n; i++) {
		e = htab_ent(&st->names, at[i]);
		memcpy(&g, e->key, 4);
		wtag(w, "N");
		wu(w, o->grank[g]);
		ws(w, e->key + 4, e->len - 4, 1);
		wcounts(w, e);
	}
	free(at);
}

int
stats_write(struct stats *st, FILE *fp, int unread)
{
	struct writer w;
	struct order o;

	stats_settle(st);
	memset(&w, 0, sizeof(w));
	w.fp = fp;
	if (order(&w, st, &o) == 0) {
		wheader(&w, &st->conf);
		wgroups(&w, st, &o);
		wlens(&w, st, &o);
		wids(&w, st, &o);
		wterms(&w, st, &o);
		wbigrams(&w, st, &o);
		wnames(&w, st, &o);
		if (unread) {
			wtag(&w, "unread");
			wend(&w, 1);
		}
		wtag(&w, "end");
		wu(&w, w.lines);
		wend(&w, 0);
		wflush(&w);
	}
	freeorder(&o);
	buf_free(&w.b);
	if (w.err != 0) {
		errno = w.err;
		return -1;
	}
	return 0;
}
