/*
 * Dates: whatever date_check() accepts is a real day, and day numbers
 * and weekdays agree with it.
 */
#include "date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum datecheck dc;
	int y, m, d, y2, m2, d2;
	long days;

	dc = date_check((const char *)data, size, &y, &m, &d);
	if (dc != DATE_OK) {
		FUZZ_ASSERT(dc == DATE_SHAPE || dc == DATE_IMPOSSIBLE);
		FUZZ_ASSERT(dc == DATE_SHAPE || size == 10);
		return 0;
	}
	FUZZ_ASSERT(size == 10);
	FUZZ_ASSERT(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_mdays(y, m));
	days = date_days(y, m, d);
	date_civil(days, &y2, &m2, &d2);
	FUZZ_ASSERT(y2 == y && m2 == m && d2 == d);
	date_civil(days + 1, &y2, &m2, &d2);
	FUZZ_ASSERT(date_days(y2, m2, d2) == days + 1);
	FUZZ_ASSERT((date_weekday(y, m, d) + 1) % 7 ==
	    date_weekday(y2, m2, d2));
	return 0;
}
