/*
 * cache-read.c: the reader's and the CLI's queries on articles.
 *
 * The article list (a page after a cursor, or at a row number), one
 * article with all its text or (for the reader) with its paragraphs'
 * lengths and the text read a range at a time later, read marks,
 * removal, counts and settings, all as the plain structs of article.h.
 * A whole article is read in one transaction so that an import
 * committing meanwhile cannot show half of it; so are an opened
 * article's lengths, but its text is read later, each range in its
 * own snapshot: a paragraph a re-import took away since reads as "",
 * and is laid out as what it now is.  The lengths come from each
 * translation's pack (cache-pack.c), one row, or else from the rows of
 * paragraph_bytes, after which the article is packed for next time.
 * Every other query is a single statement.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "url.h"
#include "xmalloc.h"

int
cache_count(struct cache *c, long long *n, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COUNT, cause)) == NULL)
		return -1;
	return cache_step_id(c, s, n, cause);
}

int
cache_counts(struct cache *c, struct cache_counts *n, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(n, 0, sizeof *n);
	if ((s = cache_stmt(c, SQL_COUNTS, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n->sources = sqlite3_column_int64(s, 0);
		n->articles = sqlite3_column_int64(s, 1);
		n->translations = sqlite3_column_int64(s, 2);
		n->paragraphs = sqlite3_column_int64(s, 3);
		n->comments = sqlite3_column_int64(s, 4);
		n->alignments = sqlite3_column_int64(s, 5);
		n->settings = sqlite3_column_int64(s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "counting");
	return 0;
}

/* The preference list as " ko en ja ", which the list query searches. */
char *
cache_pref_string(const char *const *pref, int primary)
{
	size_t	 i, k, n, len = 2;
	char	*s, *p;

	for (i = 0; pref != NULL && pref[i] != NULL; i++)
		len += strlen(pref[i]) + 1;
	p = s = xmalloc(len);
	*p++ = ' ';
	for (i = 0; pref != NULL && pref[i] != NULL; i++) {
		n = strlen(pref[i]);
		k = primary ? strcspn(pref[i], "-_") : n;
		for (len = 0; len < n; len++)
			*p++ = len < k ? (char)tolower((unsigned char)
			    pref[i][len]) : ' ';
		*p++ = ' ';
	}
	*p = '\0';
	return s;
}

void
cache_list_row(sqlite3_stmt *s, void *row)
{
	struct article_summary	*a = row;

	a->id = sqlite3_column_int64(s, 0);
	a->imported_at = sqlite3_column_int64(s, 1);
	a->date = cache_column_text(s, 2);
	a->read = sqlite3_column_int(s, 3);
	a->source = cache_column_text(s, 4);
	if ((a->langs = cache_column_text(s, 5)) == NULL)
		a->langs = xstrdup("");
	if ((a->title = cache_column_text(s, 6)) == NULL)
		a->title = xstrdup("");
	a->title_lang = cache_column_text(s, 7);
	a->starred = sqlite3_column_int(s, 8);
	a->feed = cache_column_text(s, 9);
}

void
cache_list_free(void *v, size_t n)
{
	article_summaries_free(v, n);
}

/* Bind the language preference and limit of a list query, fetch rows. */
int
cache_list_run(struct cache *c, sqlite3_stmt *s, const char *const *pref,
    size_t limit, struct article_summary **vp, size_t *np, char **cause)
{
	void	*v;
	char	*langs, *primary;
	int	 rc;

	langs = cache_pref_string(pref, 0);
	primary = cache_pref_string(pref, 1);
	sqlite3_bind_text(s, 3, langs, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, primary, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, limit > INT_MAX ? INT_MAX : (long long)limit);
	rc = cache_rows(c, s, sizeof **vp, cache_list_row, cache_list_free,
	    &v, np, cause);
	*vp = v;
	free(langs);
	free(primary);
	return rc;
}

/*
 * One page of the article list, newest first: at most limit rows after
 * the cursor (NULL or zero for the first page).  Titles are in the first
 * language of pref (NULL-terminated, may be NULL) the article has, else
 * in its first translation.
 */
int
cache_list(struct cache *c, const char *const *pref,
    const struct cache_cursor *after, size_t limit,
    struct article_summary **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_LIST, cause)) == NULL)
		return -1;
	if (after == NULL || (after->imported_at == 0 && after->id == 0)) {
		sqlite3_bind_int64(s, 1, LLONG_MAX);
		sqlite3_bind_int64(s, 2, LLONG_MAX);
	} else {
		sqlite3_bind_int64(s, 1, after->imported_at);
		sqlite3_bind_int64(s, 2, after->id);
	}
	return cache_list_run(c, s, pref, limit, vp, np, cause);
}

