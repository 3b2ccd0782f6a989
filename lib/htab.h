/*
 * htab.h: hash tables keyed by byte strings, for counting.
 *
 * Open addressing with linear probing over a slot array that doubles
 * when it is half full.  The entries live in one dense array, in the order
 * they were added, so that an entry has a stable index and a walk over
 * the table is deterministic; the keys are copied into an arena of large
 * blocks.  Memory is proportional to the number and size of the distinct
 * keys, whatever the number of lookups: 40 bytes an entry, 64 to 128 of
 * slots, and the key with a NUL.
 */
#ifndef ART_HTAB_H
#define ART_HTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HTAB_NVAL	3

/* An entry; its hash is in its slot alone. */
struct hent {
	const char	*key;	/* copy of the key, NUL-terminated */
	uint32_t	 len;	/* key bytes, without the NUL */
	uint32_t	 flags;	/* the user's, 0 when added */
	uint64_t	 val[HTAB_NVAL]; /* the user's, 0 when added */
};

/*
 * A slot holds the hash and the first bytes of its key, packed into two
 * words, so that a lookup of a short key touches one slot and nothing
 * else.
 */
#define HTAB_PRE	16

struct hslot {
	uint64_t	 hash;
	uint32_t	 idx;		/* entry index + 1; 0: the slot is free */
	uint32_t	 len;
	uint64_t	 pre[2];	/* htab_pack() of the key */
};

struct htab_block;

struct htab {
	struct hslot		*slot;
	size_t			 mask;	/* slots - 1; 0 before the first add */
	size_t			 used;	/* slots in use */
	struct hent		*ent;
	size_t			 n;	/* entries in use */
	size_t			 cap;	/* entries allocated */
	struct htab_block	*block;	/* the key arena, newest first */
	size_t			 keybytes; /* arena bytes in use */
};

/* The hash of a key, as the tables expect it. */
uint64_t	htab_hash(const void *, size_t n);

/*
 * Packs the first HTAB_PRE bytes of a key of n bytes into two words, the
 * first byte lowest, zeros after the end: the same on every machine.
 */
static inline void
htab_pack(const char *p, size_t n, uint64_t k[2])
{
	size_t i;

	k[0] = k[1] = 0;
	for (i = 0; i < n && i < HTAB_PRE; i++)
		k[i >> 3] |= (uint64_t)(unsigned char)p[i] << (i & 7) * 8;
}

/* The hash of a key of at most HTAB_PRE bytes, from its packed form. */
static inline uint64_t
htab_hashk(const uint64_t k[2], size_t n)
{
	uint64_t h;

	h = (k[0] ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
	h ^= (k[1] + n) * 0x94D049BB133111EBULL;
	h ^= h >> 31;
	h *= 0xD6E8FEB86659FD93ULL;
	return h ^ h >> 32;
}

/*
 * Prepares an empty table.  It allocates nothing until the first key is
 * added; htab_free() makes it empty and reusable again.
 */
void		htab_init(struct htab *);

/* Frees the slots, the entries and the keys. */
void		htab_free(struct htab *);

/*
 * Finds a key of n bytes whose hash is h.  Returns the index of its entry,
 * or -1 when it is not in the table.
 */
long		htab_find(const struct htab *, const void *, size_t n,
		    uint64_t h);

/*
 * htab_find() for a key of at most HTAB_PRE bytes in its packed form: the
 * fast way, which looks at the slots alone.
 */
static inline long
htab_findk(const struct htab *t, const uint64_t k[2], size_t n, uint64_t h)
{
	const struct hslot *s;
	size_t i;

	if (t->mask == 0)
		return -1;
	for (i = (size_t)h & t->mask; (s = &t->slot[i])->idx != 0;
	    i = (i + 1) & t->mask)
		if (s->hash == h && s->pre[0] == k[0] && s->pre[1] == k[1] &&
		    s->len == n)
			return (long)s->idx - 1;
	return -1;
}

/*
 * Finds a key of n bytes whose hash is h, adding it with zero values when
 * it is not there.  Returns the index of its entry, or -1 with errno set
 * (ENOMEM, or EOVERFLOW for a key of 4 GiB or more).  An index stays valid
 * for the life of the table; a pointer from htab_ent() only until the next
 * add.
 */
long		htab_put(struct htab *, const void *, size_t n, uint64_t h);

/*
 * Adds an entry for a key of n bytes that the caller knows is not in the
 * table, with zero values, and gives it no slot: htab_find() and
 * htab_put() do not see it, and it takes no room in the slots.  For a
 * caller that keeps an index of its own for some keys.  Returns the index
 * of the entry, or -1 with errno set as htab_put() does.
 */
long		htab_add(struct htab *, const void *, size_t n);

/* The entry of an index. */
static inline struct hent *
htab_ent(const struct htab *t, size_t i)
{
	return &t->ent[i];
}

/* The number of entries. */
static inline size_t
htab_count(const struct htab *t)
{
	return t->n;
}

/*
 * The bytes the table holds: slots, entries and keys.  For tests and for
 * deciding when a table has grown too big.
 */
size_t		htab_bytes(const struct htab *);

#endif
