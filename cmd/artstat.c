/*
 * artstat: statistics of articles as TSV: a summary, per group or not,
 * top terms, bigrams and names, near-duplicate clusters; and partials of
 * any of them that merge to the same output.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "stats.h"
#include "tool.h"

#define WORDMAX	256
#define BLOCK	65536	/* bytes read at a time to find a cut */
#define LINEMAX	4096	/* bytes of a line looked at for a header */

static int Hflag, mflag, pflag;
static int tables;		/* asked for with -w, -b, -N, -d */
static int group = -1;		/* -g */
static const char *stopfile;	/* -S */
static struct stout out = { REP_SUMMARY, 10, 0, 3 };
static struct stats *st;
static struct fieldctx *fc;

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
static long chunk, nchunk;	/* -c chunk/nchunk; nchunk 0 without */

/* A chunk of a file being read: where it lies, for the messages. */
struct chunkin {
	const char	*path;
	int		 fd;
	off_t		 start;
	unsigned long	 lines;		/* in the chunk, when it is cut short */
	int		 cut;		/* the chunk ends before the file */
	unsigned long	 before;	/* lines before start; with known */
	int		 known;
};

static const char usage[] =
    "usage: artstat [-bdHhNpw] [-c chunk/chunks] [-g field] [-k bits] "
    "[-L size]\n"
    "               [-n count] [-S file] [-t format] [--line-buffered] "
    "[file ...]\n"
    "       artstat -m [-bdHhNpw] [-g field] [-k bits] [-L size] "
    "[-n count]\n"
    "               [-S file] [--line-buffered] [partial ...]\n";

static const char help[] =
    "  -b                    the top bigrams\n"
    "  -c chunk/chunks       count the articles that begin in this chunk\n"
    "                        of each file, for -p and -m\n"
    "  -d                    the clusters of near-duplicates\n"
    "  -g field              the summary or the top lists by field\n"
    "  -H                    write a header line of the columns first\n"
    TOOL_HELP_H
    "  -k bits               near-duplicates differ in at most bits bits (3)\n"
    TOOL_HELP_L
    "  -m                    merge partials instead of counting articles\n"
    "  -N                    the top names\n"
    "  -n count              lines of each top list: 10; 0 for all\n"
    "  -p                    write a partial, for -m, instead of a table\n"
    "  -S file               take the stop words from file, one a line\n"
    TOOL_HELP_T
    "  -w                    the top terms\n"
    TOOL_HELP_LINEBUF
    TOOL_HELP_VERSION;

static const struct option longopts[] = {
	TOOL_LONGOPTS
};

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
 * Reads the whole of a file of stop words, at most tool.max of it (-L),
 * into b: what is held in memory is bounded, and /dev/zero is refused
 * as soon as it is over the bound.
 */
static void
slurp(int fd, struct buf *b)
{
	ssize_t got;

	for (;;) {
		if (buf_grow(b, BLOCK) == -1)
			err(TROUBLE, NULL);
		got = read(fd, b->p + b->n, BLOCK);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			err(TROUBLE, "%s", tool_fname(stopfile));
		if (got == 0)
			return;
		b->n += (size_t)got;
		if (tool.max > 0 && b->n > tool.max)
			errx(TROUBLE, "%s: longer than %zu bytes, the bound of "
			    "-L", tool_fname(stopfile), tool.max);
	}
}

/*
 * Reads the stop words: one a line, a UTF-8 byte-order mark before the
 * first dropped; blank lines and lines that begin with # are none.  The
 * built-in list without -S.
 */
static void
loadstop(void)
{
	struct buf b = { NULL, 0, 0 };
	const char *p, *e, *nl;
	size_t cap = 0;
	int fd;

	if (stopfile == NULL) {
		liststop();
		return;
	}
	if ((fd = strcmp(stopfile, "-") == 0 ? 0 : open(stopfile, O_RDONLY)) ==
	    -1)
		err(TROUBLE, "%s", tool_fname(stopfile));
	slurp(fd, &b);
	if (fd != 0)
		close(fd);
	p = b.p;
	if (b.n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < b.p + b.n; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(b.p + b.n - p))) == NULL)
			nl = b.p + b.n;
		for (e = nl; e > p && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'); e--)
			;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p < e && *p != '#')
			addstop(p, (size_t)(e - p), &cap);
	}
	buf_free(&b);
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

/* The line of the file that a line of its chunk is. */
static unsigned long lineof(struct chunkin *, unsigned long);

/* Counts an article. */
static void
count(struct artin *in, struct article *a)
{
	(void)in;
	if (stats_add(st, fc, a) == -1)
		err(TROUBLE, "%s:%lu", tool_fname(a->file), a->lineno);
}

/* Counts the articles that begin in a chunk of a file. */
static void
readchunk(struct artin *in, const char *path, struct chunkin *ck)
{
	struct article *a;
	int r;

	artin_setmax(in, tool.max);
	while ((r = artin_next(in, &a)) == 1) {
		if (ck->cut && a->lineno > ck->lines)
			break;
		if (stats_add(st, fc, a) == -1)
			err(TROUBLE, "%s:%lu", tool_fname(path),
			    lineof(ck, a->lineno));
	}
	if (r == -1)
		tool_cannotread(path);
	artin_close(in);
}

