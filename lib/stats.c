/*
 * The statistics state and the counting into it: see stats.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "htab.h"
#include "stats.h"
#include "statsint.h"
#include "tsv.h"

struct stats *
stats_new(const struct stconf *conf)
{
	struct stats *st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	if (conf != NULL) {
		st->conf = *conf;
		st->hasconf = 1;
	}
	htab_init(&st->groups);
	htab_init(&st->lens);
	htab_init(&st->voc);
	htab_init(&st->terms);
	htab_init(&st->bigrams);
	htab_init(&st->names);
	return st;
}

void
stats_free(struct stats *st)
{
	if (st == NULL)
		return;
	htab_free(&st->groups);
	htab_free(&st->lens);
	htab_free(&st->voc);
	htab_free(&st->terms);
	htab_free(&st->bigrams);
	htab_free(&st->names);
	free(st->ids.slot);
	free(st->fast.slot);
	free(st->g);
	free(st->vmarks);
	buf_free(&st->tmp);
	buf_free(&st->name);
	free(st);
}

size_t
stats_bytes(const struct stats *st)
{
	size_t n = sizeof(*st);

	n += htab_bytes(&st->groups) + htab_bytes(&st->lens) +
	    htab_bytes(&st->voc) + htab_bytes(&st->terms) +
	    htab_bytes(&st->bigrams) + htab_bytes(&st->names);
	if (st->ids.mask != 0)
		n += (st->ids.mask + 1) * sizeof(*st->ids.slot);
	if (st->fast.mask != 0)
		n += (st->fast.mask + 1) * sizeof(*st->fast.slot);
	return n + st->gcap * sizeof(*st->g) + st->vcap + st->tmp.cap +
	    st->name.cap;
}

const struct stconf *
stats_conf(const struct stats *st)
{
	return st->hasconf ? &st->conf : NULL;
}

/* Keeps the marks of the words in a dense array, for the walk. */
static int
markword(struct stats *st, long i, int marks)
{
	unsigned char *m;
	size_t cap;

	if ((size_t)i >= st->vcap) {
		cap = st->vcap == 0 ? 1024 : st->vcap * 2;
		while (cap <= (size_t)i)
			cap *= 2;
		if ((m = realloc(st->vmarks, cap)) == NULL)
			return -1;
		memset(m + st->vcap, 0, cap - st->vcap);
		st->vmarks = m;
		st->vcap = cap;
	}
	st->vmarks[i] |= (unsigned char)marks;
	return 0;
}

int
stats_mark(struct stats *st, const char *w, size_t n, int marks)
{
	struct vslot *s;
	uint64_t k[2];
	long i;

	if (n > HTAB_PRE) {
		if ((i = htab_put(&st->voc, w, n, htab_hash(w, n))) == -1)
			return -1;
		return markword(st, i, marks);
	}
	htab_pack(w, n, k);
	if ((s = stats_vslot(st, k, n, htab_hashk(k, n))) == NULL)
		return -1;
	/* What was counted, was counted with the marks it had. */
	stats_vsettle(st, s);
	if (markword(st, s->idx - 1, marks) == -1)
		return -1;
	s->marks = st->vmarks[s->idx - 1];
	return 0;
}

static const char *const *sortwords;
static const size_t *sortlens;

static int
cmpword(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	size_t n = sortlens[i] < sortlens[j] ? sortlens[i] : sortlens[j];
	int c;

	if ((c = memcmp(sortwords[i], sortwords[j], n)) != 0)
		return c;
	return sortlens[i] < sortlens[j] ? -1 : sortlens[i] > sortlens[j];
}

/*
 * The same hash without memory to sort in: the words in the same order,
 * found by selection, each once.  The lists are short enough for it.
 */
