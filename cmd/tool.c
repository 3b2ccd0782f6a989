/*
 * The skeleton of the tools: see tool.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "out.h"
#include "tool.h"
#include "tsv.h"

#ifndef ARTKIT_VERSION
#error "ARTKIT_VERSION, the version of artkit, comes from the Makefile"
#endif

struct tool tool;

void
tool_init(const char *name, const char *usage, const char *help)
{
	tool.name = name;
	tool.usage = usage;
	tool.help = help;
	tool.max = ARTIN_MAXDEFAULT;
	tool.fmt = FMT_AUTO;
	tool.status = OK;
	/* Someone is watching a terminal: each line as it comes. */
	tool.linebuf = isatty(STDOUT_FILENO);
	out_init(&tool.out, stdout);
}

void
tool_usage(void)
{
	fputs(tool.usage, stderr);
	exit(TROUBLE);
}

/* Ends the run after --help or --version: 0, unless the write failed. */
static void
done(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		err(TROUBLE, "write error");
	exit(OK);
}

static void
help(void)
{
	printf("%s\n%s\nWith no file, or with -, read the standard input; a "
	    "folder stands for\nthe files in it.  See %s(1).\n", tool.usage,
	    tool.help, tool.name);
	done();
}

static void
version(void)
{
	printf("%s (artkit) %s\n", tool.name, ARTKIT_VERSION);
	done();
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

/*
 * The options as getopt_long() is to take them: permuted, as GNU's and
 * BSD's take them, unless POSIXLY_CORRECT is set, which musl's does not
 * heed; a leading '+' keeps the POSIX order on all of them.
 */
static const char *
optorder(const char *optstring)
{
	static char *strict;

	if (getenv("POSIXLY_CORRECT") == NULL)
		return optstring;
	if (strict == NULL) {
		if ((strict = malloc(strlen(optstring) + 2)) == NULL)
			err(TROUBLE, NULL);
		strict[0] = '+';
		strcpy(strict + 1, optstring);
	}
	return strict;
}

int
tool_getopt(int argc, char *argv[], const char *optstring,
    const struct option *longopts)
{
	int c;

	/* getopt_long() names argv[0] in its messages: the tool's name. */
	if (argc < 1)
		tool_usage();
	argv[0] = (char *)tool.name;
	for (;;) {
		switch (c = getopt_long(argc, argv, optorder(optstring),
		    longopts, NULL)) {
		case 'h':
			help();
			break;
		case 'L':
			if (artin_parsesize(optarg, &tool.max) == -1)
				errx(TROUBLE, "-L %s: not a size in bytes (a "
				    "number, with k, M or G)", optarg);
			break;
		case 't':
			tool.fmt = format(optarg);
			break;
		case TOOL_LINEBUF:
			tool.linebuf = 1;
			/* For what a tool writes through stdio itself. */
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case TOOL_VERSION:
			version();
			break;
		case '?':
		case ':':
			tool_usage();
		default:
			return c;
		}
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

/* The path of an entry of a folder, with a '/' after it for a folder. */
static char *
entrypath(const char *dir, const char *name, int isdir)
{
	size_t n = strlen(dir), len = strlen(name);
	char *p;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if ((p = malloc(n + len + 3)) == NULL)
		err(TROUBLE, NULL);
	memcpy(p, dir, n);
	if (n == 0 || dir[n - 1] != '/')
		p[n++] = '/';
	memcpy(p + n, name, len);
	n += len;
	if (isdir)
		p[n++] = '/';
	p[n] = '\0';
	return p;
}

static int
pathcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a path to an array of *n of them, with room for *cap. */
static void
addpath(char ***paths, size_t *n, size_t *cap, char *path)
{
	char **p;

	if (*n == *cap) {
		*cap = *cap * 2 + 16;
		if ((p = realloc(*paths, *cap * sizeof(*p))) == NULL)
			err(TROUBLE, NULL);
		*paths = p;
	}
	(*paths)[(*n)++] = path;
}

/*
 * The files and the folders of a folder, each as its path, a folder's
 * with a '/' after it, so that the paths sort in the byte order of the
 * files under them.  Returns their number; *paths is to be freed.
 */
static size_t
entries(DIR *d, const char *dir, char ***paths)
{
	struct dirent *e;
	struct stat sb;
	size_t n = 0, cap = 0;
	char *path;

	*paths = NULL;
	for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
		if (e->d_name[0] == '.')
			continue;
		path = entrypath(dir, e->d_name, 0);
		if (lstat(path, &sb) == -1)
			tool_cannotread(path);
		else if (S_ISREG(sb.st_mode)) {
			addpath(paths, &n, &cap, path);
			continue;
		} else if (S_ISDIR(sb.st_mode))
			addpath(paths, &n, &cap, entrypath(dir, e->d_name, 1));
		free(path);
	}
	if (errno != 0)
		tool_cannotread(dir);
	return n;
}

/* Hands fn the files under a folder, in the byte order of their paths. */
static void
walk(const char *dir, tool_filefn *fn)
{
	DIR *d;
	char **paths;
	size_t i, n, len;

	if ((d = opendir(dir)) == NULL) {
		tool_cannotread(dir);
		return;
	}
	n = entries(d, dir, &paths);
	closedir(d);
	if (n > 1)
		qsort(paths, n, sizeof(*paths), pathcmp);
	for (i = 0; i < n; i++) {
		len = strlen(paths[i]);
		if (paths[i][len - 1] == '/') {
			paths[i][len - 1] = '\0';
			walk(paths[i], fn);
		} else
			fn(paths[i]);
		free(paths[i]);
	}
	free(paths);
}

void
tool_files(int argc, char *argv[], tool_filefn *fn)
{
	struct stat sb;
	int i;

	if (argc == 0)
		fn("-");
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &sb) == 0 &&
		    S_ISDIR(sb.st_mode))
			walk(argv[i], fn);
		else
			fn(argv[i]);
	}
}

static tool_articlefn *articlefn;

static void
readone(const char *path)
{
	tool_readfile(path, articlefn);
}

void
tool_read(int argc, char *argv[], tool_articlefn *fn)
{
	articlefn = fn;
	tool_files(argc, argv, readone);
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
	if (!tool.linebuf) {
		if (out_check(&tool.out) == -1)
			tool_writeerr();
	} else if (out_flush(&tool.out) == -1 || fflush(stdout) == EOF)
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
