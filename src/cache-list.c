/*
 * cache-list.c: the article list as a filter shows it, and the reading
 * state (read marks, stars) of what it shows.
 *
 * The unfiltered list keeps its prepared statements (cache-read.c); a
 * filter (struct cache_filter: unread, starred, languages present, an
 * order) makes its SQL here, prepared for the call and finalized after
 * it, as the filters combine in too many ways for the statement table.
 * Each filter has an index to walk in list order (cache.c: the partial
 * indexes article_unread and article_starred, article_date; a language
 * is a probe of translation's (article_id, lang) key per row), so the
 * first page of any filter reads about a page of rows.  Sorting by
 * title cannot use an index: the title shown depends on the language
 * preference, so the list takes the ids in that order once
 * (cache_list_ids(), 0.7 s at 100,000 articles) and its windows by id.
 *
 * Parameters: ?3 and ?6 are the language preference (CACHE_LANG_RANK in
 * cache-stmt.c), ?4 the limit, ?5 the offset, ?10 on the languages the
 * filter wants, in order.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "xmalloc.h"

#define CACHE_HAS_PARAM	10	/* the first language's parameter */

#define CACHE_LIST_SORT_TITLE \
	"(SELECT lower(p.title) FROM translation p WHERE p.article_id = a.id" \
	" ORDER BY " CACHE_LANG_RANK ", p.position LIMIT 1)"

int
cache_filter_empty(const struct cache_filter *f)
{
	return f == NULL || (!f->unread && !f->starred && (f->has == NULL ||
	    f->has[0] == NULL) && f->feed == 0 && f->tag == NULL &&
	    f->sort == CACHE_SORT_IMPORTED);
}

/* The WHERE conditions of f on article a, "1" for none. */
static char *
cache_list_where(const struct cache_filter *f)
{
	char	*w, *n;
	int	 i;

	w = xstrdup("1");
	if (f->unread) {
		xasprintf(&n, "%s AND a.read = 0", w);
		free(w);
		w = n;
	}
	if (f->starred) {
		xasprintf(&n, "%s AND a.starred = 1", w);
		free(w);
		w = n;
	}
	/* A feed's articles, or its tag's, through feed_entry_article. */
	if (f->feed != 0 || f->tag != NULL) {
		xasprintf(&n, "%s AND EXISTS (SELECT 1 FROM feed_entry e"
		    " WHERE e.article_id = a.id AND (e.feed_id = ?7 OR"
		    " e.feed_id IN (SELECT feed_id FROM feed_tag"
		    " WHERE tag = ?8)))", w);
		free(w);
		w = n;
	}
	for (i = 0; f->has != NULL && f->has[i] != NULL; i++) {
		xasprintf(&n, "%s AND EXISTS (SELECT 1 FROM translation x"
		    " WHERE x.article_id = a.id AND (x.lang = ?%d COLLATE"
		    " NOCASE OR (x.lang > ?%d || '-' COLLATE NOCASE AND"
		    " x.lang < ?%d || '.' COLLATE NOCASE)))", w,
		    CACHE_HAS_PARAM + i, CACHE_HAS_PARAM + i,
		    CACHE_HAS_PARAM + i);
		free(w);
		w = n;
	}
	return w;
}

/* The ORDER BY of f, for rows of article a (and title alias tt). */
static const char *
cache_list_order(const struct cache_filter *f)
{
	switch (f->sort) {
	case CACHE_SORT_DATE:
		return "a.date DESC, a.id DESC";
	case CACHE_SORT_TITLE:
		return "tt, a.id";
	default:
		return "a.imported_at DESC, a.id DESC";
	}
}

enum cache_list_kind {
	CACHE_LIST_PAGE,	/* a window of rows at an offset */
	CACHE_LIST_ALL,		/* every row, for cache_list_each() */
	CACHE_LIST_COUNT,
	CACHE_LIST_READ,	/* each row's read mark, in order */
	CACHE_LIST_MARK,	/* mark every row read */
	CACHE_LIST_IDS,		/* every row's id, in order */
};

/*
 * The SQL of one kind of query over f.  A page takes the window's ids
 * first, from the index that serves the filter, so OFFSET skips index
 * entries and not joined rows, as SQL_LIST_AT does.
 */
