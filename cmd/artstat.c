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
#include "tsv.h"

#define WORDMAX	256
#define BLOCK	65536	/* bytes read at a time to find a cut */
#define LINEMAX	4096	/* bytes of a line looked at for a header */

enum { OK, NOTHING, TROUBLE };

static int Hflag, mflag, pflag;
static int status = OK;
static int unread;		/* an input could not be read */
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

static void
usage(void)
{
	fprintf(stderr, "usage: artstat [-bdHNpw] [-c chunk/chunks] [-g field] "
	    "[-k bits] [-L size] [-n count] [-S file] [-t format] "
	    "[file ...]\n"
	    "       artstat -m [-bdHNpw] [-g field] [-k bits] [-L size] "
	    "[-n count] [-S file] [partial ...]\n");
	exit(TROUBLE);
}

/*
 * A file name as the origin column writes it, so that a message that
 * names the file stays on one line; errno is kept for warn().
 */
static const char *
fname(const char *path)
{
	static struct buf b;
	int e = errno;

	if (strpbrk(path, "\\\t\n\r") == NULL)
		return path;
	b.n = 0;
	if (tsv_escape(&b, path, strlen(path)) == -1)
		err(TROUBLE, NULL);
	buf_nul(&b);
	errno = e;
	return b.p;
}

/* Says that a format name is unknown, and names the formats. */
static void
badformat(const char *name)
{
	int f;

	fprintf(stderr, "artstat: unknown format %s; formats:", name);
	for (f = FMT_AUTO + 1; f < NFMT; f++)
		fprintf(stderr, "%s %s", f > FMT_AUTO + 1 ? "," : "",
		    artfmt_name(f));
	fputc('\n', stderr);
	exit(TROUBLE);
}

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg;
	fprintf(stderr, "artstat: %s:%lu: %s\n", fname(file), line, msg);
	if (lost)
		status = TROUBLE;
}

/*
 * A write error, or memory that ran out while writing; a closed pipe
 * ends the run quietly, with the status it has so far.
 */
static void
writeerr(void)
{
	if (errno == EPIPE)
		exit(status);
	err(TROUBLE, errno == ENOMEM ? NULL : "write error");
}

static long
number(const char *s, const char *opt, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || v < 0 || v > max) {
		if (max < LONG_MAX)
			errx(TROUBLE, "%s %s: expected a number from 0 to %ld",
			    opt, s, max);
		errx(TROUBLE, "%s %s: expected a number", opt, s);
	}
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
 * Reads the whole of a file of stop words, at most maxbytes of it (-L),
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
			err(TROUBLE, "%s", fname(stopfile));
		if (got == 0)
			return;
		b->n += (size_t)got;
		if (maxbytes > 0 && b->n > maxbytes)
			errx(TROUBLE, "%s: longer than %zu bytes, the bound of "
			    "-L", fname(stopfile), maxbytes);
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
		err(TROUBLE, "%s", fname(stopfile));
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

/*
 * An input that could not be read (opened, or read to its end) is
 * reported, and a partial written then says that it lacks something.
 */
static void
cannotread(const char *path)
{
	warn("%s", fname(path));
	status = TROUBLE;
	unread = 1;
}

/* The line of the file that a line of its chunk is. */
static unsigned long lineof(struct chunkin *, unsigned long);

/* Counts the articles of a reader; in a chunk, those that begin in it. */
static void
readall(struct stats *st, struct fieldctx *fc, struct artin *in,
    const char *path, struct chunkin *ck)
{
	struct article *a;
	int r;

	artin_setmax(in, maxbytes);
	while ((r = artin_next(in, &a)) == 1) {
		if (ck != NULL && ck->cut && a->lineno > ck->lines)
			break;
		if (stats_add(st, fc, a) == -1)
			err(TROUBLE, "%s:%lu", fname(path),
			    ck == NULL ? a->lineno : lineof(ck, a->lineno));
	}
	if (r == -1)
		cannotread(path);
	artin_close(in);
}

