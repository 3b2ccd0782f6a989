/*
 * statsint.h: what the parts of the statistics module share.  Not part of
 * the library's interface.
 */
#ifndef ART_STATSINT_H
#define ART_STATSINT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "htab.h"
#include "simhash.h"
#include "stats.h"

/* The first columns of a partial's header line. */
#define STATS_MAGIC	"artstat-partial"
#define STATS_VERSION	"2"

/* The values of a counted entry (term, bigram, name). */
#define V_COUNT		0
#define V_DF		1	/* articles it occurs in */
#define V_LAST		2	/* serial of the last article counted */

/* One id in a group, with what near-duplicates need of it. */
struct stid {
	uint64_t	 id;
	uint64_t	 simhash;
	uint64_t	 count;		/* 0: the slot is free */
	uint32_t	 g;
	int32_t		 day;
};

/* Open addressing over the ids, half full at most. */
struct idset {
	struct stid	*slot;
	size_t		 mask;
	size_t		 n;
};

/*
 * The index of the words of at most HTAB_PRE bytes, which the walk over a
 * body probes once a word; the vocabulary's own slots index only the
 * longer words (htab_add()), so that a word has one slot, not two.  A
 * slot holds the packed word (htab_pack()), its index in the vocabulary,
 * its marks and, for the ungrouped terms, the counts not yet added to its
 * entry, so that counting a word touches one slot of 32 bytes and nothing
 * else.  stats_settle() adds the counts to the entries.  Open addressing,
 * half full at most.
 */
struct vslot {
	uint64_t	 k[2];
	uint32_t	 idx;		/* index in voc + 1; 0: the slot is free */
	uint32_t	 last;		/* the low bits of the serial of the last
					   article that counted it */
	uint32_t	 count;		/* occurrences not in the entry yet */
	uint16_t	 df;		/* articles not in the entry yet */
	uint8_t		 len;
	uint8_t		 marks;		/* STATS_* */
};

struct vfast {
	struct vslot	*slot;
	size_t		 mask;		/* slots - 1; 0 before the first */
	size_t		 n;
};

struct stgroup {
	uint64_t	 articles;
	uint64_t	 words;
	uint64_t	 sentences;
	uint64_t	 paragraphs;
	uint64_t	 quotes;
	uint64_t	 bytes;
	uint64_t	 undated;
	int32_t		 first;		/* days; valid when articles > undated */
	int32_t		 last;
};

struct stats {
	struct stconf	 conf;
	int		 hasconf;
	struct htab	 groups;	/* escaped key -> index into g */
	struct stgroup	*g;
	size_t		 gcap;
	struct htab	 lens;		/* (group, words) -> articles */
	struct idset	 ids;		/* (group, id) -> count */
	struct htab	 voc;		/* folded words; term counts ungrouped */
	unsigned char	*vmarks;	/* STATS_* marks of each word */
	size_t		 vcap;
	struct vfast	 fast;		/* the index of the short words */
	struct htab	 terms;		/* (group, word), when grouped */
	struct htab	 bigrams;	/* (group, word, word) */
	struct htab	 names;		/* (group, name) */
	uint64_t	 serial;	/* articles counted, for the frequencies */
	struct buf	 tmp;
	struct buf	 name;		/* the name being read */
	/*
	 * The fingerprint of the article being counted: zero at first,
	 * and made ready for the next by simhash_final(), so that the 19
	 * KB of its state are cleared once, not once an article.
	 */
	struct simhash	 sh;
};

/*
 * The bytes the state holds: its tables, slots and arrays, as allocated.
 * For tests.
 */
size_t	stats_bytes(const struct stats *);

/*
 * Counts the figures of an article, which stats_article() does after
 * starting a new article for the frequencies.
 */
int	stats_figures(struct stats *, long g, const struct stfig *);

/*
 * The adding primitives behind counting and merging.  Each adds count
 * occurrences in df articles; an entry made by counting (df 0) takes the
 * current article's serial into account instead.  Return 0, or -1 with
 * errno set (ENOMEM, or ERANGE when a count would overflow).
 */
int	stats_addgroup(struct stats *, uint32_t g, const struct stgroup *);
int	stats_addlen(struct stats *, uint32_t g, uint64_t words,
	    uint64_t count);
