/*
 * Dates as news corpora and mail write them.  The text is cut into
 * tokens (numbers, month names, other words); weekday names, times of day
 * and zone offsets are dropped; the first tokens left are matched against
 * a few fixed patterns.  No guessing beyond them: what matches none is not
 * a date.
 */
#include <string.h>

#include "date.h"
#include "newsdate.h"

enum { T_NUM, T_MONTH, T_WORD };

struct tok {
	int	 kind;
	int	 sep;	/* the mark just before it: '-', '/', ',' ..., or 0 */
	int	 nd;	/* digits of a number */
	long	 v;	/* its value, or the month 1-12 */
	int	 zone;	/* an upper-case word of five letters at most */
};

#define MAXTOK	6

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

static int
isdigit_(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalpha_(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Tells whether a word is a name from the list, whole or cut to three
 * letters or more ("Sept", "Thurs"); returns its index or -1.
 */
static int
lookup(const char *w, size_t n, const char *const *names, int nnames)
{
	size_t i;
	int k;

	if (n < 3)
		return -1;
	for (k = 0; k < nnames; k++) {
		if (n > strlen(names[k]))
			continue;
		for (i = 0; i < n && lower(w[i]) == names[k][i]; i++)
			;
		if (i == n)
			return k;
	}
	return -1;
}

/* Tells whether a time of day (10:00, 9:30) begins at s[i]. */
static int
istime(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && isdigit_(s[j]) && j - i < 3)
		j++;
	return j - i >= 1 && j - i <= 2 && j + 1 < n && s[j] == ':' &&
	    isdigit_(s[j + 1]);
}

/* Skips a time of day at s[i] (10:00, 15:01:01.79); returns the end. */
static size_t
skiptime(const char *s, size_t n, size_t i)
{
	while (i < n && (isdigit_(s[i]) || s[i] == ':' || s[i] == '.'))
		i++;
	return i;
}

/* Reads one word or number at s[i] into t; returns the end, or i. */
static size_t
word(const char *s, size_t n, size_t i, struct tok *t)
{
	size_t j = i;
	int k;

	if (isdigit_(s[i])) {
		for (t->v = 0, t->nd = 0; j < n && isdigit_(s[j]); j++) {
			if (t->nd++ < 9)
				t->v = t->v * 10 + (s[j] - '0');
		}
		t->kind = T_NUM;
		return j;
	}
	for (t->zone = 1; j < n && isalpha_(s[j]); j++)
		if (s[j] < 'A' || s[j] > 'Z')
			t->zone = 0;
	t->zone = t->zone && j - i <= 5;
	if ((k = lookup(s + i, j - i, months, 12)) >= 0) {
		t->kind = T_MONTH;
		t->v = k + 1;
	} else
		t->kind = T_WORD;
	return j;
}

/*
 * Cuts s into at most MAXTOK tokens, leaving out weekdays, times of day
 * and zone offsets.  Returns the number of tokens.
 */
static int
tokens(const char *s, size_t n, struct tok *t)
{
	size_t i = 0, j;
	int nt = 0, sep = 0, aftertime = 0;

	while (i < n && nt < MAXTOK) {
		if (!isdigit_(s[i]) && !isalpha_(s[i])) {
			if (s[i] != ' ' && s[i] != '\t')
				sep = s[i];
			i++;
			continue;
		}
		if (istime(s, n, i)) {
			i = skiptime(s, n, i);
			sep = 0;
			aftertime = 1;
			continue;
		}
		memset(&t[nt], 0, sizeof(t[nt]));
		j = word(s, n, i, &t[nt]);
		t[nt].sep = sep;
		if (t[nt].kind == T_WORD &&
		    lookup(s + i, j - i, weekdays, 7) >= 0)
			;
		else if (t[nt].kind == T_NUM && (sep == '+' ||
		    (sep == '-' && aftertime)))
			;	/* a zone offset */
		else
			nt++;
		i = j;
		sep = 0;
		aftertime = 0;
	}
	return nt;
}

static int
year(const struct tok *t)
{
	if (t->kind != T_NUM)
		return -1;
	if (t->nd == 4)
		return (int)t->v;
	if (t->nd == 2)
		return (int)(t->v < 50 ? 2000 + t->v : 1900 + t->v);
	return -1;
}

static int
small(const struct tok *t)
{
	return t->kind == T_NUM && t->nd <= 2 ? (int)t->v : -1;
}

/* Matches the patterns; fills y, m, d or returns -1. */
static int
match(const struct tok *t, int nt, int *y, int *m, int *d)
{
	int k = 2;

	if (nt >= 1 && t[0].kind == T_NUM && (t[0].nd == 8 || t[0].nd == 6) &&
	    (nt == 1 || t[1].sep != '/')) {
		*y = t[0].nd == 8 ? (int)(t[0].v / 10000) :
		    (int)(t[0].v / 10000 < 50 ? 2000 : 1900) +
		    (int)(t[0].v / 10000);
		*m = (int)(t[0].v / 100 % 100);
		*d = (int)(t[0].v % 100);
		return 0;
	}
	if (nt < 3)
		return -1;
	if (t[0].kind == T_NUM && t[0].nd == 4 && small(&t[1]) >= 0 &&
	    small(&t[2]) >= 0 && (t[1].sep == '-' || t[1].sep == '/') &&
	    t[2].sep == t[1].sep) {
		*y = (int)t[0].v, *m = (int)t[1].v, *d = (int)t[2].v;
		return 0;
	}
	if (small(&t[0]) >= 0 && t[1].kind == T_MONTH && year(&t[2]) >= 0) {
		*d = (int)t[0].v, *m = (int)t[1].v, *y = year(&t[2]);
		return 0;
	}
	if (t[0].kind == T_MONTH && small(&t[1]) >= 0) {
		if (t[2].kind == T_WORD && t[2].zone && nt > 3)
			k = 3;
		if ((*y = year(&t[k])) < 0)
			return -1;
		*m = (int)t[0].v, *d = (int)t[1].v;
		return 0;
	}
	if (small(&t[0]) >= 0 && small(&t[1]) >= 0 && year(&t[2]) >= 0 &&
	    t[1].sep == '/' && t[2].sep == '/') {
		*m = (int)t[0].v, *d = (int)t[1].v, *y = year(&t[2]);
		return 0;
	}
	return -1;
}

static enum datecheck
output(int y, int m, int d, char iso[11])
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_mdays(y, m))
		return DATE_IMPOSSIBLE;
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = iso[7] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
	return DATE_OK;
}

enum datecheck
newsdate_parse(const char *s, size_t n, char iso[11])
{
	struct tok t[MAXTOK];
	int nt, y, m, d;

	nt = tokens(s, n, t);
	if (match(t, nt, &y, &m, &d) == -1)
		return DATE_SHAPE;
	return output(y, m, d, iso);
}

enum datecheck
newsdate_fromid(const char *s, size_t n, char iso[11])
{
	size_t i, j;
	long v;

	for (i = 0; i < n; i = j) {
		for (; i < n && !isdigit_(s[i]); i++)
			;
		for (j = i, v = 0; j < n && isdigit_(s[j]) && j - i < 9; j++)
			v = v * 10 + (s[j] - '0');
		if (j - i == 8)
			return output((int)(v / 10000), (int)(v / 100 % 100),
			    (int)(v % 100), iso);
		if (j - i == 6)
			return output((int)(v / 10000 < 50 ? 2000 : 1900) +
			    (int)(v / 10000), (int)(v / 100 % 100),
			    (int)(v % 100), iso);
		for (; j < n && isdigit_(s[j]); j++)
			;
	}
	return DATE_SHAPE;
}