static uint64_t
stophash_nomem(const char *const *words, const size_t *lens, size_t n)
{
	size_t i, prev = SIZE_MAX, best;
	uint64_t h = 0;

	(void)words, (void)lens;
	for (;;) {
		best = SIZE_MAX;
		for (i = 0; i < n; i++)
			if ((prev == SIZE_MAX || cmpword(&i, &prev) > 0) &&
			    (best == SIZE_MAX || cmpword(&i, &best) < 0))
				best = i;
		if (best == SIZE_MAX)
			return h;
		h = hash64(sortwords[best], sortlens[best], h);
		prev = best;
	}
}

uint64_t
stats_stophash(const char *const *words, const size_t *lens, size_t n)
{
	size_t *ord, i;
	uint64_t h = 0;

	sortwords = words;
	sortlens = lens;
	if ((ord = malloc((n + 1) * sizeof(*ord))) == NULL)
		return stophash_nomem(words, lens, n);
	for (i = 0; i < n; i++)
		ord[i] = i;
	qsort(ord, n, sizeof(*ord), cmpword);
	for (i = 0; i < n; i++) {
		if (i > 0 && cmpword(&ord[i - 1], &ord[i]) == 0)
			continue;
		h = hash64(words[ord[i]], lens[ord[i]], h);
	}
	free(ord);
	return h;
}

