/*
 * feed-date.c: the dates feeds write, to seconds since the epoch (UTC).
 *
 * RSS writes RFC 822 dates ("Tue, 10 Jun 2003 04:00:00 GMT"), in
 * practice with any case, a full month or day name, no seconds, a
 * numeric or named zone or none, and two-digit years; Atom and JSON
 * Feed write RFC 3339 ("2003-12-13T18:30:02.25+01:00"), in practice
 * also with a space for the T, no zone (read as UTC), a zone without
 * its colon, or a bare date.  Pure arithmetic: no locale, no tz
 * database, no libc time function, so it is the same everywhere and
 * safe from threads.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "feed.h"

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static long long
feed_date_days(long long y, int m, int d)
{
	long long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
feed_date_mdays(long long y, int m)
{
	static const int	mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/* The fields checked and made seconds; zone is east of UTC, seconds. */
static int
feed_date_make(long long y, int mo, int d, int h, int mi, int s, long zone,
    long long *out)
{
	if (y < 0 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > feed_date_mdays(y, mo))
		return -1;
	if (h < 0 || h > 24 || mi < 0 || mi > 59 || s < 0 || s > 60 ||
	    (h == 24 && (mi != 0 || s != 0)))
		return -1;
	*out = feed_date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	    zone;
	return 0;
}

/* Up to max digits at *sp; -1 if fewer than min. */
static long
feed_date_num(const char **sp, int min, int max)
{
	const char	*s = *sp;
	long		 v = 0;
	int		 n = 0;

	while (n < max && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min)
		return -1;
	*sp = s + n;
	return v;
}

static void
feed_date_space(const char **sp)
{
	while (**sp == ' ' || **sp == '\t' || **sp == '\n' || **sp == '\r')
		(*sp)++;
}

/* A numeric zone "+0900", "-05:00", "+9": seconds east, or -1 when s
   does not start with one. */
static int
feed_date_numzone(const char **sp, long *zone)
{
	const char	*s = *sp;
	long		 hh, mm = 0;
	int		 sign;

	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) {
		hh = (s[0] - '0') * 10 + (s[1] - '0');
		mm = (s[2] - '0') * 10 + (s[3] - '0');
		s += 4;
	} else {
		if ((hh = feed_date_num(&s, 1, 2)) < 0)
			return -1;
		if (*s == ':' && (mm = feed_date_num(&(const char *){ s + 1 },
		    2, 2)) >= 0)
			s += 3;
		else
			mm = 0;
	}
	if (hh > 23 || mm > 59)
		return -1;
	*zone = sign * (hh * 3600 + mm * 60);
	*sp = s;
	return 0;
}

/* RFC 822 named zones; military letters are read as UTC, as RFC 1123
   says their sign was got wrong too often to trust. */
static int
feed_date_namezone(const char **sp, long *zone)
{
	static const struct {
		const char	*name;
		int		 hours;
	} zones[] = {
		{ "GMT", 0 }, { "UTC", 0 }, { "UT", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
		{ "AKST", -9 }, { "AKDT", -8 }, { "HST", -10 },
		{ "CET", 1 }, { "CEST", 2 }, { "BST", 1 }, { "JST", 9 },
		{ "KST", 9 },
	};
	const char	*s = *sp;
	size_t		 i, n;

	for (n = 0; isalpha((unsigned char)s[n]); n++)
		;
	if (n == 0)
		return -1;
	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (strlen(zones[i].name) == n &&
		    strncasecmp(s, zones[i].name, n) == 0) {
			*zone = zones[i].hours * 3600L;
			*sp = s + n;
			return 0;
		}
	}
	if (n == 1) {
		*zone = 0;
		*sp = s + 1;
		return 0;
	}
	return -1;
}

