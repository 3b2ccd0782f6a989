/*
 * artstat: statistics of articles as TSV: a summary, per group or not,
 * top terms, bigrams and names, near-duplicate clusters; and partials of
 * any of them that merge to the same output.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "lines.h"
#include "stats.h"

#define WORDMAX	256

enum { OK, NOTHING, TROUBLE };

static int Hflag, mflag, pflag;
static int status = OK;
static int tables;		/* asked for with -w, -b, -N, -d */
static int group = -1;		/* -g */
static const char *stopfile;	/* -S */
static struct stout out = { REP_SUMMARY, 10, 0, 3 };

/*
 * The stop words in use, normalised, for the state and its hash: the
 * built-in list as it stands, or the words of -S one after another in
 * stopbuf, each at an offset of stopoff until all are read.
 */
static const char *const *stop;
static size_t *stoplen;
static size_t nstop;
static struct buf stopbuf;
static size_t *stopoff;
static size_t maxbytes = ARTIN_MAXDEFAULT;

static void
usage(void)
{
	fprintf(stderr, "usage: artstat [-bdHNpw] [-g field] [-k bits] "
	    "[-L size] [-n count] [-S file] [-t format] [file ...]\n"
	    "       artstat -m [-bdHNpw] [-g field] [-k bits] [-n count] "
	    "[-S file] [partial ...]\n");
	exit(TROUBLE);
}

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg;
	fprintf(stderr, "artstat: %s:%lu: %s\n", file, line, msg);
	if (lost)
		status = TROUBLE;
}

static long
number(const char *s, long max, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0 || v > max)
		errx(TROUBLE, "%s: %s must be a number from 0 to %ld", s, what,
		    max);
	return v;
}

/* Keeps a word of -S, normalised, in stopbuf; an empty one is none. */
static void
addstop(const char *w, size_t n, size_t *cap)
{
	char buf[WORDMAX];
	size_t len, *o;
	int poss;

	len = stats_norm(buf, sizeof(buf), w, n > WORDMAX ? WORDMAX : n,
	    &poss);
	if (len == 0)
		return;
	if (nstop + 1 >= *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		if ((o = realloc(stopoff, *cap * sizeof(*o))) == NULL)
			err(TROUBLE, NULL);
		stopoff = o;
	}
	if (buf_add(&stopbuf, buf, len) == -1)
		err(TROUBLE, NULL);
	stopoff[nstop++] = stopbuf.n - len;
	stopoff[nstop] = stopbuf.n;
}

/*
 * Points stop and stoplen at the words: the built-in list, which is
 * normalised already, or those of -S in stopbuf.  Two allocations, not
 * one a word.
 */
static void
liststop(void)
{
	const char **w;
	size_t i;

	if (stopfile == NULL)
		for (nstop = 0; stats_stopwords[nstop] != NULL; nstop++)
			;
	if ((stoplen = malloc((nstop + 1) * sizeof(*stoplen))) == NULL)
		err(TROUBLE, NULL);
	if (stopfile == NULL) {
		for (i = 0; i < nstop; i++)
			stoplen[i] = strlen(stats_stopwords[i]);
		stop = stats_stopwords;
		return;
	}
	if ((w = malloc((nstop + 1) * sizeof(*w))) == NULL)
		err(TROUBLE, NULL);
	for (i = 0; i < nstop; i++) {
		w[i] = stopbuf.p + stopoff[i];
		stoplen[i] = stopoff[i + 1] - stopoff[i];
	}
	stop = w;
	free(stopoff);
	stopoff = NULL;
}

/*
 * Reads the stop words: one a line; blank lines and lines that begin
 * with # are none.  The built-in list without -S.
 */
static void
loadstop(void)
{
	struct lines ln;
	char *p;
	size_t n, cap = 0;
	int fd, r;

	if (stopfile == NULL) {
		liststop();
		return;
	}
	if ((fd = strcmp(stopfile, "-") == 0 ? 0 : open(stopfile, O_RDONLY)) ==
	    -1 || lines_init(&ln, fd) == -1)
		err(TROUBLE, "%s", stopfile);
	while ((r = lines_next(&ln, &p, &n)) == 1) {
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
		    p[n - 1] == '\r'))
			n--;
		while (n > 0 && (*p == ' ' || *p == '\t'))
			p++, n--;
		if (n > 0 && *p != '#')
			addstop(p, n, &cap);
	}
	if (r == -1)
		err(TROUBLE, "%s", stopfile);
	lines_free(&ln);
	if (fd != 0)
		close(fd);
	liststop();
}

static struct stats *
newstats(void)
{
	struct stconf c;
	struct stats *st;
	size_t i;

	c.tables = tables;
	c.group = group;
	c.stophash = stats_stophash(stop, stoplen, nstop);
	if ((st = stats_new(mflag ? NULL : &c)) == NULL)
		err(TROUBLE, NULL);
	if (mflag)
		return st;
	for (i = 0; i < nstop; i++)
		if (stats_mark(st, stop[i], stoplen[i], STATS_STOP) == -1)
			err(TROUBLE, NULL);
	for (i = 0; stats_titlewords[i] != NULL; i++)
		if (stats_mark(st, stats_titlewords[i],
		    strlen(stats_titlewords[i]), STATS_TITLE) == -1)
			err(TROUBLE, NULL);
	return st;
}

