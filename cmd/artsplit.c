/*
 * artsplit: article text in, one record per article out; -r the reverse.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "input.h"
#include "tool.h"
#include "tsv.h"

static int Hflag, rflag;
static int narticles;

static void
usage(void)
{
	fprintf(stderr, "usage: artsplit [-Hr] [-L size] [-t format] "
	    "[file ...]\n");
	exit(TROUBLE);
}

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

	tool_init("artsplit");
	while ((c = getopt(argc, argv, "HhL:rt:")) != -1) {
		switch (c) {
		case 'H':
			Hflag = 1;
			break;
		case 'r':
			rflag = 1;
			break;
		default:
			if (!tool_option(c, optarg))
				usage();
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
