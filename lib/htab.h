/*
 * htab.h: hash tables keyed by byte strings, for counting.
 *
 * Open addressing with linear probing over a slot array that doubles
 * when it is half full.  The entries live in one dense array, in the order
 * they were added, so that an entry has a stable index and a walk over
 * the table is deterministic; the keys are copied into an arena of large
 * blocks.  Memory is proportional to the number and size of the distinct
 * keys, whatever the number of lookups.
 */
#ifndef ART_HTAB_H
#define ART_HTAB_H

#include <stddef.h>
#include <stdint.h>

#define HTAB_NVAL	3

struct hent {
	const char	*key;	/* copy of the key, NUL-terminated */
	uint64_t	 hash;
	uint32_t	 len;	/* key bytes, without the NUL */
	uint32_t	 flags;	/* the user's, 0 when added */
	uint64_t	 val[HTAB_NVAL]; /* the user's, 0 when added */
};

struct htab_block;

struct htab {
	uint64_t		*slot;	/* hash high half << 32 | index + 1 */
	size_t			 mask;	/* slots - 1; 0 before the first add */
	struct hent		*ent;
	size_t			 n;	/* entries in use */
	size_t			 cap;	/* entries allocated */
	struct htab_block	*block;	/* the key arena, newest first */
	size_t			 keybytes; /* arena bytes in use */
};

/* The hash of a key, as the tables expect it. */
uint64_t	htab_hash(const void *, size_t n);

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
 * Finds a key of n bytes whose hash is h, adding it with zero values when
 * it is not there.  Returns the index of its entry, or -1 with errno set
 * (ENOMEM, or EOVERFLOW for a key of 4 GiB or more).  An index stays valid
 * for the life of the table; a pointer from htab_ent() only until the next
 * add.
 */
long		htab_put(struct htab *, const void *, size_t n, uint64_t h);

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
