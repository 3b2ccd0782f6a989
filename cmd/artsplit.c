/*
 * artsplit: article text in, one record per article out; -r the reverse.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>

#include "article.h"
#include "buf.h"
#include "input.h"
#include "tool.h"
#include "tsv.h"

static const char usage[] =
    "usage: artsplit [-Hhr] [-L size] [-t format] [--line-buffered] "
    "[file ...]\n";

static const char help[] =
    "  -H                    write a header line naming the columns first\n"
    TOOL_HELP_H
    TOOL_HELP_L
    "  -r                    the reverse: write records as article text\n"
    TOOL_HELP_T
    TOOL_HELP_LINEBUF
    TOOL_HELP_VERSION;

static const struct option longopts[] = {
	TOOL_LONGOPTS
};

static int Hflag, rflag;
static int narticles;

static void
put(struct artin *in, struct article *a)
{
	struct buf *b = &tool.out.b;

	(void)in;
	if (rflag) {
		if (narticles > 0)
			tool_nomem(buf_addc(b, '\n'));
		tool_nomem(article_puttext(b, a));
	} else
		tool_nomem(tsv_put(b, a));
	narticles++;
	tool_check();
}

int
main(int argc, char *argv[])
{
	int c;

	tool_init("artsplit", usage, help);
	while ((c = tool_getopt(argc, argv, "HhL:rt:", longopts)) != -1) {
		switch (c) {
		case 'H':
			Hflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		default:
			tool_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (Hflag && rflag)
		errx(TROUBLE, "-H and -r cannot be used together: article "
		    "text has no header line");
	if (Hflag) {
		tool_nomem(buf_adds(&tool.out.b, tsv_header));
		tool_nomem(buf_addc(&tool.out.b, '\n'));
	}
	tool_read(argc, argv, put);
	return tool_finish();
}
