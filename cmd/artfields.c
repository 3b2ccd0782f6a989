/*
 * artfields: the named fields of each article, one TSV line per article;
 * -e one line per paragraph, sentence or quotation.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "field.h"
#include "input.h"
#include "text.h"
#include "tool.h"
#include "tsv.h"

/* The fields of the listing without -f. */
#define DEFAULT_FIELDS	"id,date,words,title"

static const char *const units[] = { "paragraphs", "sentences", "quotes" };
enum unit { UNIT_NONE = -1, UNIT_PARAGRAPHS, UNIT_SENTENCES, UNIT_QUOTES };

static const char *const unithead[] = {
	"id\tparagraph\twords\ttext",
	"id\tsentence\tparagraph\twords\ttext",
	"id\tquote\tparagraph\twords\tspeaker\ttext\tcontext"
};

static enum field *fields;
static size_t nfields;
static enum unit eunit = UNIT_NONE;
static struct fieldctx *ctx;

static const char usage[] =
    "usage: artfields [-Hh] [-e unit] [-f field,...] [-L size] [-t format]\n"
    "                 [--line-buffered] [file ...]\n";

static const char help[] =
    "  -e unit               a line per unit: paragraphs, sentences or\n"
    "                        quotes\n"
    "  -f field,...          the fields to write, in order; by default\n"
    "                        id,date,words,title\n"
    "  -H                    write a header line of the columns first\n"
    TOOL_HELP_H
    TOOL_HELP_L
    TOOL_HELP_T
    TOOL_HELP_LINEBUF
    TOOL_HELP_VERSION;

static const struct option longopts[] = {
	TOOL_LONGOPTS
};

static enum unit
parseunit(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(s, units[i]) == 0)
			return (enum unit)i;
	errx(TROUBLE, "unknown unit '%s'; units: paragraphs, sentences, "
	    "quotes", s);
}

static void
putfield(enum field f, char sep)
{
	const char *p;
	size_t n;

	if ((p = field_text(ctx, f, &n)) == NULL)
		err(TROUBLE, NULL);
	tool_nomem(tsv_escape(&tool.out.b, p, n));
	tool_nomem(buf_addc(&tool.out.b, sep));
}

static void
putnum(size_t v)
{
	tool_nomem(buf_addu(&tool.out.b, v));
	tool_nomem(buf_addc(&tool.out.b, '\t'));
}

static void
putesc(const char *p, size_t n, char sep)
{
	tool_nomem(tsv_escape(&tool.out.b, p, n));
	tool_nomem(buf_addc(&tool.out.b, sep));
}

/* The paragraphs a quotation stands in, from body. */
static void
putcontext(const char *body, size_t n, const struct texttok *t)
{
	const char *ps = t->p, *pe = t->p + t->n, *end = body + n;

	while (ps > body && ps[-1] != '\n')
		ps--;
	while (pe < end && *pe != '\n')
		pe++;
	putesc(ps, (size_t)(pe - ps), '\n');
}

/* One line per paragraph, sentence or quotation of an article. */
static void
explode(struct article *a)
{
	static const enum texttype want[] = { TT_PARA, TT_SENTENCE,
	    TT_QUOTE };
	struct textscan s;
	struct texttok t;
	const char *body, *id, *sp;
	size_t n, idn, sn;

	id = article_text(a, COL_ID, &idn);
	body = article_text(a, COL_BODY, &n);
	text_start(&s, body, n);
	while (text_scan(&s, &t) != TT_END) {
		if (t.type != want[eunit])
			continue;
		putesc(id, idn, '\t');
		putnum(t.no);
		if (eunit != UNIT_PARAGRAPHS)
			putnum(t.para);
		putnum(t.words);
		if (eunit != UNIT_QUOTES)
			putesc(t.p, t.n, '\n');
		else {
			if (!text_speaker(body, n, t.p, t.n, &sp, &sn)) {
				sp = "";
				sn = 0;
			}
			putesc(sp, sn, '\t');
			putesc(t.p, t.n, '\t');
			putcontext(body, n, &t);
		}
		/*
		 * Line by line: the quotations of a long paragraph each
		 * carry all of it, more than any bound on the input.
		 */
		tool_check();
	}
}

static void
put(struct artin *in, struct article *a)
{
	size_t i;

	(void)in;
	if (eunit != UNIT_NONE)
		explode(a);
	else {
		field_reset(ctx, a);
		for (i = 0; i < nfields; i++)
			putfield(fields[i], i + 1 < nfields ? '\t' : '\n');
	}
	tool_check();
}

static void
header(void)
{
	size_t i;

	if (eunit != UNIT_NONE)
		tool_nomem(buf_adds(&tool.out.b, unithead[eunit]));
	else
		for (i = 0; i < nfields; i++) {
			if (i > 0)
				tool_nomem(buf_addc(&tool.out.b, '\t'));
			tool_nomem(buf_adds(&tool.out.b, field_name(fields[i])));
		}
	tool_nomem(buf_addc(&tool.out.b, '\n'));
}

int
main(int argc, char *argv[])
{
	const char *flist = NULL;
	int c, Hflag = 0;

	tool_init("artfields", usage, help);
	while ((c = tool_getopt(argc, argv, "He:f:hL:t:", longopts)) != -1) {
		switch (c) {
		case 'H':
			Hflag = 1;
			break;
		case 'e':
			eunit = parseunit(optarg);
			break;
		case 'f':
			flist = optarg;
			break;
		default:
			tool_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (flist != NULL && eunit != UNIT_NONE)
		errx(TROUBLE, "-e and -f cannot be used together: -e prints "
		    "columns of its own");
	fields = tool_fields(flist != NULL ? flist : DEFAULT_FIELDS, "-f",
	    &nfields);
	if ((ctx = field_new()) == NULL)
		err(TROUBLE, NULL);
	if (Hflag)
		header();
	tool_read(argc, argv, put);
	field_free(ctx);
	free(fields);
	return tool_finish();
}
