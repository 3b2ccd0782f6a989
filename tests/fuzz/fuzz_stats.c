/*
 * artstat's reader of partials: any bytes are merged or refused with a
 * line and a reason; what was merged is printed in every report, and,
 * written out as a partial and read back, writes the same bytes again.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "stats.h"

/* The partial a state writes, in *p (to free), its length in *n. */
static void
partial(struct stats *st, char **p, size_t *n)
{
	FILE *fp;

	FUZZ_ASSERT((fp = open_memstream(p, n)) != NULL);
	FUZZ_ASSERT(stats_write(st, fp, 0) == 0);
	FUZZ_ASSERT(fclose(fp) == 0);
}

static void
reports(struct stats *st)
{
	static const enum streport reps[] = {
		REP_SUMMARY, REP_TERMS, REP_BIGRAMS, REP_NAMES, REP_NEAR
	};
	struct stout o;
	FILE *fp;
	char *p = NULL;
	size_t n = 0, i;

	FUZZ_ASSERT((fp = open_memstream(&p, &n)) != NULL);
	for (i = 0; i < sizeof(reps) / sizeof(reps[0]); i++) {
		memset(&o, 0, sizeof(o));
		o.report = reps[i];
		o.n = 5;
		o.header = 1;
		o.bits = 3;
		(void)stats_print(st, fp, &o);
	}
	FUZZ_ASSERT(fclose(fp) == 0);
	free(p);
}

/* Reads n bytes into a new state: it, or NULL when they were refused. */
static struct stats *
load(const void *data, size_t n)
{
	struct stats *st;
	struct sterr e;
	int fd;

	FUZZ_ASSERT((st = stats_new(NULL)) != NULL);
	FUZZ_ASSERT((fd = open(fuzz_file(data, n), O_RDONLY)) != -1);
	memset(&e, 0, sizeof(e));
	if (stats_load(st, fd, 0, &e) == -1) {
		FUZZ_ASSERT(e.line > 0 && e.msg[0] != '\0');
		close(fd);
		stats_free(st);
		return NULL;
	}
	close(fd);
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stats *st, *st2;
	char *p, *q;
	size_t n, m;

	if ((st = load(data, size)) == NULL)
		return 0;
	if (stats_conf(st) != NULL) {
		reports(st);
		partial(st, &p, &n);
		st2 = load(p, n);
		FUZZ_ASSERT(st2 != NULL);
		partial(st2, &q, &m);
		FUZZ_ASSERT(n == m && memcmp(p, q, n) == 0);
		free(p);
		free(q);
		stats_free(st2);
	}
	stats_free(st);
	return 0;
}
