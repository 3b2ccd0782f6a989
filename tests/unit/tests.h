/*
 * tests.h: the Check suites of lib/, one per concern.
 */
#ifndef ART_TESTS_H
#define ART_TESTS_H

#include <check.h>

Suite	*article_suite(void);
Suite	*buf_suite(void);
Suite	*date_suite(void);
Suite	*hash_suite(void);
Suite	*htab_suite(void);
Suite	*input_suite(void);
Suite	*lines_suite(void);
Suite	*mail_suite(void);
Suite	*sgml_suite(void);
Suite	*match_suite(void);
Suite	*mpat_suite(void);
Suite	*stats_suite(void);
Suite	*out_suite(void);
Suite	*tsv_suite(void);
Suite	*text_suite(void);
Suite	*byline_suite(void);
Suite	*simhash_suite(void);
Suite	*field_suite(void);

/*
 * Writes n bytes to a new temporary file and returns its name, which the
 * caller frees after unlinking it.  The test fails when that cannot be
 * done.
 */
char	*tmpwrite(const void *, size_t n);

/*
 * Reads n bytes as a file in format fmt and returns one line for each
 * article, date|title|byline|body|start line, with the record escapes.
 * Stores the format read in *told and the warnings, one a line
 * (LINE:kept|lost:message), in *warnings, when they are not NULL.  The
 * strings stay valid until the next call.
 */
const char	*readall(const char *, size_t n, int fmt, int *told,
		    const char **warnings);

#endif