static char *
cache_list_sql(const struct cache_filter *f, enum cache_list_kind kind)
{
	const char	*order = cache_list_order(f);
	const char	*tt = f->sort == CACHE_SORT_TITLE ?
			    ", " CACHE_LIST_SORT_TITLE " AS tt" : "";
	char		*where, *sql;

	where = cache_list_where(f);
	switch (kind) {
	case CACHE_LIST_COUNT:
		xasprintf(&sql, "SELECT count(*) FROM article a WHERE %s",
		    where);
		break;
	case CACHE_LIST_READ:
		xasprintf(&sql, "SELECT a.read%s FROM article a WHERE %s"
		    " ORDER BY %s", tt, where, order);
		break;
	case CACHE_LIST_IDS:
		xasprintf(&sql, "SELECT a.id%s FROM article a WHERE %s"
		    " ORDER BY %s", tt, where, order);
		break;
	case CACHE_LIST_MARK:
		xasprintf(&sql, "UPDATE article SET read = 1 WHERE read = 0"
		    " AND id IN (SELECT a.id FROM article a WHERE %s)", where);
		break;
	default:
		xasprintf(&sql, "SELECT " CACHE_LIST_COLUMNS " FROM"
		    " (SELECT a.id%s FROM article a WHERE %s ORDER BY %s%s) w"
		    " JOIN article a ON a.id = w.id"
		    " JOIN source s ON s.id = a.source_id"
		    CACHE_LIST_TITLE
		    " ORDER BY %s", tt, where, order,
		    kind == CACHE_LIST_PAGE ? " LIMIT ?4 OFFSET ?5" : "",
		    f->sort == CACHE_SORT_TITLE ? "w.tt, a.id" : order);
		break;
	}
	free(where);
	return sql;
}

/* Prepare kind's SQL over f and bind the preference and languages. */
static sqlite3_stmt *
cache_list_prepare(struct cache *c, const struct cache_filter *f,
    enum cache_list_kind kind, const char *const *pref, char **cause)
{
	sqlite3_stmt	*s;
	char		*sql;
	int		 i, k;

	sql = cache_list_sql(f, kind);
	k = sqlite3_prepare_v2(c->db, sql, -1, &s, NULL);
	free(sql);
	if (k != SQLITE_OK) {
		cache_fail(c, cause, "reading the article list");
		return NULL;
	}
	for (i = 0; f->has != NULL && f->has[i] != NULL; i++)
		sqlite3_bind_text(s, CACHE_HAS_PARAM + i, f->has[i], -1,
		    SQLITE_TRANSIENT);
	if (f->feed != 0 || f->tag != NULL) {
		sqlite3_bind_int64(s, 7, f->feed);
		if (f->tag != NULL)
			sqlite3_bind_text(s, 8, f->tag, -1, SQLITE_TRANSIENT);
	}
	if (sqlite3_bind_parameter_index(s, "?3") != 0) {
		sql = cache_pref_string(pref, 0);
		sqlite3_bind_text(s, 3, sql, -1, SQLITE_TRANSIENT);
		free(sql);
		sql = cache_pref_string(pref, 1);
		sqlite3_bind_text(s, 6, sql, -1, SQLITE_TRANSIENT);
		free(sql);
	}
	return s;
}

/*
 * Rows offset to offset + limit of the list as f shows it, titles in the
 * preferred language as cache_list() picks them.
 */