static int
feed_date_month(const char **sp)
{
	static const char	*months[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	const char		*s = *sp;
	int			 i;

	for (i = 0; i < 12; i++) {
		if (strncasecmp(s, months[i], 3) == 0) {
			s += 3;
			while (isalpha((unsigned char)*s))
				s++;
			if (*s == '.')
				s++;
			*sp = s;
			return i + 1;
		}
	}
	return -1;
}

/* "hh:mm[:ss]" into h, mi, s. */
static int
feed_date_clock(const char **sp, int *h, int *mi, int *sec)
{
	const char	*s = *sp;
	long		 v;

	if ((v = feed_date_num(&s, 1, 2)) < 0 || *s++ != ':')
		return -1;
	*h = (int)v;
	if ((v = feed_date_num(&s, 2, 2)) < 0)
		return -1;
	*mi = (int)v;
	*sec = 0;
	if (*s == ':') {
		s++;
		if ((v = feed_date_num(&s, 2, 2)) < 0)
			return -1;
		*sec = (int)v;
	}
	*sp = s;
	return 0;
}

/* "[Day,] DD Mon YY[YY] hh:mm[:ss] [zone]". */
static int
feed_date_rfc822(const char *s, long long *out)
{
	long		 d, y, zone = 0;
	int		 mo, h = 0, mi = 0, sec = 0, digits;
	const char	*p;

	feed_date_space(&s);
	if (isalpha((unsigned char)*s)) {
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == ',')
			s++;
		feed_date_space(&s);
	}
	if ((d = feed_date_num(&s, 1, 2)) < 0)
		return -1;
	feed_date_space(&s);
	if (*s == '-')
		s++;
	if ((mo = feed_date_month(&s)) < 0)
		return -1;
	feed_date_space(&s);
	if (*s == '-')
		s++;
	p = s;
	if ((y = feed_date_num(&s, 2, 4)) < 0)
		return -1;
	digits = (int)(s - p);
	if (digits == 2)
		y += y < 50 ? 2000 : 1900;
	else if (digits == 3)
		y += 1900;
	feed_date_space(&s);
	if (*s != '\0' && feed_date_clock(&s, &h, &mi, &sec) != 0)
		return -1;
	feed_date_space(&s);
	if (*s != '\0' && feed_date_numzone(&s, &zone) != 0 &&
	    feed_date_namezone(&s, &zone) != 0)
		return -1;
	return feed_date_make(y, mo, (int)d, h, mi, sec, zone, out);
}

/* "YYYY-MM-DD[(T| )hh:mm[:ss[.frac]]][Z|+hh:mm|+hhmm]". */
static int
feed_date_rfc3339(const char *s, long long *out)
{
	long		 y, mo, d, zone = 0;
	int		 h = 0, mi = 0, sec = 0;

	feed_date_space(&s);
	if ((y = feed_date_num(&s, 4, 4)) < 0 || *s++ != '-' ||
	    (mo = feed_date_num(&s, 1, 2)) < 0 || *s++ != '-' ||
	    (d = feed_date_num(&s, 1, 2)) < 0)
		return -1;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		if (feed_date_clock(&s, &h, &mi, &sec) != 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return -1;
			while (isdigit((unsigned char)*s))
				s++;
		}
		feed_date_space(&s);
		if (*s == 'Z' || *s == 'z')
			s++;
		else if (*s != '\0' && feed_date_numzone(&s, &zone) != 0 &&
		    feed_date_namezone(&s, &zone) != 0)
			return -1;
	}
	feed_date_space(&s);
	if (*s != '\0')
		return -1;
	return feed_date_make(y, (int)mo, (int)d, h, mi, sec, zone, out);
}

int
feed_date_parse(const char *s, long long *out)
{
	const char	*p = s;

	if (s == NULL)
		return -1;
	feed_date_space(&p);
	if (feed_date_num(&(const char *){ p }, 4, 4) >= 0 &&
	    p[4] == '-')
		return feed_date_rfc3339(p, out);
	return feed_date_rfc822(p, out);
}
