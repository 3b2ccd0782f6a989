/*
 * artgrep: the articles that match, as records, with grep's options; and
 * beyond grep: fields to look in, all of the patterns, dates, numeric
 * tests, and each match in its context (-o).
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "field.h"
#include "input.h"
#include "match.h"
#include "text.h"
#include "tool.h"
#include "tsv.h"

#define WIDTH		40	/* characters of context on each side (-o) */
#define MAXWIDTH	1000
#define PATFILEMAX	((size_t)1 << 20)	/* bytes of a file of -f */
#define COLOR_ON	"\033[01;31m\033[K"
#define COLOR_OFF	"\033[m\033[K"

enum { CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ, CMP_NE };

struct range {
	char	from[11];	/* YYYY-MM-DD, or "" when open */
	char	to[11];
};

struct test {
	enum field	f;
	int		op;
	double		v;
};

struct source {
	const char	*p;
	size_t		 n;
};

static int aflag, cflag, Eflag, Fflag, Hflag, iflag, lflag, oflag, qflag;
static int vflag, wflag, xflag, color, patgiven;
static int anyart;		/* no pattern: -d or -n alone select */
static long mmax = -1;
static size_t width = WIDTH;

static struct source *srcs;
static size_t nsrcs;
static struct matcher *mt;
static enum field scope[NFIELDS];
static size_t nscope;
static struct range *ranges;
static size_t nranges;
static struct test *tests;
static size_t ntests;
static struct fieldctx *fctx;
static char *found;

static unsigned long nsel;
static struct buf saved;
static int havesaved;

static const char usage[] =
    "usage: artgrep [-acEFHhiloqsvwx] [-C width] [-d from..to] [-e pattern] "
    "[-f file]\n"
    "               [-k field,...] [-L size] [-m num] [-n test] "
    "[-t format]\n"
    "               [--color[=when]] [--line-buffered] [pattern] "
    "[file ...]\n";

static const char help[] =
    "  -a                    select an article only when all patterns match\n"
    "  -C width              characters of context each side with -o (40)\n"
    "  -c                    write the number of articles selected\n"
    "  -d from..to           only the articles dated in the range, as in\n"
    "                        2025-12, 2025-01..2025-06 or 2024..\n"
    "  -E                    patterns are extended regular expressions, as\n"
    "                        they are without it\n"
    "  -e pattern            a pattern to look for; may be given again\n"
    "  -F                    patterns are fixed strings\n"
    "  -f file               read the patterns from file, one a line\n"
    "  -H                    write a header line of the columns first\n"
    TOOL_HELP_H
    "  -i                    ignore case\n"
    "  -k field,...          look in these fields, not the title, the\n"
    "                        byline and the body\n"
    TOOL_HELP_L
    "  -l                    write the id of each article selected\n"
    "  -m num                stop after num articles selected\n"
    "  -n test               only the articles for which a test such as\n"
    "                        words>300 holds\n"
    "  -o                    write each match in its context instead\n"
    "  -q                    write nothing; exit 0 at the first selected\n"
    "  -s                    say nothing of files that cannot be read\n"
    TOOL_HELP_T
    "  -v                    select the articles that do not match\n"
    "  -w                    match whole words only\n"
    "  -x                    match whole paragraphs, titles or bylines\n"
    "      --color[=when]    colour the matches of -o: always, never or\n"
    "                        auto (on a terminal, unless NO_COLOR is set)\n"
    TOOL_HELP_LINEBUF
    TOOL_HELP_VERSION
    "\n"
    "The pattern is the first operand, unless patterns are given with -e\n"
    "or -f; with -d or -n, and neither of those, there is none, and every\n"
    "operand is a file.\n";

/* --color and --colour, the long option that artgrep has of its own. */
enum { COLOR = TOOL_OPT };

static const struct option longopts[] = {
	{ "color", optional_argument, NULL, COLOR },
	{ "colour", optional_argument, NULL, COLOR },
	TOOL_LONGOPTS
};

static void
addsource(const char *p, size_t n)
{
	struct source *s;

	if ((s = realloc(srcs, (nsrcs + 1) * sizeof(*s))) == NULL)
		err(TROUBLE, NULL);
	srcs = s;
	srcs[nsrcs].p = p;
	srcs[nsrcs++].n = n;
}

/*
 * -f: the lines of a file are patterns; an empty file holds none.  The
 * file is held to PATFILEMAX bytes, so that no file, not /dev/zero nor
 * a line without end, can take memory without bound: the run ends as
 * soon as a byte past the bound is read.
 */
