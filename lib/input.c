/*
 * Opening inputs, telling their format, and the parts the readers share.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "input.h"
#include "reader.h"
#include "tsv.h"

static const char *const fmtnames[NFMT] = {
	"auto", "text", "records", "trec", "reuters", "mbox", "mail"
};

const char *
artfmt_name(enum artfmt f)
{
	return f < NFMT ? fmtnames[f] : "?";
}

int
artfmt_byname(const char *s)
{
	int i;

	for (i = 0; i < NFMT; i++)
		if (strcmp(s, fmtnames[i]) == 0)
			return i;
	return -1;
}

static void
nowarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg, (void)file, (void)line, (void)lost, (void)msg;
}

struct artin *
artin_open(const char *path, enum artfmt fmt)
{
	struct artin *in;
	int fd, e;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if ((in = calloc(1, sizeof(*in))) == NULL ||
	    lines_init(&in->ln, fd) == -1) {
		e = errno;
		free(in);
		if (fd != STDIN_FILENO)
			close(fd);
		errno = e;
		return NULL;
	}
	in->fd = fd;
	in->name = path;
	in->fmt = fmt;
	in->warn = nowarn;
	return in;
}

void
artin_onwarn(struct artin *in, artin_warnfn *fn, void *arg)
{
	in->warn = fn != NULL ? fn : nowarn;
	in->warnarg = arg;
}

void
artin_setmax(struct artin *in, size_t max)
{
	in->ln.max = max;
}

int
artin_parsesize(const char *s, size_t *v)
{
	unsigned long long n = 0, d;
	int shift;

	if (*s < '0' || *s > '9') {
		errno = EINVAL;
		return -1;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		d = (unsigned long long)(*s - '0');
		if (n > (SIZE_MAX - d) / 10) {
			errno = ERANGE;
			return -1;
		}
		n = n * 10 + d;
	}
	switch (*s) {
	case '\0': shift = 0; break;
	case 'k': shift = 10; break;
	case 'M': shift = 20; break;
	case 'G': shift = 30; break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (shift > 0 && s[1] != '\0') {
		errno = EINVAL;
		return -1;
	}
	if (n > SIZE_MAX >> shift) {
		errno = ERANGE;
		return -1;
	}
	*v = (size_t)(n << shift);
	return 0;
}

void
artin_setfind(struct artin *in, lines_findfn *find, void *arg)
{
	in->find = find;
	in->findarg = arg;
}

size_t
artin_findat(const struct artin *in)
{
	return in->fmt == FMT_RECORDS ? in->ln.findat : LINES_NOFIND;
}

enum artfmt
artin_format(const struct artin *in)
{
	return in->fmt;
}

void
artin_close(struct artin *in)
{
	size_t i;

	if (in == NULL)
		return;
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	lines_free(&in->ln);
	buf_free(&in->title);
	buf_free(&in->byline);
	buf_free(&in->body);
	buf_free(&in->origin);
	for (i = 0; i < sizeof(in->aux) / sizeof(in->aux[0]); i++)
		buf_free(&in->aux[i]);
	free(in);
}

void
reader_warn(struct artin *in, unsigned long line, int lost, const char *fmt,
    ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	in->warn(in->warnarg, in->name, line, lost, msg);
}

int
reader_finish(struct artin *in, const char *date, unsigned long line)
{
	struct article *a = &in->a;
	struct buf *bufs[] = { &in->title, &in->byline, &in->origin,
	    &in->body };
	enum column cols[] = { COL_TITLE, COL_BYLINE, COL_ORIGIN, COL_BODY };
	size_t i;

	in->origin.n = 0;
	if (tsv_escape(&in->origin, in->name, strlen(in->name)) == -1 ||
	    buf_addc(&in->origin, ':') == -1 ||
	    buf_addu(&in->origin, line) == -1)
		return -1;
	memset(a, 0, sizeof(*a));
	for (i = 0; i < sizeof(a->date) - 1 && date[i] != '\0'; i++)
		a->date[i] = date[i];
	a->date[i] = '\0';
	a->col[COL_DATE].p = a->date;
	a->col[COL_DATE].n = strlen(a->date);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		/* Every column is a C string too, even an empty one. */
		if (bufs[i]->p == NULL && buf_grow(bufs[i], 1) == -1)
			return -1;
		buf_nul(bufs[i]);
		a->col[cols[i]].p = bufs[i]->p;
		a->col[cols[i]].n = bufs[i]->n;
		a->col[cols[i]].esc = in->colesc || cols[i] == COL_ORIGIN;
	}
	/* The id waits until a tool asks for it: hashing is not free. */
	a->idlater = 1;
	a->col[COL_ID].p = a->idhex;
	a->col[COL_ID].n = 16;
	a->file = in->name;
	a->lineno = line;
	return 0;
}

