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

#define MAGIC		"artstat-partial"
#define VERSION		"1"
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

	bad = buf_adds(&w->b, MAGIC "\t" VERSION "\tgroup=") == -1;
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

static void
wgroups(struct writer *w, struct stats *st)
{
	const struct stgroup *g;
	const struct hent *e;
	size_t i;

	for (i = 0; i < htab_count(&st->groups); i++) {
		e = htab_ent(&st->groups, i);
		wtag(w, "G");
		wu(w, i);
		ws(w, e->key, e->len, 0);
		wend(w, 1);
	}
	for (i = 0; i < htab_count(&st->groups); i++) {
		g = &st->g[i];
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
wlensids(struct writer *w, struct stats *st)
{
	const struct hent *e;
	const struct stid *d;
	uint32_t g;
	uint64_t words;
	size_t i;

	for (i = 0; i < htab_count(&st->lens); i++) {
		e = htab_ent(&st->lens, i);
		memcpy(&g, e->key, 4);
		memcpy(&words, e->key + 4, 8);
		wtag(w, "L");
		wu(w, g);
		wu(w, words);
		wu(w, e->val[0]);
		wend(w, 1);
	}
	for (i = 0; st->ids.mask != 0 && i <= st->ids.mask; i++) {
		d = &st->ids.slot[i];
		if (d->count == 0)
			continue;
		wtag(w, "I");
		wu(w, d->g);
		whex(w, d->id);
		wu(w, d->count);
		if (st->conf.tables & ST_NEAR) {
			whex(w, d->simhash);
			wday(w, d->day, d->day != STATS_NODAY);
		}
		wend(w, 1);
	}
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

static void
wtables(struct writer *w, struct stats *st)
{
	const struct hent *e;
	uint32_t k[3];
	size_t i;

	for (i = 0; st->conf.group < 0 && i < htab_count(&st->voc); i++) {
		e = htab_ent(&st->voc, i);
		if (e->val[V_COUNT] == 0)
			continue;
		wtag(w, "T\t0");
		ws(w, e->key, e->len, 1);
		wcounts(w, e);
	}
	for (i = 0; i < htab_count(&st->terms); i++) {
		e = htab_ent(&st->terms, i);
		memcpy(k, e->key, 8);
		wtag(w, "T");
		wu(w, k[0]);
		wword(w, st, k[1]);
		wcounts(w, e);
	}
	for (i = 0; i < htab_count(&st->bigrams); i++) {
		e = htab_ent(&st->bigrams, i);
		memcpy(k, e->key, 12);
		wtag(w, "B");
		wu(w, k[0]);
		wword(w, st, k[1]);
		wword(w, st, k[2]);
		wcounts(w, e);
	}
	for (i = 0; i < htab_count(&st->names); i++) {
		e = htab_ent(&st->names, i);
		memcpy(k, e->key, 4);
		wtag(w, "N");
		wu(w, k[0]);
		ws(w, e->key + 4, e->len - 4, 1);
		wcounts(w, e);
	}
}

int
stats_write(struct stats *st, FILE *fp)
{
	struct writer w;

	stats_settle(st);
	memset(&w, 0, sizeof(w));
	w.fp = fp;
	wheader(&w, &st->conf);
	wgroups(&w, st);
	wlensids(&w, st);
	wtables(&w, st);
	wtag(&w, "end");
	wu(&w, w.lines);
	wend(&w, 0);
	wflush(&w);
	buf_free(&w.b);
	if (w.err != 0) {
		errno = w.err;
		return -1;
	}
	return 0;
}
