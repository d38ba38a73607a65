/*
 * test-rank.c: tandem_rank() (cache-rank.c) against FTS5's own bm25() on
 * the same rows, through a cache's connection (which registers it).
 *
 * Below the sample every phrase is counted, so the two must agree to
 * rounding, for one word, a phrase, two words and OR.  Above it, on a
 * table where a word is in every third row, the estimate must stay
 * within 1 % of bm25() (the density is even, so the extrapolation is
 * near exact); where a word is dense only in the oldest rows, the
 * estimate is wrong (too many rows) but bounded: a score of the right
 * sign, below that of a rarer word.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "tap.h"
#include "test-util.h"
#include "xmalloc.h"

/*
 * The largest relative difference between bm25() and tandem_rank() over
 * the rows matching q, and how many rows matched; -1 on an error.
 */
static double
rank_diff(sqlite3 *db, const char *q, int *rows)
{
	sqlite3_stmt	*s;
	double		 worst = 0, a, b, d;

	*rows = 0;
	if (sqlite3_prepare_v2(db, "SELECT bm25(r), tandem_rank(r,"
	    " (SELECT max(rowid) FROM r)) FROM r WHERE r MATCH ?1", -1, &s,
	    NULL) != SQLITE_OK) {
		diag("%s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		a = sqlite3_column_double(s, 0);
		b = sqlite3_column_double(s, 1);
		d = fabs(a - b) / (fabs(a) > 1e-12 ? fabs(a) : 1);
		if (d > worst)
			worst = d;
		(*rows)++;
	}
	if (sqlite3_finalize(s) != SQLITE_OK) {
		diag("%s: %s", q, sqlite3_errmsg(db));
		return -1;
	}
	return worst;
}

static int
run(sqlite3 *db, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		diag("%s: %s", sql, err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* n rows; row i holds word when i % every == 0 (and i <= dense_to). */
static int
fill(sqlite3 *db, int n, int every, int dense_to)
{
	sqlite3_stmt	*s;
	char		 text[128];
	int		 i, rc = 0;

	if (run(db, "DELETE FROM r") != 0 || run(db, "BEGIN") != 0 ||
	    sqlite3_prepare_v2(db, "INSERT INTO r (rowid, x) VALUES (?1, ?2)",
	    -1, &s, NULL) != SQLITE_OK)
		return -1;
	for (i = 1; i <= n && rc == 0; i++) {
		snprintf(text, sizeof text, "filler row %d%s and more words%s", i,
		    i % every == 0 && i <= dense_to ? " common" : "",
		    i % 7 == 0 ? " rare rare" : "");
		sqlite3_bind_int(s, 1, i);
		sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc == 0 ? run(db, "COMMIT") : -1;
}

/* tandem_rank()'s score of rowid id for q. */
static double
rank_of(sqlite3 *db, const char *q, int id)
{
	sqlite3_stmt	*s;
	double		 v = NAN;

	if (sqlite3_prepare_v2(db, "SELECT tandem_rank(r, (SELECT max(rowid)"
	    " FROM r)) FROM r WHERE r MATCH ?1 AND rowid = ?2", -1, &s,
	    NULL) != SQLITE_OK)
		return v;
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_double(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void
test_exact(sqlite3 *db)
{
	static const char *const q[] = {
		"common", "rare", "\"more words\"", "common rare",
		"common OR rare", "filler NOT rare"
	};
	size_t	i;
	double	d;
	int	rows;

	ok(fill(db, 3000, 3, 3000) == 0, "3,000 rows");
	for (i = 0; i < sizeof q / sizeof q[0]; i++) {
		d = rank_diff(db, q[i], &rows);
		ok(d >= 0 && d < 1e-9 && rows > 0, "%s: counted, as bm25()"
		    " (%d rows, worst %.3g)", q[i], rows, d);
	}
}

static void
test_estimate(sqlite3 *db)
{
	double	d, one, other;
	int	rows;

	ok(fill(db, 60000, 3, 60000) == 0, "60,000 rows, 'common' in every"
	    " third");
	d = rank_diff(db, "common", &rows);
	is_int(rows, 20000, "'common' is in 20,000 rows");
	ok(d >= 0 && d < 0.01, "estimated from a sample, within 1%% of"
	    " bm25() (worst %.3g)", d);
	d = rank_diff(db, "common rare", &rows);
	ok(d >= 0 && d < 0.01, "'common rare': within 1%% (worst %.3g)", d);

	/* Dense in the oldest 15,000 rows only: overestimated, bounded. */
	ok(fill(db, 60000, 2, 15000) == 0, "'common' only in the oldest"
	    " rows");
	one = rank_of(db, "common", 2);
	other = rank_of(db, "rare", 7);
	ok(!isnan(one) && one <= 0 && one > -10, "the estimate is wrong but"
	    " bounded: a score, not NaN or a sign flip (%g)", one);
	ok(!isnan(other) && other < one, "a rarer word still weighs more"
	    " (%g)", other);
}

int
main(void)
{
	char		 template[] = "/tmp/test-rank-XXXXXX", *dir, *path;
	char		*cause = NULL;
	struct cache	*c;

	if ((dir = test_tmpdir_make(template)) == NULL)
		return 1;
	xasprintf(&path, "%s/rank.db", dir);
	if (cache_open(path, CACHE_CREATE, &c, &cause) != 0) {
		ok(0, "cache_open: %s", cause);
		free(cause);
	} else {
		if (run(c->db, "CREATE VIRTUAL TABLE temp.r USING fts5(x)") ==
		    0) {
			test_exact(c->db);
			test_estimate(c->db);
		} else
			ok(0, "an FTS5 table");
		cache_close(c);
	}
	free(path);
	test_tmpdir_remove(dir);
	return tap_done();
}
