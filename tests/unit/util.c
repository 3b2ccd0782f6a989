#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"

char *
tmpwrite(const void *p, size_t n)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (dir == NULL)
		dir = "/tmp";
	path = malloc(strlen(dir) + 32);
	ck_assert_ptr_nonnull(path);
	strcpy(path, dir);
	strcat(path, "/artkit-unit.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, p, n), (ssize_t)n);
	close(fd);
	return path;
}