/*
 * The same page, but at a row number: for the reader's list, which jumps
 * (End, a search) where a cursor cannot follow.  Cheap enough: SQLite
 * steps through the list index without reading the rows it skips.
 */
int
cache_list_at(struct cache *c, const char *const *pref, size_t offset,
    size_t limit, struct article_summary **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_LIST_AT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 5, offset > INT_MAX ? INT_MAX : (long long)offset);
	return cache_list_run(c, s, pref, limit, vp, np, cause);
}

/* Is the cache empty?  O(1), unlike a count. */
int
cache_is_empty(struct cache *c, int *empty, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_ANY_ARTICLE, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		cache_fail(c, cause, "reading the article list");
		sqlite3_reset(s);
		return -1;
	}
	*empty = sqlite3_column_int(s, 0) == 0;
	sqlite3_reset(s);
	return 0;
}

/* Make the cursor continue the list after row last. */
void
cache_cursor_set(struct cache_cursor *cur, const struct article_summary *last)
{
	cur->imported_at = last->imported_at;
	cur->id = last->id;
}

static enum article_policy
cache_policy_value(const char *name)
{
	if (name == NULL)
		return ARTICLE_POLICY_UNKNOWN;
	if (strcmp(name, "open") == 0)
		return ARTICLE_POLICY_OPEN;
	if (strcmp(name, "login") == 0)
		return ARTICLE_POLICY_LOGIN;
	if (strcmp(name, "closed") == 0)
		return ARTICLE_POLICY_CLOSED;
	return ARTICLE_POLICY_UNKNOWN;
}

/* The article row itself; a missing id is an error. */
static int
cache_load_head(struct cache *c, long long id, struct article *a,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_ARTICLE_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->id = id;
		a->source = cache_column_text(s, 0);
		a->key = cache_column_text(s, 1);
		a->url = cache_column_text(s, 2);
		a->date = cache_column_text(s, 3);
		a->author = cache_column_text(s, 4);
		a->original = cache_column_text(s, 5);
		a->policy = cache_policy_value((const char *)
		    sqlite3_column_text(s, 6));
		a->read = sqlite3_column_int(s, 7);
		a->imported_at = sqlite3_column_int64(s, 8);
		a->updated_at = sqlite3_column_int64(s, 9);
		a->starred = sqlite3_column_int(s, 10);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return cache_failx(c, CACHE_ERR_OTHER, cause, "no article %lld",
		    id);
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "loading article");
	return 0;
}

static void
cache_paragraph_row(sqlite3_stmt *s, void *row)
{
	struct span	*p = row;

	p->len = (size_t)sqlite3_column_bytes(s, 0);
	if ((p->text = cache_column_text(s, 0)) == NULL)
		p->text = xstrdup("");
}

/* Rows read before an error; their paragraphs were not read yet. */
static void
cache_paragraphs_free(void *v, size_t n)
{
	struct span	*p = v;
	size_t		 i;

	for (i = 0; i < n; i++)
		free((char *)p[i].text);
	free(p);
}

static void
cache_translation_row(sqlite3_stmt *s, void *row)
{
	struct article_translation	*t = row;

	t->id = sqlite3_column_int64(s, 0);
	t->lang = cache_column_text(s, 1);
	t->title = cache_column_text(s, 2);
	t->title_derived = sqlite3_column_int(s, 3);
	t->lang_confidence = sqlite3_column_double(s, 4);
	t->url = cache_column_text(s, 5);
}

static void
cache_translations_free(void *v, size_t n)
{
	struct article_translation	*t = v;
	size_t				 i;

	for (i = 0; i < n; i++) {
		free(t[i].lang);
		free(t[i].title);
		free(t[i].url);
	}
	free(t);
}