static void
count(struct stats *st, struct fieldctx *fc, const char *path, int fmt)
{
	struct artin *in;
	struct article *a;
	int r;

	if ((in = artin_open(path, fmt)) == NULL) {
		warn("%s", path);
		status = TROUBLE;
		return;
	}
	artin_onwarn(in, onwarn, NULL);
	artin_setmax(in, maxbytes);
	while ((r = artin_next(in, &a)) == 1)
		if (stats_add(st, fc, a) == -1)
			err(TROUBLE, "%s:%lu", path, a->lineno);
	if (r == -1) {
		warn("%s", path);
		status = TROUBLE;
	}
	artin_close(in);
}

/* Merges the partials of a file; damage ends the run, output unwritten. */
static void
merge(struct stats *st, const char *path)
{
	struct sterr e;
	int fd;

	if ((fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY)) == -1) {
		warn("%s", path);
		status = TROUBLE;
		return;
	}
	if (stats_load(st, fd, &e) == -1) {
		if (e.line > 0)
			errx(TROUBLE, "%s:%lu: %s", path, e.line, e.msg);
		err(TROUBLE, "%s", path);
	}
	if (fd != 0)
		close(fd);
}

static const char *const tableopt[] = { "-w", "-b", "-N", "-d" };

/* Merged partials must have been made as this run would make them. */
static void
checkconf(struct stats **stp, int gflag)
{
	const struct stconf *c = stats_conf(*stp);
	uint64_t h;
	int i;

	if (c == NULL) {
		/* No partial at all: the merge of nothing, an empty input. */
		stats_free(*stp);
		mflag = 0;
		*stp = newstats();
		return;
	}
	if (gflag && c->group != group)
		errx(TROUBLE, "the partials are grouped by %s, not by %s",
		    c->group < 0 ? "nothing" : field_name(c->group),
		    group < 0 ? "nothing" : field_name(group));
	for (i = 0; i < 4; i++)
		if ((tables & 1 << i) && !(c->tables & 1 << i))
			errx(TROUBLE, "the partials hold no table for %s; make "
			    "them with -p %s", tableopt[i], tableopt[i]);
	h = stats_stophash(stop, stoplen, nstop);
	if (stopfile != NULL && c->stophash != h &&
	    (c->tables & (ST_TERMS | ST_BIGRAMS | ST_NAMES)))
		errx(TROUBLE, "the partials were counted with other stop words "
		    "than those of %s", stopfile);
}

/* The report of the tables asked for, when not writing a partial. */
static void
choose(int gflag)
{
	static const enum streport rep[] = { REP_TERMS, REP_BIGRAMS,
	    REP_NAMES, REP_NEAR };
	int i, n = 0;

	for (i = 0; i < 4; i++)
		if (tables & 1 << i) {
			out.report = rep[i];
			n++;
		}
	if (n > 1 && !pflag)
		errx(TROUBLE, "-w, -b, -N and -d print different tables: ask "
		    "for one, or write them all to a partial with -p");
	if ((tables & ST_NEAR) && gflag && group >= 0)
		errx(TROUBLE, "-d cannot be used with -g: near-duplicates are "
		    "found in the whole input");
}

int
main(int argc, char *argv[])
{
	struct fieldctx *fc;
	struct stats *st;
	int c, fmt = FMT_AUTO, gflag = 0;

	while ((c = getopt(argc, argv, "bdg:HhNk:L:mn:pS:t:w")) != -1) {
		switch (c) {
		case 'b':
			tables |= ST_BIGRAMS;
			break;
		case 'd':
			tables |= ST_NEAR;
			break;
		case 'g':
			if (strcmp(optarg, "-") == 0)
				group = -1;
			else if ((group = field_byname(optarg,
			    strlen(optarg))) == -1)
				errx(TROUBLE, "unknown field %s; fields: %s",
				    optarg, field_names());
			gflag = 1;
			break;
		case 'H':
			Hflag = out.header = 1;
			break;
		case 'k':
			out.bits = (int)number(optarg, 63, "-k");
			break;
		case 'L':
			if (artin_parsesize(optarg, &maxbytes) == -1)
				errx(TROUBLE, "-L %s: not a size in bytes (a "
				    "number, with k, M or G)", optarg);
			break;
		case 'm':
			mflag = 1;
			break;
		case 'N':
			tables |= ST_NAMES;
			break;
		case 'n':
			out.n = (size_t)number(optarg, LONG_MAX, "-n");
			break;
		case 'p':
			pflag = 1;
			break;
		case 'S':
			stopfile = optarg;
			break;
		case 't':
			if ((fmt = artfmt_byname(optarg)) == -1 ||
			    fmt == FMT_AUTO)
				errx(TROUBLE, "unknown format %s; formats: text, "
				    "records", optarg);
			break;
		case 'w':
			tables |= ST_TERMS;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	choose(gflag);
	if (Hflag && pflag)
		errx(TROUBLE, "-H and -p cannot be used together: a partial "
		    "has a header of its own");
	loadstop();
	st = newstats();
	if (mflag) {
		if (argc == 0)
			merge(st, "-");
		for (; argc > 0; argc--, argv++)
			merge(st, *argv);
		checkconf(&st, gflag);
	} else {
		if ((fc = field_new()) == NULL)
			err(TROUBLE, NULL);
		if (argc == 0)
			count(st, fc, "-", fmt);
		for (; argc > 0; argc--, argv++)
			count(st, fc, *argv, fmt);
		field_free(fc);
	}
	if ((pflag ? stats_write(st, stdout) : stats_print(st, stdout,
	    &out)) == -1)
		err(TROUBLE, errno == ENOMEM ? NULL : "write error");
	if (fflush(stdout) == EOF || ferror(stdout))
		err(TROUBLE, "write error");
	stats_free(st);
	return status;
}
