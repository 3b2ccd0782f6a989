/*
 * date.h: calendar dates in the proleptic Gregorian calendar.
 */
#ifndef ART_DATE_H
#define ART_DATE_H

#include <stddef.h>

enum datecheck {
	DATE_OK,	/* YYYY-MM-DD and a real day */
	DATE_SHAPE,	/* not of the form YYYY-MM-DD */
	DATE_IMPOSSIBLE	/* of the form, but no such day (2025-02-30) */
};

/*
 * Checks that the n bytes at s are an ISO date YYYY-MM-DD naming a day
 * that exists, years 0001 to 9999.  On DATE_OK stores the parts in *y, *m
 * and *d when they are not NULL.
 */
enum datecheck	date_check(const char *s, size_t n, int *y, int *m, int *d);

/* Returns the number of days in month m (1-12) of year y. */
int		date_mdays(int y, int m);

/*
 * Returns the day number of a date: days since 1970-01-01, negative
 * before it.  Consecutive days have consecutive numbers.
 */
long		date_days(int y, int m, int d);

/* The reverse of date_days(). */
void		date_civil(long days, int *y, int *m, int *d);

/* Returns the day of the week of a date, 0 for Monday to 6 for Sunday. */
int		date_weekday(int y, int m, int d);

#endif
