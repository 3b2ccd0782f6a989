/*
 * failinject.so: makes one allocation fail, for the tests of how the
 * tools meet a machine out of memory.  Preloaded (LD_PRELOAD) into a
 * tool built the ordinary way, it counts the calls to malloc(), calloc()
 * and realloc() (the C library's own calls among them: fopen(),
 * strdup(), regcomp() and the rest go through them too) and makes one of
 * them return NULL with errno ENOMEM.
 *
 *	ARTKIT_FAILAT=N		call N (1, 2, ...) fails; none when unset or 0
 *	ARTKIT_FAILFROM=1	call N and every call after it fail
 *	ARTKIT_FAILSPARE=F,...	a call made, however deep, from one of the
 *				C library's functions F is never failed: for
 *				the library's own bugs (glibc's regcomp()
 *				frees twice when memory runs out in a
 *				bracket expression)
 *	ARTKIT_FAILLOG=FILE	appends one line per call to FILE:
 *				"PROGRAM N SITE", where SITE names the place in the
 *				program that asked: the addresses of the
 *				first two calls on the stack inside the
 *				program itself (not the C library), as
 *				addr2line(1) takes them, "+" joined, in
 *				hex, or "-" when there is none; " spared"
 *				follows when ARTKIT_FAILSPARE spares it
 *
 * It does the same for reading, for the tests of read errors:
 *
 *	ARTKIT_READFAIL=N	the N-th call of read() fails with EIO
 *	ARTKIT_READMAX=M	read() returns at most M bytes a call, so that
 *				a short input takes many calls
 *
 * Calls made once exit() has begun are neither counted nor failed.
 *
 * The log lets a test count the calls of a normal run, try each in turn
 * and tell which places of the program it has made fail.  This is glibc
 * and Linux only: it calls the allocator behind malloc() by its glibc
 * names and walks the stack with backtrace().
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void	*__libc_malloc(size_t);
void	*__libc_calloc(size_t, size_t);
void	*__libc_realloc(void *, size_t);
ssize_t	 __read(int, void *, size_t);

static unsigned long ncalls;	/* allocation calls so far */
static unsigned long failat;	/* the call to fail, 0 for none */
static int failfrom;		/* and every later one */
static int logfd = -1;
static int inside;		/* in the shim's own work: pass through */
static int exiting;		/* exit() has begun: pass through */
static uintptr_t lo, hi;	/* the program's code, where it is loaded */
static uintptr_t bias;		/* its load address */
static unsigned long nreads, readfail;
static struct { uintptr_t lo, hi; } spare[8];
static int nspare;
static size_t readmax;

/* Finds the executable segments of the program (the first object). */
static int
findprog(struct dl_phdr_info *info, size_t size, void *arg)
{
	const ElfW(Phdr) *ph;
	uintptr_t a, b;
	int i;

	(void)size, (void)arg;
	bias = info->dlpi_addr;
	for (i = 0; i < info->dlpi_phnum; i++) {
		ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		a = info->dlpi_addr + ph->p_vaddr;
		b = a + ph->p_memsz;
		if (lo == 0 || a < lo)
			lo = a;
		if (b > hi)
			hi = b;
	}
	return 1;
}

/* Finds where the functions named in s (comma-separated) lie. */
static void
findspare(char *s)
{
	Dl_info info;
	const ElfW(Sym) *sym;
	char *name;
	void *p;

	for (name = strtok(s, ","); name != NULL && nspare < 8;
	    name = strtok(NULL, ",")) {
		if ((p = dlsym(RTLD_DEFAULT, name)) == NULL ||
		    dladdr1(p, &info, (void **)&sym, RTLD_DL_SYMENT) == 0 ||
		    sym == NULL)
			continue;
		spare[nspare].lo = (uintptr_t)p;
		spare[nspare++].hi = (uintptr_t)p + sym->st_size;
	}
}

/* Whether the call is made from a function spared. */
static int
spared(void)
{
	void *frames[64];
	uintptr_t a;
	int i, j, nf;

	nf = backtrace(frames, 64);
	for (i = 0; i < nf; i++)
		for (j = 0; j < nspare; j++) {
			a = (uintptr_t)frames[i];
			if (a > spare[j].lo && a <= spare[j].hi)
				return 1;
		}
	return 0;
}

