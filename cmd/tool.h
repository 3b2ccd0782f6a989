/*
 * tool.h: what the four tools do alike, written once: the exit statuses,
 * the options every tool takes (-h, -L, -t, --help, --line-buffered,
 * --version) and the usage, the reading of every operand, folders among
 * them, with the messages about it, the output and its flushes, and the
 * parsing of numbers and lists of fields.  lib/ never prints or exits;
 * this does, for the tools.
 */
#ifndef ART_TOOL_H
#define ART_TOOL_H

#include <getopt.h>
#include <stddef.h>

#include "field.h"
#include "input.h"
#include "lines.h"
#include "out.h"

/* The exit statuses: success (a match), nothing found, trouble. */
enum { OK, NOTHING, TROUBLE };

/* Called for each article read, with the reader it came from. */
typedef void tool_articlefn(struct artin *, struct article *);

/* Called for each file to read, by its path ("-": standard input). */
typedef void tool_filefn(const char *path);

/*
 * The values getopt_long() gives the long options without a letter:
 * those every tool has, then from TOOL_OPT on a tool's own.
 */
enum { TOOL_LINEBUF = 256, TOOL_VERSION, TOOL_OPT };

/* The long options every tool has, to end a tool's table of them. */
#define TOOL_LONGOPTS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "line-buffered", no_argument, NULL, TOOL_LINEBUF }, \
	{ "version", no_argument, NULL, TOOL_VERSION }, \
	{ NULL, 0, NULL, 0 }

/*
 * The lines of --help for the options every tool has, for a tool's help
 * text to hold among its own, in order: the options in a column of 24.
 */
#define TOOL_HELP_H \
	"  -h, --help            print this help and exit\n"
#define TOOL_HELP_L \
	"  -L size               hold no line or article over size bytes:\n" \
	"                        64M; a number with k, M or G; 0: no bound\n"
#define TOOL_HELP_T \
	"  -t format             read every file as format: text, records,\n" \
	"                        trec, reuters, mbox or mail\n"
#define TOOL_HELP_LINEBUF \
	"      --line-buffered   write each line as soon as it is complete\n"
#define TOOL_HELP_VERSION \
	"      --version         print the version and exit\n"

struct tool {
	const char	*name;		/* for the messages about the input */
	const char	*usage;		/* the usage, as usage: NAME [...] */
	const char	*help;		/* a line per option, for --help */
	size_t		 max;		/* -L: the bound on what a reader holds */
	int		 fmt;		/* -t: the format of the input */
	int		 quiet;		/* no message on a file not read (-s) */
	int		 stop;		/* no more articles wanted (-m); the
					   files left are still opened */
	int		 status;	/* the status to exit with, as it stands:
					   TROUBLE once something went wrong */
	int		 unread;	/* a file could not be opened or read to
					   its end */
	lines_findfn	*find;		/* records: the lines worth reading */
	void		*findarg;
	int		 linebuf;	/* each line written once complete
					   (--line-buffered, a terminal) */
	struct out	 out;		/* what the tool writes, in blocks */
};

extern struct tool tool;

/*
 * Starts a tool of the name given: its status OK, its output stdout,
 * line-buffered when that is a terminal.  usage is the text of the
 * usage, help that of the options, one a line, for --help; both stay
 * the caller's.
 */
void	 tool_init(const char *name, const char *usage, const char *help);

/*
 * getopt_long(3) over the tool's options, which include "hL:t:" and end
 * with TOOL_LONGOPTS, taking those every tool has itself: -h and --help
 * print the help, --version the version, and exit 0; --line-buffered,
 * -L and -t set the tool's fields.  An unknown option, a missing value
 * or a bad value of -L or -t ends the run with a message (the usage
 * for the first two) and TROUBLE.  Returns the tool's own options, then
 * -1, optind at the first operand.  Options may stand among the
 * operands, unless POSIXLY_CORRECT is set, on any C library.
 */
int	 tool_getopt(int argc, char *argv[], const char *optstring,
	    const struct option *longopts);

/* Prints the usage on the standard error and exits TROUBLE. */
void	 tool_usage(void)
#if defined(__GNUC__)
	    __attribute__((noreturn))
#endif
	    ;

/*
 * Hands fn each file operand in turn, the standard input ("-") when
 * there is none.  A folder stands for the files in it and in the
 * folders in it, in the byte order of their paths, but those whose names
 * begin with a dot; what is neither a file nor a folder there (a
 * symbolic link, a FIFO) is passed over.  A folder that cannot be read
 * is reported and makes the status TROUBLE.
 */
void	 tool_files(int argc, char *argv[], tool_filefn *fn);

/*
 * Reads the articles of each file operand in turn, as tool_files()
 * gives them, and hands each to fn.  A file that cannot be opened or
 * read is reported and makes the status TROUBLE.
 */
void	 tool_read(int argc, char *argv[], tool_articlefn *fn);

/* Reads the articles of one file as tool_read() does. */
void	 tool_readfile(const char *path, tool_articlefn *fn);

/*
 * Says that a file could not be opened or read to its end, unless told
 * to keep quiet; the status becomes TROUBLE.
 */
void	 tool_cannotread(const char *path);

/*
 * Opens a file for reading articles as tool_read() does: the format of
 * -t, the bound of -L, the messages about the input and the find.
 * Returns NULL, having said why, when it cannot be opened.
 */
struct artin *tool_open(const char *path);

/*
 * Closes what tool_open() opened; r is what artin_next() returned last:
 * -1 is a read error, which is reported.
 */
void	 tool_close(struct artin *, const char *path, int r);

/* The reporter of problems in the input, for artin_onwarn(). */
void	 tool_onwarn(void *arg, const char *file, unsigned long line,
	    int lost, const char *msg);

/*
 * A file name as the origin column writes it (a newline as \n), so that
 * a message that names it stays one line.  The text stays valid until
 * the next call; errno is kept.
 */
const char *tool_fname(const char *path);

/*
 * Ends the run after a failed write: quietly, with the status so far,
 * when the reader of the output has gone (EPIPE); else with a message
 * (errno's alone for ENOMEM) and TROUBLE.
 */
void	 tool_writeerr(void)
#if defined(__GNUC__)
	    __attribute__((noreturn))
#endif
	    ;

/* Ends the run with the message of errno when r is -1 (ENOMEM). */
void	 tool_nomem(int r);

/*
 * Hands the output to stdio once a block is full, or at once, flushed,
 * when the output is line-buffered: a tool calls it at the end of each
 * line, or of each article.
 */
void	 tool_check(void);

/*
 * Writes what is left of the output and returns the status to exit
 * with; a write error ends the run as tool_writeerr() does.
 */
int	 tool_finish(void);

/*
 * Reads the value of option opt as a number from 0 to max, or ends the
 * run with a message.
 */
long	 tool_number(const char *s, const char *opt, long max);

/*
 * Reads a list of field names separated by commas, the value of option
 * opt, into a new array of *n fields (repetitions kept), or ends the run
 * with a message that names the fields there are.
 */
enum field *tool_fields(const char *list, const char *opt, size_t *n);

#endif