int
reader_line(struct artin *in, char **p, size_t *n)
{
	int r;

	in->cut = 0;
	if ((r = lines_next(&in->ln, p, n)) == -1 && errno == EFBIG)
		r = in->cut = 1;
	return r;
}

void
reader_skipped(struct artin *in, unsigned long start, unsigned long longno)
{
	if (longno != 0)
		reader_warn(in, longno, 1, "line longer than %zu bytes; the "
		    "article begun at line %lu skipped", in->ln.max, start);
	else
		reader_warn(in, start, 1, "article longer than %zu bytes "
		    "skipped", in->ln.max);
}

/* The next line of records: through find() when there is one. */
static int
recline(struct artin *in, char **p, size_t *n)
{
	int r;

	if (in->find == NULL)
		return reader_line(in, p, n);
	in->cut = 0;
	if ((r = lines_find(&in->ln, in->find, in->findarg, p, n)) == -1 &&
	    errno == EFBIG)
		r = in->cut = 1;
	return r;
}

/*
 * The records reader.  A line that is not a record is reported and
 * skipped: in a file of records it can only be damage.
 */
int
records_next(struct artin *in, struct article **ap)
{
	struct article *a = &in->a;
	char *p;
	size_t n;
	int r, ncol;

	for (;;) {
		if (in->hashold) {
			in->hashold = 0;
			p = in->held;
			n = in->heldn;
			in->cut = in->heldcut;
		} else if ((r = recline(in, &p, &n)) != 1)
			return r;
		if (in->cut) {
			/* A record is one line: the article is skipped whole. */
			reader_warn(in, in->ln.lineno, 1, "line longer than %zu "
			    "bytes skipped", in->ln.max);
			continue;
		}
		if (n > 0 && p[n - 1] == '\r')
			p[--n] = '\0';
		if (n == 0 || tsv_isheader(p, n))
			continue;
		memset(a, 0, sizeof(*a));
		if ((ncol = tsv_split(a, p, n)) != NCOLS) {
			reader_warn(in, in->ln.lineno, 1, "expected %d "
			    "tab-separated columns, found %d; line skipped",
			    NCOLS, ncol);
			continue;
		}
		if (!tsv_isid(a->col[COL_ID].p, a->col[COL_ID].n)) {
			reader_warn(in, in->ln.lineno, 1, "column 1 is not an "
			    "id of 16 lowercase hex digits; line skipped");
			continue;
		}
		if (a->col[COL_DATE].n > 0 && date_check(a->col[COL_DATE].p,
		    a->col[COL_DATE].n, NULL, NULL, NULL) != DATE_OK) {
			reader_warn(in, in->ln.lineno, 0, "column 2: %.*s is not "
			    "a date; the article is kept without one",
			    a->col[COL_DATE].n > 40 ? 40 :
			    (int)a->col[COL_DATE].n, a->col[COL_DATE].p);
			a->col[COL_DATE].n = 0;
			a->line = NULL;
		}
		a->file = in->name;
		a->lineno = in->ln.lineno;
		*ap = a;
		return 1;
	}
}

/* Drops a UTF-8 byte-order mark from the first line of a file. */
static void
dropbom(char **p, size_t *n)
{
	if (*n >= 3 && memcmp(*p, "\xef\xbb\xbf", 3) == 0) {
		*p += 3;
		*n -= 3;
	}
}

/*
 * Names the UTF-16 or UTF-32 byte-order mark a file begins with, or
 * returns NULL: such text is not read as it stands, its every other byte
 * being NUL.
 */
static const char *
widebom(const char *p, size_t n)
{
	if (n >= 4 && memcmp(p, "\xff\xfe\0\0", 4) == 0)
		return "UTF-32LE";
	if (n >= 4 && memcmp(p, "\0\0\xfe\xff", 4) == 0)
		return "UTF-32BE";
	if (n >= 2 && memcmp(p, "\xff\xfe", 2) == 0)
		return "UTF-16LE";
	if (n >= 2 && memcmp(p, "\xfe\xff", 2) == 0)
		return "UTF-16BE";
	return NULL;
}

