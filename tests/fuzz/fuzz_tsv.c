/*
 * The record codec: escaping any bytes gives a column that holds no tab,
 * newline, CR or NUL and that unescapes to the same bytes; hashing the
 * escaped form piece by piece agrees with hashing it whole; a line is a
 * record exactly when it splits into six columns under an id.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fuzz.h"
#include "hash.h"
#include "tsv.h"

static void
checkescape(const uint8_t *data, size_t size, struct buf *b)
{
	struct hash64 h;
	size_t i, n;

	b->n = 0;
	FUZZ_ASSERT(tsv_escape(b, (const char *)data, size) == 0);
	FUZZ_ASSERT(b->n >= size);
	for (i = 0; i < b->n; i++)
		FUZZ_ASSERT(b->p[i] != '\t' && b->p[i] != '\n' &&
		    b->p[i] != '\r' && b->p[i] != '\0');
	hash64_init(&h, 7);
	tsv_hash(&h, (const char *)data, size);
	FUZZ_ASSERT(hash64_final(&h) == hash64(b->p, b->n, 7));
	n = tsv_unescape(b->p, b->n);
	FUZZ_ASSERT(n == size && memcmp(b->p, data, size) == 0);
}

static void
checksplit(const uint8_t *data, size_t size, struct buf *b)
{
	struct article a;
	size_t n;
	int ncol;

	b->n = 0;
	FUZZ_ASSERT(buf_add(b, data, size) == 0);
	buf_nul(b);
	memset(&a, 0, sizeof(a));
	ncol = tsv_split(&a, b->p, b->n);
	FUZZ_ASSERT(ncol >= 1);
	FUZZ_ASSERT(tsv_isrecord(b->p, b->n) == (ncol == NCOLS &&
	    tsv_isid(a.col[COL_ID].p, a.col[COL_ID].n)));
	if (ncol == NCOLS) {
		FUZZ_ASSERT(a.line == b->p && a.linelen == b->n);
		FUZZ_ASSERT(memchr(a.col[COL_BODY].p, '\t',
		    a.col[COL_BODY].n) == NULL);
	}
	/* Unescaping only ever shortens. */
	n = tsv_unescape(b->p, b->n);
	FUZZ_ASSERT(n <= size);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf b;
	char hex[17];
	uint64_t v, w;

	checkescape(data, size, &b);
	checksplit(data, size, &b);
	(void)tsv_isheader((const char *)data, size);
	if (hash_unhex((const char *)data, size, &v) == 0) {
		FUZZ_ASSERT(size == 16);
		hash_hex(hex, v);
		FUZZ_ASSERT(hash_unhex(hex, 16, &w) == 0 && w == v);
		FUZZ_ASSERT(tsv_isid(hex, 16));
	}
	return 0;
}