static void
count(struct stats *st, struct fieldctx *fc, const char *path, int fmt)
{
	struct artin *in;

	if ((in = artin_open(path, fmt)) == NULL) {
		cannotread(path);
		return;
	}
	artin_onwarn(in, onwarn, NULL);
	readall(st, fc, in, path, NULL);
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
	onwarn(NULL, ck->path, lineof(ck, line), lost, msg);
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
			if (!*hdr && nl - b < LINEMAX && (maxbytes == 0 ||
			    (size_t)(nl - b) <= maxbytes))
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
	artin_setmax(in, maxbytes);
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
countchunk(struct stats *st, struct fieldctx *fc, const char *path, int fmt)
{
	struct chunkin ck;
	struct artin *in;
	struct stat sb;
	off_t end;
	int told;

	memset(&ck, 0, sizeof(ck));
	ck.path = path;
	if ((ck.fd = open(path, O_RDONLY)) == -1 || fstat(ck.fd, &sb) == -1) {
		cannotread(path);
		if (ck.fd != -1)
			close(ck.fd);
		return;
	}
	if ((told = S_ISREG(sb.st_mode) ? formatof(path, fmt) : FMT_AUTO) ==
	    -1) {
		cannotread(path);
		close(ck.fd);
		return;
	}
	if (told != FMT_TEXT && told != FMT_RECORDS) {
		close(ck.fd);
		if (chunk == 1)
			count(st, fc, path, fmt);
		return;
	}
	fmt = told;
	if (cutof(ck.fd, sb.st_size, chunk - 1, fmt, &ck.start) == -1 ||
	    cutof(ck.fd, sb.st_size, chunk, fmt, &end) == -1 ||
	    ((ck.cut = end < sb.st_size) &&
	    countlines(ck.fd, ck.start, end, &ck.lines) == -1) ||
	    (ck.start < end && (lseek(ck.fd, ck.start, SEEK_SET) == -1 ||
	    dup2(ck.fd, STDIN_FILENO) == -1))) {
		cannotread(path);
	} else if (ck.start < end) {
		if ((in = artin_open("-", fmt)) == NULL)
			err(TROUBLE, "%s", fname(path));
		artin_onwarn(in, chunkwarn, &ck);
		readall(st, fc, in, path, &ck);
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
merge(struct stats *st, const char *path)
{
	struct sterr e;
	int fd;

	if ((fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY)) == -1)
		err(TROUBLE, "%s", fname(path));
	if (stats_load(st, fd, maxbytes, &e) == -1) {
		if (e.line > 0)
			errx(TROUBLE, "%s:%lu: %s", fname(path), e.line, e.msg);
		err(TROUBLE, "%s", fname(path));
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
		    "than those of %s", fname(stopfile));
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

	while ((c = getopt(argc, argv, "bc:dg:HhNk:L:mn:pS:t:w")) != -1) {
		switch (c) {
		case 'b':
			tables |= ST_BIGRAMS;
			break;
		case 'c':
			chunkopt(optarg);
			break;
		case 'd':
			tables |= ST_NEAR;
			break;
		case 'g':
			if (strcmp(optarg, "-") == 0)
				group = -1;
			else if ((group = field_byname(optarg,
			    strlen(optarg))) == -1)
				errx(TROUBLE, "-g: unknown field '%s'; fields: "
				    "%s", optarg, field_names());
			gflag = 1;
			break;
		case 'H':
			Hflag = out.header = 1;
			break;
		case 'k':
			out.bits = (int)number(optarg, "-k", STATS_MAXBITS);
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
			out.n = (size_t)number(optarg, "-n", LONG_MAX);
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
				badformat(optarg);
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
	if (nchunk > 0 && mflag)
		errx(TROUBLE, "-c cuts the files of articles that are counted, "
		    "not partials");
	if (nchunk > 0 && argc == 0)
		errx(TROUBLE, "-c cuts files: name them; the standard input "
		    "cannot be cut");
	for (c = 0; nchunk > 0 && c < argc; c++)
		if (strcmp(argv[c], "-") == 0)
			errx(TROUBLE, "-c cuts files: the standard input (-) "
			    "cannot be cut");
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
			if (nchunk > 0)
				countchunk(st, fc, *argv, fmt);
			else
				count(st, fc, *argv, fmt);
		field_free(fc);
	}
	if ((pflag ? stats_write(st, stdout, unread) : stats_print(st, stdout,
	    &out)) == -1)
		writeerr();
	if (fflush(stdout) == EOF || ferror(stdout))
		writeerr();
	stats_free(st);
	return status;
}
