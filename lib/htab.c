/*
 * Hash tables keyed by byte strings: see htab.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "htab.h"

#define MINSLOTS	64
#define BLOCKSIZE	(64 * 1024)
#define HASHSEED	0x61727473746174ULL	/* "artstat" */

/* A block of the key arena; keys are packed one after another. */
struct htab_block {
	struct htab_block	*next;
	size_t			 used;
	size_t			 size;
	char			 data[];
};

uint64_t
htab_hash(const void *p, size_t n)
{
	uint64_t k[2];

	if (n > HTAB_PRE)
		return hash64(p, n, HASHSEED);
	htab_pack(p, n, k);
	return htab_hashk(k, n);
}

void
htab_init(struct htab *t)
{
	memset(t, 0, sizeof(*t));
}

void
htab_free(struct htab *t)
{
	struct htab_block *b, *next;

	for (b = t->block; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(t->slot);
	free(t->ent);
	htab_init(t);
}

/* Whether a slot holds the key of n bytes whose hash is h. */
static int
holds(const struct htab *t, const struct hslot *s, const char *key,
    size_t n, uint64_t h)
{
	if (s->hash != h || s->len != n)
		return 0;
	return memcmp(t->ent[s->idx - 1].key, key, n) == 0;
}

long
htab_find(const struct htab *t, const void *key, size_t n, uint64_t h)
{
	const struct hslot *s;
	uint64_t k[2];
	size_t i;

	if (n <= HTAB_PRE) {
		htab_pack(key, n, k);
		return htab_findk(t, k, n, h);
	}
	if (t->mask == 0)
		return -1;
	for (i = (size_t)h & t->mask; (s = &t->slot[i])->idx != 0;
	    i = (i + 1) & t->mask)
		if (holds(t, s, key, n, h))
			return (long)s->idx - 1;
	return -1;
}

/* Fills a slot for entry i, a key of n bytes whose hash is h. */
static void
fill(struct hslot *s, uint64_t h, size_t i, const char *key, size_t n)
{
	s->hash = h;
	s->idx = (uint32_t)(i + 1);
	s->len = (uint32_t)n;
	htab_pack(key, n, s->pre);
}

/*
 * Doubles the slot array (or makes the first one) and moves the slots
 * over: they hold the hashes, which the entries do not.
 */
static int
grow(struct htab *t)
{
	struct hslot *slot, *o;
	size_t i, j, nslot, mask;

	nslot = t->mask == 0 ? MINSLOTS : (t->mask + 1) * 2;
	if (nslot > SIZE_MAX / sizeof(*slot) || nslot == 0) {
		errno = ENOMEM;
		return -1;
	}
	if ((slot = calloc(nslot, sizeof(*slot))) == NULL)
		return -1;
	mask = nslot - 1;
	for (i = 0; t->mask != 0 && i <= t->mask; i++) {
		o = &t->slot[i];
		if (o->idx == 0)
			continue;
		for (j = (size_t)o->hash & mask; slot[j].idx != 0;
		    j = (j + 1) & mask)
			;
		slot[j] = *o;
	}
	free(t->slot);
	t->slot = slot;
	t->mask = mask;
	return 0;
}

/* Copies a key into the arena and returns the copy, or NULL (ENOMEM). */
static char *
keycopy(struct htab *t, const void *key, size_t n)
{
	struct htab_block *b = t->block;
	size_t size;
	char *p;

	if (b == NULL || b->size - b->used < n + 1) {
		size = n + 1 > BLOCKSIZE / 4 ? n + 1 : BLOCKSIZE;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->size = size;
		b->used = 0;
		/*
		 * A key too big to share a block gets one of its own behind
		 * the current one, so the current one keeps filling.
		 */
		if (size > BLOCKSIZE && t->block != NULL) {
			b->next = t->block->next;
			t->block->next = b;
		} else {
			b->next = t->block;
			t->block = b;
		}
	}
	p = b->data + b->used;
	memcpy(p, key, n);
	p[n] = '\0';
	b->used += n + 1;
	t->keybytes += n + 1;
	return p;
}

long
htab_add(struct htab *t, const void *key, size_t n)
{
	struct hent *ent, *e;
	size_t cap;

	if (n >= UINT32_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	if (t->n >= UINT32_MAX - 1) {
		errno = ENOMEM;
		return -1;
	}
	if (t->n == t->cap) {
		cap = t->cap == 0 ? MINSLOTS / 2 : t->cap * 2;
		if (cap > SIZE_MAX / sizeof(*ent) ||
		    (ent = realloc(t->ent, cap * sizeof(*ent))) == NULL) {
			errno = ENOMEM;
			return -1;
		}
		t->ent = ent;
		t->cap = cap;
	}
	e = &t->ent[t->n];
	memset(e, 0, sizeof(*e));
	if ((e->key = keycopy(t, key, n)) == NULL)
		return -1;
	e->len = (uint32_t)n;
	return (long)t->n++;
}

long
htab_put(struct htab *t, const void *key, size_t n, uint64_t h)
{
	size_t i;
	long e;

	if (n >= UINT32_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	if ((e = htab_find(t, key, n, h)) >= 0)
		return e;
	if ((t->used + 1) * 2 > t->mask + 1 && grow(t) == -1)
		return -1;
	if ((e = htab_add(t, key, n)) == -1)
		return -1;
	for (i = (size_t)h & t->mask; t->slot[i].idx != 0;
	    i = (i + 1) & t->mask)
		;
	fill(&t->slot[i], h, (size_t)e, key, n);
	t->used++;
	return e;
}

size_t
htab_bytes(const struct htab *t)
{
	const struct htab_block *b;
	size_t n;

	n = (t->mask == 0 ? 0 : (t->mask + 1) * sizeof(*t->slot)) +
	    t->cap * sizeof(*t->ent);
	for (b = t->block; b != NULL; b = b->next)
		n += sizeof(*b) + b->size;
	return n;
}