int
cache_list_query(struct cache *c, const struct cache_filter *f,
    const char *const *pref, size_t offset, size_t limit,
    struct article_summary **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	void		*v;
	int		 rc;

	if (cache_filter_empty(f))
		return cache_list_at(c, pref, offset, limit, vp, np, cause);
	*vp = NULL;
	*np = 0;
	if ((s = cache_list_prepare(c, f, CACHE_LIST_PAGE, pref,
	    cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 4, limit > INT_MAX ? INT_MAX : (long long)limit);
	sqlite3_bind_int64(s, 5, offset > INT_MAX ? INT_MAX :
	    (long long)offset);
	rc = cache_rows(c, s, sizeof **vp, cache_list_row, cache_list_free,
	    &v, np, cause);
	*vp = v;
	sqlite3_finalize(s);
	return rc;
}

/*
 * Every id f shows, in order: for the title order, which no index
 * serves, so that the list sorts once (0.7 s at 100,000 articles) and
 * then loads its windows by id (cache_list_by_ids()).
 */
int
cache_list_ids(struct cache *c, const struct cache_filter *f,
    const char *const *pref, long long **idsp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	long long	*ids = NULL;
	size_t		 n = 0, size = 0;
	int		 rc;

	*idsp = NULL;
	*np = 0;
	if ((s = cache_list_prepare(c, f, CACHE_LIST_IDS, pref,
	    cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == size) {
			size = size ? size * 2 : 1024;
			ids = xreallocarray(ids, size, sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return cache_fail(c, cause, "reading the article list");
	}
	*idsp = ids;
	*np = n;
	return 0;
}

/* The rows of these ids, in their order (a JSON array for json_each()). */
int
cache_list_by_ids(struct cache *c, const char *const *pref,
    const long long *ids, size_t n, struct article_summary **vp, size_t *np,
    char **cause)
{
	sqlite3_stmt	*s;
	char		*json, *o;
	size_t		 i;
	int		 rc;

	*vp = NULL;
	*np = 0;
	o = json = xmalloc(n * 21 + 3);
	*o++ = '[';
	for (i = 0; i < n; i++)
		o += sprintf(o, "%s%lld", i ? "," : "", ids[i]);
	strcpy(o, "]");
	rc = sqlite3_prepare_v2(c->db, "SELECT " CACHE_LIST_COLUMNS
	    " FROM json_each(?7) w JOIN article a ON a.id = w.value"
	    " JOIN source s ON s.id = a.source_id" CACHE_LIST_TITLE
	    " ORDER BY w.key LIMIT ?4", -1, &s, NULL);
	if (rc != SQLITE_OK) {
		free(json);
		return cache_fail(c, cause, "reading the article list");
	}
	sqlite3_bind_text(s, 7, json, -1, free);
	rc = cache_list_run(c, s, pref, n, vp, np, cause);
	sqlite3_finalize(s);
	return rc;
}

/* Step s for one integer. */
static int
cache_list_int(struct cache *c, sqlite3_stmt *s, long long *n, char **cause)
{
	int	rc;

	*n = 0;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "counting articles");
	return 0;
}

/* How many articles f shows: the counters when they say, else a count. */
int
cache_list_count(struct cache *c, const struct cache_filter *f,
    long long *n, char **cause)
{
	struct cache_state	 st;
	struct cache_filter	 g;
	sqlite3_stmt		*s;

	g = *f;
	g.sort = CACHE_SORT_IMPORTED;
	if (cache_filter_empty(&g))
		return cache_count(c, n, cause);
	if ((g.has == NULL || g.has[0] == NULL) && g.unread != g.starred) {
		if (cache_state(c, &st, cause) != 0)
			return -1;
		*n = g.unread ? st.unread : st.starred;
		return 0;
	}
	if ((s = cache_list_prepare(c, &g, CACHE_LIST_COUNT, NULL,
	    cause)) == NULL)
		return -1;
	return cache_list_int(c, s, n, cause);
}

int
cache_state(struct cache *c, struct cache_state *st, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(st, 0, sizeof *st);
	if ((s = cache_stmt(c, SQL_STATE_COUNTS, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st->articles = sqlite3_column_int64(s, 0);
		st->unread = sqlite3_column_int64(s, 1);
		st->starred = sqlite3_column_int64(s, 2);
		st->max_id = sqlite3_column_int64(s, 3);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "counting articles");
	return 0;
}

/*
 * Every row f shows, in order, handed to fn one at a time: the command
 * line's list, which must not hold 100,000 rows at once.  One statement,
 * so one snapshot.
 */
int
cache_list_each(struct cache *c, const struct cache_filter *f,
    const char *const *pref, int (*fn)(const struct article_summary *,
    void *), void *arg, char **cause)
{
	struct cache_filter	 g;
	struct article_summary	*row;
	sqlite3_stmt		*s;
	int			 rc, stop = 0;

	if (f == NULL) {
		memset(&g, 0, sizeof g);
		f = &g;
	}
	if ((s = cache_list_prepare(c, f, CACHE_LIST_ALL, pref,
	    cause)) == NULL)
		return -1;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		row = xcalloc(1, sizeof *row);
		cache_list_row(s, row);
		stop = fn(row, arg);
		article_summaries_free(row, 1);
	}
	sqlite3_finalize(s);
	if (!stop && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading the article list");
	return 0;
}

/*
 * The row of the first unread article after row from going down (dir 1)
 * or before it going up (-1), as f shows the list; *found 0 if none.
 * One walk of the list's read marks, stopping at the answer going down.
 */
int
cache_list_find_unread(struct cache *c, const struct cache_filter *f,
    const char *const *pref, size_t from, int dir, size_t *pos, int *found,
    char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc;

	*found = 0;
	*pos = 0;
	if ((s = cache_list_prepare(c, f, CACHE_LIST_READ, pref,
	    cause)) == NULL)
		return -1;
	for (i = 0; (rc = sqlite3_step(s)) == SQLITE_ROW; i++) {
		if (dir < 0 && i >= from)
			break;
		if (sqlite3_column_int(s, 0) != 0 || (dir > 0 && i <= from))
			continue;
		*pos = i;
		*found = 1;
		if (dir > 0)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading the article list");
	return 0;
}

/*
 * Mark every article f shows read: one statement, so one transaction;
 * *changed says how many were unread.
 */
int
cache_list_mark_read(struct cache *c, const struct cache_filter *f,
    long long *changed, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*changed = 0;
	if ((s = cache_list_prepare(c, f, CACHE_LIST_MARK, NULL,
	    cause)) == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE)
		*changed = sqlite3_changes(c->db);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, "marking articles read");
	return 0;
}

/* The plan of a filtered page or count, for test-cache. */
int
cache_explain_list(struct cache *c, const struct cache_filter *f,
    enum cache_query q, char **plan, char **cause)
{
	char	*sql;
	int	 rc;

	sql = cache_list_sql(f, q == CACHE_QUERY_FILTERED_COUNT ?
	    CACHE_LIST_COUNT : CACHE_LIST_PAGE);
	rc = cache_plan(c, sql, plan, cause);
	free(sql);
	return rc;
}
