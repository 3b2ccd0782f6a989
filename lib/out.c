/* F_SETPIPE_SZ is Linux's, and glibc shows it only to _GNU_SOURCE. */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#include "buf.h"
#include "out.h"

#define PIPE_SIZE	(1024 * 1024)

void
out_widenpipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;
	int e = errno;

	/* Failure (a limit, an old kernel) leaves the pipe as it was. */
	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE);
	errno = e;
#else
	(void)fd;
#endif
}

void
out_init(struct out *o, FILE *fp)
{
	o->fp = fp;
	o->b.p = NULL;
	o->b.n = o->b.cap = 0;
	out_widenpipe(fileno(fp));
}

int
out_flush(struct out *o)
{
	if (o->b.n > 0 && fwrite(o->b.p, 1, o->b.n, o->fp) != o->b.n)
		return -1;
	o->b.n = 0;
	return 0;
}

void
out_free(struct out *o)
{
	buf_free(&o->b);
}