static void
addfile(const char *path)
{
	struct buf b = { NULL, 0, 0 };
	FILE *fp;
	size_t r, want;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL)
		err(TROUBLE, "%s", tool_fname(path));
	do {
		if (buf_grow(&b, 8192) == -1)
			err(TROUBLE, NULL);
		want = b.cap - b.n - 1;
		if (want > PATFILEMAX + 1 - b.n)
			want = PATFILEMAX + 1 - b.n;
		r = fread(b.p + b.n, 1, want, fp);
		b.n += r;
		if (b.n > PATFILEMAX)
			errx(TROUBLE, "%s: a pattern file may hold at most "
			    "%zu bytes", tool_fname(path), PATFILEMAX);
	} while (r > 0);
	if (ferror(fp))
		err(TROUBLE, "%s", tool_fname(path));
	if (fp != stdin)
		fclose(fp);
	if (b.n == 0) {
		free(b.p);
		return;
	}
	if (b.p[b.n - 1] == '\n')
		b.n--;
	addsource(b.p, b.n);	/* kept to the end, as argv is */
}

/* Compiles the patterns, line by line so that a message names one. */
static void
compile(void)
{
	const char *p, *end, *q;
	size_t i;
	int flags;

	flags = (Fflag ? MATCH_FIXED : 0) | (iflag ? MATCH_ICASE : 0) |
	    (wflag ? MATCH_WORD : 0) | (xflag ? MATCH_LINE : 0);
	if ((mt = match_new(flags)) == NULL)
		err(TROUBLE, NULL);
	for (i = 0; i < nsrcs; i++) {
		end = srcs[i].p + srcs[i].n;
		for (p = srcs[i].p; ; p = q + 1) {
			if ((q = memchr(p, '\n', (size_t)(end - p))) == NULL)
				q = end;
			if (match_add(mt, p, (size_t)(q - p)) == -1) {
				if (errno != EINVAL)
					err(TROUBLE, NULL);
				errx(TROUBLE, "bad regular expression '%.*s': "
				    "%s", (int)(q - p), p, match_error(mt));
			}
			if (q == end)
				break;
		}
	}
	if ((found = calloc(match_npat(mt) + 1, 1)) == NULL)
		err(TROUBLE, NULL);
}

/* -k: the fields to look in, added to those named before. */
static void
addscope(const char *list)
{
	enum field *f;
	size_t i, j, n;

	f = tool_fields(list, "-k", &n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < nscope && scope[j] != f[i]; j++)
			;
		if (j == nscope)
			scope[nscope++] = f[i];
	}
	free(f);
}

/*
 * One end of a date range, YYYY, YYYY-MM or YYYY-MM-DD, into a day: the
 * first day of the period for a start, its last for an end.
 */
