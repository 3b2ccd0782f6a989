/*
 * artfields: the named fields of each article, one TSV line per article;
 * -e one line per paragraph, sentence or quotation.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "out.h"
#include "text.h"
#include "tsv.h"

enum { OK, NOTHING, TROUBLE };

/* The fields of the listing without -f. */
#define DEFAULT_FIELDS	"id,date,words,title"

static const char *const units[] = { "paragraphs", "sentences", "quotes" };
enum unit { UNIT_NONE = -1, UNIT_PARAGRAPHS, UNIT_SENTENCES, UNIT_QUOTES };

static const char *const unithead[] = {
	"id\tparagraph\twords\ttext",
	"id\tsentence\tparagraph\twords\ttext",
	"id\tquote\tparagraph\twords\tspeaker\ttext\tcontext"
};

static int status = OK;
static struct out out;
static enum field *fields;
static size_t nfields;
static size_t maxbytes = ARTIN_MAXDEFAULT;
static int fmt = FMT_AUTO;
static enum unit eunit = UNIT_NONE;
static struct fieldctx *ctx;

static void
usage(void)
{
	fprintf(stderr, "usage: artfields [-H] [-e unit] [-f field,...] "
	    "[-L size] [-t format]\n"
	    "                 [file ...]\n");
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

	fprintf(stderr, "artfields: unknown format %s; formats:", name);
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
	fprintf(stderr, "artfields: %s:%lu: %s\n", fname(file), line, msg);
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

/* Reads a list of field names, or exits naming the ones there are. */
static void
parsefields(const char *list)
{
	const char *p = list, *q;
	int f;

	nfields = 0;
	free(fields);
	if ((fields = calloc(strlen(list) / 2 + 1, sizeof(*fields))) == NULL)
		err(TROUBLE, NULL);
	for (;;) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		if ((f = field_byname(p, (size_t)(q - p))) == -1)
			errx(TROUBLE, "-f: unknown field '%.*s'; fields: %s",
			    (int)(q - p), p, field_names());
		fields[nfields++] = (enum field)f;
		if (*q == '\0')
			break;
		p = q + 1;
	}
}

static enum unit
parseunit(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(s, units[i]) == 0)
			return (enum unit)i;
	errx(TROUBLE, "unknown unit '%s'; units: paragraphs, sentences, "
	    "quotes", s);
}

static void
nomem(int r)
{
	if (r == -1)
		err(TROUBLE, NULL);
}

static void
putfield(enum field f, char sep)
{
	const char *p;
	size_t n;

	if ((p = field_text(ctx, f, &n)) == NULL)
		err(TROUBLE, NULL);
	nomem(tsv_escape(&out.b, p, n));
	nomem(buf_addc(&out.b, sep));
}

static void
putnum(size_t v)
{
	nomem(buf_addu(&out.b, v));
	nomem(buf_addc(&out.b, '\t'));
}

static void
putesc(const char *p, size_t n, char sep)
{
	nomem(tsv_escape(&out.b, p, n));
	nomem(buf_addc(&out.b, sep));
}

/* The paragraphs a quotation stands in, from body. */
static void
putcontext(const char *body, size_t n, const struct texttok *t)
{
	const char *ps = t->p, *pe = t->p + t->n, *end = body + n;

	while (ps > body && ps[-1] != '\n')
		ps--;
	while (pe < end && *pe != '\n')
		pe++;
	putesc(ps, (size_t)(pe - ps), '\n');
}

/* One line per paragraph, sentence or quotation of an article. */
static void
explode(struct article *a)
{
	static const enum texttype want[] = { TT_PARA, TT_SENTENCE,
	    TT_QUOTE };
	struct textscan s;
	struct texttok t;
	const char *body, *id, *sp;
	size_t n, idn, sn;

	id = article_text(a, COL_ID, &idn);
	body = article_text(a, COL_BODY, &n);
	text_start(&s, body, n);
	while (text_scan(&s, &t) != TT_END) {
		if (t.type != want[eunit])
			continue;
		putesc(id, idn, '\t');
		putnum(t.no);
		if (eunit != UNIT_PARAGRAPHS)
			putnum(t.para);
		putnum(t.words);
		if (eunit != UNIT_QUOTES)
			putesc(t.p, t.n, '\n');
		else {
			if (!text_speaker(body, n, t.p, t.n, &sp, &sn)) {
				sp = "";
				sn = 0;
			}
			putesc(sp, sn, '\t');
			putesc(t.p, t.n, '\t');
			putcontext(body, n, &t);
		}
		/*
		 * Line by line: the quotations of a long paragraph each
		 * carry all of it, more than any bound on the input.
		 */
		if (out_check(&out) == -1)
			writeerr();
	}
}

static void
put(struct article *a)
{
	size_t i;

	if (eunit != UNIT_NONE)
		explode(a);
	else {
		field_reset(ctx, a);
		for (i = 0; i < nfields; i++)
			putfield(fields[i], i + 1 < nfields ? '\t' : '\n');
	}
	if (out_check(&out) == -1)
		writeerr();
}

static void
fieldsof(const char *path)
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

static void
header(void)
{
	size_t i;

	if (eunit != UNIT_NONE)
		nomem(buf_adds(&out.b, unithead[eunit]));
	else
		for (i = 0; i < nfields; i++) {
			if (i > 0)
				nomem(buf_addc(&out.b, '\t'));
			nomem(buf_adds(&out.b, field_name(fields[i])));
		}
	nomem(buf_addc(&out.b, '\n'));
}

int
main(int argc, char *argv[])
{
	const char *flist = NULL;
	int c, Hflag = 0;

	while ((c = getopt(argc, argv, "He:f:hL:t:")) != -1) {
		switch (c) {
		case 'H':
			Hflag = 1;
			break;
		case 'e':
			eunit = parseunit(optarg);
			break;
		case 'f':
			flist = optarg;
			break;
		case 'L':
			if (artin_parsesize(optarg, &maxbytes) == -1)
				errx(TROUBLE, "-L %s: not a size in bytes (a "
				    "number, with k, M or G)", optarg);
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
	if (flist != NULL && eunit != UNIT_NONE)
		errx(TROUBLE, "-e and -f cannot be used together: -e prints "
		    "columns of its own");
	parsefields(flist != NULL ? flist : DEFAULT_FIELDS);
	if ((ctx = field_new()) == NULL)
		err(TROUBLE, NULL);
	out_init(&out, stdout);
	if (Hflag)
		header();
	if (argc == 0)
		fieldsof("-");
	for (; argc > 0; argc--, argv++)
		fieldsof(*argv);
	if (out_flush(&out) == -1 || fflush(stdout) == EOF || ferror(stdout))
		writeerr();
	out_free(&out);
	field_free(ctx);
	free(fields);
	return status;
}
