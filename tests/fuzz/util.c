/*
 * What the fuzz targets share: the input as a file, and the checks of
 * the record form.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include <sys/mman.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "date.h"
#include "fuzz.h"
#include "reader.h"
#include "tsv.h"

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: broken: %s\n", file, line, what);
	abort();
}

const char *
fuzz_file(const void *p, size_t n)
{
	static char path[64];
	static int fd = -1;
	const char *dir;

#ifdef MFD_CLOEXEC
	/* A file in memory, where the system has them. */
	if (fd == -1 && (fd = memfd_create("artkit-fuzz", MFD_CLOEXEC)) != -1)
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
#endif
	if (fd == -1) {
		if ((dir = getenv("TMPDIR")) == NULL || strlen(dir) > 32)
			dir = "/tmp";
		snprintf(path, sizeof(path), "%s/artkit-fuzz.XXXXXX", dir);
		if ((fd = mkstemp(path)) == -1) {
			perror(path);
			abort();
		}
		/*
		 * Where the system names open files, the file can go at once
		 * and is gone when the process ends, whatever way it ends.
		 */
		if (access("/proc/self/fd", F_OK) == 0) {
			unlink(path);
			snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		}
	}
	FUZZ_ASSERT(ftruncate(fd, 0) == 0);
	FUZZ_ASSERT(pwrite(fd, p, n, 0) == (ssize_t)n);
	return path;
}

struct artin *
fuzz_open(const void *p, size_t n, enum artfmt fmt, size_t cap, size_t max)
{
	struct artin *in;

	in = artin_open(fuzz_file(p, n), fmt);
	FUZZ_ASSERT(in != NULL);
	/*
	 * The buffer is larger than cap; a smaller cap only makes the reader
	 * refill and grow sooner, which is what a short input needs to
	 * reach the code at buffer boundaries.
	 */
	if (cap > 0)
		in->ln.cap = cap;
	artin_setmax(in, max);
	return in;
}

void
fuzz_checkrecord(const char *p, size_t n, int strict)
{
	size_t i, tabs = 0;

	FUZZ_ASSERT(n > 0 && p[n - 1] == '\n');
	for (i = 0; i < n - 1; i++) {
		FUZZ_ASSERT(p[i] != '\n');
		if (p[i] == '\t')
			tabs++;
		else if (strict)
			FUZZ_ASSERT(p[i] != '\0' && p[i] != '\r');
	}
	FUZZ_ASSERT(tabs == NCOLS - 1);
}

void
fuzz_addrecord(struct buf *recs, struct article *a)
{
	static struct buf text;
	const char *p;
	size_t n, at = recs->n;

	FUZZ_ASSERT(tsv_put(recs, a) == 0);
	fuzz_checkrecord(recs->p + at, recs->n - at, 1);
	p = article_text(a, COL_DATE, &n);
	FUZZ_ASSERT(n == 0 || date_check(p, n, NULL, NULL, NULL) == DATE_OK);
	text.n = 0;
	FUZZ_ASSERT(article_puttext(&text, a) == 0);
}
