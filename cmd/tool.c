/*
 * The skeleton of the tools: see tool.h.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "out.h"
#include "tool.h"
#include "tsv.h"

struct tool tool;

void
tool_init(const char *name)
{
	tool.name = name;
	tool.max = ARTIN_MAXDEFAULT;
	tool.fmt = FMT_AUTO;
	tool.status = OK;
	out_init(&tool.out, stdout);
}

/* -t: a format of the one table of formats, or a message naming them. */
static int
format(const char *name)
{
	struct buf b = { NULL, 0, 0 };
	int f;

	if ((f = artfmt_byname(name)) != -1 && f != FMT_AUTO)
		return f;
	for (f = FMT_AUTO + 1; f < NFMT; f++)
		if ((f > FMT_AUTO + 1 && buf_adds(&b, ", ") == -1) ||
		    buf_adds(&b, artfmt_name(f)) == -1)
			err(TROUBLE, NULL);
	buf_nul(&b);
	errx(TROUBLE, "unknown format %s; formats: %s", name, b.p);
}

int
tool_option(int c, const char *arg)
{
	switch (c) {
	case 'L':
		if (artin_parsesize(arg, &tool.max) == -1)
			errx(TROUBLE, "-L %s: not a size in bytes (a number, "
			    "with k, M or G)", arg);
		return 1;
	case 't':
		tool.fmt = format(arg);
		return 1;
	default:
		return 0;
	}
}

const char *
tool_fname(const char *path)
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

void
tool_onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	(void)arg;
	fprintf(stderr, "%s: %s:%lu: %s\n", tool.name, tool_fname(file), line,
	    msg);
	if (lost)
		tool.status = TROUBLE;
}

void
tool_cannotread(const char *path)
{
	if (!tool.quiet)
		warn("%s", tool_fname(path));
	tool.status = TROUBLE;
	tool.unread = 1;
}

struct artin *
tool_open(const char *path)
{
	struct artin *in;

	if ((in = artin_open(path, tool.fmt)) == NULL) {
		tool_cannotread(path);
		return NULL;
	}
	artin_onwarn(in, tool_onwarn, NULL);
	artin_setmax(in, tool.max);
	if (tool.find != NULL)
		artin_setfind(in, tool.find, tool.findarg);
	return in;
}

void
tool_close(struct artin *in, const char *path, int r)
{
	if (r == -1)
		tool_cannotread(path);
	artin_close(in);
}

void
tool_readfile(const char *path, tool_articlefn *fn)
{
	struct artin *in;
	struct article *a;
	int r = 0;

	if ((in = tool_open(path)) == NULL)
		return;
	while (!tool.stop && (r = artin_next(in, &a)) == 1)
		fn(in, a);
	tool_close(in, path, r);
}

void
tool_read(int argc, char *argv[], tool_articlefn *fn)
{
	int i;

	if (argc == 0)
		tool_readfile("-", fn);
	for (i = 0; i < argc; i++)
		tool_readfile(argv[i], fn);
}

void
tool_writeerr(void)
{
	if (errno == EPIPE)
		exit(tool.status);
	err(TROUBLE, errno == ENOMEM ? NULL : "write error");
}

void
tool_nomem(int r)
{
	if (r == -1)
		err(TROUBLE, NULL);
}

void
tool_check(void)
{
	if (out_check(&tool.out) == -1)
		tool_writeerr();
}

int
tool_finish(void)
{
	if (out_flush(&tool.out) == -1 || fflush(stdout) == EOF ||
	    ferror(stdout))
		tool_writeerr();
	out_free(&tool.out);
	return tool.status;
}

long
tool_number(const char *s, const char *opt, long max)
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

enum field *
tool_fields(const char *list, const char *opt, size_t *n)
{
	const char *p, *q;
	enum field *f;
	int k;

	if ((f = calloc(strlen(list) / 2 + 1, sizeof(*f))) == NULL)
		err(TROUBLE, NULL);
	*n = 0;
	for (p = list; ; p = q + 1) {
		if ((q = strchr(p, ',')) == NULL)
			q = p + strlen(p);
		if ((k = field_byname(p, (size_t)(q - p))) == -1)
			errx(TROUBLE, "%s: unknown field '%.*s'; fields: %s",
			    opt, (int)(q - p), p, field_names());
		f[(*n)++] = (enum field)k;
		if (*q == '\0')
			return f;
	}
}