/*
 * Counts the newlines of the bytes from to to (or the end of the file)
 * into *n.  Returns 0, or -1 with errno set on a read error.
 */
static int
countlines(int fd, off_t from, off_t to, unsigned long *n)
{
	char b[BLOCK];
	const char *p, *e;
	ssize_t got;

	for (*n = 0; from < to; from += got) {
		if ((got = pread(fd, b, to - from < BLOCK ? (size_t)(to - from) :
		    BLOCK, from)) <= 0)
			return got == 0 ? 0 : -1;
		for (p = b, e = b + got; (p = memchr(p, '\n', (size_t)(e - p))) !=
		    NULL; p++)
			(*n)++;
	}
	return 0;
}

static unsigned long
lineof(struct chunkin *ck, unsigned long line)
{
	unsigned long n;

	if (!ck->known && countlines(ck->fd, 0, ck->start, &n) == 0) {
		ck->before = n;
		ck->known = 1;
	}
	return ck->before + line;
}

/*
 * Messages about a chunk name the file and its lines; what is said of
 * the next chunk's first article is the next chunk's to say.
 */
static void
chunkwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	struct chunkin *ck = arg;

	(void)file;
	if (ck->cut && line > ck->lines)
		return;
	tool_onwarn(NULL, ck->path, lineof(ck, line), lost, msg);
}

/*
 * The offset of the line after the one at off, or size; *hdr tells
 * whether the line at off is a header that begins an article wherever
 * it stands, as the reader of article text has it (a line longer than
 * LINEMAX, or than -L allows, is none).  Returns -1 on a read error.
 */
static off_t
nextline(int fd, off_t off, off_t size, int *hdr)
{
	char b[BLOCK];
	const char *nl;
	ssize_t got;

	*hdr = 0;
	for (; off < size; off += got) {
		if ((got = pread(fd, b, BLOCK, off)) <= 0)
			return got == 0 ? size : -1;
		if ((nl = memchr(b, '\n', (size_t)got)) != NULL) {
			if (!*hdr && nl - b < LINEMAX && (tool.max == 0 ||
			    (size_t)(nl - b) <= tool.max))
				*hdr = article_isheader(b, (size_t)(nl - b));
			return off + (nl - b) + 1;
		}
		*hdr = -1;	/* a long line: no header */
	}
	return size;
}

/*
 * Where chunk j of a file ends and the next begins: the first line that
 * begins at j/N of the file or after, and in article text the first
 * header there, which begins an article whatever comes before it.  So
 * every article begins in exactly one chunk.  Returns 0, or -1 with
 * errno set on a read error.
 */
static int
cutof(int fd, off_t size, long j, int fmt, off_t *off)
{
	off_t o;
	int hdr;

	if (j == nchunk) {
		*off = size;
		return 0;
	}
	o = size / nchunk * j + size % nchunk * j / nchunk;
	if (o > 0 && (o = nextline(fd, o - 1, size, &hdr)) == -1)
		return -1;
	while (fmt == FMT_TEXT && o > 0 && o < size) {
		if ((*off = nextline(fd, o, size, &hdr)) == -1)
			return -1;
		if (hdr == 1)
			break;
		o = *off;
	}
	*off = o;
	return 0;
}

/*
 * The format of a file, told by its start as a whole run would tell it.
 * Returns -1 with errno set when it could not be read.
 */
static int
formatof(const char *path, int fmt)
{
	struct artin *in;
	struct article *a;
	int r, e;

	if (fmt != FMT_AUTO)
		return fmt;
	if ((in = artin_open(path, fmt)) == NULL)
		return -1;
	artin_setmax(in, tool.max);
	r = artin_next(in, &a);
	e = errno;
	fmt = artin_format(in);
	artin_close(in);
	errno = e;
	return r == -1 ? -1 : fmt;
}

/*
 * Counts the articles that begin in a chunk of a file (-c).  A file that
 * cannot be cut, not a regular file, or in a format other than text and
 * records, is read whole by chunk 1.  The reader reads a descriptor only
 * as the standard input, so the chunk is handed to it there, at its
 * offset.
 */