__attribute__((constructor)) static void
init(void)
{
	const char *s;
	void *frames[2];
	int fd;

	inside = 1;
	if ((s = getenv("ARTKIT_FAILAT")) != NULL)
		failat = strtoul(s, NULL, 10);
	failfrom = (s = getenv("ARTKIT_FAILFROM")) != NULL && *s == '1';
	if ((s = getenv("ARTKIT_READFAIL")) != NULL)
		readfail = strtoul(s, NULL, 10);
	if ((s = getenv("ARTKIT_READMAX")) != NULL)
		readmax = strtoul(s, NULL, 10);
	if ((s = getenv("ARTKIT_FAILSPARE")) != NULL) {
		static char names[256];

		snprintf(names, sizeof(names), "%s", s);
		findspare(names);
		backtrace(frames, 2);
	}
	if ((s = getenv("ARTKIT_FAILLOG")) != NULL && *s != '\0') {
		logfd = open(s, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
		    0644);
		/* Not on 0, 1 or 2, which the program may have had closed. */
		if (logfd != -1 && logfd < 10) {
			fd = fcntl(logfd, F_DUPFD_CLOEXEC, 10);
			close(logfd);
			logfd = fd;
		}
		dl_iterate_phdr(findprog, NULL);
		/* The first backtrace() loads the unwinder, which allocates. */
		backtrace(frames, 2);
	}
	inside = 0;
}

/* Writes v in base 10 or 16 at p; returns the end. */
static char *
putnum(char *p, uintptr_t v, unsigned base)
{
	char tmp[3 * sizeof(v)];
	int n = 0;

	do
		tmp[n++] = "0123456789abcdef"[v % base];
	while ((v /= base) != 0);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* Writes "N SITE\n" without allocating. */
static void
logcall(unsigned long n)
{
	void *frames[32];
	char line[128], *p = line, *start;
	const char *s;
	int i, nf, found = 0;
	uintptr_t a;

	nf = backtrace(frames, 32);
	for (s = program_invocation_short_name; *s != '\0' &&
	    p < line + 40; s++)
		*p++ = *s;
	*p++ = ' ';
	p = putnum(p, n, 10);
	*p++ = ' ';
	start = p;
	for (i = 0; i < nf && found < 2; i++) {
		a = (uintptr_t)frames[i];
		if (a < lo || a >= hi)
			continue;
		if (found++ > 0)
			*p++ = '+';
		/* The call is the byte before the return address. */
		p = putnum(p, a - 1 - bias, 16);
	}
	if (p == start)
		*p++ = '-';
	if (nspare > 0 && spared()) {
		memcpy(p, " spared", 7);
		p += 7;
	}
	*p++ = '\n';
	(void)write(logfd, line, (size_t)(p - line));
}

static void
stop(void)
{
	exiting = 1;
}

/* Counts a call; tells whether it is to fail. */
static int
fails(void)
{
	unsigned long n;

	if (inside || exiting)
		return 0;
	if (ncalls == 0) {
		/*
		 * Registered at the first call, in main(), stop() runs
		 * before the exit handlers registered earlier: those of
		 * gcov and the like, which are not the program's and which
		 * do not check for failure.
		 */
		inside = 1;
		atexit(stop);
		inside = 0;
	}
	n = ++ncalls;
	if (logfd != -1) {
		inside = 1;
		logcall(n);
		inside = 0;
	}
	if (failat != 0 && (n == failat || (failfrom && n > failat))) {
		if (nspare > 0) {
			inside = 1;
			n = spared();
			inside = 0;
			if (n)
				return 0;
		}
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return fails() ? NULL : __libc_realloc(p, n);
}

ssize_t
read(int fd, void *p, size_t n)
{
	if (readfail != 0 && ++nreads == readfail) {
		errno = EIO;
		return -1;
	}
	if (readmax > 0 && n > readmax)
		n = readmax;
	return __read(fd, p, n);
}
