/*
 * list-bench.c: how long the article list's filters and orders take on
 * a large cache (make bench-list builds one of 100,000 articles with
 * tests/bench/list-cache.py): the count, the first and the last window,
 * and n (the next unread) from the middle, for each filter, the median
 * of five runs.  The unfiltered list is the baseline the reader's first
 * paint uses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"

#define RUNS	5
#define WINDOW	120	/* three screens of 40 rows, as list.c loads */

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One run: count, first window, last window, next unread; ms each. */
static int
bench_run(struct cache *c, const struct cache_filter *f,
    const char *const *pref, double t[4], long long *n)
{
	struct article_summary	*v;
	long long		*ids = NULL;
	size_t			 nv, nids, pos, last;
	char			*cause = NULL;
	double			 t0;
	int			 found, rc = 0;

	t0 = now_ms();
	if (f->sort == CACHE_SORT_TITLE) {
		rc |= cache_list_ids(c, f, pref, &ids, &nids, &cause);
		*n = (long long)nids;
	} else
		rc |= cache_list_count(c, f, n, &cause);
	t[0] = now_ms() - t0;
	last = *n > WINDOW ? (size_t)*n - WINDOW : 0;
	t0 = now_ms();
	if (ids != NULL)
		rc |= cache_list_by_ids(c, pref, ids, nids < WINDOW ? nids :
		    WINDOW, &v, &nv, &cause);
	else
		rc |= cache_list_query(c, f, pref, 0, WINDOW, &v, &nv, &cause);
	if (rc == 0)
		article_summaries_free(v, nv);
	t[1] = now_ms() - t0;
	t0 = now_ms();
	if (ids != NULL)
		rc |= cache_list_by_ids(c, pref, ids + last, nids - last, &v,
		    &nv, &cause);
	else
		rc |= cache_list_query(c, f, pref, last, WINDOW, &v, &nv,
		    &cause);
	if (rc == 0)
		article_summaries_free(v, nv);
	t[2] = now_ms() - t0;
	t0 = now_ms();
	rc |= cache_list_find_unread(c, f, pref, (size_t)*n / 2, 1, &pos,
	    &found, &cause);
	t[3] = now_ms() - t0;
	free(ids);
	if (rc != 0) {
		fprintf(stderr, "list-bench: %s\n", cause);
		free(cause);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	static const char *const ko_fr[] = { "ko", "fr", NULL };
	static const char *const pref[] = { "ko", "en", NULL };
	static const struct {
		const char		*name;
		struct cache_filter	 f;
	} t[] = {
		{ "all (baseline)",	{ 0, 0, NULL, 0 } },
		{ "unread",		{ 1, 0, NULL, 0 } },
		{ "starred",		{ 0, 1, NULL, 0 } },
		{ "has ko fr",		{ 0, 0, ko_fr, 0 } },
		{ "unread, has ko fr",	{ 1, 0, ko_fr, 0 } },
		{ "by date",		{ 0, 0, NULL, CACHE_SORT_DATE } },
		{ "by title",		{ 0, 0, NULL, CACHE_SORT_TITLE } },
	};
	struct cache	*c;
	char		*cause = NULL;
	double		 ms[4][RUNS], run[4];
	long long	 n = 0;
	size_t		 i, k, r;

	if (argc != 2) {
		fprintf(stderr, "usage: list-bench CACHE\n");
		return 2;
	}
	if (cache_open(argv[1], CACHE_READONLY, &c, &cause) != 0) {
		fprintf(stderr, "list-bench: %s\n", cause);
		return 1;
	}
	printf("%-20s %8s %9s %9s %9s %9s  (ms, median of %d)\n", "filter",
	    "rows", "count", "first", "last", "next unr", RUNS);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		for (r = 0; r < RUNS; r++) {
			if (bench_run(c, &t[i].f, pref, run, &n) != 0)
				return 1;
			for (k = 0; k < 4; k++)
				ms[k][r] = run[k];
		}
		for (k = 0; k < 4; k++)
			qsort(ms[k], RUNS, sizeof ms[k][0], cmp_double);
		printf("%-20s %8lld %9.1f %9.1f %9.1f %9.1f\n", t[i].name, n,
		    ms[0][RUNS / 2], ms[1][RUNS / 2], ms[2][RUNS / 2],
		    ms[3][RUNS / 2]);
	}
	cache_close(c);
	return 0;
}
