/*
 * Reads a whole input through artin_next() and sums it up, for the tests
 * of the format readers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "input.h"
#include "tsv.h"
#include "tests.h"

static struct buf out, warns;

static void
onwarn(void *arg, const char *file, unsigned long line, int lost,
    const char *msg)
{
	char num[64];

	(void)arg, (void)file;
	snprintf(num, sizeof(num), "%lu:%s:", line, lost ? "lost" : "kept");
	buf_adds(&warns, num);
	buf_adds(&warns, msg);
	buf_addc(&warns, '\n');
}

/* One line per article: date|title|byline|body|start line. */
static void
summarise(struct article *a)
{
	static const enum column cols[] = {
		COL_DATE, COL_TITLE, COL_BYLINE, COL_BODY
	};
	const char *p;
	size_t i, n;

	for (i = 0; i < 4; i++) {
		p = article_text(a, cols[i], &n);
		tsv_escape(&out, p, n);
		buf_addc(&out, '|');
	}
	buf_addu(&out, a->lineno);
	buf_addc(&out, '\n');
}

const char *
readall(const char *s, size_t n, int fmt, int *told, const char **warnings)
{
	struct artin *in;
	struct article *a;
	char *path;
	int r;

	out.n = warns.n = 0;
	buf_grow(&out, 1);
	buf_grow(&warns, 1);
	path = tmpwrite(s, n);
	in = artin_open(path, (enum artfmt)fmt);
	ck_assert_ptr_nonnull(in);
	artin_onwarn(in, onwarn, NULL);
	while ((r = artin_next(in, &a)) == 1)
		summarise(a);
	ck_assert_int_eq(r, 0);
	if (told != NULL)
		*told = (int)artin_format(in);
	artin_close(in);
	unlink(path);
	free(path);
	buf_nul(&out);
	buf_nul(&warns);
	if (warnings != NULL)
		*warnings = warns.p;
	return out.p;
}
