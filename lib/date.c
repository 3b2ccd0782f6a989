#include <stddef.h>

#include "date.h"

static int
digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
date_mdays(int y, int m)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

enum datecheck
date_check(const char *s, size_t n, int *yp, int *mp, int *dp)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) == -1 ||
	    digits(s + 5, 2, &m) == -1 || digits(s + 8, 2, &d) == -1)
		return DATE_SHAPE;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > date_mdays(y, m))
		return DATE_IMPOSSIBLE;
	if (yp != NULL)
		*yp = y;
	if (mp != NULL)
		*mp = m;
	if (dp != NULL)
		*dp = d;
	return DATE_OK;
}

/*
 * Day numbers by the era method: a 400-year era has a fixed number of
 * days, and counting years from March puts the leap day last.
 */
long
date_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil(long z, int *yp, int *mp, int *dp)
{
	long era, doe, yoe, y, doy, mp5, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp5 = (5 * doy + 2) / 153;
	d = doy - (153 * mp5 + 2) / 5 + 1;
	m = mp5 < 10 ? mp5 + 3 : mp5 - 9;
	*yp = (int)(y + (m <= 2));
	*mp = (int)m;
	*dp = (int)d;
}

int
date_weekday(int y, int m, int d)
{
	long n = date_days(y, m, d);

	/* 1970-01-01 was a Thursday, day 3 counting from Monday. */
	return (int)(((n % 7) + 7 + 3) % 7);
}
