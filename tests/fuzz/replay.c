/*
 * Runs a fuzz target once on each file named, or on each file of each
 * directory named, as libFuzzer does when given files: the same target
 * code, built by any compiler, with or without sanitizers.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int
runfile(const char *path)
{
	FILE *fp;
	char *p = NULL;
	size_t n = 0, cap = 0, r;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (cap - n < 4096) {
			cap = cap * 2 + 4096;
			if ((p = realloc(p, cap)) == NULL) {
				perror(path);
				exit(2);
			}
		}
		if ((r = fread(p + n, 1, cap - n, fp)) == 0)
			break;
		n += r;
	}
	if (ferror(fp)) {
		perror(path);
		fclose(fp);
		free(p);
		return -1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)p, n);
	free(p);
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a directory, in name order so that runs repeat. */
static int
rundir(const char *dir, int *count)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL, *path;
	size_t n = 0, i;
	int bad = 0;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof(*names))) == NULL ||
		    (names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)) ==
		    NULL) {
			perror(dir);
			exit(2);
		}
		sprintf(names[n++], "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		path = names[i];
		if (runfile(path) == -1)
			bad = -1;
		else
			(*count)++;
		free(path);
	}
	free(names);
	return bad;
}

int
main(int argc, char *argv[])
{
	struct stat st;
	int i, count = 0, status = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			perror(argv[i]);
			status = 2;
		} else if (S_ISDIR(st.st_mode)) {
			if (rundir(argv[i], &count) == -1)
				status = 2;
		} else if (runfile(argv[i]) == -1)
			status = 2;
		else
			count++;
	}
	printf("%d inputs\n", count);
	return status;
}