static int
datebound(const char *s, size_t n, int isend, char *day)
{
	char buf[11];
	int y, m, d;

	day[0] = '\0';
	if (n == 0)
		return 0;
	if (n != 4 && n != 7 && n != 10)
		return -1;
	memcpy(buf, s, n);
	memcpy(buf + n, &"-01-01"[n - 4], 10 - n);
	buf[10] = '\0';
	if (date_check(buf, 10, &y, &m, &d) != DATE_OK)
		return -1;
	if (isend && n == 4)
		m = 12;
	if (isend && n < 10)
		d = date_mdays(y, m);
	snprintf(day, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* -d FROM..TO, FROM,TO or one period; either end may be left open. */
static void
addrange(const char *s)
{
	struct range *r;
	const char *sep, *to;
	size_t fromlen;

	if ((r = realloc(ranges, (nranges + 1) * sizeof(*r))) == NULL)
		err(TROUBLE, NULL);
	ranges = r;
	r = &ranges[nranges++];
	if ((sep = strstr(s, "..")) != NULL)
		to = sep + 2;
	else if ((sep = strchr(s, ',')) != NULL)
		to = sep + 1;
	else {
		sep = s + strlen(s);
		to = s;
	}
	fromlen = (size_t)(sep - s);
	if (datebound(s, fromlen, 0, r->from) == -1 ||
	    datebound(to, strlen(to), 1, r->to) == -1)
		errx(TROUBLE, "-d %s: expected FROM..TO, each end YYYY, "
		    "YYYY-MM or YYYY-MM-DD, or left out", s);
	if (r->from[0] != '\0' && r->to[0] != '\0' &&
	    strcmp(r->from, r->to) > 0)
		errx(TROUBLE, "-d %s: the range ends before it begins", s);
}

/* The numeric fields, for messages. */
static const char *
numfields(void)
{
	static char names[512];
	size_t at = 0;
	int f;

	for (f = 0; f < NFIELDS; f++)
		if (field_isnumber((enum field)f) && at < sizeof(names))
			at += (size_t)snprintf(names + at, sizeof(names) - at,
			    "%s%s", at > 0 ? ", " : "",
			    field_name((enum field)f));
	return names;
}

/* -n FIELD OP NUMBER, with OP one of < <= > >= = == !=. */
static void
addtest(const char *s)
{
	static const char *const ops[] = { "<", "<=", ">", ">=", "=", "!=" };
	const char *op, *name = s, *num;
	struct test *t;
	size_t len;
	char *end;
	int f, i;

	if ((op = strpbrk(s, "<>=!")) == NULL)
		errx(TROUBLE, "-n %s: expected a test such as words>300", s);
	while (*name == ' ')
		name++;
	for (len = (size_t)(op - name); len > 0 && name[len - 1] == ' '; len--)
		;
	if ((f = field_byname(name, len)) == -1 ||
	    !field_isnumber((enum field)f))
		errx(TROUBLE, "-n %s: '%.*s' is not a numeric field; they "
		    "are: %s", s, (int)len, name, numfields());
	for (i = 5; i >= 0; i--)
		if (strncmp(op, ops[i], strlen(ops[i])) == 0)
			break;
	num = op + (i >= 0 ? strlen(ops[i]) : 1);
	if (i == CMP_EQ && *num == '=')
		num++;
	if ((t = realloc(tests, (ntests + 1) * sizeof(*t))) == NULL)
		err(TROUBLE, NULL);
	tests = t;
	t = &tests[ntests++];
	t->f = (enum field)f;
	t->op = i;
	errno = 0;
	t->v = strtod(num, &end);
	while (*end == ' ')
		end++;
	if (i < 0 || end == num || *end != '\0' || errno != 0 ||
	    !isfinite(t->v))
		errx(TROUBLE, "-n %s: expected a test such as words>300", s);
}

/*
 * --color[=when]: always, never, or auto, on a terminal but when a
 * NO_COLOR that is not empty says no (https://no-color.org).
 */
static int
colorwhen(const char *when)
{
	const char *no;

	if (when == NULL || strcmp(when, "auto") == 0)
		return isatty(STDOUT_FILENO) &&
		    ((no = getenv("NO_COLOR")) == NULL || *no == '\0');
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	warnx("--color=%s: expected always, never or auto", when);
	tool_usage();
}

/* The text of a field of the article the context is on. */
static const char *
fieldtext(enum field f, size_t *n)
{
	const char *t;

	if ((t = field_text(fctx, f, n)) == NULL)
		err(TROUBLE, NULL);
	return t;
}

static int
indates(struct article *a)
{
	const char *d;
	size_t i, n;

	if (nranges == 0)
		return 1;
	d = article_text(a, COL_DATE, &n);
	if (n != 10)
		return 0;
	for (i = 0; i < nranges; i++)
		if ((ranges[i].from[0] == '\0' ||
		    memcmp(d, ranges[i].from, 10) >= 0) &&
		    (ranges[i].to[0] == '\0' || memcmp(d, ranges[i].to, 10) <= 0))
			return 1;
	return 0;
}

static int
passes(void)
{
	struct test *t;
	double v;
	size_t i;
	int ok = 1;

	for (i = 0; i < ntests && ok; i++) {
		t = &tests[i];
		v = field_number(fctx, t->f);
		switch (t->op) {
		case CMP_LT: ok = v < t->v; break;
		case CMP_LE: ok = v <= t->v; break;
		case CMP_GT: ok = v > t->v; break;
		case CMP_GE: ok = v >= t->v; break;
		case CMP_EQ: ok = v == t->v; break;
		default: ok = v != t->v; break;
		}
	}
	return ok;
}

/* Tells whether the patterns match: any of them, or with -a all. */
static int
matches(struct artin *in, struct article *a)
{
	struct match mm;
	const char *t;
	size_t i, j, n, npat = match_npat(mt), left = npat;
	int r;

	if (npat == 0)
		return 0;
	if (match_scanfound(mt, a, artin_findat(in), scope, nscope))
		return 1;
	memset(found, 0, npat);
	for (i = 0; i < nscope; i++) {
		t = fieldtext(scope[i], &n);
		if (!aflag) {
			if ((r = match_find(mt, t, n, 0, &mm)) == -1)
				err(TROUBLE, NULL);
			if (r == 1)
				return 1;
			continue;
		}
		for (j = 0; j < npat; j++) {
			if (found[j])
				continue;
			if ((r = match_findpat(mt, j, t, n, 0, &mm)) == -1)
				err(TROUBLE, NULL);
			if (r == 1) {
				found[j] = 1;
				left--;
			}
		}
		if (left == 0)
			return 1;
	}
	return 0;
}

/* Appends n bytes escaped, or the error. */
static void
addesc(const char *p, size_t n)
{
	if (tsv_escape(&tool.out.b, p, n) == -1)
		err(TROUBLE, NULL);
}

static void
addstr(const char *s)
{
	if (buf_adds(&tool.out.b, s) == -1)
		err(TROUBLE, NULL);
}

/* One line of -o: id, field, paragraph, left, match, right. */
static void
kwicline(struct article *a, enum field f, const char *t, size_t n,
    size_t para, const struct match *mm)
{
	size_t l, r, k, ps, pe;
	const char *id;
	uint32_t c;

	for (ps = mm->so; ps > 0 && t[ps - 1] != '\n'; ps--)
		;
	for (pe = mm->eo; pe < n && t[pe] != '\n'; pe++)
		;
	for (l = mm->so, k = 0; l > ps && k < width; k++)
		for (l--; l > ps && ((unsigned char)t[l] & 0xc0) == 0x80; l--)
			;
	for (r = mm->eo, k = 0; r < pe && k < width; k++)
		r += text_decode(t + r, t + pe, &c);
	id = article_text(a, COL_ID, &k);
	addesc(id, k);
	addstr("\t");
	addstr(field_name(f));
	if (buf_addc(&tool.out.b, '\t') == -1 || buf_addu(&tool.out.b, para) == -1 ||
	    buf_addc(&tool.out.b, '\t') == -1)
		err(TROUBLE, NULL);
	addesc(t + l, mm->so - l);
	addstr(color ? "\t" COLOR_ON : "\t");
	addesc(t + mm->so, mm->eo - mm->so);
	addstr(color ? COLOR_OFF "\t" : "\t");
	addesc(t + mm->eo, r - mm->eo);
	addstr("\n");
}

/* -o: every match in the fields looked in, in order. */
static void
kwic(struct article *a)
{
	struct match mm;
	const char *t, *q;
	size_t i, n, from, para, counted;
	uint32_t c;
	int r;

	for (i = 0; i < nscope; i++) {
		t = fieldtext(scope[i], &n);
		para = 1;
		counted = 0;
		for (from = 0; (r = match_find(mt, t, n, from, &mm)) == 1; ) {
			if (mm.eo == mm.so) {
				from = mm.so + (mm.so < n ?
				    text_decode(t + mm.so, t + n, &c) : 1);
				continue;
			}
			while ((q = memchr(t + counted, '\n',
			    mm.so - counted)) != NULL) {
				para++;
				counted = (size_t)(q - t) + 1;
			}
			kwicline(a, scope[i], t, n, para, &mm);
			from = mm.eo;
		}
		if (r == -1)
			err(TROUBLE, NULL);
	}
}

/* Writes out a selected article as the options ask. */
static void
put(struct article *a)
{
	const char *id;
	size_t n;
	int r = 0;

	if (qflag)
		exit(OK);
	nsel++;
	if (tool.status == NOTHING)
		tool.status = OK;
	if (mmax >= 0 && nsel >= (unsigned long)mmax)
		tool.stop = 1;
	if (lflag) {
		id = article_text(a, COL_ID, &n);
		r = buf_add(&tool.out.b, id, n) == -1 ? -1 : buf_addc(&tool.out.b, '\n');
	} else if (cflag)
		;
	else if (oflag)
		kwic(a);
	else if (havesaved)
		r = buf_add(&tool.out.b, saved.p, saved.n);
	else
		r = tsv_put(&tool.out.b, a);
	tool_nomem(r);
	tool_check();
}

/* Whether the article is selected; the line kept first, when needed. */
static int
selected(struct artin *in, struct article *a)
{
	int keep = !(qflag || lflag || cflag || oflag);

	saved.n = 0;
	havesaved = 0;
	if (!indates(a))
		return 0;
	if (keep && a->line != NULL) {
		if (buf_add(&saved, a->line, a->linelen) == -1 ||
		    buf_addc(&saved, '\n') == -1)
			err(TROUBLE, NULL);
		havesaved = 1;
	}
	field_reset(fctx, a);
	if (!anyart && matches(in, a) == vflag)
		return 0;
	return passes();
}

static void
grep(struct artin *in, struct article *a)
{
	if (selected(in, a))
		put(a);
}

/*
 * Has the readers of records pass over the lines that cannot match,
 * where match_scanfor() says they may: -v selects just those, so none
 * may be passed over; -d and -n only leave out more.
 */
static void
prefilter(void)
{
	if (vflag || anyart)
		return;
	if (match_scanfor(mt, scope, nscope, aflag) == 0) {
		tool.find = match_scan;
		tool.findarg = mt;
	} else if (errno == ENOMEM)
		err(TROUBLE, NULL);
}

/* The header line of what is written, for -H. */
static void
header(void)
{
	if (qflag || cflag)
		return;
	if (lflag)
		addstr("id\n");
	else if (oflag)
		addstr("id\tfield\tparagraph\tleft\tmatch\tright\n");
	else {
		addstr(tsv_header);
		addstr("\n");
	}
}

/* Reads the options into the flags. */
static void
options(int argc, char *argv[])
{
	static const char optstring[] = "aC:cd:Ee:Ff:Hhik:L:lm:n:oqst:vwx";
	int c;

	while ((c = tool_getopt(argc, argv, optstring, longopts)) != -1) {
		switch (c) {
		case 'a': aflag = 1; break;
		case 'C':
			width = (size_t)tool_number(optarg, "-C", MAXWIDTH);
			break;
		case 'c': cflag = 1; break;
		case 'd': addrange(optarg); break;
		case 'E': Eflag = 1; break;
		case 'e':
			addsource(optarg, strlen(optarg));
			patgiven = 1;
			break;
		case 'F': Fflag = 1; break;
		case 'f':
			addfile(optarg);
			patgiven = 1;
			break;
		case 'H': Hflag = 1; break;
		case 'i': iflag = 1; break;
		case 'k': addscope(optarg); break;
		case 'l': lflag = 1; break;
		case 'm': mmax = tool_number(optarg, "-m", LONG_MAX); break;
		case 'n': addtest(optarg); break;
		case 'o': oflag = 1; break;
		case 'q': qflag = 1; break;
		case 's': tool.quiet = 1; break;
		case 'v': vflag = 1; break;
		case 'w': wflag = 1; break;
		case 'x': xflag = 1; break;
		case COLOR: color = colorwhen(optarg); break;
		default:
			tool_usage();
		}
	}
}

/*
 * The pattern: the first operand, unless patterns were given with -e or
 * -f; with -d or -n and neither, none at all, and every article is one
 * that matches.  Returns the operands left.
 */
static int
pattern(int argc, char ***argv)
{
	if (patgiven)
		return argc;
	if (nranges > 0 || ntests > 0) {
		anyart = 1;
		if (vflag || oflag)
			errx(TROUBLE, "%s needs a pattern: with -d or -n it is "
			    "given with -e, every operand being a file",
			    vflag ? "-v" : "-o");
		return argc;
	}
	if (argc == 0)
		tool_usage();
	addsource((*argv)[0], strlen((*argv)[0]));
	(*argv)++;
	return argc - 1;
}

int
main(int argc, char *argv[])
{
	/* Regular expressions take UTF-8 characters, in any locale. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C");
	tool_init("artgrep", usage, help);
	tool.status = NOTHING;
	options(argc, argv);
	argc -= optind;
	argv += optind;
	argc = pattern(argc, &argv);
	if (Eflag && Fflag)
		errx(TROUBLE, "-E and -F cannot be used together");
	if (oflag && vflag)
		errx(TROUBLE, "-o and -v cannot be used together: an article "
		    "that does not match has no match to show");
	if (nscope == 0)
		addscope("title,byline,body");
	compile();
	if ((fctx = field_new()) == NULL)
		err(TROUBLE, NULL);
	prefilter();
	if (Hflag)
		header();
	if (mmax != 0)
		tool_read(argc, argv, grep);
	if (cflag && !lflag) {
		tool_nomem(buf_addu(&tool.out.b, nsel));
		tool_nomem(buf_addc(&tool.out.b, '\n'));
	}
	field_free(fctx);
	match_free(mt);
	buf_free(&saved);
	free(found);
	free(ranges);
	free(tests);
	return tool_finish();
}
