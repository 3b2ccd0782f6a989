/*
 * artsplit: article text in, one record per article out; -r the reverse.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "input.h"
#include "out.h"
#include "tsv.h"

enum { OK, NOTHING, TROUBLE };

static int Hflag, rflag;
static int status = OK;
static struct out out;
static int narticles;
static size_t maxbytes = ARTIN_MAXDEFAULT;

static void
usage(void)
{
	fprintf(stderr, "usage: artsplit [-Hr] [-L size] [-t format] "
	    "[file ...]\n");
	exit(TROUBLE);
}

/* Says that a format name is unknown, and names the formats. */
static void
badformat(const char *name)
{
	int f;

	fprintf(stderr, "artsplit: unknown format %s; formats:", name);
	for (f = FMT_AUTO + 1; f < NFMT; f++)
		fprintf(stderr, "%s %s", f > FMT_AUTO + 1 ? "," : "",
		    artfmt_name(f));
	fputc('\n', stderr);
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

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg;
	fprintf(stderr, "artsplit: %s:%lu: %s\n", fname(file), line, msg);
	if (lost)
		status = TROUBLE;
}

/* A closed pipe ends the run quietly, with the status it has so far. */
static void
writeerr(void)
{
	if (errno == EPIPE)
		exit(status);
	err(TROUBLE, "write error");
}

static void
put(struct article *a)
{
	int r;

	if (rflag) {
		r = narticles > 0 ? buf_addc(&out.b, '\n') : 0;
		if (r == 0)
			r = article_puttext(&out.b, a);
	} else
		r = tsv_put(&out.b, a);
	if (r == -1)
		err(TROUBLE, NULL);
	narticles++;
	if (out_check(&out) == -1)
		writeerr();
}

static void
split(const char *path, enum artfmt fmt)
{
	struct artin *in;
	struct article *a;
	int r;

	if ((in = artin_open(path, fmt)) == NULL) {
		warn("%s", fname(path));
		status = TROUBLE;
		return;
	}
	artin_onwarn(in, onwarn, NULL);
	artin_setmax(in, maxbytes);
	while ((r = artin_next(in, &a)) == 1)
		put(a);
	if (r == -1) {
		warn("%s", fname(path));
		status = TROUBLE;
	}
	artin_close(in);
}

int
main(int argc, char *argv[])
{
	int c, fmt = FMT_AUTO;

	while ((c = getopt(argc, argv, "HhL:rt:")) != -1) {
		switch (c) {
		case 'H':
			Hflag = 1;
			break;
		case 'L':
			if (artin_parsesize(optarg, &maxbytes) == -1)
				errx(TROUBLE, "-L %s: not a size in bytes (a "
				    "number, with k, M or G)", optarg);
			break;
		case 'r':
			rflag = 1;
			break;
		case 't':
			if ((fmt = artfmt_byname(optarg)) == -1 ||
			    fmt == FMT_AUTO)
				badformat(optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (Hflag && rflag)
		errx(TROUBLE, "-H and -r cannot be used together: article "
		    "text has no header line");
	out_init(&out, stdout);
	if (Hflag && (buf_adds(&out.b, tsv_header) == -1 ||
	    buf_addc(&out.b, '\n') == -1))
		err(TROUBLE, NULL);
	if (argc == 0)
		split("-", fmt);
	for (; argc > 0; argc--, argv++)
		split(*argv, fmt);
	if (out_flush(&out) == -1 || fflush(stdout) == EOF || ferror(stdout))
		writeerr();
	out_free(&out);
	return status;
}