struct stid *stats_addid(struct stats *, uint32_t g, uint64_t id,
	    uint64_t count);
int	stats_addcount(struct stats *, struct htab *, const void *key,
	    size_t n, uint64_t count, uint64_t df);
int	stats_addterm(struct stats *, uint32_t g, uint32_t w, uint64_t count,
	    uint64_t df);

/* Output through a buffer, remembering the first error. */
struct writer {
	FILE		*fp;
	struct buf	 b;
	uint64_t	 lines;
	int		 err;
};

void	wflush(struct writer *);
void	wend(struct writer *, int count);	/* newline; count the line */
void	wu(struct writer *, uint64_t);		/* a tab and a number */
void	ws(struct writer *, const char *, size_t, int esc); /* a tab, text */
void	wday(struct writer *, int32_t day, int valid);	/* a tab, a date */
void	whex(struct writer *, uint64_t);	/* a tab, 16 hex digits */

/*
 * Starts a new article for the frequencies.  The slots keep 32 bits of
 * the serial: when those come round to 0, every slot forgets its last
 * article and the serial skips 0, so that no article is taken for
 * another.
 */
void	stats_next(struct stats *);

/*
 * The slot of a word of at most HTAB_PRE bytes, in its packed form, and
 * its hash (htab_hashk()), or NULL when it has none yet.
 */
static inline struct vslot *
vfind(const struct vfast *f, const uint64_t k[2], size_t n, uint64_t h)
{
	struct vslot *s;
	size_t i;

	if (f->mask == 0)
		return NULL;
	for (i = (size_t)h & f->mask; (s = &f->slot[i])->idx != 0;
	    i = (i + 1) & f->mask)
		if (s->k[0] == k[0] && s->k[1] == k[1] && s->len == n)
			return s;
	return NULL;
}

/*
 * vfind(), adding the word to the vocabulary and the slots when it is
 * new: the way to add a short word.  Returns NULL with errno set
 * (ENOMEM).
 */
struct vslot *stats_vslot(struct stats *, const uint64_t k[2], size_t n,
	    uint64_t h);

/* Adds the counts of a slot to its entry, but a stop word's. */
void	stats_vsettle(struct stats *, struct vslot *);

/* Adds the counts of every slot to the entries, before they are read. */
void	stats_settle(struct stats *);

/*
 * Counts an ungrouped term in its slot, for the current article; a stop
 * word may be counted too, and stats_vsettle() leaves it out.  No branch
 * but the rare one: whether a word was counted in the article before
 * comes in no order.
 */
static inline void
vcount(struct stats *st, struct vslot *s)
{
	uint32_t serial = (uint32_t)st->serial;

	s->count++;
	s->df = (uint16_t)(s->df + (s->last != serial));
	s->last = serial;
	if (s->count == UINT32_MAX || s->df == UINT16_MAX)
		stats_vsettle(st, s);
}

/*
 * The order of text keys in a partial: the byte order, a key before the
 * longer ones it begins.
 */
static inline int
stats_cmpkey(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	if (an > 0 && bn > 0 && (c = memcmp(a, b, an < bn ? an : bn)) != 0)
		return c;
	return (an > bn) - (an < bn);
}

/* Adds b to *a, failing with ERANGE on overflow. */
static inline int
addu64(uint64_t *a, uint64_t b)
{
	if (*a > UINT64_MAX - b)
		return -1;
	*a += b;
	return 0;
}

/* Makes a group index the key of the grouped term table. */
static inline void
twokey(char *key, uint32_t g, uint32_t w)
{
	memcpy(key, &g, 4);
	memcpy(key + 4, &w, 4);
}

/*
 * Near-duplicates: joins into clusters the n fingerprints that differ in
 * at most bits bits, directly or through others (single linkage).  On
 * return cl[i] is the smallest index in the cluster of hashes[i].
 * Returns 0, or -1 with errno set (ENOMEM, or EINVAL for bits outside
 * 0 to STATS_MAXBITS).
 */
int	near_cluster(const uint64_t *hashes, size_t n, int bits, size_t *cl);

#endif
