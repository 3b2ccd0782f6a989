/*
 * fuzz.h: what the fuzz targets share.
 *
 * Each fuzz_NAME.c defines LLVMFuzzerTestOneInput().  Built with
 * -fsanitize=fuzzer it is a libFuzzer target (make fuzz); linked with
 * replay.c it is a program that runs the target once on each file named
 * (make check, over the kept corpora), so that every input the fuzzer ever
 * kept or crashed on is run again by every build, sanitized or not.
 *
 * A target checks what the code promises and calls abort() through
 * FUZZ_ASSERT() when a promise is broken, which both drivers report as a
 * crash.
 */
#ifndef ART_FUZZ_H
#define ART_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "buf.h"
#include "input.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_ASSERT(e)	((e) ? (void)0 : \
	fuzz_fail(__FILE__, __LINE__, #e))

/* Reports a broken promise and aborts. */
void	fuzz_fail(const char *file, int line, const char *what)
#if defined(__GNUC__)
	    __attribute__((noreturn))
#endif
	    ;

/*
 * Returns the name of a file that holds the n bytes, for the readers that
 * open files by name.  The file is the same one on every call, rewritten.
 */
const char *fuzz_file(const void *, size_t n);

/*
 * Opens the bytes as an input of the given format, with a line buffer of
 * cap bytes (0: the reader's own size), so that a short input crosses
 * many buffer boundaries, and a bound of max bytes (0: none).
 */
struct artin *fuzz_open(const void *, size_t n, enum artfmt, size_t cap,
	    size_t max);

/*
 * Checks that a record line written by tsv_put() is whole: six columns,
 * one newline at its end, and, when strict, no byte that records must
 * escape anywhere else.
 */
void	fuzz_checkrecord(const char *, size_t n, int strict);

/*
 * Appends the record of an article to recs and checks it: whole and
 * strict (fuzz_checkrecord()), with a real day for its date or none, and
 * with a form in article text.
 */
void	fuzz_addrecord(struct buf *recs, struct article *);

#endif