static int
isblankline(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' &&
		    p[i] != '\v')
			return 0;
	return 1;
}

/* How each format begins, for the message when it does not. */
static const char *const fmtsigns[NFMT] = {
	"", "", "", "it does not begin with <DOC>",
	"it does not begin with <!DOCTYPE lewis or <REUTERS",
	"it does not begin with an mbox From line",
	"it does not begin with a header field (Name: value)"
};

/*
 * Whether the first line of a file, p, fits a format: strictly when
 * telling the format, loosely when it was named.
 */
static int
isformat(struct artin *in, enum artfmt f, const char *p, size_t n,
    int named)
{
	/* The bytes after the first line, as far as they have been read. */
	const char *rest = in->ln.buf + in->ln.pos;
	size_t rn = in->ln.end - in->ln.pos;

	switch (f) {
	case FMT_TREC:
		return trec_sniff(p, n);
	case FMT_REUTERS:
		return reuters_sniff(p, n);
	case FMT_MBOX:
		return mbox_sniff(p, n, rest, named ? 0 : rn);
	case FMT_MAIL:
		return named ? mail_isfield(p, n) : mail_sniff(p, n, rest, rn);
	default:
		return 1;
	}
}

/*
 * Tells the format of a file by its first line (and, for mail, more).  Of
 * a line cut at the bound only the start is known: an id and a tab make
 * it a record.
 */
static enum artfmt
tell(struct artin *in, const char *p, size_t n, int cut)
{
	static const enum artfmt order[] = {
		FMT_TREC, FMT_REUTERS, FMT_MBOX, FMT_MAIL
	};
	size_t i;

	if (cut ? n > 16 && tsv_isid(p, 16) && p[16] == '\t' :
	    tsv_isrecord(p, n) || tsv_isheader(p, n))
		return FMT_RECORDS;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (isformat(in, order[i], p, n, 0))
			return order[i];
	return FMT_TEXT;
}

/*
 * Tells the format by the first line that is not blank, and holds that
 * line back for the reader.  A form feed makes a line count as not blank
 * here: it is an article boundary, which the text reader must see.
 */
static int
detect(struct artin *in)
{
	char *p;
	size_t n;
	const char *wide;
	int r, first = 1;

	for (;;) {
		if ((r = reader_line(in, &p, &n)) != 1)
			return r;
		if (first && (wide = widebom(p, n)) != NULL) {
			reader_warn(in, in->ln.lineno, 1, "%s text, not UTF-8 "
			    "(it begins with a byte-order mark): convert it "
			    "with iconv -f %s -t UTF-8; file skipped", wide,
			    wide);
			in->refused = 1;
			return 0;
		}
		if (first)
			dropbom(&p, &n);
		first = 0;
		if (in->cut || !isblankline(p, n))
			break;
	}
	if (in->fmt == FMT_AUTO)
		in->fmt = tell(in, p, n, in->cut);
	else if (!isformat(in, in->fmt, p, n, 1)) {
		reader_warn(in, in->ln.lineno, 1, "not %s input: %s; "
		    "file skipped", artfmt_name(in->fmt), fmtsigns[in->fmt]);
		in->refused = 1;
		return 0;
	}
	in->held = p;
	in->heldn = n;
	in->heldno = in->ln.lineno;
	in->heldtrim = 0;
	in->heldesc = in->ln.hasesc;
	in->heldcut = in->cut;
	in->heldff = in->ln.cutff;
	in->hashold = 1;
	in->ln.records = in->fmt == FMT_RECORDS;
	if (in->ln.hasnul && in->fmt == FMT_TEXT && !in->cut)
		reader_warn(in, in->heldno, 0, "NUL byte kept as \\0");
	return 1;
}

int
artin_next(struct artin *in, struct article **ap)
{
	int r;

	if (in->ioerr != 0) {
		errno = in->ioerr;
		in->ioerr = 0;
		return -1;
	}
	if (in->refused)
		return 0;
	if (in->ln.lineno == 0 && !in->hashold) {
		if ((r = detect(in)) != 1)
			return r;
	}
	switch (in->fmt) {
	case FMT_RECORDS:
		return records_next(in, ap);
	case FMT_TREC:
		return trec_next(in, ap);
	case FMT_REUTERS:
		return reuters_next(in, ap);
	case FMT_MBOX:
		return mbox_next(in, ap);
	case FMT_MAIL:
		return mail_next(in, ap);
	default:
		return text_next(in, ap);
	}
}
