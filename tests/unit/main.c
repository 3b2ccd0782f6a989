/*
 * The unit test runner: every suite in one SRunner.  CK_RUN_SUITE picks
 * one suite, CK_FORK=no runs in one process (for gdb and valgrind).
 */
#include <stdlib.h>

#include "tests.h"

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(article_suite());
	srunner_add_suite(sr, buf_suite());
	srunner_add_suite(sr, date_suite());
	srunner_add_suite(sr, hash_suite());
	srunner_add_suite(sr, htab_suite());
	srunner_add_suite(sr, input_suite());
	srunner_add_suite(sr, lines_suite());
	srunner_add_suite(sr, mail_suite());
	srunner_add_suite(sr, sgml_suite());
	srunner_add_suite(sr, match_suite());
	srunner_add_suite(sr, mpat_suite());
	srunner_add_suite(sr, stats_suite());
	srunner_add_suite(sr, out_suite());
	srunner_add_suite(sr, tsv_suite());
	srunner_add_suite(sr, text_suite());
	srunner_add_suite(sr, byline_suite());
	srunner_add_suite(sr, simhash_suite());
	srunner_add_suite(sr, field_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