long
stats_group(struct stats *st, const char *key, size_t n)
{
	struct stgroup *g;
	size_t cap;
	long i;

	st->tmp.n = 0;
	if (tsv_escape(&st->tmp, key, n) == -1)
		return -1;
	i = htab_put(&st->groups, st->tmp.p, st->tmp.n,
	    htab_hash(st->tmp.p, st->tmp.n));
	if (i == -1 || (size_t)i < st->gcap)
		return i;
	cap = st->gcap == 0 ? 16 : st->gcap * 2;
	if (cap > SIZE_MAX / sizeof(*g) ||
	    (g = realloc(st->g, cap * sizeof(*g))) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	memset(g + st->gcap, 0, (cap - st->gcap) * sizeof(*g));
	for (; st->gcap < cap; st->gcap++) {
		g[st->gcap].first = INT32_MAX;
		g[st->gcap].last = INT32_MIN;
	}
	st->g = g;
	return i;
}

int
stats_addgroup(struct stats *st, uint32_t gi, const struct stgroup *a)
{
	struct stgroup *g = &st->g[gi];

	if (addu64(&g->articles, a->articles) == -1 ||
	    addu64(&g->words, a->words) == -1 ||
	    addu64(&g->sentences, a->sentences) == -1 ||
	    addu64(&g->paragraphs, a->paragraphs) == -1 ||
	    addu64(&g->quotes, a->quotes) == -1 ||
	    addu64(&g->bytes, a->bytes) == -1 ||
	    addu64(&g->undated, a->undated) == -1) {
		errno = ERANGE;
		return -1;
	}
	if (a->first < g->first)
		g->first = a->first;
	if (a->last > g->last)
		g->last = a->last;
	return 0;
}

int
stats_addlen(struct stats *st, uint32_t g, uint64_t words, uint64_t count)
{
	char key[12];
	long i;

	memcpy(key, &g, 4);
	memcpy(key + 4, &words, 8);
	if ((i = htab_put(&st->lens, key, 12, htab_hash(key, 12))) == -1)
		return -1;
	if (addu64(&htab_ent(&st->lens, (size_t)i)->val[0], count) == -1) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

/* Spreads the bits of an id and group over the slot index. */
static inline size_t
idslot(uint64_t id, uint32_t g)
{
	uint64_t x = id ^ ((uint64_t)g * 0x9E3779B97F4A7C15ULL);

	x ^= x >> 31;
	x *= 0xBF58476D1CE4E5B9ULL;
	x ^= x >> 29;
	return (size_t)x;
}

static int
idgrow(struct idset *s)
{
	struct stid *slot, *o;
	size_t nslot, mask, i, j;

	nslot = s->mask == 0 ? 256 : (s->mask + 1) * 2;
	if (nslot > SIZE_MAX / sizeof(*slot) ||
	    (slot = calloc(nslot, sizeof(*slot))) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	mask = nslot - 1;
	for (i = 0; s->mask != 0 && i <= s->mask; i++) {
		o = &s->slot[i];
		if (o->count == 0)
			continue;
		for (j = idslot(o->id, o->g) & mask; slot[j].count != 0;
		    j = (j + 1) & mask)
			;
		slot[j] = *o;
	}
	free(s->slot);
	s->slot = slot;
	s->mask = mask;
	return 0;
}

struct stid *
stats_addid(struct stats *st, uint32_t g, uint64_t id, uint64_t count)
{
	struct idset *s = &st->ids;
	struct stid *d;
	size_t i;

	if ((s->n + 1) * 2 > s->mask + 1 && idgrow(s) == -1)
		return NULL;
	for (i = idslot(id, g) & s->mask; (d = &s->slot[i])->count != 0;
	    i = (i + 1) & s->mask)
		if (d->id == id && d->g == g)
			break;
	if (d->count == 0) {
		memset(d, 0, sizeof(*d));
		d->id = id;
		d->g = g;
		d->day = STATS_NODAY;
		s->n++;
	}
	if (addu64(&d->count, count) == -1) {
		errno = ERANGE;
		return NULL;
	}
	return d;
}

void
stats_next(struct stats *st)
{
	size_t i;

	if ((uint32_t)++st->serial != 0)
		return;
	for (i = 0; st->fast.mask != 0 && i <= st->fast.mask; i++)
		st->fast.slot[i].last = 0;
	st->serial++;
}

int
stats_article(struct stats *st, long g, const struct stfig *f)
{
	stats_next(st);
	return stats_figures(st, g, f);
}

int
stats_figures(struct stats *st, long g, const struct stfig *f)
{
	struct stgroup one;
	struct stid *d;

	memset(&one, 0, sizeof(one));
	one.articles = 1;
	one.words = f->words;
	one.sentences = f->sentences;
	one.paragraphs = f->paragraphs;
	one.quotes = f->quotes;
	one.bytes = f->bytes;
	one.first = INT32_MAX;
	one.last = INT32_MIN;
	if (f->day == STATS_NODAY)
		one.undated = 1;
	else
		one.first = one.last = f->day;
	if (stats_addgroup(st, (uint32_t)g, &one) == -1 ||
	    stats_addlen(st, (uint32_t)g, f->words, 1) == -1 ||
	    (d = stats_addid(st, (uint32_t)g, f->id, 1)) == NULL)
		return -1;
	if (d->count == 1) {
		d->simhash = f->simhash;
		d->day = f->day;
	}
	return 0;
}

/* Adds to the values of an entry; df 0 counts the current article. */
static int
addvals(struct stats *st, struct hent *e, uint64_t count, uint64_t df)
{
	if (df == 0) {
		e->val[V_COUNT] += count;
		if (e->val[V_LAST] != st->serial) {
			e->val[V_LAST] = st->serial;
			e->val[V_DF]++;
		}
		return 0;
	}
	if (addu64(&e->val[V_COUNT], count) == -1 ||
	    addu64(&e->val[V_DF], df) == -1) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

int
stats_addcount(struct stats *st, struct htab *t, const void *key, size_t n,
    uint64_t count, uint64_t df)
{
	long i;

	if ((i = htab_put(t, key, n, htab_hash(key, n))) == -1)
		return -1;
	return addvals(st, htab_ent(t, (size_t)i), count, df);
}

int
stats_addterm(struct stats *st, uint32_t g, uint32_t w, uint64_t count,
    uint64_t df)
{
	char key[8];

	if (st->conf.group < 0)
		return addvals(st, htab_ent(&st->voc, w), count, df);
	twokey(key, g, w);
	return stats_addcount(st, &st->terms, key, 8, count, df);
}

long
stats_word(struct stats *st, const char *w, size_t n, int *marks)
{
	struct vslot *s;
	uint64_t k[2];
	long i;

	if (n <= HTAB_PRE) {
		htab_pack(w, n, k);
		if ((s = stats_vslot(st, k, n, htab_hashk(k, n))) == NULL)
			return -1;
		*marks = s->marks;
		return (long)s->idx - 1;
	}
	if ((i = htab_put(&st->voc, w, n, htab_hash(w, n))) == -1 ||
	    markword(st, i, 0) == -1)
		return -1;
	*marks = st->vmarks[i];
	return i;
}

/* Doubles the slots of the short words (or makes the first ones). */
static int
vgrow(struct vfast *f)
{
	struct vslot *slot, *o;
	size_t nslot, mask, i, j;

	nslot = f->mask == 0 ? 1024 : (f->mask + 1) * 2;
	if (nslot > SIZE_MAX / sizeof(*slot) ||
	    (slot = calloc(nslot, sizeof(*slot))) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	mask = nslot - 1;
	for (i = 0; f->mask != 0 && i <= f->mask; i++) {
		o = &f->slot[i];
		if (o->idx == 0)
			continue;
		for (j = (size_t)htab_hashk(o->k, o->len) & mask;
		    slot[j].idx != 0; j = (j + 1) & mask)
			;
		slot[j] = *o;
	}
	free(f->slot);
	f->slot = slot;
	f->mask = mask;
	return 0;
}

struct vslot *
stats_vslot(struct stats *st, const uint64_t k[2], size_t n, uint64_t h)
{
	struct vfast *f = &st->fast;
	struct vslot *s;
	char w[HTAB_PRE];
	size_t i;
	long wi;

	if ((s = vfind(f, k, n, h)) != NULL)
		return s;
	for (i = 0; i < n; i++)
		w[i] = (char)(k[i >> 3] >> (i & 7) * 8);
	/* Room first, so that a failure leaves no entry without a slot. */
	if (((f->n + 1) * 2 > f->mask + 1 && vgrow(f) == -1) ||
	    markword(st, (long)htab_count(&st->voc), 0) == -1 ||
	    (wi = htab_add(&st->voc, w, n)) == -1)
		return NULL;
	for (i = (size_t)h & f->mask; (s = &f->slot[i])->idx != 0;
	    i = (i + 1) & f->mask)
		;
	memset(s, 0, sizeof(*s));
	s->k[0] = k[0];
	s->k[1] = k[1];
	s->idx = (uint32_t)wi + 1;
	s->len = (uint8_t)n;
	f->n++;
	return s;
}

void
stats_vsettle(struct stats *st, struct vslot *s)
{
	struct hent *e = htab_ent(&st->voc, s->idx - 1);

	if (!(s->marks & STATS_STOP)) {
		e->val[V_COUNT] += s->count;
		e->val[V_DF] += s->df;
	}
	s->count = s->df = 0;
}

void
stats_settle(struct stats *st)
{
	size_t i;

	for (i = 0; st->fast.mask != 0 && i <= st->fast.mask; i++)
		if (st->fast.slot[i].count != 0 || st->fast.slot[i].df != 0)
			stats_vsettle(st, &st->fast.slot[i]);
}

int
stats_term(struct stats *st, long g, long w)
{
	return stats_addterm(st, (uint32_t)g, (uint32_t)w, 1, 0);
}

int
stats_bigram(struct stats *st, long g, long w1, long w2)
{
	char key[12];
	uint32_t b = (uint32_t)w2;

	twokey(key, (uint32_t)g, (uint32_t)w1);
	memcpy(key + 8, &b, 4);
	return stats_addcount(st, &st->bigrams, key, 12, 1, 0);
}

int
stats_name(struct stats *st, long g, const char *name, size_t n)
{
	uint32_t g32 = (uint32_t)g;

	st->tmp.n = 0;
	if (buf_add(&st->tmp, &g32, 4) == -1 ||
	    buf_add(&st->tmp, name, n) == -1)
		return -1;
	return stats_addcount(st, &st->names, st->tmp.p, st->tmp.n, 1, 0);
}