static int
cache_load_translations(struct cache *c, struct article *a, char **cause)
{
	struct article_translation	*t;
	void				*v;
	size_t				 i;
	int				 rc;

	rc = cache_rows_id(c, SQL_TRANSLATIONS_LOAD, a->id, sizeof *t,
	    cache_translation_row, cache_translations_free, &v,
	    &a->ntranslations, cause);
	a->translations = v;
	if (rc != 0)
		return -1;
	for (i = 0; i < a->ntranslations; i++) {
		t = &a->translations[i];
		rc = cache_rows_id(c, SQL_PARAGRAPHS_LOAD, t->id,
		    sizeof *t->paragraphs, cache_paragraph_row,
		    cache_paragraphs_free, &v, &t->nparagraphs, cause);
		t->paragraphs = v;
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* The article and its text, read in whatever transaction is open. */
static int
cache_article_read(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	struct article	*a;

	*ap = NULL;
	a = xcalloc(1, sizeof *a);
	if (cache_load_head(c, id, a, cause) != 0 ||
	    cache_load_translations(c, a, cause) != 0) {
		article_free(a);
		return -1;
	}
	*ap = a;
	return 0;
}

/* One article with every translation and its paragraphs, in one snapshot. */
int
cache_article_load(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	int	rc;

	/* One read transaction, unless the caller (an import) has one. */
	if (!sqlite3_get_autocommit(c->db))
		return cache_article_read(c, id, ap, cause);
	if (cache_run(c, SQL_BEGIN_READ, cause) != 0)
		return -1;
	rc = cache_article_read(c, id, ap, cause);
	cache_rollback(c);
	return rc;
}

/*
 * Translation t's paragraph lengths from the index paragraph_bytes,
 * texts left NULL; *gaps is set if the positions are not 0, 1, 2, ...
 * (a cache written by hand), which the range query cannot follow.
 */
static int
cache_load_sizes(struct cache *c, struct article_translation *t, int *gaps,
    size_t *steps, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 rc;

	*gaps = 0;
	(*steps)++;	/* the step that ends it */
	if ((s = cache_stmt(c, SQL_PARAGRAPH_SIZES, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, t->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		(*steps)++;
		if (t->nparagraphs == cap) {
			cap = cap < 64 ? 64 : cap * 2;
			t->paragraphs = xreallocarray(t->paragraphs, cap,
			    sizeof *t->paragraphs);
		}
		if (sqlite3_column_int64(s, 0) != (long long)t->nparagraphs)
			*gaps = 1;
		t->paragraphs[t->nparagraphs].text = NULL;
		t->paragraphs[t->nparagraphs++].len =
		    (size_t)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading paragraph lengths");
	return 0;
}

/* The article_text_fn of an opened article: one range of the index. */
static int
cache_article_text(void *arg, struct article *a, size_t tr, size_t first,
    size_t n, char **cause)
{
	struct cache			*c = arg;
	struct article_translation	*t = &a->translations[tr];
	sqlite3_stmt			*s;
	long long			 k;
	size_t				 got = 0;
	int				 rc;

	if ((s = cache_stmt(c, SQL_PARAGRAPH_RANGE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, t->id);
	sqlite3_bind_int64(s, 2, (long long)first);
	sqlite3_bind_int64(s, 3, (long long)(first + n));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		k = sqlite3_column_int64(s, 0);
		if (k < (long long)first || k >= (long long)(first + n) ||
		    t->paragraphs[k].text != NULL)
			continue;
		if ((t->paragraphs[k].text = cache_column_text(s, 1)) == NULL)
			t->paragraphs[k].text = xstrdup("");
		t->paragraphs[k].len = (size_t)sqlite3_column_bytes(s, 1);
		got++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading the article's text");
	/* A re-import since replaced the translation (new rows, new ids). */
	if (got < n)
		return cache_failx(c, CACHE_ERR_OTHER, cause, "article %lld "
		    "changed since it was opened: open it again", a->id);
	return 0;
}

/*
 * The opened article in whatever transaction is open: 0, or 1 if some
 * translation had no pack and was read from the rows; -1 and *cause.
 */
static int
cache_article_read_lazy(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	struct article_translation	*t;
	struct article			*a;
	void				*v;
	size_t				 i;
	int				 gaps, found, unpacked = 0;

	*ap = NULL;
	a = xcalloc(1, sizeof *a);
	if (cache_load_head(c, id, a, cause) != 0 ||
	    cache_rows_id(c, SQL_TRANSLATIONS_LOAD, a->id, sizeof *t,
	    cache_translation_row, cache_translations_free, &v,
	    &a->ntranslations, cause) != 0)
		goto fail;
	a->translations = v;
	a->open_steps = 1 + a->ntranslations + 1;
	for (i = 0; i < a->ntranslations; i++) {
		t = &a->translations[i];
		a->open_steps++;
		if (cache_pack_load(c, t, &found, cause) != 0)
			goto fail;
		if (found)
			continue;
		unpacked = 1;
		if (cache_load_sizes(c, t, &gaps, &a->open_steps, cause) != 0)
			goto fail;
		if (!gaps)
			continue;
		free(t->paragraphs);
		t->paragraphs = NULL;
		t->nparagraphs = 0;
		if (cache_rows_id(c, SQL_PARAGRAPHS_LOAD, t->id,
		    sizeof *t->paragraphs, cache_paragraph_row,
		    cache_paragraphs_free, &v, &t->nparagraphs, cause) != 0)
			goto fail;
		t->paragraphs = v;
		a->open_steps += t->nparagraphs + 1;
	}
	a->text_fn = cache_article_text;
	a->text_arg = c;
	*ap = a;
	return unpacked;
fail:
	article_free(a);
	return -1;
}

/*
 * An article for the reader: every translation and its paragraphs'
 * lengths, in one snapshot, but no text; article_text_need() reads what
 * is laid out, through c, which must stay open while the article lives.
 */
int
cache_article_open(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	int	rc;

	if (!sqlite3_get_autocommit(c->db))
		return cache_article_read_lazy(c, id, ap, cause) == -1 ? -1 : 0;
	if (cache_run(c, SQL_BEGIN_READ, cause) != 0)
		return -1;
	rc = cache_article_read_lazy(c, id, ap, cause);
	cache_rollback(c);
	if (rc == -1)
		return -1;
	if (rc == 1)
		cache_pack_later(c, id);
	return 0;
}

/* Remove an article and, by cascade, everything that hangs off it. */
/* As an import finds the article to update (cache-sink.c). */
int
cache_article_by_url(struct cache *c, const char *url, long long *id,
    char **cause)
{
	sqlite3_stmt	*s;
	char		*norm;
	int		 rc;

	*id = 0;
	if ((s = cache_stmt(c, SQL_ARTICLE_BY_URL, cause)) == NULL)
		return -1;
	norm = url_normalize(url);
	cache_bind_text(s, 1, norm);
	rc = cache_step_id(c, s, id, cause);
	free(norm);
	return rc;
}

int
cache_article_remove(struct cache *c, long long id, char **cause)
{
	/* Its text leaves the full-text index at the next search. */
	if (cache_run(c, SQL_BEGIN, cause) != 0)
		return -1;
	if (cache_run_id(c, SQL_ARTICLE_REMOVE, id, cause,
	    "removing article") != 0)
		goto fail;
	if (sqlite3_changes(c->db) == 0) {
		cache_failx(c, CACHE_ERR_OTHER, cause, "no article %lld", id);
		goto fail;
	}
	if (cache_run(c, SQL_COMMIT, cause) != 0)
		goto fail;
	return 0;
fail:
	cache_rollback(c);
	return -1;
}

/* Set the read mark or the star of an article (sql says which). */
static int
cache_article_set(struct cache *c, enum cache_sql sql, long long id,
    int flag, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, flag != 0);
	if (cache_step_done(c, s, cause, "marking article") != 0)
		return -1;
	if (sqlite3_changes(c->db) == 0)
		return cache_failx(c, CACHE_ERR_OTHER, cause, "no article %lld",
		    id);
	return 0;
}

int
cache_article_set_read(struct cache *c, long long id, int flag,
    char **cause)
{
	return cache_article_set(c, SQL_ARTICLE_SET_READ, id, flag, cause);
}

int
cache_article_set_starred(struct cache *c, long long id, int flag,
    char **cause)
{
	return cache_article_set(c, SQL_ARTICLE_SET_STARRED, id, flag, cause);
}

/*
 * A setting: global when article is 0, else that article's (removed with
 * it).  *value is NULL when the key is unset.
 */
int
cache_setting_get(struct cache *c, long long article, const char *key,
    char **value, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*value = NULL;
	s = cache_stmt(c, article == 0 ? SQL_SETTING_GET : SQL_ASETTING_GET,
	    cause);
	if (s == NULL)
		return -1;
	cache_bind_text(s, 1, key);
	if (article != 0)
		sqlite3_bind_int64(s, 2, article);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*value = cache_column_text(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading setting");
	return 0;
}

/* Set a setting; a NULL value removes it. */
int
cache_setting_set(struct cache *c, long long article, const char *key,
    const char *value, char **cause)
{
	sqlite3_stmt	*s;
	enum cache_sql	 sql;

	if (value == NULL)
		sql = article == 0 ? SQL_SETTING_DELETE : SQL_ASETTING_DELETE;
	else
		sql = article == 0 ? SQL_SETTING_SET : SQL_ASETTING_SET;
	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, key);
	if (value != NULL)
		cache_bind_text(s, 2, value);
	if (article != 0)
		sqlite3_bind_int64(s, value != NULL ? 3 : 2, article);
	return cache_step_done(c, s, cause, "saving setting");
}
