/*
 * stats.h: the figures of artstat, kept so that they merge exactly.
 *
 * Every figure is held as integer counts: per group the sums of the
 * article figures, a histogram of words per article (for the median), the
 * count of every id (for duplicates), and full tables of terms, bigrams
 * and names with their counts and article frequencies.  The state of two
 * pieces of a corpus added together is the state of the whole, so it can
 * be written out as a partial, read back, merged with others, and printed
 * as the same bytes a single run prints.
 */
#ifndef ART_STATS_H
#define ART_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The tables kept besides the summary. */
enum {
	ST_TERMS = 1,
	ST_BIGRAMS = 2,
	ST_NAMES = 4,
	ST_NEAR = 8,
	ST_ALL = 15
};

/* What stats_print() prints. */
enum streport {
	REP_SUMMARY,
	REP_TERMS,
	REP_BIGRAMS,
	REP_NAMES,
	REP_NEAR
};

/* The day of an article without a date. */
#define STATS_NODAY	INT32_MIN

/* What shapes the state: the same for every partial of one merge. */
struct stconf {
	int		 tables;	/* ST_* */
	int		 group;		/* the field grouped by, -1 for none */
	uint64_t	 stophash;	/* stats_stophash() of the stop words */
};

/* The figures of one article. */
struct stfig {
	uint64_t	 words;
	uint64_t	 sentences;
	uint64_t	 paragraphs;
	uint64_t	 quotes;
	uint64_t	 bytes;
	int32_t		 day;		/* date_days() or STATS_NODAY */
	uint64_t	 id;
	uint64_t	 simhash;	/* used with ST_NEAR */
};

/*
 * Near-duplicates differ in at most this many bits: more would join
 * unrelated articles, and take the index more than linear time.
 */
#define STATS_MAXBITS	8

/* How to print. */
struct stout {
	enum streport	 report;
	size_t		 n;		/* entries of each top list */
	int		 header;	/* print a header line first */
	int		 bits;		/* near-duplicates differ in at most */
};

/* Where a partial was found damaged. */
struct sterr {
	unsigned long	 line;
	char		 msg[160];
};

struct stats;

/*
 * Returns a new, empty state shaped by conf, or shaped by the first
 * partial that stats_load() reads when conf is NULL.  Returns NULL with
 * errno set when memory ran out.
 */
struct stats	*stats_new(const struct stconf *conf);

/* Frees a state. */
void		 stats_free(struct stats *);

/*
 * The shape of a state; NULL when it has none yet (stats_new(NULL) and no
 * partial read).
 */
const struct stconf *stats_conf(const struct stats *);

/* Marks of words: stop words and the titles that stand before names. */
#define STATS_STOP	1
#define STATS_TITLE	2

/*
 * The built-in lists, NULL-terminated and normalised: English stop words,
 * and titles (President, Mr) that end a name and are no part of one.
 */
extern const char *const stats_stopwords[];
extern const char *const stats_titlewords[];

/*
 * Marks a normalised word (stats_norm()) as a stop word or a title (or
 * both: STATS_STOP | STATS_TITLE).  Returns 0, or -1 with errno set
 * (ENOMEM).
 */
int		 stats_mark(struct stats *, const char *, size_t n, int marks);

/*
 * Normalises a word as the tables count it: case-folded, with ' for
 * U+2019, and without a final 's.  Writes at most cap bytes at dst (cap
 * >= n is always enough) and returns the length; *poss tells whether an
 * 's was dropped.
 */
size_t		 stats_norm(char *dst, size_t cap, const char *, size_t n,
		    int *poss);

struct article;
struct fieldctx;

/*
 * Counts an article: in the group of its value of the field the state
 * groups by, its figures, and what the state's tables want of its body.
 * The context is moved to the article.  Returns 0, or -1 with errno set
 * (ENOMEM).
 */
int		 stats_add(struct stats *, struct fieldctx *, struct article *);

/*
 * The identity of a list of stop words (case-folded), whatever their
 * order and repetitions: what partials record of it.
 */
uint64_t	 stats_stophash(const char *const *words, const size_t *lens,
		    size_t n);

/*
 * Returns the index of the group with the key (n bytes, plain text),
 * adding it when it is new, or -1 with errno set (ENOMEM).  Without
 * grouping every article goes to group 0, whose key is empty.
 */
long		 stats_group(struct stats *, const char *key, size_t n);

/*
 * Counts an article with its figures in a group.  The terms, bigrams and
 * names that stats_word() and the rest add after it are counted as its
 * own for the article frequencies.  Returns 0, or -1 with errno set.
 */
int		 stats_article(struct stats *, long g, const struct stfig *);

/*
 * Returns the index of a normalised word in the vocabulary, adding it, or
 * -1 with errno set (ENOMEM); *marks receives its STATS_* marks.
 */
long		 stats_word(struct stats *, const char *, size_t n,
		    int *marks);

/*
 * Count a term, a bigram (two word indices) and a name (n bytes as
 * written) in a group for the current article.  Return 0, or -1 with
 * errno set (ENOMEM).
 */
int		 stats_term(struct stats *, long g, long w);
int		 stats_bigram(struct stats *, long g, long w1, long w2);
int		 stats_name(struct stats *, long g, const char *, size_t n);

/*
 * Writes the state as a partial (see artstat(1)), its entries sorted.
 * With unread set the partial says that some of its input could not be
 * read, and stats_load() refuses it.  Returns 0, or -1 with errno set on
 * a write error or when memory ran out.
 */
int		 stats_write(struct stats *, FILE *, int unread);

/*
 * Reads one or more partials, one after another, from a descriptor and
 * merges them into the state; a line longer than max bytes (0: no bound)
 * is damage, found before more of it is read.  On damaged input returns
 * -1 with errno set to EINVAL and e telling where and what; on a read
 * error or when memory ran out returns -1 with errno set and e->line 0.
 * The merged state may then hold a part of the input.
 */
int		 stats_load(struct stats *, int fd, size_t max,
		    struct sterr *e);

/*
 * Prints a report.  Returns 0, or -1 with errno set on a write error or
 * when memory ran out.
 */
int		 stats_print(struct stats *, FILE *, const struct stout *);

#endif