static void
countchunk(const char *path)
{
	struct chunkin ck;
	struct artin *in;
	struct stat sb;
	off_t end;
	int fmt = tool.fmt, told;

	memset(&ck, 0, sizeof(ck));
	ck.path = path;
	if ((ck.fd = open(path, O_RDONLY)) == -1 || fstat(ck.fd, &sb) == -1) {
		tool_cannotread(path);
		if (ck.fd != -1)
			close(ck.fd);
		return;
	}
	if ((told = S_ISREG(sb.st_mode) ? formatof(path, fmt) : FMT_AUTO) ==
	    -1) {
		tool_cannotread(path);
		close(ck.fd);
		return;
	}
	if (told != FMT_TEXT && told != FMT_RECORDS) {
		close(ck.fd);
		if (chunk == 1)
			tool_readfile(path, count);
		return;
	}
	fmt = told;
	if (cutof(ck.fd, sb.st_size, chunk - 1, fmt, &ck.start) == -1 ||
	    cutof(ck.fd, sb.st_size, chunk, fmt, &end) == -1 ||
	    ((ck.cut = end < sb.st_size) &&
	    countlines(ck.fd, ck.start, end, &ck.lines) == -1) ||
	    (ck.start < end && (lseek(ck.fd, ck.start, SEEK_SET) == -1 ||
	    dup2(ck.fd, STDIN_FILENO) == -1))) {
		tool_cannotread(path);
	} else if (ck.start < end) {
		if ((in = artin_open("-", fmt)) == NULL)
			err(TROUBLE, "%s", tool_fname(path));
		artin_onwarn(in, chunkwarn, &ck);
		readchunk(in, path, &ck);
	}
	close(ck.fd);
}

/* Reads -c chunk/chunks. */
static void
chunkopt(const char *s)
{
	char *end;

	errno = 0;
	chunk = strtol(s, &end, 10);
	if (end != s && *end == '/' && end[1] >= '0' && end[1] <= '9')
		nchunk = strtol(end + 1, &end, 10);
	if (*end != '\0' || errno != 0 || nchunk < 1 || chunk < 1 ||
	    chunk > nchunk || nchunk > 1000000)
		errx(TROUBLE, "-c %s: not a chunk: K/N, K from 1 to N, N up to "
		    "1000000", s);
}

/*
 * Merges the partials of a file.  A file that cannot be read, or damage,
 * ends the run with the output unwritten: a merge of the others would
 * print figures that leave it out.
 */
static void
merge(const char *path)
{
	struct sterr e;
	int fd;

	if ((fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY)) == -1)
		err(TROUBLE, "%s", tool_fname(path));
	if (stats_load(st, fd, tool.max, &e) == -1) {
		if (e.line > 0)
			errx(TROUBLE, "%s:%lu: %s", tool_fname(path), e.line, e.msg);
		err(TROUBLE, "%s", tool_fname(path));
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
		    "than those of %s", tool_fname(stopfile));
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

/* Reads the options into the flags; returns whether -g was given. */
static int
options(int argc, char *argv[])
{
	int c, gflag = 0;

	while ((c = tool_getopt(argc, argv, "bc:dg:HhNk:L:mn:pS:t:w",
	    longopts)) != -1) {
		switch (c) {
		case 'b': tables |= ST_BIGRAMS; break;
		case 'c': chunkopt(optarg); break;
		case 'd': tables |= ST_NEAR; break;
		case 'g':
			if (strcmp(optarg, "-") == 0)
				group = -1;
			else if ((group = field_byname(optarg,
			    strlen(optarg))) == -1)
				errx(TROUBLE, "-g: unknown field '%s'; fields: "
				    "%s", optarg, field_names());
			gflag = 1;
			break;
		case 'H': Hflag = out.header = 1; break;
		case 'k':
			out.bits = (int)tool_number(optarg, "-k", STATS_MAXBITS);
			break;
		case 'm': mflag = 1; break;
		case 'N': tables |= ST_NAMES; break;
		case 'n': out.n = (size_t)tool_number(optarg, "-n", LONG_MAX); break;
		case 'p': pflag = 1; break;
		case 'S': stopfile = optarg; break;
		case 'w': tables |= ST_TERMS; break;
		default:
			tool_usage();
		}
	}
	return gflag;
}

/* The options that cannot go together, and -c without files to cut. */
static void
together(int argc, char *argv[])
{
	int i;

	if (Hflag && pflag)
		errx(TROUBLE, "-H and -p cannot be used together: a partial "
		    "has a header of its own");
	if (nchunk > 0 && mflag)
		errx(TROUBLE, "-c cuts the files of articles that are counted, "
		    "not partials");
	if (nchunk > 0 && argc == 0)
		errx(TROUBLE, "-c cuts files: name them; the standard input "
		    "cannot be cut");
	for (i = 0; nchunk > 0 && i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			errx(TROUBLE, "-c cuts files: the standard input (-) "
			    "cannot be cut");
}

int
main(int argc, char *argv[])
{
	int gflag;

	tool_init("artstat", usage, help);
	gflag = options(argc, argv);
	argc -= optind;
	argv += optind;
	choose(gflag);
	together(argc, argv);
	loadstop();
	st = newstats();
	if (mflag) {
		tool_files(argc, argv, merge);
		/* A folder not read whole: no sums that leave a partial out. */
		if (tool.unread)
			exit(TROUBLE);
		checkconf(&st, gflag);
	} else {
		if ((fc = field_new()) == NULL)
			err(TROUBLE, NULL);
		if (nchunk == 0)
			tool_read(argc, argv, count);
		else
			tool_files(argc, argv, countchunk);
		field_free(fc);
	}
	if ((pflag ? stats_write(st, stdout, tool.unread) : stats_print(st,
	    stdout, &out)) == -1)
		tool_writeerr();
	stats_free(st);
	return tool_finish();
}
